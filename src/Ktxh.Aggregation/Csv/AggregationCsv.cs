using System.Globalization;
using System.Text;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>One problem in a CSV file, located by line and column (both 1-based), in Vietnamese and English.</summary>
/// <param name="Line">The 1-based line (the header is line 1).</param>
/// <param name="Column">The 1-based column (field) number, or 0 for the whole line.</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record CsvError(int Line, int Column, string MessageVi, string MessageEn)
{
    /// <inheritdoc />
    public override string ToString() => $"dòng/line {Line}, cột/column {Column}: {MessageVi} / {MessageEn}";
}

/// <summary>The outcome of reading a CSV file: the values when every line is valid, otherwise every error found.</summary>
/// <typeparam name="T">The value read.</typeparam>
public sealed class CsvReadResult<T>
    where T : class
{
    internal CsvReadResult(T? value, IReadOnlyList<CsvError> errors, IReadOnlyList<int>? lines = null)
    {
        Value = errors.Count == 0 ? value : null;
        Errors = errors;
        Lines = errors.Count == 0 && lines is not null ? lines : [];
    }

    /// <summary>For a list read from a file: the 1-based line each item started on (same order as the items).</summary>
    public IReadOnlyList<int> Lines { get; }

    /// <summary>Whether the file was read without error.</summary>
    public bool Success => Errors.Count == 0;

    /// <summary>The value, or null when there were errors (nothing is half-read).</summary>
    public T? Value { get; }

    /// <summary>Every error, in file order.</summary>
    public IReadOnlyList<CsvError> Errors { get; }

    /// <summary>The value, or throws.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="FormatException">The file had errors; the message lists them.</exception>
    public T GetValueOrThrow() => Value ?? throw new FormatException(string.Join(Environment.NewLine, Errors));
}

/// <summary>
/// The CSV formats of the aggregation engine (documented in <c>docs/aggregation-csv.md</c>): UTF-8, comma separated,
/// RFC 4180 quoting, invariant culture with <c>.</c> as the decimal separator.
/// </summary>
/// <remarks>
/// Input: header <c>indicator,unit,period,value</c> and optionally <c>disaggregation</c>, <c>maturity</c> and
/// <c>unit_of_measure</c>, in any order. Output: <c>indicator,unit,period,value,reported_units,expected_units,maturity,flags</c>
/// (plus <c>disaggregation</c> last when a disaggregated value was aggregated). Stateless and thread-safe.
/// </remarks>
public static class AggregationCsv
{
    /// <summary>The header of the output file.</summary>
    public const string OutputHeader = "indicator,unit,period,value,reported_units,expected_units,maturity,flags";

    private static readonly string[] Required = ["indicator", "unit", "period", "value"];
    private static readonly string[] Optional = ["disaggregation", "maturity", "unit_of_measure"];

    /// <summary>Reads input values; nothing is returned unless every line is valid.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <returns>The inputs, or every error with its line and column.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static CsvReadResult<IReadOnlyList<AggregationInput>> ReadInputs(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<CsvError>();
        var inputs = new List<AggregationInput>();
        var lines = new List<int>();
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var periods = new Dictionary<string, ReportingPeriod>(StringComparer.Ordinal);
        int line = 0;
        Dictionary<string, int>? columns = null;
        foreach (List<string> fields in Records(reader, errors, () => line, l => line = l))
        {
            if (columns is null)
            {
                columns = Header(fields, errors);
                if (columns is null)
                {
                    break;
                }

                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue; // a blank line
            }

            if (fields.Count != columns.Count)
            {
                errors.Add(new CsvError(line, 0, $"Dòng có {fields.Count} trường, tiêu đề có {columns.Count}", $"The line has {fields.Count} fields, the header {columns.Count}"));
                continue;
            }

            string indicator = Intern(Nfc(fields[columns["indicator"]].Trim()), interned);
            string unit = Intern(fields[columns["unit"]].Trim(), interned);
            string periodText = fields[columns["period"]].Trim();
            string valueText = fields[columns["value"]].Trim();
            bool ok = true;
            if (indicator.Length == 0)
            {
                errors.Add(new CsvError(line, columns["indicator"] + 1, "Thiếu mã chỉ tiêu", "The indicator code is missing"));
                ok = false;
            }

            if (unit.Length == 0)
            {
                errors.Add(new CsvError(line, columns["unit"] + 1, "Thiếu mã đơn vị báo cáo", "The reporting unit code is missing"));
                ok = false;
            }

            if (!periods.TryGetValue(periodText, out ReportingPeriod period))
            {
                KtxhResult<ReportingPeriod> parsed = ReportingPeriod.ParseWithResult(periodText);
                if (parsed.Success)
                {
                    period = parsed.Value;
                    periods[periodText] = period;
                }
                else
                {
                    errors.Add(new CsvError(line, columns["period"] + 1, $"Kỳ '{periodText}' không hợp lệ (ví dụ 2026-M07, 2026-Q3)", $"Period '{periodText}' is not valid (e.g. 2026-M07, 2026-Q3)"));
                    ok = false;
                }
            }

            if (!decimal.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                errors.Add(new CsvError(line, columns["value"] + 1, $"Giá trị '{valueText}' không phải số (dấu thập phân là '.')", $"Value '{valueText}' is not a number ('.' is the decimal separator)"));
                ok = false;
            }

            Maturity maturity = Maturity.Official;
            if (columns.TryGetValue("maturity", out int mc) && !TryMaturity(fields[mc].Trim(), out maturity))
            {
                errors.Add(new CsvError(line, mc + 1, $"Mức độ '{fields[mc]}' không hợp lệ (uoc-tinh, so-bo, chinh-thuc)", $"Maturity '{fields[mc]}' is not valid (estimate, preliminary, official)"));
                ok = false;
            }

            string? dis = columns.TryGetValue("disaggregation", out int dc) && fields[dc].Trim().Length > 0 ? Intern(Nfc(fields[dc].Trim()), interned) : null;
            string? measure = columns.TryGetValue("unit_of_measure", out int uc) && fields[uc].Trim().Length > 0 ? Intern(Nfc(fields[uc].Trim()), interned) : null;
            if (ok)
            {
                inputs.Add(new AggregationInput(indicator, unit, period, value, maturity, dis, measure));
                lines.Add(line);
            }
        }

        if (columns is null && errors.Count == 0)
        {
            errors.Add(new CsvError(1, 0, "Tệp rỗng: thiếu dòng tiêu đề indicator,unit,period,value", "The file is empty: the header indicator,unit,period,value is missing"));
        }

        return new CsvReadResult<IReadOnlyList<AggregationInput>>(inputs, errors, lines);
    }

    /// <summary>Writes every aggregate of a result.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="result">The result.</param>
    /// <param name="periods">Only these periods, or null for all.</param>
    /// <returns>The number of rows written (without the header).</returns>
    /// <exception cref="ArgumentNullException">The writer or the result is null.</exception>
    public static long WriteAggregates(TextWriter writer, AggregationResult result, IReadOnlySet<ReportingPeriod>? periods = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        bool withDisaggregation = result.Aggregates().Any(a => a.Disaggregation is not null);
        writer.Write(OutputHeader);
        writer.Write(withDisaggregation ? ",disaggregation\n" : "\n");
        long rows = 0;
        var sb = new StringBuilder(128);
        foreach (Aggregate a in result.Aggregates())
        {
            if (periods is not null && !periods.Contains(a.Period))
            {
                continue;
            }

            sb.Clear();
            sb.Append(Quote(a.IndicatorCode)).Append(',').Append(Quote(a.UnitCode)).Append(',').Append(a.Period.Id).Append(',');
            if (a.Value is decimal v)
            {
                sb.Append(v.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(',').Append(a.Coverage.Reported.ToString(CultureInfo.InvariantCulture))
              .Append(',').Append(a.Coverage.Expected.ToString(CultureInfo.InvariantCulture))
              .Append(',').Append(MaturityText(a.Maturity))
              .Append(',').Append(FlagsText(a.Flags));
            if (withDisaggregation)
            {
                sb.Append(',').Append(Quote(a.Disaggregation ?? string.Empty));
            }

            sb.Append('\n');
            writer.Write(sb);
            rows++;
        }

        return rows;
    }

    /// <summary>The text of a maturity in the files: <c>estimate</c>, <c>preliminary</c>, <c>official</c>, or empty.</summary>
    /// <param name="maturity">The maturity.</param>
    /// <returns>The text.</returns>
    public static string MaturityText(Maturity? maturity) => maturity switch
    {
        Maturity.Estimate => "estimate",
        Maturity.Preliminary => "preliminary",
        Maturity.Official => "official",
        _ => string.Empty,
    };

    /// <summary>The flags as names joined by <c>|</c> (empty when none).</summary>
    /// <param name="flags">The flags.</param>
    /// <returns>The text.</returns>
    public static string FlagsText(AggregateFlags flags) =>
        flags == AggregateFlags.None ? string.Empty : flags.ToString().Replace(", ", "|", StringComparison.Ordinal);

    /// <summary>Reads a maturity written in English, Vietnamese (with or without diacritics) or as 1–3.</summary>
    /// <param name="text">The text; empty means official.</param>
    /// <param name="maturity">The maturity.</param>
    /// <returns>Whether the text is a maturity.</returns>
    public static bool TryMaturity(string text, out Maturity maturity)
    {
        string t = Nfc(text).Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-');
        maturity = t switch
        {
            "" or "official" or "chinh-thuc" or "chính-thức" or "3" => Maturity.Official,
            "preliminary" or "so-bo" or "sơ-bộ" or "2" => Maturity.Preliminary,
            "estimate" or "uoc-tinh" or "ước-tính" or "1" => Maturity.Estimate,
            _ => 0,
        };
        return maturity != 0;
    }

    private static Dictionary<string, int>? Header(List<string> fields, List<CsvError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            string name = fields[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                errors.Add(new CsvError(1, i + 1, $"Cột '{fields[i]}' không được hỗ trợ", $"Column '{fields[i]}' is not supported"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new CsvError(1, i + 1, $"Cột '{name}' bị lặp", $"Column '{name}' appears twice"));
            }
        }

        foreach (string r in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(new CsvError(1, 0, $"Thiếu cột bắt buộc '{r}'", $"The required column '{r}' is missing"));
        }

        return errors.Count == 0 ? columns : null;
    }

    /// <summary>Splits RFC 4180 records (quoted fields may hold commas, quotes and line breaks).</summary>
    private static IEnumerable<List<string>> Records(TextReader reader, List<CsvError> errors, Func<int> getLine, Action<int> setLine)
    {
        int physical = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            physical++;
            setLine(physical);
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false;
            int i = 0;
            bool broken = false;
            while (true)
            {
                if (i >= text.Length)
                {
                    if (quoted)
                    {
                        string? next = reader.ReadLine();
                        if (next is null)
                        {
                            errors.Add(new CsvError(getLine(), fields.Count + 1, "Dấu ngoặc kép không được đóng", "A quoted field is not closed"));
                            broken = true;
                            break;
                        }

                        physical++;
                        field.Append('\n');
                        text = next;
                        i = 0;
                        continue;
                    }

                    fields.Add(field.ToString());
                    break;
                }

                char c = text[i];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        quoted = false;
                        i++;
                        if (i < text.Length && text[i] != ',')
                        {
                            errors.Add(new CsvError(getLine(), fields.Count + 1, "Ký tự thừa sau dấu ngoặc kép đóng", "Unexpected text after a closing quote"));
                            broken = true;
                            break;
                        }

                        continue;
                    }

                    field.Append(c);
                    i++;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                    i++;
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                    i++;
                }
                else
                {
                    field.Append(c);
                    i++;
                }
            }

            if (!broken)
            {
                yield return fields;
            }
        }
    }

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Nfc(string s) => s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);

    private static string Intern(string s, Dictionary<string, string> pool)
    {
        if (pool.TryGetValue(s, out string? existing))
        {
            return existing;
        }

        pool[s] = s;
        return s;
    }
}
