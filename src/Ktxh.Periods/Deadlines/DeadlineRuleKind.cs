namespace Ktxh.Periods;

/// <summary>The ways a reporting regime sets the nominal deadline of a periodic report.</summary>
public enum DeadlineRuleKind
{
    /// <summary>
    /// Day N of a month after the period ends (usually the next month): statistical forms print a receipt date such
    /// as "ngày 12 tháng sau" (the 12th of the following month).
    /// </summary>
    DayOfMonthAfterPeriod = 1,

    /// <summary>
    /// Day N of the last month of the period: Decree 09/2019/NĐ-CP Art. 13 sets the 25th of the last month of the
    /// period for periodic reports to the Government.
    /// </summary>
    DayOfLastMonthOfPeriod = 2,

    /// <summary>N working days after the end of the period's data cut-off window (some provinces' regimes).</summary>
    WorkingDaysAfterCutoff = 3,

    /// <summary>N calendar days after the last day of the period.</summary>
    CalendarDaysAfterPeriod = 4,

    /// <summary>
    /// A fixed day and month in a year after the period's year: annual statistical forms print receipt dates such as
    /// 15/9 of the next year.
    /// </summary>
    FixedDateInLaterYear = 5,

    /// <summary>An explicit date, for ad hoc (đột xuất) reports whose deadline is set by the requesting body.</summary>
    ExplicitDate = 6,
}
