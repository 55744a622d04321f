using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>The buffers of one read of a file (chunks of bytes, chunk columns), reused from chunk to chunk and let go
/// with the read: a shared pool would keep them for the rest of the process.</summary>
internal sealed class ReadBuffers
{
    public ArrayPool<byte> Bytes { get; } = ArrayPool<byte>.Create(1 << 30, 8);

    public ArrayPool<int> Ints { get; } = ArrayPool<int>.Create(1 << 28, 32);

    public ArrayPool<decimal> Decimals { get; } = ArrayPool<decimal>.Create(1 << 26, 8);
}

/// <summary>Where each column of the input file is (from its header).</summary>
internal sealed record CsvLayout(int Indicator, int Unit, int Period, int Value, int Disaggregation, int Maturity, int Measure, int Count);

/// <summary>An error found in a chunk, located by the line within the chunk until the chunk's first line is known.</summary>
internal readonly record struct PendingError(AggregationCsvErrorCode Code, int Line, bool AbsoluteLine, int? Column, string? Field, string MessageVi, string MessageEn)
{
    public KtxhError ToError(string? source, int linesBefore) =>
        KtxhError.Create(Code, new ErrorLocation { Source = source, Line = AbsoluteLine ? Line : Line + linesBefore, Column = Column, Field = Field }, MessageVi, MessageEn);
}

/// <summary>
/// Reads the records of one piece of an input file (<see cref="InputCsvReader"/>): the header when it is not known yet,
/// then each record's fields from the UTF-8 bytes into columns of chunk-local ids. ASCII fields (codes, periods,
/// numbers: nearly all) are looked up and parsed from their bytes, with no string per field; a field with other
/// characters is decoded, trimmed and NFC-normalised as text (a unit code is trimmed only, as before). Each distinct raw
/// field is decoded once per chunk.
/// </summary>
/// <remarks>One instance per chunk; chunks are read in parallel, each by its own instance.</remarks>
internal sealed class InputChunkReader
{
    private readonly CodeColumn _indicators = new(normalize: true);
    private readonly CodeColumn _units = new(normalize: false);
    private readonly CodeColumn _disaggregations = new(normalize: true);
    private readonly CodeColumn _measures = new(normalize: true);
    private readonly ByteKeyTable _periodTable = new();
    private readonly List<(bool Ok, ReportingPeriod Period, string Text)> _periodEntries = [];
    private readonly ByteKeyTable _maturityTable = new();
    private readonly Utf8CsvRecords _records = new();
    private readonly List<PendingError> _errors = [];
    private readonly LastField _lastPeriod = new();
    private int _capacity;
    private readonly LastField _lastMaturity = new();

    private readonly ReadBuffers _buffers;

    public InputChunkReader(CsvLayout? layout, ReadBuffers buffers)
    {
        Layout = layout;
        _buffers = buffers;
    }

    /// <summary>The header's layout (null until a header was read).</summary>
    public CsvLayout? Layout { get; private set; }

    /// <summary>Whether the header was read and is wrong: nothing more is read.</summary>
    public bool HeaderFailed { get; private set; }

    /// <summary>The errors, in line order.</summary>
    public List<PendingError> Errors => _errors;

    /// <summary>The number of inputs read.</summary>
    public int Count { get; private set; }

    /// <summary>Where reading stopped (the start of an unfinished record, or the end).</summary>
    public int Consumed { get; private set; }

    /// <summary>The line breaks read.</summary>
    public int Breaks { get; private set; }

    /// <summary>Per input: the chunk-local indicator id (into <see cref="IndicatorCodes"/>).</summary>
    public int[] Indicator { get; private set; } = [];

    /// <summary>Per input: the chunk-local unit id.</summary>
    public int[] Unit { get; private set; } = [];

    /// <summary>Per input: the chunk-local period entry.</summary>
    public int[] Period { get; private set; } = [];

    /// <summary>Per input: the chunk-local disaggregation id (when the column exists).</summary>
    public int[] Disaggregation { get; private set; } = [];

    /// <summary>Per input: the chunk-local unit of measure id (when the column exists).</summary>
    public int[] Measure { get; private set; } = [];

    /// <summary>Per input: the value.</summary>
    public decimal[] Value { get; private set; } = [];

    /// <summary>Per input: the maturity.</summary>
    public byte[] Maturity { get; private set; } = [];

    /// <summary>Per input: the line within the chunk (from 1).</summary>
    public int[] Line { get; private set; } = [];

    public List<string> IndicatorCodes => _indicators.Strings;

    public List<string> UnitCodes => _units.Strings;

    public List<string> DisaggregationCodes => _disaggregations.Strings;

    public List<string> MeasureCodes => _measures.Strings;

    public List<(bool Ok, ReportingPeriod Period, string Text)> PeriodEntries => _periodEntries;

    /// <summary>Reads the records of <paramref name="data"/>[<paramref name="start"/>..<paramref name="end"/>), which
    /// starts at a record, until the end or a record that continues past it (<see cref="Consumed"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read(byte[] data, int start, int end, bool final)
    {
        _records.Reset(data, start, end, final);
        Utf8CsvRecords records = _records;
        int capacity = Math.Max(16, (end - start) / 24);
        Allocate(capacity);
        while (true)
        {
            CsvRecordStatus status = records.Next();
            if (status is CsvRecordStatus.End or CsvRecordStatus.NeedMore)
            {
                break;
            }

            int line = records.Line;
            if (status == CsvRecordStatus.Broken)
            {
                _errors.Add(records.BrokenCode == AggregationCsvErrorCode.UnclosedQuote
                    ? Error(AggregationCsvErrorCode.UnclosedQuote, line, records.BrokenField + 1, null, "Dấu ngoặc kép không được đóng", "A quoted field is not closed")
                    : Error(AggregationCsvErrorCode.TextAfterQuote, line, records.BrokenField + 1, null, "Ký tự thừa sau dấu ngoặc kép đóng", "Unexpected text after a closing quote"));
                continue;
            }

            CsvLayout? layout = Layout;
            if (layout is null)
            {
                Layout = Header(records);
                if (Layout is null)
                {
                    HeaderFailed = true;
                    break;
                }

                continue;
            }

            int fieldCount = records.FieldCount;
            if (fieldCount == 1 && records.Field(0).Length == 0)
            {
                continue; // a blank line
            }

            if (fieldCount != layout.Count)
            {
                _errors.Add(Error(AggregationCsvErrorCode.FieldCount, line, null, null, $"Dòng có {fieldCount} trường, tiêu đề có {layout.Count}", $"The line has {fieldCount} fields, the header {layout.Count}"));
                continue;
            }

            int ci = layout.Indicator;
            int cu = layout.Unit;
            int indicator = _indicators.Id(records.Field(ci));
            int unit = _units.Id(records.Field(cu));
            bool ok = true;
            if (_indicators.Strings[indicator].Length == 0)
            {
                _errors.Add(Error(AggregationCsvErrorCode.MissingIndicator, line, ci + 1, "indicator", "Thiếu mã chỉ tiêu", "The indicator code is missing"));
                ok = false;
            }

            if (_units.Strings[unit].Length == 0)
            {
                _errors.Add(Error(AggregationCsvErrorCode.MissingReportingUnit, line, cu + 1, "unit", "Thiếu mã đơn vị báo cáo", "The reporting unit code is missing"));
                ok = false;
            }

            int period = PeriodEntry(records.Field(layout.Period));
            if (!_periodEntries[period].Ok)
            {
                string text = _periodEntries[period].Text;
                _errors.Add(Error(AggregationCsvErrorCode.InvalidPeriod, line, layout.Period + 1, "period", $"Kỳ '{text}' không hợp lệ (ví dụ 2026-M07, 2026-Q3)", $"Period '{text}' is not valid (e.g. 2026-M07, 2026-Q3)"));
                ok = false;
            }

            int cv = layout.Value;
            ReadOnlySpan<byte> valueRaw = records.Field(cv);
            decimal value = 0m;
            // A number is ASCII: a field the ASCII parse refuses is looked at again only when it holds other characters.
            DecimalTextOutcome outcome = DecimalText.Parse(TrimAscii(valueRaw), out value);
            if (outcome != DecimalTextOutcome.Exact && !Ascii.IsValid(valueRaw))
            {
                // Characters beyond ASCII: white space that string.Trim removes (e.g. a no-break space) is allowed around the number.
                string trimmed = Text(valueRaw).Trim();
                outcome = Ascii.IsValid(trimmed) ? DecimalText.Parse(Encoding.ASCII.GetBytes(trimmed), out value) : DecimalTextOutcome.NotANumber;
            }

            if (outcome != DecimalTextOutcome.Exact)
            {
                _errors.Add(ValueError(outcome, Text(valueRaw).Trim(), line, cv));
                ok = false;
            }

            int maturity = (int)Ktxh.Indicators.Maturity.Official;
            int cm = layout.Maturity;
            if (cm >= 0)
            {
                ReadOnlySpan<byte> raw = records.Field(cm);
                maturity = MaturityOf(raw);
                if (maturity == 0)
                {
                    string text = Text(raw);
                    _errors.Add(Error(AggregationCsvErrorCode.InvalidMaturity, line, cm + 1, "maturity", $"Mức độ '{text}' không hợp lệ (uoc-tinh, so-bo, chinh-thuc)", $"Maturity '{text}' is not valid (estimate, preliminary, official)"));
                    ok = false;
                }
            }

            if (!ok)
            {
                continue;
            }

            int n = Count;
            if (n == _capacity)
            {
                Allocate(n * 2);
            }

            Indicator[n] = indicator;
            Unit[n] = unit;
            Period[n] = period;
            Value[n] = value;
            Maturity[n] = (byte)maturity;
            Line[n] = line;
            if (layout.Disaggregation >= 0)
            {
                Disaggregation[n] = _disaggregations.Id(records.Field(layout.Disaggregation));
            }

            if (layout.Measure >= 0)
            {
                Measure[n] = _measures.Id(records.Field(layout.Measure));
            }

            Count = n + 1;
        }

        Consumed = records.Position;
        Breaks = records.Breaks;
    }

    /// <summary>Gives the column arrays back to the pool.</summary>
    public void Release()
    {
        Return(Indicator);
        Return(Unit);
        Return(Period);
        Return(Disaggregation);
        Return(Measure);
        Return(Line);
        if (Value.Length > 0)
        {
            _buffers.Decimals.Return(Value);
        }

        if (Maturity.Length > 0)
        {
            _buffers.Bytes.Return(Maturity);
        }

        Indicator = Unit = Period = Disaggregation = Measure = Line = [];
        Value = [];
        Maturity = [];

        void Return(int[] a)
        {
            if (a.Length > 0)
            {
                _buffers.Ints.Return(a);
            }
        }
    }

    /// <summary>Grows the columns to hold at least <paramref name="capacity"/> inputs (pooled arrays).</summary>
    private void Allocate(int capacity)
    {
        bool dis = Layout?.Disaggregation >= 0;
        bool measure = Layout?.Measure >= 0;
        ArrayPool<int> ints = _buffers.Ints;
        Indicator = Grow(ints, Indicator, capacity, Count);
        Unit = Grow(ints, Unit, capacity, Count);
        Period = Grow(ints, Period, capacity, Count);
        Line = Grow(ints, Line, capacity, Count);
        Value = Grow(_buffers.Decimals, Value, capacity, Count);
        Maturity = Grow(_buffers.Bytes, Maturity, capacity, Count);

        // The optional columns only once the header says they exist (the header may be read in this chunk).
        Disaggregation = dis || Disaggregation.Length > 0 || Layout is null ? Grow(ints, Disaggregation, capacity, Count) : Disaggregation;
        Measure = measure || Measure.Length > 0 || Layout is null ? Grow(ints, Measure, capacity, Count) : Measure;
        _capacity = capacity;

        static T[] Grow<T>(ArrayPool<T> pool, T[] old, int capacity, int count)
        {
            if (old.Length >= capacity)
            {
                return old;
            }

            T[] a = pool.Rent(capacity);
            if (old.Length > 0)
            {
                Array.Copy(old, a, count);
                pool.Return(old);
            }

            return a;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int PeriodEntry(ReadOnlySpan<byte> raw)
    {
        // Files are usually sorted: the same text as the line before is common.
        if (_lastPeriod.Matches(raw, out int last))
        {
            return last;
        }

        if (!_periodTable.TryGetValue(raw, out int entry))
        {
            string text = Ascii.IsValid(raw) ? Encoding.ASCII.GetString(TrimAscii(raw)) : Text(raw).Trim();
            bool ok = ReportingPeriod.TryParse(text, out ReportingPeriod period);
            entry = _periodEntries.Count;
            _periodEntries.Add((ok, period, text));
            _periodTable.Add(raw, entry);
        }

        _lastPeriod.Remember(raw, entry);
        return entry;
    }

    /// <summary>The maturity of a raw field, 0 when it is not one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int MaturityOf(ReadOnlySpan<byte> raw)
    {
        if (_lastMaturity.Matches(raw, out int last))
        {
            return last;
        }

        if (!_maturityTable.TryGetValue(raw, out int m))
        {
            m = AggregationCsv.TryMaturity(Text(raw).Trim(), out Maturity maturity) ? (int)maturity : 0;
            _maturityTable.Add(raw, m);
        }

        _lastMaturity.Remember(raw, m);
        return m;
    }

    private static PendingError ValueError(DecimalTextOutcome outcome, string text, int line, int column) => outcome switch
    {
        DecimalTextOutcome.Inexact => Error(
            AggregationCsvErrorCode.InexactValue,
            line,
            column + 1,
            "value",
            $"Giá trị '{text}' có nhiều chữ số có nghĩa hơn kiểu decimal giữ được chính xác (28–29 chữ số); không được làm tròn",
            $"Value '{text}' has more significant digits than decimal holds exactly (28–29 digits); it is not rounded"),
        DecimalTextOutcome.OutOfRange => Error(
            AggregationCsvErrorCode.InexactValue,
            line,
            column + 1,
            "value",
            $"Giá trị '{text}' vượt quá phạm vi của kiểu decimal (khoảng ±7,9 × 10^28)",
            $"Value '{text}' is beyond the range of decimal (about ±7.9 × 10^28)"),
        _ => Error(
            AggregationCsvErrorCode.InvalidValue,
            line,
            column + 1,
            "value",
            $"Giá trị '{text}' không phải số (dấu thập phân là '.')",
            $"Value '{text}' is not a number ('.' is the decimal separator)"),
    };

    /// <summary>The header: the columns by name (any order, case-insensitive), or null with every error (always at line
    /// 1, as before).</summary>
    private CsvLayout? Header(Utf8CsvRecords records)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        int before = _errors.Count;
        for (int i = 0; i < records.FieldCount; i++)
        {
            string field = Text(records.Field(i));
            string name = field.Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (!AggregationCsv.Required.Contains(name) && !AggregationCsv.Optional.Contains(name))
            {
                _errors.Add(HeaderError(AggregationCsvErrorCode.UnsupportedColumn, i + 1, field.Trim(), $"Cột '{field}' không được hỗ trợ", $"Column '{field}' is not supported"));
            }
            else if (!columns.TryAdd(name, i))
            {
                _errors.Add(HeaderError(AggregationCsvErrorCode.DuplicateColumn, i + 1, name, $"Cột '{name}' bị lặp", $"Column '{name}' appears twice"));
            }
        }

        foreach (string r in AggregationCsv.Required.Where(r => !columns.ContainsKey(r)))
        {
            _errors.Add(HeaderError(AggregationCsvErrorCode.MissingColumn, null, r, $"Thiếu cột bắt buộc '{r}'", $"The required column '{r}' is missing"));
        }

        if (_errors.Count != before)
        {
            return null;
        }

        return new CsvLayout(
            columns["indicator"],
            columns["unit"],
            columns["period"],
            columns["value"],
            columns.GetValueOrDefault("disaggregation", -1),
            columns.GetValueOrDefault("maturity", -1),
            columns.GetValueOrDefault("unit_of_measure", -1),
            columns.Count);
    }

    internal static string Text(ReadOnlySpan<byte> raw) => Encoding.UTF8.GetString(raw);

    /// <summary>Trims what <see cref="string.Trim()"/> trims among ASCII characters (tab to carriage return, space).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> s)
    {
        int a = 0;
        int b = s.Length;
        while (a < b && IsSpace(s[a]))
        {
            a++;
        }

        while (b > a && IsSpace(s[b - 1]))
        {
            b--;
        }

        return s[a..b];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSpace(byte c) => c == (byte)' ' || (c >= 9 && c <= 13);

    // Every error names the file (when known), the 1-based line, the 1-based column and the column's header name.
    private static PendingError Error(AggregationCsvErrorCode code, int line, int? column, string? field, string messageVi, string messageEn) =>
        new(code, line, false, column, field, messageVi, messageEn);

    private static PendingError HeaderError(AggregationCsvErrorCode code, int? column, string? field, string messageVi, string messageEn) =>
        new(code, 1, true, column, field, messageVi, messageEn);

    /// <summary>One code column: raw bytes → chunk-local id of the decoded text (trimmed; NFC unless a unit code).</summary>
    private sealed class CodeColumn(bool normalize)
    {
        private readonly ByteKeyTable _table = new();
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly LastField _last = new();

        public List<string> Strings { get; } = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public int Id(ReadOnlySpan<byte> raw)
        {
            // Sorted files repeat codes line after line.
            if (_last.Matches(raw, out int last))
            {
                return last;
            }

            if (!_table.TryGetValue(raw, out int id))
            {
                string text = Ascii.IsValid(raw)
                    ? Encoding.ASCII.GetString(TrimAscii(raw))
                    : normalize ? VietnameseText.Normalize(Text(raw).Trim())! : Text(raw).Trim();
                if (!_ids.TryGetValue(text, out id))
                {
                    id = Strings.Count;
                    Strings.Add(text);
                    _ids.Add(text, id);
                }

                _table.Add(raw, id);
            }

            _last.Remember(raw, id);
            return id;
        }
    }

    /// <summary>The raw bytes of a field on the line before and what they meant: sorted files repeat a field line after
    /// line, and comparing a few bytes is cheaper than a table lookup.</summary>
    private sealed class LastField
    {
        private byte[] _bytes = new byte[32];
        private int _length = -1;
        private int _id;

        /// <summary>Whether <paramref name="raw"/> is the field remembered last, with what it meant.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool Matches(ReadOnlySpan<byte> raw, out int id)
        {
            id = _id;
            return raw.Length == _length && raw.SequenceEqual(_bytes.AsSpan(0, _length));
        }

        /// <summary>Remembers a field and what it meant.</summary>
        public void Remember(ReadOnlySpan<byte> raw, int id)
        {
            if (raw.Length > _bytes.Length)
            {
                _bytes = new byte[raw.Length];
            }

            raw.CopyTo(_bytes);
            _length = raw.Length;
            _id = id;
        }
    }
}
