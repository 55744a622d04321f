namespace Ktxh.Periods;

/// <summary>Why a date is not a working day in a <see cref="WorkingCalendar"/>.</summary>
public enum DayOffReason
{
    /// <summary>A plain weekly rest day (Saturday or Sunday for civil servants; Labor Code 2019 Art. 111).</summary>
    WeeklyRest,

    /// <summary>A public holiday of the Labor Code (45/2019/QH14 Art. 112(1); before 2021, 10/2012/QH13 Art. 115),
    /// including the days of Tết and the day adjacent to National Day chosen each year, and any extra holiday
    /// granted by an official decision.</summary>
    PublicHoliday,

    /// <summary>A compensation day (nghỉ bù): the next working day after a holiday that fell on the weekly rest day
    /// (Labor Code 2019 Art. 111(3); Labor Code 2012 Art. 115(3)).</summary>
    Compensation,

    /// <summary>A weekday given off in exchange for a Saturday worked (hoán đổi ngày làm việc, "làm bù"), by an
    /// official decision for public-sector staff.</summary>
    Swap,

    /// <summary>A day off added by the host (a province's or an agency's own day off).</summary>
    Local,
}
