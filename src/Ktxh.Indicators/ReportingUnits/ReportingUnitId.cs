using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// The identity of one version of a reporting unit: its code and the first day of its validity.
/// </summary>
/// <remarks>
/// Codes alone do not identify a unit across time: a new commune formed on 2025-07-01 usually keeps the code of one
/// of its predecessors (Phường Ba Đình 00004 from 2025-07-01 is not the old Phường Trúc Bạch 00004), and new provinces
/// keep the code of one old province. Within one version's validity a code names exactly one unit, so
/// code + <see cref="ValidFrom"/> is unique. Text form: <c>00004@2025-07-01</c>, or <c>00004@*</c> for a version
/// whose start lies before the data's horizon (<see cref="ValidFrom"/> is <see langword="null"/>).
/// </remarks>
/// <param name="Code">The unit code (2 digits for a province, 3 for a district, 5 for a commune; free for agencies).</param>
/// <param name="ValidFrom">The first day of the version's validity, or <see langword="null"/> when unknown (since before the data's horizon).</param>
public readonly record struct ReportingUnitId(string Code, LocalDate? ValidFrom)
{
    /// <summary>Formats the identity as <c>code@yyyy-MM-dd</c> or <c>code@*</c>.</summary>
    /// <returns>The text form.</returns>
    public override string ToString() => ValidFrom is { } from
        ? Code + "@" + LocalDatePattern.Iso.Format(from)
        : Code + "@*";

    /// <summary>Parses the text form written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text, e.g. <c>00004@2025-07-01</c>.</param>
    /// <param name="id">The identity when the text is valid.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? text, out ReportingUnitId id)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        int at = text.LastIndexOf('@');
        if (at <= 0)
        {
            return false;
        }

        string code = text[..at].Trim();
        string from = text[(at + 1)..].Trim();
        if (from == "*")
        {
            id = new ReportingUnitId(code, null);
            return true;
        }

        ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(from);
        if (!date.Success)
        {
            return false;
        }

        id = new ReportingUnitId(code, date.Value);
        return true;
    }

    /// <summary>Parses the text form written by <see cref="ToString"/>.</summary>
    /// <param name="text">The text, e.g. <c>00004@2025-07-01</c>.</param>
    /// <returns>The identity.</returns>
    /// <exception cref="KtxhException">The text is not <c>code@yyyy-MM-dd</c> or <c>code@*</c>.</exception>
    public static ReportingUnitId Parse(string text) => ParseWithResult(text).Value;

    /// <summary>Parses the text form written by <see cref="ToString"/>, returning the result model.</summary>
    /// <param name="text">The text, e.g. <c>00004@2025-07-01</c>.</param>
    /// <returns>The identity, or a <see cref="ReportingUnitsErrorCode.InvalidUnit"/> error in Vietnamese and English.</returns>
    public static KtxhResult<ReportingUnitId> ParseWithResult(string? text) => TryParse(text, out ReportingUnitId id)
        ? KtxhResult<ReportingUnitId>.ForValue(id)
        : KtxhResult<ReportingUnitId>.ForError(KtxhError.Create(ReportingUnitsErrorCode.InvalidUnit, ErrorLocation.AtPosition(0),
            string.Format(CultureInfo.InvariantCulture, "Mã định danh đơn vị không hợp lệ: '{0}' (cần dạng mã@yyyy-MM-dd hoặc mã@*)", text),
            string.Format(CultureInfo.InvariantCulture, "Invalid unit identity: '{0}' (expected code@yyyy-MM-dd or code@*)", text)));
}
