using System.Text.RegularExpressions;

namespace Ktxh.Indicators.Forms;

/// <summary>
/// A parsed statistical form code such as <c>001.T/BCC-XXXX</c>: the number, the period part and the suffix naming
/// the regime and the reporting body.
/// </summary>
/// <remarks>
/// Format (TT 20/2024/TT-BKHĐT style): one to four digits, a dot, the period part (<c>N</c>, <c>2N</c>, <c>5N</c>,
/// <c>Q</c>, <c>T</c>, <c>V</c>, <c>H</c>, see <see cref="FormPeriodKind"/>), a slash, and a non-empty suffix
/// (<c>BCC-XXXX</c>). Letters are compared upper-case; spaces around the parts are not allowed.
/// </remarks>
/// <param name="Number">The form number as written (<c>001</c>).</param>
/// <param name="PeriodKind">The period the letter stands for.</param>
/// <param name="Suffix">The text after the slash (<c>BCC-XXXX</c>).</param>
public readonly partial record struct ReportFormCode(string Number, FormPeriodKind PeriodKind, string Suffix)
{
    /// <summary>Gets the period part as written in a code (<c>T</c>, <c>2N</c>…).</summary>
    public string PeriodLetter => PeriodKind switch
    {
        FormPeriodKind.Year => "N",
        FormPeriodKind.TwoYears => "2N",
        FormPeriodKind.FiveYears => "5N",
        FormPeriodKind.Quarter => "Q",
        FormPeriodKind.Month => "T",
        FormPeriodKind.CropSeason => "V",
        _ => "H",
    };

    /// <summary>Parses a form code.</summary>
    /// <param name="text">The code text.</param>
    /// <returns>The parsed code.</returns>
    /// <exception cref="KtxhException">The text is not a form code (bilingual message).</exception>
    public static ReportFormCode Parse(string text) => ParseWithResult(text).Value;

    /// <summary>Parses a form code, returning the result model.</summary>
    /// <param name="text">The code text.</param>
    /// <returns>The parsed code, or a <see cref="CatalogueErrorCode.InvalidField"/> error in Vietnamese and English.</returns>
    public static KtxhResult<ReportFormCode> ParseWithResult(string? text) =>
        TryParse(text, out ReportFormCode code)
            ? KtxhResult<ReportFormCode>.ForValue(code)
            : KtxhResult<ReportFormCode>.ForError(KtxhError.Create(CatalogueErrorCode.InvalidField, ErrorLocation.AtPosition(0),
                $"'{text}' không phải mã biểu dạng 001.T/BCC-XXXX (kỳ: N, 2N, 5N, Q, T, V, H)",
                $"'{text}' is not a form code like 001.T/BCC-XXXX (period: N, 2N, 5N, Q, T, V, H)"));

    /// <summary>Tries to parse a form code.</summary>
    /// <param name="text">The code text.</param>
    /// <param name="code">The parsed code, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a form code.</returns>
    public static bool TryParse(string? text, out ReportFormCode code)
    {
        code = default;
        if (text is null)
        {
            return false;
        }

        Match m = CodePattern().Match(VietnameseText.Normalize(text)!);
        if (!m.Success)
        {
            return false;
        }

        FormPeriodKind kind = m.Groups["period"].Value.ToUpperInvariant() switch
        {
            "N" => FormPeriodKind.Year,
            "2N" => FormPeriodKind.TwoYears,
            "5N" => FormPeriodKind.FiveYears,
            "Q" => FormPeriodKind.Quarter,
            "T" => FormPeriodKind.Month,
            "V" => FormPeriodKind.CropSeason,
            _ => FormPeriodKind.Mixed,
        };
        code = new ReportFormCode(m.Groups["number"].Value, kind, m.Groups["suffix"].Value);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Number}.{PeriodLetter}/{Suffix}";

    [GeneratedRegex(@"^(?<number>\d{1,4})\.(?<period>2N|5N|N|Q|T|V|H)/(?<suffix>\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
