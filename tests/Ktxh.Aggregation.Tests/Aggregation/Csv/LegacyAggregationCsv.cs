using System.Globalization;
using System.Text;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>
/// The reference: the reader and writer as they were before issue 10 (string per field, StringBuilder per row), kept to
/// check that the UTF-8 reader and writer give the same inputs, errors and bytes.
/// The CSV formats of the aggregation engine (documented in <c>docs/aggregation-csv.md</c>): UTF-8, comma separated,
/// RFC 4180 quoting, invariant culture with <c>.</c> as the decimal separator.
/// </summary>
/// <remarks>
/// Input: header <c>indicator,unit,period,value</c> and optionally <c>disaggregation</c>, <c>maturity</c> and
/// <c>unit_of_measure</c>, in any order. Output: <c>indicator,unit,period,value,reported_units,expected_units,maturity,flags</c>
/// (plus <c>disaggregation</c> last when a disaggregated value was aggregated). Stateless and thread-safe.
/// </remarks>
internal static class LegacyAggregationCsv
{
    /// <summary>The header of the output file.</summary>
    public const string OutputHeader = "indicator,unit,period,value,reported_units,expected_units,maturity,flags";

    private static readonly string[] Required = ["indicator", "unit", "period", "value"];
    private static readonly string[] Optional = ["disaggregation", "maturity", "unit_of_measure"];

    /// <summary>Reads input values; nothing is returned unless every line is valid.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">The file name, for the errors' <see cref="ErrorLocation.Source"/>, or null when unknown.</param>
    /// <returns>The inputs with the line each came from, or every error (an <see cref="AggregationCsvErrorCode"/>
    /// located by line, column and column name, in Vietnamese and English).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static KtxhResult<(AggregationInput[] Inputs, int[] Lines)> ReadInputs(TextReader reader, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<KtxhError>();
        var inputs = new List<AggregationInput>();
        var lines = new List<int>();
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var periods = new Dictionary<string, ReportingPeriod>(StringComparer.Ordinal);
        int line = 0;
        Dictionary<string, int>? columns = null;
        foreach (List<string> fields in Records(reader, errors, source, () => line, l => line = l))
        {
            if (columns is null)
            {
                columns = Header(fields, errors, source);
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
                errors.Add(Error(AggregationCsvErrorCode.FieldCount, source, line, null, null, $"Dòng có {fields.Count} trường, tiêu đề có {columns.Count}", $"The line has {fields.Count} fields, the header {columns.Count}"));
                continue;
            }

            string indicator = Intern(Nfc(fields[columns["indicator"]].Trim()), interned);
            string unit = Intern(fields[columns["unit"]].Trim(), interned);
            string periodText = fields[columns["period"]].Trim();
            string valueText = fields[columns["value"]].Trim();
            bool ok = true;
            if (indicator.Length == 0)
            {
                errors.Add(Error(AggregationCsvErrorCode.MissingIndicator, source, line, columns["indicator"] + 1, "indicator", "Thiếu mã chỉ tiêu", "The indicator code is missing"));
                ok = false;
            }

            if (unit.Length == 0)
            {
                errors.Add(Error(AggregationCsvErrorCode.MissingReportingUnit, source, line, columns["unit"] + 1, "unit", "Thiếu mã đơn vị báo cáo", "The reporting unit code is missing"));
                ok = false;
            }

            if (!periods.TryGetValue(periodText, out ReportingPeriod period))
            {
                if (ReportingPeriod.TryParse(periodText, out period))
                {
                    periods[periodText] = period;
                }
                else
                {
                    errors.Add(Error(AggregationCsvErrorCode.InvalidPeriod, source, line, columns["period"] + 1, "period", $"Kỳ '{periodText}' không hợp lệ (ví dụ 2026-M07, 2026-Q3)", $"Period '{periodText}' is not valid (e.g. 2026-M07, 2026-Q3)"));
                    ok = false;
                }
            }

            if (!decimal.TryParse(valueText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal value))
            {
                errors.Add(Error(AggregationCsvErrorCode.InvalidValue, source, line, columns["value"] + 1, "value", $"Giá trị '{valueText}' không phải số (dấu thập phân là '.')", $"Value '{valueText}' is not a number ('.' is the decimal separator)"));
                ok = false;
            }

            Maturity maturity = Maturity.Official;
            if (columns.TryGetValue("maturity", out int mc) && !AggregationCsv.TryMaturity(fields[mc].Trim(), out maturity))
            {
                errors.Add(Error(AggregationCsvErrorCode.InvalidMaturity, source, line, mc + 1, "maturity", $"Mức độ '{fields[mc]}' không hợp lệ (uoc-tinh, so-bo, chinh-thuc)", $"Maturity '{fields[mc]}' is not valid (estimate, preliminary, official)"));
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
            errors.Add(Error(AggregationCsvErrorCode.EmptyFile, source, 1, null, null, "Tệp rỗng: thiếu dòng tiêu đề indicator,unit,period,value", "The file is empty: the header indicator,unit,period,value is missing"));
        }

        return KtxhResult.FromErrorsOr(errors, () => (inputs.ToArray(), lines.ToArray()));
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
              .Append(',').Append(AggregationCsv.MaturityText(a.Maturity))
              .Append(',').Append(AggregationCsv.FlagsText(a.Flags));
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

    // The maturity and flag texts are the shipped ones (AggregationCsv.MaturityText, FlagsText, TryMaturity): they did
    // not change with issue 10; this reference keeps only the reading and writing loops that did.

    private static Dictionary<string, int>? Header(List<string> fields, List<KtxhError> errors, string? source)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < fields.Count; i++)
        {
            string name = fields[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (!Required.Contains(name) && !Optional.Contains(name))
            {
                errors.Add(Error(AggregationCsvErrorCode.UnsupportedColumn, source, 1, i + 1, fields[i].Trim(), $"Cột '{fields[i]}' không được hỗ trợ", $"Column '{fields[i]}' is not supported"));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(Error(AggregationCsvErrorCode.DuplicateColumn, source, 1, i + 1, name, $"Cột '{name}' bị lặp", $"Column '{name}' appears twice"));
            }
        }

        foreach (string r in Required.Where(r => !columns.ContainsKey(r)))
        {
            errors.Add(Error(AggregationCsvErrorCode.MissingColumn, source, 1, null, r, $"Thiếu cột bắt buộc '{r}'", $"The required column '{r}' is missing"));
        }

        return errors.Count == 0 ? columns : null;
    }

    /// <summary>Splits RFC 4180 records (quoted fields may hold commas, quotes and line breaks).</summary>
    private static IEnumerable<List<string>> Records(TextReader reader, List<KtxhError> errors, string? source, Func<int> getLine, Action<int> setLine)
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
                            errors.Add(Error(AggregationCsvErrorCode.UnclosedQuote, source, getLine(), fields.Count + 1, null, "Dấu ngoặc kép không được đóng", "A quoted field is not closed"));
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
                            errors.Add(Error(AggregationCsvErrorCode.TextAfterQuote, source, getLine(), fields.Count + 1, null, "Ký tự thừa sau dấu ngoặc kép đóng", "Unexpected text after a closing quote"));
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

    // Every error names the file (when known), the 1-based line, the 1-based column and the column's header name.
    private static KtxhError Error(AggregationCsvErrorCode code, string? source, int line, int? column, string? field, string messageVi, string messageEn) =>
        KtxhError.Create(code, new ErrorLocation { Source = source, Line = line, Column = column, Field = field }, messageVi, messageEn);

    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\n\r") < 0 ? s : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Nfc(string s) => VietnameseText.Normalize(s);

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
