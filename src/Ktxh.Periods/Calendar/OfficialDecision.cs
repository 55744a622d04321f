using System.Globalization;
using NodaTime;

namespace Ktxh.Periods;

/// <summary>An official document that fixes a year's days off for public-sector staff: a Government Office
/// dispatch (công văn …/VPCP-KGVX) conveying the Prime Minister's decision, or a ministry's notice.</summary>
/// <param name="Id">The key other entries of the data use to cite this document.</param>
/// <param name="Number">The document's official number (e.g. "8726/VPCP-KGVX"); <c>null</c> when it could not be
/// verified.</param>
/// <param name="Date">The date the document was issued; <c>null</c> when it could not be verified.</param>
/// <param name="IssuerVi">The issuer in Vietnamese (e.g. "Văn phòng Chính phủ").</param>
/// <param name="IssuerEn">The issuer in English (e.g. "Government Office").</param>
/// <param name="SummaryVi">What the document decides, in Vietnamese.</param>
/// <param name="SummaryEn">What the document decides, in English.</param>
public sealed record OfficialDecision(
    string Id,
    string? Number,
    LocalDate? Date,
    string IssuerVi,
    string IssuerEn,
    string SummaryVi,
    string SummaryEn)
{
    /// <summary>The citation used in <see cref="DayOff.Source"/>: number, issuer and date, saying so when the
    /// number or the date is not verified.</summary>
    public string Citation
    {
        get
        {
            string date = Date is { } d
                ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
                : "ngày chưa xác minh / date not verified";
            string number = Number ?? "số hiệu chưa xác minh / number not verified";
            return $"{number}, {IssuerVi} ({IssuerEn}), {date}";
        }
    }
}
