using System.Text;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

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

    internal static readonly string[] Required = ["indicator", "unit", "period", "value"];
    internal static readonly string[] Optional = ["disaggregation", "maturity", "unit_of_measure"];

    /// <summary>Reads input values from UTF-8 bytes; nothing is returned unless every line is valid.</summary>
    /// <param name="utf8">The CSV file's bytes (UTF-8; a byte-order mark is skipped). Read to the end, not closed.</param>
    /// <param name="source">The file name, for the errors' <see cref="ErrorLocation.Source"/>, or null when unknown.</param>
    /// <returns>The inputs with the line each came from, or every error (an <see cref="AggregationCsvErrorCode"/>
    /// located by line, column and column name, in Vietnamese and English).</returns>
    /// <remarks>Fields are split and numbers parsed from the bytes (no string per field); a value with more significant
    /// digits than <see cref="decimal"/> holds is an error (<see cref="AggregationCsvErrorCode.InexactValue"/>), never
    /// rounded.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="utf8"/> is null.</exception>
    public static KtxhResult<AggregationInputs> ReadInputs(Stream utf8, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        return InputCsvReader.Read(utf8, source);
    }

    /// <summary>Reads input values; nothing is returned unless every line is valid.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">The file name, for the errors' <see cref="ErrorLocation.Source"/>, or null when unknown.</param>
    /// <returns>The inputs with the line each came from, or every error (an <see cref="AggregationCsvErrorCode"/>
    /// located by line, column and column name, in Vietnamese and English).</returns>
    /// <remarks>Reads the whole text, then as <see cref="ReadInputs(Stream, string?)"/>; prefer that overload for files.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is null.</exception>
    public static KtxhResult<AggregationInputs> ReadInputs(TextReader reader, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var bytes = new MemoryStream(Encoding.UTF8.GetBytes(reader.ReadToEnd()), writable: false);
        return ReadInputs(bytes, source);
    }

    /// <summary>Writes every aggregate of a result as UTF-8.</summary>
    /// <param name="utf8">Where to write (buffered here; not flushed beyond what is written, not closed).</param>
    /// <param name="result">The result.</param>
    /// <param name="periods">Only these periods, or null for all.</param>
    /// <returns>The number of rows written (without the header).</returns>
    /// <remarks>Formats straight from the result's arrays into a byte buffer: no object or string per aggregate.</remarks>
    /// <exception cref="ArgumentNullException">The stream or the result is null.</exception>
    public static long WriteAggregates(Stream utf8, AggregationResult result, IReadOnlySet<ReportingPeriod>? periods = null)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        ArgumentNullException.ThrowIfNull(result);
        return AggregateCsvWriter.Write(result, periods, (buffer, count) => utf8.Write(buffer, 0, count));
    }

    /// <summary>Writes every aggregate of a result.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="result">The result.</param>
    /// <param name="periods">Only these periods, or null for all.</param>
    /// <returns>The number of rows written (without the header).</returns>
    /// <remarks>The same text as <see cref="WriteAggregates(Stream, AggregationResult, IReadOnlySet{ReportingPeriod}?)"/>;
    /// prefer that overload for files.</remarks>
    /// <exception cref="ArgumentNullException">The writer or the result is null.</exception>
    public static long WriteAggregates(TextWriter writer, AggregationResult result, IReadOnlySet<ReportingPeriod>? periods = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        char[] chars = [];
        return AggregateCsvWriter.Write(result, periods, (buffer, count) =>
        {
            // Whole rows are flushed, so each chunk is complete UTF-8.
            int needed = Encoding.UTF8.GetMaxCharCount(count);
            if (chars.Length < needed)
            {
                chars = new char[needed];
            }

            writer.Write(chars, 0, Encoding.UTF8.GetChars(buffer, 0, count, chars, 0));
        });
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

    private static string Nfc(string s) => VietnameseText.Normalize(s);
}
