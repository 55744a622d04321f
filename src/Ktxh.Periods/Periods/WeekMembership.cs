namespace Ktxh.Periods;

/// <summary>
/// Which weeks count as the weeks of a longer period (a month, a quarter, a year), for
/// <see cref="ReportingPeriod.Weeks(WeekMembership, WeekRule)"/>.
/// </summary>
public enum WeekMembership
{
    /// <summary>
    /// The weeks whose anchor day lies in the period: the Thursday under ISO-8601 (see <see cref="WeekRule"/>). Each
    /// week then belongs to exactly one month, quarter and year, and the weeks of a year are exactly its ISO weeks
    /// (January 2026 has <c>2026-W01</c> to <c>2026-W05</c>). The default.
    /// </summary>
    AnchorDay = 0,

    /// <summary>Every week that shares at least one day with the period (a week can belong to two months).</summary>
    Overlapping = 1,

    /// <summary>Only the weeks whose seven days all lie in the period.</summary>
    Contained = 2,
}
