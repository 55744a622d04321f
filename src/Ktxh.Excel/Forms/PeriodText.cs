using System.Globalization;
using Ktxh.Periods;

namespace Ktxh.Excel;

/// <summary>Periods as Vietnamese forms print them ("Tháng 3/2026", "Quý I/2026", "Năm 2026").</summary>
public static class PeriodText
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    /// <summary>Gets the Vietnamese name of a period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The name, such as <c>Tháng 3/2026</c>; the period id for kinds without a customary name.</returns>
    public static string Vietnamese(ReportingPeriod period)
    {
        int year = period.Start.Year;
        return period.Type switch
        {
            PeriodType.Month => string.Create(CultureInfo.InvariantCulture, $"Tháng {period.Start.Month}/{year}"),
            PeriodType.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {Roman[(period.Start.Month - 1) / 3]}/{year}"),
            PeriodType.HalfYear => period.Start.Month == 1 ? $"6 tháng đầu năm {year}" : $"6 tháng cuối năm {year}",
            PeriodType.NineMonths => $"9 tháng năm {year}",
            PeriodType.Year => $"Năm {year}",
            PeriodType.YearToDate => string.Create(CultureInfo.InvariantCulture, $"Từ đầu năm đến tháng {period.End.Month}/{year}"),
            PeriodType.MultiYear => string.Create(CultureInfo.InvariantCulture, $"Giai đoạn {year}–{period.End.Year}"),
            _ => period.Id,
        };
    }
}
