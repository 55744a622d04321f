namespace Ktxh.Periods;

/// <summary>
/// The kinds of reporting period used in Vietnam's socio-economic reporting.
/// </summary>
/// <remarks>
/// The kinds are those named by the reporting regimes in the seeds: week (Tuần), half-month (½ tháng, used by the
/// State Treasury for disbursement), month, quarter, six months, nine months (cumulative January–September), year,
/// year-to-date and multi-year plan periods (Decree 09/2019/NĐ-CP Art. 4 and 12; Hà Nam IOC indicator list, seed 004;
/// Hanoi regulation QĐ 690/QĐ-UBND 2025, seed 002).
/// </remarks>
public enum PeriodType
{
    /// <summary>A week (Tuần): seven days, ISO-8601 weeks by default (<c>2026-W05</c>); a regime may start weeks on
    /// another day with a <see cref="WeekRule"/> (<c>2026-W05-SUN1</c>).</summary>
    Week = 1,

    /// <summary>A half-month (½ tháng): days 1–15 (<c>2026-M07-H1</c>) or day 16 to the end of the month
    /// (<c>2026-M07-H2</c>).</summary>
    HalfMonth = 2,

    /// <summary>A calendar month (Tháng).</summary>
    Month = 3,

    /// <summary>A calendar quarter (Quý).</summary>
    Quarter = 4,

    /// <summary>A half-year (6 tháng): January–June or July–December.</summary>
    HalfYear = 5,

    /// <summary>Nine months (9 tháng): cumulative January–September.</summary>
    NineMonths = 6,

    /// <summary>A calendar year (Năm).</summary>
    Year = 7,

    /// <summary>Cumulative from January to the end of a given month (lũy kế từ đầu năm).</summary>
    YearToDate = 8,

    /// <summary>A multi-year plan period, such as the five-year plan 2021–2025.</summary>
    MultiYear = 9,
}
