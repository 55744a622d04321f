namespace Ktxh.Aggregation;

/// <summary>
/// How a week (or any input period shorter than a month that may straddle two months) is counted when rolled up
/// into months and the periods above them.
/// </summary>
/// <remarks>
/// A week is counted whole in exactly one month, never split: splitting an amount by days would need a division by
/// seven, which is not exact in decimal, and a split stock or average has no meaning. The choice only says which
/// month receives it. Half-months never straddle a month.
/// </remarks>
public enum WeekAssignment
{
    /// <summary>The month that holds most of the week's days: the month of its fourth day (the Thursday of an ISO
    /// week). This is also how ISO-8601 assigns a week to a year, so weeks, months and years agree. The default.</summary>
    Majority = 0,

    /// <summary>The month of the week's first day.</summary>
    StartDate = 1,

    /// <summary>The month of the week's last day (the month in which the week's report is due).</summary>
    EndDate = 2,
}
