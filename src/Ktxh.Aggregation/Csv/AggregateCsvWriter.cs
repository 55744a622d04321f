using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Ktxh.Aggregation.Engine;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>
/// Writes the aggregates of a result as CSV (docs/aggregation-csv.md) straight from its arrays: codes, periods,
/// maturities and flags are encoded to UTF-8 once, numbers are formatted into the buffer (<see cref="DecimalUtf8"/>),
/// and no <see cref="Aggregate"/> or string is made per row. The text is that of
/// <see cref="AggregationResult.Aggregates"/> row by row, in the same order.
/// </summary>
/// <remarks>Work is cut into items of one or more pieces (a series in a period); up to
/// <see cref="AggregationOptions.MaxDegreeOfParallelism"/> threads format the items into a small ring of buffers while
/// the calling thread writes them in order, so writing (a copy into the page cache) overlaps formatting and the memory
/// used is a few buffers of about a piece each, whatever the size of the output.</remarks>
internal static class AggregateCsvWriter
{
    /// <summary>The grid positions (units × one period) an item holds at least: the pieces of small grids are grouped,
    /// so that handing an item from thread to thread costs little beside formatting it. A national piece (3,356 units)
    /// is an item of its own.</summary>
    internal const int MinPositions = 2048;

    /// <summary>The first size of a buffer: a national piece (≈ 160 KB) fits; a buffer grows if an item needs more.</summary>
    internal const int FirstBufferBytes = 1 << 18;

    /// <summary>Writes the header and every row; <paramref name="flush"/> receives whole rows.</summary>
    public static long Write(AggregationResult result, IReadOnlySet<ReportingPeriod>? periods, Action<byte[], int> flush) =>
        Write(result, periods, flush, MinPositions, FirstBufferBytes);

    /// <summary>As <see cref="Write(AggregationResult, IReadOnlySet{ReportingPeriod}?, Action{byte[], int})"/>, with items
    /// of at least <paramref name="minPositions"/> grid positions and buffers of <paramref name="firstBufferBytes"/> at
    /// first (tests use 1 for both: an item per piece, buffers that grow).</summary>
    internal static long Write(AggregationResult result, IReadOnlySet<ReportingPeriod>? periods, Action<byte[], int> flush, int minPositions, int firstBufferBytes)
    {
        if (result.IsComposite)
        {
            return WriteRows(result, periods, flush);
        }

        SeriesPlan[] plans = result.Plans;
        SeriesResult[] series = result.SeriesInOutputOrder().ToArray();

        // The disaggregation column is decided from the series, not by a pass over every aggregate: a disaggregated
        // series adds it when it lists at least one aggregate (found at its first cell in practice).
        bool withDisaggregation = series.Any(r => plans[r.Series].Disaggregation is not null && ListsAny(result, r));
        var context = new Context(result, periods, withDisaggregation);

        byte[] header = Encoding.UTF8.GetBytes(AggregationCsv.OutputHeader + (withDisaggregation ? ",disaggregation\n" : "\n"));
        flush(header, header.Length);

        var pieces = new List<(SeriesResult Series, int Local)>();
        var itemStarts = new List<int>();
        int positions = minPositions;
        foreach (SeriesResult r in series)
        {
            foreach (int l in result.LocalSlotsInOrder(r))
            {
                if (context.Wanted[r.Slots[l]])
                {
                    if (positions >= minPositions)
                    {
                        itemStarts.Add(pieces.Count);
                        positions = 0;
                    }

                    pieces.Add((r, l));
                    positions += r.Units;
                }
            }
        }

        itemStarts.Add(pieces.Count);
        int items = itemStarts.Count - 1;
        if (items == 0)
        {
            return 0;
        }

        int workers = Math.Min(Math.Max(1, result.Engine.Options.MaxDegreeOfParallelism), items);
        var ring = new Buffer[Math.Min(items, (2 * workers) + 2)];
        for (int b = 0; b < ring.Length; b++)
        {
            ring[b] = new Buffer(firstBufferBytes);
        }

        // Item i goes to buffer i % ring.Length once item i - ring.Length has been written: a worker takes a free
        // buffer before it takes the next item, and the writer frees one after each item it writes, in order.
        using var free = new SemaphoreSlim(ring.Length);
        using var stop = new CancellationTokenSource();
        int next = -1;
        void Work()
        {
            try
            {
                while (true)
                {
                    free.Wait(stop.Token);
                    int i = Interlocked.Increment(ref next);
                    if (i >= items)
                    {
                        free.Release();
                        return;
                    }

                    Buffer buffer = ring[i % ring.Length];
                    buffer.Length = 0;
                    buffer.Rows = 0;
                    try
                    {
                        for (int p = itemStarts[i]; p < itemStarts[i + 1]; p++)
                        {
                            buffer.Rows += context.Format(pieces[p].Series, pieces[p].Local, buffer);
                        }
                    }
                    catch (Exception e)
                    {
                        // Reported by the writer when it comes to this item (a bug: formatting has no expected failure).
                        buffer.Failure = ExceptionDispatchInfo.Capture(e);
                    }
                    finally
                    {
                        buffer.Ready.Release();
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The writer is done or failed.
            }
        }

        var tasks = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            tasks[w] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        long rows = 0;
        try
        {
            for (int i = 0; i < items; i++)
            {
                Buffer buffer = ring[i % ring.Length];
                buffer.Ready.Wait();
                buffer.Failure?.Throw();
                flush(buffer.Bytes, buffer.Length);
                rows += buffer.Rows;
                free.Release();
            }
        }
        finally
        {
            // On success every worker has left or waits for a buffer; on a failure (a full disk) they stop after the
            // item in hand.
            stop.Cancel();
            Task.WaitAll(tasks);
            foreach (Buffer buffer in ring)
            {
                buffer.Ready.Dispose();
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

    /// <summary>One buffer of the ring: the formatted bytes of an item, and whether they are ready.</summary>
    private sealed class Buffer(int size)
    {
        public byte[] Bytes = new byte[size];

        public int Length;

        public long Rows;

        public ExceptionDispatchInfo? Failure;

        public readonly SemaphoreSlim Ready = new(0);
    }

    /// <summary>A short UTF-8 text in an array padded to whole 16-byte blocks, so that it is copied with a vector store
    /// or two (no call per field): the copy may write up to <see cref="Room"/> bytes.</summary>
    private readonly struct Text
    {
        public Text(string text)
        {
            Length = Encoding.UTF8.GetByteCount(text);
            Bytes = new byte[Math.Max(16, (Length + 15) & ~15)];
            Encoding.UTF8.GetBytes(text, Bytes);
        }

        public byte[] Bytes { get; }

        public int Length { get; }

        /// <summary>The most bytes a copy writes.</summary>
        public int Room => Bytes.Length;

        /// <summary>Copies the text to <paramref name="destination"/> (which has <see cref="Room"/> bytes).</summary>
        /// <returns>The text's length.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int CopyTo(ref byte destination)
        {
            ref byte source = ref MemoryMarshal.GetArrayDataReference(Bytes);
            nuint k = 0;
            do
            {
                Vector128.StoreUnsafe(Vector128.LoadUnsafe(ref source, k), ref destination, k);
                k += 16;
            }
            while (k < (nuint)Length);

            return Length;
        }
    }

    /// <summary>The flags text of a row (a class, so that it is filled in place from several threads).</summary>
    private sealed class FlagsText(string text)
    {
        public readonly Text Text = new(text);
    }

    /// <summary>The UTF-8 texts shared by every row, built once.</summary>
    private sealed class Context
    {
        /// <summary>The maturity texts with the comma after them: unknown (none), estimate, preliminary, official.</summary>
        private static readonly Text[] MaturityTexts = [new(","), new("estimate,"), new("preliminary,"), new("official,")];

        private readonly AggregationResult _result;
        private readonly Text[] _units;
        private readonly Text[] _periods;
        private readonly Text[] _indicators;
        private readonly Text[] _ends;
        private readonly FlagsText?[] _flags = new FlagsText?[SeriesResult.Present];

        public Context(AggregationResult result, IReadOnlySet<ReportingPeriod>? periods, bool withDisaggregation)
        {
            _result = result;
            _units = result.Engine.Tree.Codes.Select(c => new Text(Quote(c) + ",")).ToArray();
            _periods = result.Slots.Spans.Select(p => new Text(p.Id + ",")).ToArray();
            Wanted = result.Slots.Spans.Select(p => periods is null || periods.Contains(p)).ToArray();
            _indicators = result.Plans.Select(p => new Text(Quote(p.IndicatorCode) + ",")).ToArray();
            _ends = result.Plans.Select(p => new Text(withDisaggregation ? "," + Quote(p.Disaggregation ?? string.Empty) + "\n" : "\n")).ToArray();
        }

        /// <summary>Whether each period slot is written.</summary>
        public bool[] Wanted { get; }

        /// <summary>Appends the rows of one series and local slot to <paramref name="buffer"/>.</summary>
        /// <returns>The number of rows.</returns>
        /// <remarks>Compiled by the JIT at full optimisation on first use rather than run as ReadyToRun code (see
        /// <see cref="DecimalUtf8"/>); every call in the row loop is inlined but the framework's formatter of rare
        /// numbers and the first use of a flags value.</remarks>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public long Format(SeriesResult r, int l, Buffer buffer)
        {
            long rows = 0;
            bool upward = _result.Plans[r.Series].AcrossUnits != Rule.None;
            Text indicator = _indicators[r.Series];
            Text period = _periods[r.Slots[l]];
            Text end = _ends[r.Series];
            Text[] units = _units;
            Text[] maturities = MaturityTexts;

            // The most a row writes but for its unit and flags: fields, copies' whole blocks, numbers, commas.
            int fixedRoom = indicator.Room + period.Room + end.Room + DecimalUtf8.MaxLength + (2 * DecimalUtf8.MaxIntLength) + 16 + 8;
            int rowStart = l * r.Units;
            ushort[] flagsOf = r.Flags;
            int[] reported = r.Reported;
            int[] expected = r.Expected;
            CompactDecimals values = r.Value;
            byte[] maturity = r.Maturity;
            bool[] isLeaf = r.Rows.IsLeaf;
            int[] unitOf = r.Rows.UnitOf;
            int[] preOrder = _result.UnitsInPreOrder;
            byte[] bytes = buffer.Bytes;
            int n = buffer.Length;
            for (int k = 0; k < preOrder.Length; k++)
            {
                int row = preOrder[k];
                int i = rowStart + row;
                int f = flagsOf[i];
                int u = unitOf[row];

                // AggregationResult.IsListed, inlined (rows in the grid, expected units by tree unit).
                if (reported[i] <= 0 && (f & SeriesResult.Internal) == 0 && !(upward && !isLeaf[row] && expected[u] > 0))
                {
                    continue;
                }

                Text unit = units[u];
                Text flags = (Volatile.Read(ref _flags[f & ~SeriesResult.Internal]) ?? FlagsOf(f & ~SeriesResult.Internal)).Text;
                int room = fixedRoom + unit.Room + flags.Room;
                if (bytes.Length - n < room)
                {
                    Array.Resize(ref bytes, Math.Max(bytes.Length * 2, n + room));
                    buffer.Bytes = bytes;
                }

                ref byte d = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(bytes), n);
                int w = indicator.CopyTo(ref d);
                w += unit.CopyTo(ref Unsafe.Add(ref d, w));
                w += period.CopyTo(ref Unsafe.Add(ref d, w));
                if ((f & SeriesResult.HasValue) != 0)
                {
                    w += DecimalUtf8.Write(values[i], ref Unsafe.Add(ref d, w));
                }

                Unsafe.Add(ref d, w++) = (byte)',';
                w += DecimalUtf8.Write(reported[i], ref Unsafe.Add(ref d, w));
                Unsafe.Add(ref d, w++) = (byte)',';
                w += DecimalUtf8.Write(expected[u], ref Unsafe.Add(ref d, w));
                Unsafe.Add(ref d, w++) = (byte)',';
                uint m = maturity[i];
                w += maturities[m <= 3 ? m : 0].CopyTo(ref Unsafe.Add(ref d, w));
                w += flags.CopyTo(ref Unsafe.Add(ref d, w));
                w += end.CopyTo(ref Unsafe.Add(ref d, w));
                n += w;
                rows++;
            }

            buffer.Length = n;
            return rows;
        }

        // Filled on first use, from several threads: whichever thread fills an entry, the text is the same.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private FlagsText FlagsOf(int flags)
        {
            var text = new FlagsText(AggregationCsv.FlagsText((AggregateFlags)flags));
            Volatile.Write(ref _flags[flags], text);
            return text;
        }

        internal static string Quote(string s) =>
            s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
