using Ktxh.Aggregation.Engine;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>
/// A forward-only cursor over every aggregate of an <see cref="AggregationResult"/>, in the order of
/// <see cref="AggregationResult.Aggregates"/>, that reads the result's arrays in place: nothing is allocated and no
/// <see cref="Aggregate"/> is built per aggregate (a national run holds tens of millions). Each property reads one
/// column of the current aggregate; <see cref="Current"/> builds the whole <see cref="Aggregate"/> when wanted.
/// </summary>
/// <remarks>
/// <para>Use it in a loop on a local variable (a mutable struct: a copy has its own position):</para>
/// <code>
/// AggregateCursor c = result.GetCursor();
/// while (c.MoveNext())
/// {
///     if (c.HasValue) { total += c.Value; }
/// }
/// </code>
/// <para>The strings (codes, disaggregations) are the result's own, shared by every row. A result put together from
/// several eras' runs (a file spanning a change of units) is listed from its rows, built once on first use.</para>
/// </remarks>
public struct AggregateCursor
{
    private readonly AggregationResult _result;
    private readonly SeriesResult[]? _series;
    private readonly Aggregate[]? _rows;
    private readonly int[]? _units;
    private readonly bool[]? _isLeaf;
    private readonly int[]? _unitOf;
    private int _index;
    private SeriesResult? _r;
    private int[]? _order;
    private int _o;
    private int _k;
    private int _rowStart;
    private bool _upward;
    private int _u;
    private int _cell;

    internal AggregateCursor(AggregationResult result)
    {
        _result = result;
        _index = -1;
        _k = -1;
        _o = -1;
        if (result.IsComposite)
        {
            _rows = result.CompositeRows();
            return;
        }

        _series = [.. result.SeriesInOutputOrder()];
        _units = result.UnitsInPreOrder;
        _isLeaf = result.Rows.IsLeaf;
        _unitOf = result.Rows.UnitOf;
    }

    /// <summary>Moves to the next aggregate.</summary>
    /// <returns>Whether there is one (false after the last).</returns>
    public bool MoveNext()
    {
        if (_result is null)
        {
            return false;
        }

        if (_rows is not null)
        {
            if (_index < _rows.Length)
            {
                _index++;
            }

            return _index < _rows.Length;
        }

        while (true)
        {
            if (_r is not null)
            {
                int[] units = _units!;
                int[] unitOf = _unitOf!;
                int[] reported = _r.Reported;
                ushort[] flags = _r.Flags;
                int[] expected = _r.Expected;
                while (++_k < units.Length)
                {
                    // AggregationResult.IsListed, inlined (rows in the grid, expected units by tree unit).
                    int row = units[_k];
                    int i = _rowStart + row;
                    if (reported[i] > 0 || (flags[i] & (SeriesResult.HasValue | SeriesResult.Present)) != 0 || (_upward && !_isLeaf![row] && expected[unitOf[row]] > 0))
                    {
                        _u = unitOf[row];
                        _cell = i;
                        return true;
                    }
                }

                if (++_o < _order!.Length)
                {
                    _rowStart = _order[_o] * _r.Units;
                    _k = -1;
                    continue;
                }

                _r = null;
            }

            if (++_index >= _series!.Length)
            {
                _index = _series.Length;
                return false;
            }

            SeriesResult next = _series[_index];
            _order = _result.LocalSlotsInOrder(next);
            if (_order.Length == 0)
            {
                continue;
            }

            _r = next;
            _upward = _result.Plans[next.Series].AcrossUnits != Rule.None;
            _o = 0;
            _rowStart = _order[0] * next.Units;
            _k = -1;
        }
    }

    /// <summary>The current aggregate, built from the columns (a struct; its strings are shared).</summary>
    public readonly Aggregate Current => _rows is not null
        ? _rows[_index]
        : new Aggregate(IndicatorCode, Disaggregation, UnitCode, Period, Value, Coverage, Maturity, Flags);

    /// <summary>The indicator.</summary>
    public readonly string IndicatorCode => _rows is not null ? _rows[_index].IndicatorCode : _result.Plans[Series.Series].IndicatorCode;

    /// <summary>The disaggregation, or null for the total.</summary>
    public readonly string? Disaggregation => _rows is not null ? _rows[_index].Disaggregation : _result.Plans[Series.Series].Disaggregation;

    /// <summary>The reporting unit.</summary>
    public readonly string UnitCode => _rows is not null ? _rows[_index].UnitCode : _result.Engine.Tree.Codes[_u];

    /// <summary>The period.</summary>
    public readonly ReportingPeriod Period => _rows is not null ? _rows[_index].Period : _result.Slots.Spans[Series.Slots[_order![_o]]];

    /// <summary>Whether the aggregate has a value.</summary>
    public readonly bool HasValue => _rows is not null ? _rows[_index].Value.HasValue : (Series.Flags[_cell] & SeriesResult.HasValue) != 0;

    /// <summary>The exact value, or null when it is missing (see <see cref="Flags"/>).</summary>
    public readonly decimal? Value => _rows is not null ? _rows[_index].Value : HasValue ? Series.Value[_cell] : null;

    /// <summary>Units that reported of units expected.</summary>
    public readonly Coverage Coverage => _rows is not null ? _rows[_index].Coverage : new Coverage(Series.Reported[_cell], Series.Expected[_u]);

    /// <summary>The maturity of the least mature input, or null when there is none.</summary>
    public readonly Maturity? Maturity => _rows is not null
        ? _rows[_index].Maturity
        : Series.Maturity[_cell] is >= 1 and <= 3 ? (Maturity)Series.Maturity[_cell] : null;

    /// <summary>The flags.</summary>
    public readonly AggregateFlags Flags => _rows is not null ? _rows[_index].Flags : (AggregateFlags)(Series.Flags[_cell] & ~SeriesResult.Internal);

    private readonly SeriesResult Series => _r ?? throw new InvalidOperationException("Con trỏ không ở một giá trị tổng hợp / The cursor is not on an aggregate");
}
