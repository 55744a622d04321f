namespace Ktxh.Aggregation.Engine;

/// <summary>
/// The values of a run's observations, in segments of 2^16 like <see cref="AggregationInputs"/>' columns (held as
/// <see cref="CompactDecimals"/>), so that a file's value column can be used as it is (no second copy) when the
/// observations are its lines in file order.
/// </summary>
internal sealed class ValueColumn
{
    private readonly CompactDecimals[] _segments;

    /// <summary>A column over existing segments (not copied; never written).</summary>
    public ValueColumn(CompactDecimals[] segments) => _segments = segments;

    /// <summary>A new column of <paramref name="count"/> values, <paramref name="valueAt"/> giving each.</summary>
    public static ValueColumn Build(int count, Func<int, decimal> valueAt)
    {
        var segments = new CompactDecimals[(count + AggregationInputs.SegmentMask) >> AggregationInputs.SegmentShift];
        for (int s = 0; s < segments.Length; s++)
        {
            int n = Math.Min(AggregationInputs.SegmentSize, count - (s << AggregationInputs.SegmentShift));
            var segment = new CompactDecimals(n);
            for (int o = 0; o < n; o++)
            {
                segment[o] = valueAt((s << AggregationInputs.SegmentShift) + o);
            }

            segments[s] = segment;
        }

        return new ValueColumn(segments);
    }

    /// <summary>The value of observation <paramref name="index"/>.</summary>
    public decimal this[int index] => _segments[index >> AggregationInputs.SegmentShift][index & AggregationInputs.SegmentMask];
}
