using System.Text;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>
/// One read of an input file (<see cref="AggregationCsv.ReadInputs(Stream, string?)"/>): the header, then each record's
/// fields taken from the UTF-8 bytes. ASCII fields (codes, periods, numbers: nearly all) are looked up and parsed from
/// their bytes, with no string per field; a field with other characters is decoded, trimmed and NFC-normalised as text.
/// Repeated codes and periods give the same string and period instance.
/// </summary>
internal sealed class InputCsvReader
{
    private const int ChunkSize = 1 << 16;
    private readonly string? _source;
    private readonly List<KtxhError> _errors = [];
    private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReportingPeriod> _periods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Maturity> _maturities = new(StringComparer.Ordinal);
    private readonly List<AggregationInput[]> _chunks = [];
    private readonly List<int[]> _lineChunks = [];
    private readonly LastField _lastIndicator = new();
    private readonly LastField _lastUnit = new();
    private readonly LastField _lastDisaggregation = new();
    private readonly LastField _lastMeasure = new();
    private char[] _chars = new char[64];
    private int _count;

    public InputCsvReader(string? source) => _source = source;

    public KtxhResult<AggregationInputs> Read(Utf8CsvRecords records)
    {
        Dictionary<string, int>? columns = null;
        int ci = 0, cu = 0, cp = 0, cv = 0, cd = -1, cm = -1, cum = -1;
        Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> pool = _pool.GetAlternateLookup<ReadOnlySpan<char>>();
        Dictionary<string, ReportingPeriod>.AlternateLookup<ReadOnlySpan<char>> periods = _periods.GetAlternateLookup<ReadOnlySpan<char>>();
        ReadOnlySpan<char> lastPeriodText = default;
        char[] lastPeriodChars = new char[32];
        ReportingPeriod lastPeriod = default;
        while (true)
        {
            CsvRecordStatus status = records.Next();
            if (status == CsvRecordStatus.End)
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

            if (columns is null)
            {
                columns = Header(records);
                if (columns is null)
                {
                    break;
                }

                ci = columns["indicator"];
                cu = columns["unit"];
                cp = columns["period"];
                cv = columns["value"];
                cd = columns.GetValueOrDefault("disaggregation", -1);
                cm = columns.GetValueOrDefault("maturity", -1);
                cum = columns.GetValueOrDefault("unit_of_measure", -1);
                continue;
            }

            int fieldCount = records.FieldCount;
            if (fieldCount == 1 && records.Field(0).Length == 0)
            {
                continue; // a blank line
            }

            if (fieldCount != columns.Count)
            {
                _errors.Add(Error(AggregationCsvErrorCode.FieldCount, line, null, null, $"Dòng có {fieldCount} trường, tiêu đề có {columns.Count}", $"The line has {fieldCount} fields, the header {columns.Count}"));
                continue;
            }

            string indicator = Code(records.Field(ci), _lastIndicator, pool);
            string unit = Code(records.Field(cu), _lastUnit, pool, normalize: false);
            bool ok = true;
            if (indicator.Length == 0)
            {
                _errors.Add(Error(AggregationCsvErrorCode.MissingIndicator, line, ci + 1, "indicator", "Thiếu mã chỉ tiêu", "The indicator code is missing"));
                ok = false;
            }

            if (unit.Length == 0)
            {
                _errors.Add(Error(AggregationCsvErrorCode.MissingReportingUnit, line, cu + 1, "unit", "Thiếu mã đơn vị báo cáo", "The reporting unit code is missing"));
                ok = false;
            }

            // The period: the same text as the line before (files are usually sorted), a known one, or parsed once.
            ReadOnlySpan<byte> periodRaw = records.Field(cp);
            ReportingPeriod period;
            if (Ascii.IsValid(periodRaw))
            {
                ReadOnlySpan<byte> p = TrimAscii(periodRaw);
                Span<char> chars = Chars(p.Length);
                Ascii.ToUtf16(p, chars, out _);
                if (!lastPeriod.IsDefault && chars.SequenceEqual(lastPeriodText))
                {
                    period = lastPeriod;
                }
                else if (!periods.TryGetValue(chars, out period) && !TryParsePeriod(chars.ToString(), line, cp, out period))
                {
                    ok = false;
                }
                else if (chars.Length <= lastPeriodChars.Length)
                {
                    chars.CopyTo(lastPeriodChars);
                    lastPeriodText = lastPeriodChars.AsSpan(0, chars.Length);
                    lastPeriod = period;
                }
            }
            else if (!_periods.TryGetValue(Text(periodRaw).Trim(), out period) && !TryParsePeriod(Text(periodRaw).Trim(), line, cp, out period))
            {
                ok = false;
            }

            ReadOnlySpan<byte> valueRaw = records.Field(cv);
            decimal value = 0m;
            DecimalTextOutcome outcome = DecimalTextOutcome.NotANumber;
            if (Ascii.IsValid(valueRaw))
            {
                outcome = DecimalText.Parse(TrimAscii(valueRaw), out value);
            }
            else
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

            Maturity maturity = Maturity.Official;
            if (cm >= 0 && !TryMaturity(records.Field(cm), out maturity))
            {
                string raw = Text(records.Field(cm));
                _errors.Add(Error(AggregationCsvErrorCode.InvalidMaturity, line, cm + 1, "maturity", $"Mức độ '{raw}' không hợp lệ (uoc-tinh, so-bo, chinh-thuc)", $"Maturity '{raw}' is not valid (estimate, preliminary, official)"));
                ok = false;
            }

            string? dis = cd >= 0 ? Code(records.Field(cd), _lastDisaggregation, pool) : null;
            string? measure = cum >= 0 ? Code(records.Field(cum), _lastMeasure, pool) : null;
            if (ok)
            {
                Add(new AggregationInput(indicator, unit, period, value, maturity, dis?.Length > 0 ? dis : null, measure?.Length > 0 ? measure : null), line);
            }
        }

        if (columns is null && _errors.Count == 0)
        {
            _errors.Add(Error(AggregationCsvErrorCode.EmptyFile, 1, null, null, "Tệp rỗng: thiếu dòng tiêu đề indicator,unit,period,value", "The file is empty: the header indicator,unit,period,value is missing"));
        }

        return KtxhResult.FromErrorsOr(_errors, () => new AggregationInputs(Concatenate(_chunks), Concatenate(_lineChunks), _source));
    }

    private KtxhError ValueError(DecimalTextOutcome outcome, string text, int line, int column) => outcome switch
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

    private bool TryParsePeriod(string text, int line, int column, out ReportingPeriod period)
    {
        if (ReportingPeriod.TryParse(text, out period))
        {
            _periods[text] = period;
            return true;
        }

        _errors.Add(Error(AggregationCsvErrorCode.InvalidPeriod, line, column + 1, "period", $"Kỳ '{text}' không hợp lệ (ví dụ 2026-M07, 2026-Q3)", $"Period '{text}' is not valid (e.g. 2026-M07, 2026-Q3)"));
        return false;
    }

    /// <summary>A code (indicator, unit, disaggregation, unit of measure): trimmed, NFC (not the unit, as before), one
    /// string per distinct text.</summary>
    private string Code(ReadOnlySpan<byte> raw, LastField last, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> pool, bool normalize = true)
    {
        if (last.Value is not null && raw.SequenceEqual(last.Bytes.AsSpan(0, last.Length)))
        {
            return last.Value;
        }

        string value;
        if (Ascii.IsValid(raw))
        {
            ReadOnlySpan<byte> t = TrimAscii(raw);
            Span<char> chars = Chars(t.Length);
            Ascii.ToUtf16(t, chars, out _);
            if (!pool.TryGetValue(chars, out string? existing))
            {
                existing = chars.ToString();
                _pool[existing] = existing;
            }

            value = existing;
        }
        else
        {
            string text = normalize ? VietnameseText.Normalize(Text(raw).Trim())! : Text(raw).Trim();
            if (!_pool.TryGetValue(text, out string? existing))
            {
                existing = text;
                _pool[text] = text;
            }

            value = existing;
        }

        last.Remember(raw, value);
        return value;
    }

    private bool TryMaturity(ReadOnlySpan<byte> raw, out Maturity maturity)
    {
        Dictionary<string, Maturity>.AlternateLookup<ReadOnlySpan<char>> known = _maturities.GetAlternateLookup<ReadOnlySpan<char>>();
        if (Ascii.IsValid(raw))
        {
            Span<char> chars = Chars(raw.Length);
            Ascii.ToUtf16(raw, chars, out _);
            if (known.TryGetValue(chars, out maturity))
            {
                return true;
            }
        }

        string text = Text(raw);
        if (!AggregationCsv.TryMaturity(text.Trim(), out maturity))
        {
            return false;
        }

        _maturities[text] = maturity;
        return true;
    }

    private Dictionary<string, int>? Header(Utf8CsvRecords records)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        int before = _errors.Count;
        for (int i = 0; i < records.FieldCount; i++)
        {
            string field = Text(records.Field(i));
            string name = field.Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (!AggregationCsv.Required.Contains(name) && !AggregationCsv.Optional.Contains(name))
            {
                _errors.Add(Error(AggregationCsvErrorCode.UnsupportedColumn, 1, i + 1, field.Trim(), $"Cột '{field}' không được hỗ trợ", $"Column '{field}' is not supported"));
            }
            else if (!columns.TryAdd(name, i))
            {
                _errors.Add(Error(AggregationCsvErrorCode.DuplicateColumn, 1, i + 1, name, $"Cột '{name}' bị lặp", $"Column '{name}' appears twice"));
            }
        }

        foreach (string r in AggregationCsv.Required.Where(r => !columns.ContainsKey(r)))
        {
            _errors.Add(Error(AggregationCsvErrorCode.MissingColumn, 1, null, r, $"Thiếu cột bắt buộc '{r}'", $"The required column '{r}' is missing"));
        }

        return _errors.Count == before ? columns : null;
    }

    private void Add(in AggregationInput input, int line)
    {
        int at = _count % ChunkSize;
        if (at == 0)
        {
            _chunks.Add(new AggregationInput[ChunkSize]);
            _lineChunks.Add(new int[ChunkSize]);
        }

        _chunks[^1][at] = input;
        _lineChunks[^1][at] = line;
        _count++;
    }

    /// <summary>One exact-size array from the chunks, which are let go one by one (the peak is the data once plus a chunk).</summary>
    private T[] Concatenate<T>(List<T[]> chunks)
    {
        var all = new T[_count];
        for (int c = 0; c < chunks.Count; c++)
        {
            int n = Math.Min(ChunkSize, _count - (c * ChunkSize));
            Array.Copy(chunks[c], 0, all, c * ChunkSize, n);
            chunks[c] = [];
        }

        return all;
    }

    private Span<char> Chars(int length)
    {
        if (_chars.Length < length)
        {
            _chars = new char[Math.Max(length, _chars.Length * 2)];
        }

        return _chars.AsSpan(0, length);
    }

    private static string Text(ReadOnlySpan<byte> raw) => Encoding.UTF8.GetString(raw);

    /// <summary>Trims what <see cref="string.Trim()"/> trims among ASCII characters (tab to carriage return, space).</summary>
    private static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> s)
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

    private static bool IsSpace(byte c) => c == (byte)' ' || (c >= 9 && c <= 13);

    // Every error names the file (when known), the 1-based line, the 1-based column and the column's header name.
    private KtxhError Error(AggregationCsvErrorCode code, int line, int? column, string? field, string messageVi, string messageEn) =>
        KtxhError.Create(code, new ErrorLocation { Source = _source, Line = line, Column = column, Field = field }, messageVi, messageEn);

    /// <summary>The last bytes of one column and the string they gave (sorted files repeat codes line after line).</summary>
    private sealed class LastField
    {
        public byte[] Bytes = new byte[32];

        public int Length;

        public string? Value;

        public void Remember(ReadOnlySpan<byte> raw, string value)
        {
            if (raw.Length > Bytes.Length)
            {
                Bytes = new byte[raw.Length];
            }

            raw.CopyTo(Bytes);
            Length = raw.Length;
            Value = value;
        }
    }
}
