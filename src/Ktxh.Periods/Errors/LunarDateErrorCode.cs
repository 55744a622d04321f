namespace Ktxh.Periods;

/// <summary>
/// What is wrong with a date given to <see cref="VietnameseLunarCalendar"/>: the code of the <see cref="KtxhError"/>
/// that <see cref="VietnameseLunarCalendar.ConvertToGregorian"/>, <see cref="VietnameseLunarCalendar.ConvertFromGregorian"/>
/// and <see cref="VietnameseLunarCalendar.Validate"/> report. The error's location names the field at fault
/// (<see cref="ErrorLocation.Field"/>: <c>Year</c>, <c>Month</c>, <c>IsLeapMonth</c>, <c>Day</c> of
/// <see cref="LunarDate"/>, or <c>date</c> for a gregorian date).
/// </summary>
public enum LunarDateErrorCode
{
    /// <summary>The lunar year is outside <see cref="VietnameseLunarCalendar.MinYear"/>..<see cref="VietnameseLunarCalendar.MaxYear"/>.</summary>
    YearOutOfRange = 0,

    /// <summary>The month number is not 1..12.</summary>
    MonthOutOfRange = 1,

    /// <summary>The leap flag is set but that month of that year is not the leap month.</summary>
    NotALeapMonth = 2,

    /// <summary>The day is not 1..29 or 1..30, as the month has.</summary>
    DayOutOfRange = 3,

    /// <summary>The gregorian date is outside <see cref="VietnameseLunarCalendar.MinDate"/>..<see cref="VietnameseLunarCalendar.MaxDate"/>.</summary>
    GregorianDateOutOfRange = 4,
}
