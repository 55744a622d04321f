namespace Ktxh.Aggregation.Engine;

/// <summary>
/// The accepted inputs of one run in struct-of-arrays form, grouped by series (a counting sort that keeps the input
/// order inside each series, so that "the later of two equal revisions" is well defined).
/// </summary>
/// <remarks>The values are not staged: each observation's value is read from its input (<see cref="InputValues"/>),
/// and a file whose lines are all accepted, in series order, lends its own value column (a national file: 21 MiB not
/// copied).</remarks>
internal sealed class Observations
{
    public Observations(int seriesCount, int[] series, int[] unit, int[] leaf, byte[] maturity, int[]? source, bool[] converted, int count, InputValues values)
    {
        SeriesStart = new int[seriesCount + 1];
        for (int i = 0; i < count; i++)
        {
            SeriesStart[series[i] + 1]++;
        }

        for (int s = 0; s < seriesCount; s++)
        {
            SeriesStart[s + 1] += SeriesStart[s];
        }

        bool anyConverted = Array.IndexOf(converted, true, 0, count) >= 0;
        bool grouped = true;
        for (int i = 1; i < count && grouped; i++)
        {
            grouped = series[i - 1] <= series[i];
        }

        if (grouped)
        {
            // Inputs that come grouped by series (a file sorted by indicator): the counting sort would copy every array
            // to the same order, so the staging arrays are kept as they are (they may be longer than count).
            Unit = unit;
            Leaf = leaf;
            Maturity = maturity;
            Converted = anyConverted ? converted : null;
            Source = source;
            if (source is null && !anyConverted && values.Segments is { } file)
            {
                // Observation k is input k (every input before the last accepted one was): the file's values are the
                // observations' values.
                Value = new ValueColumn(file);
                return;
            }

            Value = ValueColumn.Build(count, k => values.ValueOf(SourceOf(k)));
            return;
        }

        var fill = (int[])SeriesStart.Clone();
        Unit = new int[count];
        Leaf = new int[count];
        Maturity = new byte[count];
        var sorted = new int[count];
        Converted = anyConverted ? new bool[count] : null;
        for (int i = 0; i < count; i++)
        {
            int at = fill[series[i]]++;
            Unit[at] = unit[i];
            Leaf[at] = leaf[i];
            Maturity[at] = maturity[i];
            sorted[at] = source is null ? i : source[i];
            if (Converted is not null)
            {
                Converted[at] = converted[i];
            }
        }

        Source = sorted;
        Value = ValueColumn.Build(count, k => values.ValueOf(sorted[k]));
    }

    /// <summary>Where each series' observations start; series s spans [SeriesStart[s], SeriesStart[s+1]).</summary>
    public int[] SeriesStart { get; }

    /// <summary>The reporting unit index of each observation.</summary>
    public int[] Unit { get; }

    /// <summary>The leaf period slot of each observation.</summary>
    public int[] Leaf { get; }

    /// <summary>The value, already converted to the indicator's unit of measure.</summary>
    public ValueColumn Value { get; }

    /// <summary>The maturity (1 estimate, 2 preliminary, 3 official).</summary>
    public byte[] Maturity { get; }

    /// <summary>Whether each observation was converted from another unit of measure (null when none was).</summary>
    public bool[]? Converted { get; }

    /// <summary>The index of the input each observation came from, or null when observation k is input k.</summary>
    private int[]? Source { get; }

    /// <summary>The index of the input observation <paramref name="k"/> came from.</summary>
    public int SourceOf(int k) => Source is null ? k : Source[k];
}

/// <summary>The values of a run's inputs by input index, converted to their indicator's unit of measure where the
/// input named another.</summary>
/// <param name="Count">The number of inputs.</param>
/// <param name="Segments">The file's value column when the inputs are a file's (<see cref="AggregationInputs"/>), else null.</param>
/// <param name="Raw">The value of an input as entered.</param>
/// <param name="Converted">The converted value of each input that was converted, by input index.</param>
internal sealed record InputValues(int Count, CompactDecimals[]? Segments, Func<int, decimal> Raw, Dictionary<int, decimal> Converted)
{
    /// <summary>The value of input <paramref name="index"/> in its indicator's unit of measure.</summary>
    public decimal ValueOf(int index) => Converted.Count != 0 && Converted.TryGetValue(index, out decimal v) ? v : Raw(index);
}
