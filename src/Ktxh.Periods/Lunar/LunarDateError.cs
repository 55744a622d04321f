namespace Ktxh.Periods;

/// <summary>What is wrong with a date given to <see cref="VietnameseLunarCalendar"/>.</summary>
public enum LunarDateErrorKind
{
    /// <summary>The lunar year is outside <see cref="VietnameseLunarCalendar.MinYear"/>..<see cref="VietnameseLunarCalendar.MaxYear"/>.</summary>
    YearOutOfRange,

    /// <summary>The month number is not 1..12.</summary>
    MonthOutOfRange,

    /// <summary>The leap flag is set but that month of that year is not the leap month.</summary>
    NotALeapMonth,

    /// <summary>The day is not 1..29 or 1..30, as the month has.</summary>
    DayOutOfRange,

    /// <summary>The gregorian date is outside <see cref="VietnameseLunarCalendar.MinDate"/>..<see cref="VietnameseLunarCalendar.MaxDate"/>.</summary>
    GregorianDateOutOfRange,
}

/// <summary>
/// Why a date could not be converted: the kind, the field at fault and a message in Vietnamese and English.
/// </summary>
/// <remarks>Immutable; safe to share between threads.</remarks>
/// <param name="Kind">What is wrong.</param>
/// <param name="Field">The field at fault: "Year", "Month", "IsLeapMonth", "Day" (of <see cref="LunarDate"/>) or "date" (a gregorian date).</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record LunarDateError(LunarDateErrorKind Kind, string Field, string MessageVi, string MessageEn)
{
    /// <summary>Both messages, Vietnamese first: "… / …".</summary>
    public string Message => $"{MessageVi} / {MessageEn}";

    /// <summary>Returns <see cref="Message"/>.</summary>
    /// <returns>The bilingual message.</returns>
    public override string ToString() => Message;
}
