using System.Globalization;
using System.Text;
using Ktxh.Aggregation.Engine;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>
/// Writes the aggregates of a result as CSV (docs/aggregation-csv.md) straight from its arrays: codes, periods,
/// maturities and flags are encoded to UTF-8 once, numbers are formatted into the buffer
/// (<see cref="IUtf8SpanFormattable"/>), and no <see cref="Aggregate"/> or string is made per row. The text is that of
/// <see cref="AggregationResult.Aggregates"/> row by row, in the same order.
/// </summary>
/// <remarks>Work is cut into one piece per series and period; pieces are formatted in parallel (up to
/// <see cref="AggregationOptions.MaxDegreeOfParallelism"/>) a window at a time and written in order.</remarks>
internal static class AggregateCsvWriter
{
    private const int Window = 64;

    /// <summary>Writes the header and every row; <paramref name="flush"/> receives whole rows.</summary>
    public static long Write(AggregationResult result, IReadOnlySet<ReportingPeriod>? periods, Action<byte[], int> flush)
    {
        if (result.IsComposite)
        {
            return WriteRows(result, periods, flush);
        }

        PeriodSlots slots = result.Slots;
        SeriesPlan[] plans = result.Plans;
        SeriesResult[] series = result.SeriesInOutputOrder().ToArray();

        // The disaggregation column is decided from the series, not by a pass over every aggregate: a disaggregated
        // series adds it when it lists at least one aggregate (found at its first cell in practice).
        bool withDisaggregation = series.Any(r => plans[r.Series].Disaggregation is not null && ListsAny(result, r));
        var context = new Context(result, periods, withDisaggregation);

        byte[] header = Encoding.UTF8.GetBytes(AggregationCsv.OutputHeader + (withDisaggregation ? ",disaggregation\n" : "\n"));
        flush(header, header.Length);

        var pieces = new List<(int Series, int Local)>();
        foreach (SeriesResult r in series)
        {
            foreach (int l in result.LocalSlotsInOrder(r))
            {
                if (context.Wanted[r.Slots[l]])
                {
                    pieces.Add((r.Series, l));
                }
            }
        }

        var seriesOf = new SeriesResult?[plans.Length];
        foreach (SeriesResult r in series)
        {
            seriesOf[r.Series] = r;
        }

        // Windows of pieces are formatted in parallel into one of two sets of buffers while the other set is written:
        // writing (a copy into the page cache) overlaps formatting. The pieces are written in order.
        int maxThreads = Math.Max(1, result.Engine.Options.MaxDegreeOfParallelism);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads };
        int windowSize = Math.Min(Window, Math.Max(1, pieces.Count));
        Piece[][] sets = [NewSet(windowSize), NewSet(windowSize)];
        Task FormatWindow(int start, Piece[] set) => Task.Run(() => Parallel.For(0, Math.Min(Window, pieces.Count - start), options, k =>
        {
            (int s, int l) = pieces[start + k];
            set[k].Rows = context.Format(seriesOf[s]!, l, set[k]);
        }));

        long rows = 0;
        Task? pending = pieces.Count > 0 ? FormatWindow(0, sets[0]) : null;
        for (int start = 0, w = 0; start < pieces.Count; start += Window, w++)
        {
            pending!.GetAwaiter().GetResult();
            Piece[] set = sets[w & 1];
            int count = Math.Min(Window, pieces.Count - start);
            pending = start + Window < pieces.Count ? FormatWindow(start + Window, sets[(w + 1) & 1]) : null;
            for (int k = 0; k < count; k++)
            {
                flush(set[k].Bytes, set[k].Length);
                rows += set[k].Rows;
            }
        }

        return rows;
    }

    /// <summary>A result put together from several eras' runs (a file spanning 1 July 2025) has no arrays of its own: its
    /// rows are formatted one by one from <see cref="AggregationResult.Aggregates"/>, in the same text.</summary>
    private static long WriteRows(AggregationResult result, IReadOnlySet<ReportingPeriod>? periods, Action<byte[], int> flush)
    {
        List<Aggregate> rows = result.Aggregates().Where(a => periods is null || periods.Contains(a.Period)).ToList();
        bool withDisaggregation = rows.Exists(a => a.Disaggregation is not null);
        var text = new StringBuilder(AggregationCsv.OutputHeader).Append(withDisaggregation ? ",disaggregation\n" : "\n");
        long count = 0;
        foreach (Aggregate a in rows)
        {
            text.Append(Context.Quote(a.IndicatorCode)).Append(',').Append(Context.Quote(a.UnitCode)).Append(',').Append(a.Period.Id).Append(',')
                .Append(a.Value?.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(a.Coverage.Reported.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(a.Coverage.Expected.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(AggregationCsv.MaturityText(a.Maturity)).Append(',')
                .Append(AggregationCsv.FlagsText(a.Flags));
            if (withDisaggregation)
            {
                text.Append(',').Append(Context.Quote(a.Disaggregation ?? string.Empty));
            }

            text.Append('\n');
            count++;
            if (text.Length >= 1 << 16)
            {
                Flush(text, flush);
            }
        }

        Flush(text, flush);
        return count;
    }

    private static void Flush(StringBuilder text, Action<byte[], int> flush)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        flush(bytes, bytes.Length);
        text.Clear();
    }

    private static Piece[] NewSet(int size)
    {
        var set = new Piece[size];
        for (int b = 0; b < size; b++)
        {
            set[b] = new Piece();
        }

        return set;
    }

    private static bool ListsAny(AggregationResult result, SeriesResult r)
    {
        bool upward = result.Plans[r.Series].AcrossUnits != Rule.None;
        for (int l = 0; l < r.Slots.Length; l++)
        {
            for (int row = 0; row < r.Units; row++)
            {
                if (AggregationResult.IsListed(r, l, row, upward))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The formatted bytes of one piece.</summary>
    private sealed class Piece
    {
        public byte[] Bytes = new byte[1 << 16];

        public int Length;

        public long Rows;

        public Span<byte> Room(int needed)
        {
            if (Bytes.Length - Length < needed)
            {
                Array.Resize(ref Bytes, Math.Max(Bytes.Length * 2, Length + needed));
            }

            return Bytes.AsSpan(Length);
        }
    }

    /// <summary>The UTF-8 texts shared by every row, built once.</summary>
    private sealed class Context
    {
        private static readonly byte[][] MaturityBytes =
        [
            [], "estimate"u8.ToArray(), "preliminary"u8.ToArray(), "official"u8.ToArray(),
        ];

        private readonly AggregationResult _result;
        private readonly UnitTree _tree;
        private readonly byte[][] _units;
        private readonly byte[][] _periods;
        private readonly byte[][] _indicators;
        private readonly byte[]?[] _disaggregations;
        private readonly bool _withDisaggregation;
        private readonly byte[]?[] _flags = new byte[]?[1 << 16];

        public Context(AggregationResult result, IReadOnlySet<ReportingPeriod>? periods, bool withDisaggregation)
        {
            _result = result;
            _tree = result.Engine.Tree;
            _withDisaggregation = withDisaggregation;
            _units = _tree.Codes.Select(c => Encoding.UTF8.GetBytes(Quote(c))).ToArray();
            _periods = result.Slots.Spans.Select(p => Encoding.UTF8.GetBytes(p.Id)).ToArray();
            Wanted = result.Slots.Spans.Select(p => periods is null || periods.Contains(p)).ToArray();
            _indicators = result.Plans.Select(p => Encoding.UTF8.GetBytes(Quote(p.IndicatorCode))).ToArray();
            _disaggregations = result.Plans.Select(p => withDisaggregation ? Encoding.UTF8.GetBytes(Quote(p.Disaggregation ?? string.Empty)) : null).ToArray();
        }

        /// <summary>Whether each period slot is written.</summary>
        public bool[] Wanted { get; }

        /// <summary>Formats the rows of one series and local slot into <paramref name="piece"/>.</summary>
        public long Format(SeriesResult r, int l, Piece piece)
        {
            piece.Length = 0;
            long rows = 0;
            bool upward = _result.Plans[r.Series].AcrossUnits != Rule.None;
            byte[] indicator = _indicators[r.Series];
            byte[] period = _periods[r.Slots[l]];
            byte[]? dis = _disaggregations[r.Series];
            int fixedLength = indicator.Length + period.Length + (dis?.Length ?? 0) + DecimalUtf8.MaxLength + 64;
            int rowStart = l * r.Units;
            ushort[] flagsOf = r.Flags;
            int[] reported = r.Reported;
            int[] expected = r.Expected;
            CompactDecimals values = r.Value;
            byte[] maturity = r.Maturity;
            bool[] isLeaf = r.Rows.IsLeaf;
            int[] unitOf = r.Rows.UnitOf;
            foreach (int row in _result.UnitsInPreOrder)
            {
                int i = rowStart + row;
                int f = flagsOf[i];
                int u = unitOf[row];

                // AggregationResult.IsListed, inlined (rows in the grid, expected units by tree unit).
                if (reported[i] <= 0 && (f & (SeriesResult.HasValue | SeriesResult.Present)) == 0 && !(upward && !isLeaf[row] && expected[u] > 0))
                {
                    continue;
                }

                byte[] unit = _units[u];
                byte[] flags = FlagBytes(f & ~SeriesResult.Internal);
                Span<byte> span = piece.Room(fixedLength + unit.Length + flags.Length);
                int n = 0;
                Put(span, ref n, indicator);
                span[n++] = (byte)',';
                Put(span, ref n, unit);
                span[n++] = (byte)',';
                Put(span, ref n, period);
                span[n++] = (byte)',';
                if ((f & SeriesResult.HasValue) != 0)
                {
                    n += DecimalUtf8.Format(values[i], span[n..]);
                }

                span[n++] = (byte)',';
                n += DecimalUtf8.Format(reported[i], span[n..]);
                span[n++] = (byte)',';
                n += DecimalUtf8.Format(expected[u], span[n..]);
                span[n++] = (byte)',';
                byte m = maturity[i];
                Put(span, ref n, MaturityBytes[m is >= 1 and <= 3 ? m : 0]);
                span[n++] = (byte)',';
                Put(span, ref n, flags);
                if (_withDisaggregation)
                {
                    span[n++] = (byte)',';
                    Put(span, ref n, dis!);
                }

                span[n++] = (byte)'\n';
                piece.Length += n;
                rows++;
            }

            return rows;
        }

        private static void Put(Span<byte> span, ref int n, byte[] bytes)
        {
            bytes.CopyTo(span[n..]);
            n += bytes.Length;
        }

        // Filled on first use, from several threads: whichever thread fills an entry, the bytes are the same.
        private byte[] FlagBytes(int flags)
        {
            byte[]? bytes = Volatile.Read(ref _flags[flags & 0xFFFF]);
            if (bytes is null)
            {
                bytes = Encoding.UTF8.GetBytes(AggregationCsv.FlagsText((AggregateFlags)flags));
                Volatile.Write(ref _flags[flags & 0xFFFF], bytes);
            }

            return bytes;
        }

        internal static string Quote(string s) =>
            s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
