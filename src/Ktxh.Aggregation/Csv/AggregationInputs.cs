using System.Runtime.CompilerServices;
using System.Collections;
using Ktxh.Aggregation.Engine;
using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation;

/// <summary>
/// The inputs read from one CSV file by <see cref="AggregationCsv.ReadInputs(Stream, string?)"/>, in file order,
/// with the line each started on, so that a problem the engine finds later (an
/// <see cref="AggregationIssue.InputIndex"/>) can be shown at its line.
/// </summary>
/// <remarks>Immutable; safe to share. Held in columns (about 14 bytes a value when every line follows the one before:
/// ids (byte, ushort or int: <see cref="IdColumn"/>) into tables of the distinct indicator codes, unit codes, periods, disaggregations and units of measure, the
/// exact value in 9 bytes while its mantissa fits 64 bits (<see cref="CompactDecimals"/>) and the maturity); <see cref="this[int]"/> gives each input as an <see cref="AggregationInput"/>.</remarks>
public sealed partial class AggregationInputs : IReadOnlyList<AggregationInput>
{
    /// <summary>Columns are held in segments of 2^16 values (no one large array, no copy when the file grows).</summary>
    internal const int SegmentShift = 16;

    internal const int SegmentSize = 1 << SegmentShift;

    internal const int SegmentMask = SegmentSize - 1;

    private readonly int _count;
    private readonly int _firstLine;

    internal AggregationInputs(Builder b, string? source)
    {
        Source = source;
        _count = b.Count;
        _firstLine = b.FirstLine;
        IndicatorCodes = [.. b.IndicatorCodes];
        UnitCodes = [.. b.UnitCodes];
        Periods = [.. b.Periods];
        Disaggregations = [.. b.Disaggregations];
        MeasureUnits = [.. b.Measures];
        IndicatorIds = b.IndicatorIds.Freeze();
        UnitIds = b.UnitIds.Freeze();
        PeriodIds = b.PeriodIds.Freeze();
        Values = [.. b.Values];
        Maturities = [.. b.Maturities];
        DisaggregationIds = b.DisaggregationIds is null ? null : [.. b.DisaggregationIds];
        MeasureIds = b.MeasureIds is null ? null : [.. b.MeasureIds];
        LineNumbers = b.LineNumbers is null ? null : [.. b.LineNumbers];
        Lines = new LineList(this);
    }

    /// <summary>The distinct indicator codes (id → code).</summary>
    internal string[] IndicatorCodes { get; }

    /// <summary>The distinct unit codes (id → code).</summary>
    internal string[] UnitCodes { get; }

    /// <summary>The distinct periods (id → period).</summary>
    internal ReportingPeriod[] Periods { get; }

    /// <summary>The distinct disaggregations (id → key); id 0 is the total (null).</summary>
    internal string?[] Disaggregations { get; }

    /// <summary>The distinct units of measure (id → code); id 0 is none (null).</summary>
    internal string?[] MeasureUnits { get; }

    /// <summary>Per input (by segment): the indicator id.</summary>
    internal IdColumn IndicatorIds { get; }

    /// <summary>Per input (by segment): the unit id.</summary>
    internal IdColumn UnitIds { get; }

    /// <summary>Per input (by segment): the period id.</summary>
    internal IdColumn PeriodIds { get; }

    /// <summary>Per input (by segment): the value.</summary>
    internal CompactDecimals[] Values { get; }

    /// <summary>Per input (by segment): the maturity (1–3).</summary>
    internal byte[][] Maturities { get; }

    /// <summary>Per input (by segment): the disaggregation id, or null when every input is a total.</summary>
    internal int[][]? DisaggregationIds { get; }

    /// <summary>Per input (by segment): the unit of measure id, or null when no input names one.</summary>
    internal int[][]? MeasureIds { get; }

    /// <summary>Per input (by segment): the line, or null when input i is on line <c>first + i</c>.</summary>
    internal int[][]? LineNumbers { get; }

    /// <summary>The file the inputs were read from, or null when not given.</summary>
    public string? Source { get; }

    /// <summary>The 1-based line each input started on (same order as the inputs).</summary>
    public IReadOnlyList<int> Lines { get; }

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public AggregationInput this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            int s = index >> SegmentShift;
            int o = index & SegmentMask;
            return new AggregationInput(
                IndicatorCodes[IndicatorIds[s][o]],
                UnitCodes[UnitIds[s][o]],
                Periods[PeriodIds[s][o]],
                Values[s][o],
                (Maturity)Maturities[s][o],
                DisaggregationIds is null ? null : Disaggregations[DisaggregationIds[s][o]],
                MeasureIds is null ? null : MeasureUnits[MeasureIds[s][o]]);
        }
    }

    /// <summary>
    /// The last day of the latest period among the inputs whose indicator <paramref name="includeIndicator"/> accepts
    /// (each distinct code is asked once; no input is materialised): what <c>ktxh aggregate</c> takes as today's date
    /// when none is given, so that a line of an unknown indicator never moves it (issue 9 §1).
    /// </summary>
    /// <param name="includeIndicator">Whether the inputs of an indicator code count.</param>
    /// <returns>The day, or null when no input counts.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="includeIndicator"/> is null.</exception>
    public LocalDate? LatestPeriodEnd(Func<string, bool> includeIndicator)
    {
        ArgumentNullException.ThrowIfNull(includeIndicator);
        var counts = new bool[IndicatorCodes.Length];
        for (int i = 0; i < counts.Length; i++)
        {
            counts[i] = IndicatorCodes[i] is { } code && includeIndicator(code);
        }

        // One pass over the two id columns marks the periods used (no date compared per line: from ReadyToRun code
        // NodaTime's comparison is a call); then each used period's end once.
        var used = new bool[Periods.Length];
        for (int s = 0; s < IndicatorIds.Length; s++)
        {
            IdSegment indicators = IndicatorIds[s];
            IdSegment periods = PeriodIds[s];
            int n = Math.Min(SegmentSize, _count - (s << SegmentShift));
            for (int o = 0; o < n; o++)
            {
                if (counts[indicators[o]])
                {
                    used[periods[o]] = true;
                }
            }
        }

        bool any = false;
        LocalDate latest = default;
        for (int p = 0; p < used.Length; p++)
        {
            LocalDate end = Periods[p].IsDefault ? LocalDate.MinIsoValue : Periods[p].End;
            if (used[p] && (!any || end > latest))
            {
                latest = end;
                any = true;
            }
        }

        return any ? latest : null;
    }

    /// <summary>The line of input <paramref name="index"/> (checked by the caller).</summary>
    internal int LineOf(int index) => LineNumbers is null ? _firstLine + index : LineNumbers[index >> SegmentShift][index & SegmentMask];

    /// <summary>The location of an input in the file: its source and line.</summary>
    /// <param name="index">The 0-based index of the input (as in <see cref="AggregationIssue.InputIndex"/>).</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not an index of an input.</exception>
    public ErrorLocation LocationOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
        return new ErrorLocation { Source = Source, Line = LineOf(index) };
    }

    /// <inheritdoc />
    public IEnumerator<AggregationInput> GetEnumerator()
    {
        for (int i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The lines, computed from the columns.</summary>
    private sealed class LineList(AggregationInputs inputs) : IReadOnlyList<int>
    {
        public int Count => inputs._count;

        public int this[int index]
        {
            get
            {
                if ((uint)index >= (uint)inputs._count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return inputs.LineOf(index);
            }
        }

        public IEnumerator<int> GetEnumerator()
        {
            for (int i = 0; i < inputs._count; i++)
            {
                yield return inputs.LineOf(i);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// Gathers the chunks a reader read, in file order: maps each chunk's local ids onto the file's (distinct codes and
    /// periods in order of first appearance) and appends its columns.
    /// </summary>
    internal sealed partial class Builder
    {
        private readonly Dictionary<string, int> _indicatorIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _unitIds = new(StringComparer.Ordinal);
        private readonly Dictionary<ReportingPeriod, int> _periodIds = [];
        private readonly Dictionary<string, int> _disaggregationIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _measureIds = new(StringComparer.Ordinal);

        public int Count { get; private set; }

        public int FirstLine { get; private set; } = -1;

        public List<string> IndicatorCodes { get; } = [];

        public List<string> UnitCodes { get; } = [];

        public List<ReportingPeriod> Periods { get; } = [];

        public List<string?> Disaggregations { get; } = [null];

        public List<string?> Measures { get; } = [null];

        public IdColumn IndicatorIds { get; } = new();

        public IdColumn UnitIds { get; } = new();

        public IdColumn PeriodIds { get; } = new();

        public List<CompactDecimals> Values { get; } = [];

        public List<byte[]> Maturities { get; } = [];

        public List<int[]>? DisaggregationIds { get; private set; }

        public List<int[]>? MeasureIds { get; private set; }

        public List<int[]>? LineNumbers { get; private set; }

        /// <summary>Appends a chunk's inputs; <paramref name="linesBefore"/> lines of the file precede the chunk.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(InputChunkReader chunk, int linesBefore)
        {
            int n = chunk.Count;
            if (n == 0)
            {
                return;
            }

            int start = Count;
            EnsureSegments(start + n);
            IndicatorIds.WriteMapped(chunk.Indicator, n, start, Map(chunk.IndicatorCodes, IndicatorCodes, _indicatorIds, emptyIsNull: false), IndicatorCodes.Count);
            UnitIds.WriteMapped(chunk.Unit, n, start, Map(chunk.UnitCodes, UnitCodes, _unitIds, emptyIsNull: false), UnitCodes.Count);
            PeriodIds.WriteMapped(chunk.Period, n, start, MapPeriods(chunk.PeriodEntries), Periods.Count);
            CopyValues(chunk.Value, n, start, Values);
            Copy(chunk.Maturity, n, start, Maturities);
            if (chunk.Layout!.Disaggregation >= 0)
            {
                int[] map = MapOptional(chunk.DisaggregationCodes, Disaggregations, _disaggregationIds, emptyIsNull: true);
                if (DisaggregationIds is null && HasNonZero(chunk.Disaggregation, n, map))
                {
                    DisaggregationIds = Zeros(start + n);
                }

                if (DisaggregationIds is not null)
                {
                    CopyMapped(chunk.Disaggregation, n, start, map, DisaggregationIds);
                }
            }

            if (chunk.Layout.Measure >= 0)
            {
                int[] map = MapOptional(chunk.MeasureCodes, Measures, _measureIds, emptyIsNull: true);
                if (MeasureIds is null && HasNonZero(chunk.Measure, n, map))
                {
                    MeasureIds = Zeros(start + n);
                }

                if (MeasureIds is not null)
                {
                    CopyMapped(chunk.Measure, n, start, map, MeasureIds);
                }
            }

            AddLines(chunk.Line, n, linesBefore, start);
            Count = start + n;
        }

        /// <summary>Records the lines of the <paramref name="n"/> inputs appended at <paramref name="start"/>: line
        /// <c>lines[k] + linesBefore</c> for input <c>start + k</c>.</summary>
        private void AddLines(int[] lines, int n, int linesBefore, int start)
        {
            // Lines are stored only once an input is not on the line after the one before (a blank or multi-line record).
            if (FirstLine < 0)
            {
                FirstLine = lines[0] + linesBefore;
            }

            if (LineNumbers is null)
            {
                for (int k = 0; k < n; k++)
                {
                    if (lines[k] + linesBefore != FirstLine + start + k)
                    {
                        LineNumbers = Segments<int>(start + n);
                        for (int i = 0; i < start; i++)
                        {
                            LineNumbers[i >> SegmentShift][i & SegmentMask] = FirstLine + i;
                        }

                        break;
                    }
                }
            }

            if (LineNumbers is not null)
            {
                for (int k = 0; k < n; k++)
                {
                    int i = start + k;
                    LineNumbers[i >> SegmentShift][i & SegmentMask] = lines[k] + linesBefore;
                }
            }
        }

        private void EnsureSegments(int count)
        {
            int segments = (count + SegmentMask) >> SegmentShift;
            while (Values.Count < segments)
            {
                IndicatorIds.AddSegment();
                UnitIds.AddSegment();
                PeriodIds.AddSegment();
                Values.Add(new CompactDecimals(SegmentSize));
                Maturities.Add(new byte[SegmentSize]);
                DisaggregationIds?.Add(new int[SegmentSize]);
                MeasureIds?.Add(new int[SegmentSize]);
                LineNumbers?.Add(new int[SegmentSize]);
            }
        }

        private List<int[]> Zeros(int count) => Segments<int>(count);

        private static List<T[]> Segments<T>(int count)
        {
            int segments = (count + SegmentMask) >> SegmentShift;
            var list = new List<T[]>(segments);
            for (int s = 0; s < segments; s++)
            {
                list.Add(new T[SegmentSize]);
            }

            return list;
        }

        private static bool HasNonZero(int[] local, int n, int[] map)
        {
            for (int k = 0; k < n; k++)
            {
                if (map[local[k]] != 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The file id of each chunk-local code (added in order of first appearance).</summary>
        private int[] Map(List<string> local, List<string> codes, Dictionary<string, int> ids, bool emptyIsNull)
        {
            int[] map = Scratch(local.Count);
            for (int k = 0; k < local.Count; k++)
            {
                string code = local[k];
                if (emptyIsNull && code.Length == 0)
                {
                    map[k] = 0;
                    continue;
                }

                if (!ids.TryGetValue(code, out int id))
                {
                    id = codes.Count;
                    codes.Add(code);
                    ids.Add(code, id);
                }

                map[k] = id;
            }

            return map;
        }

        /// <summary>As <see cref="Map"/> for a table whose id 0 is null (the same list at run time; an empty code is id 0).</summary>
        private int[] MapOptional(List<string> local, List<string?> codes, Dictionary<string, int> ids, bool emptyIsNull) =>
            Map(local, codes!, ids, emptyIsNull);

        private int[] MapPeriods(List<(bool Ok, ReportingPeriod Period, string Text)> entries)
        {
            int[] map = Scratch(entries.Count);
            for (int k = 0; k < entries.Count; k++)
            {
                if (!entries[k].Ok)
                {
                    map[k] = -1;
                    continue;
                }

                ReportingPeriod p = entries[k].Period;
                if (!_periodIds.TryGetValue(p, out int id))
                {
                    id = Periods.Count;
                    Periods.Add(p);
                    _periodIds.Add(p, id);
                }

                map[k] = id;
            }

            return map;
        }

        /// <summary>A fresh map array (maps are used one at a time).</summary>
        private int[] Scratch(int n) => new int[Math.Max(n, 1)];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void CopyMapped(int[] local, int n, int start, int[] map, List<int[]> segments)
        {
            for (int k = 0; k < n; k++)
            {
                int i = start + k;
                segments[i >> SegmentShift][i & SegmentMask] = map[local[k]];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void CopyValues(decimal[] local, int n, int start, List<CompactDecimals> segments)
        {
            for (int k = 0; k < n; k++)
            {
                int i = start + k;
                segments[i >> SegmentShift][i & SegmentMask] = local[k];
            }
        }

        private static void Copy<T>(T[] local, int n, int start, List<T[]> segments)
        {
            int k = 0;
            while (k < n)
            {
                int i = start + k;
                int o = i & SegmentMask;
                int take = Math.Min(n - k, SegmentSize - o);
                Array.Copy(local, k, segments[i >> SegmentShift], o, take);
                k += take;
            }
        }
    }
}
