using System.Globalization;

namespace Ktxh.Periods;

/// <summary>
/// A day of the Vietnamese lunar calendar (âm lịch): lunar year, month (1..12), day (1..30) and whether the month is
/// the leap month (tháng nhuận) that repeats the number of the month before it.
/// </summary>
/// <remarks>
/// <para>The value only holds the four numbers; it is not checked when it is created (like <c>default</c>, which is
/// 0/0/0). <see cref="VietnameseLunarCalendar.ToGregorian(LunarDate)"/> and
/// <see cref="VietnameseLunarCalendar.IsValid(LunarDate)"/> say whether it is a real day of the calendar.</para>
/// <para>The lunar year is numbered by the gregorian year in which it begins (Tết): lunar year 2026 (Bính Ngọ) runs
/// from 17/2/2026 to 5/2/2027. Ordering (<see cref="CompareTo(LunarDate)"/>) is calendar order: by year, then month,
/// a leap month right after the ordinary month of the same number, then day.</para>
/// <para>Immutable; safe to share between threads.</para>
/// </remarks>
/// <param name="Year">The lunar year, numbered by the gregorian year in which it begins.</param>
/// <param name="Month">The month number, 1 (tháng Giêng) to 12 (tháng Chạp).</param>
/// <param name="Day">The day of the month, 1 to 29 or 30.</param>
/// <param name="IsLeapMonth">True for the leap month (tháng nhuận) that follows the ordinary month <paramref name="Month"/>.</param>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth)
    : IComparable<LunarDate>, IComparable
{
    /// <summary>Creates a date in an ordinary (not leap) month.</summary>
    /// <param name="year">The lunar year.</param>
    /// <param name="month">The month number 1..12.</param>
    /// <param name="day">The day of the month.</param>
    public LunarDate(int year, int month, int day)
        : this(year, month, day, false)
    {
    }

    /// <summary>
    /// Formats the date the Vietnamese way, day/month/year, with " nhuận" after a leap month's number and
    /// " (âm lịch)" at the end: "1/1/2026 (âm lịch)", "15/4 nhuận/2020 (âm lịch)".
    /// </summary>
    /// <returns>The formatted date.</returns>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Day}/{Month}{(IsLeapMonth ? " nhuận" : string.Empty)}/{Year} (âm lịch)");

    /// <summary>
    /// Formats the date for machines, year-month-day with the month zero-padded and an "L" after a leap month:
    /// "2026-01-01", "2020-04L-15".
    /// </summary>
    /// <returns>The formatted date.</returns>
    public string ToIsoLikeString()
        => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}{(IsLeapMonth ? "L" : string.Empty)}-{Day:D2}");

    /// <summary>Compares in calendar order: year, month, the leap month after the ordinary month, day.</summary>
    /// <param name="other">The date to compare with.</param>
    /// <returns>Negative if this date comes first, zero if equal, positive if it comes later.</returns>
    public int CompareTo(LunarDate other)
    {
        int c = Year.CompareTo(other.Year);
        if (c != 0)
        {
            return c;
        }

        c = Month.CompareTo(other.Month);
        if (c != 0)
        {
            return c;
        }

        c = IsLeapMonth.CompareTo(other.IsLeapMonth);
        return c != 0 ? c : Day.CompareTo(other.Day);
    }

    /// <summary>Compares with another object, which must be a <see cref="LunarDate"/> or null (null sorts first).</summary>
    /// <param name="obj">The object to compare with.</param>
    /// <returns>Negative, zero or positive as for <see cref="CompareTo(LunarDate)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="LunarDate"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        LunarDate other => CompareTo(other),
        _ => throw new ArgumentException("Đối tượng không phải LunarDate. / The object is not a LunarDate.", nameof(obj)),
    };

    /// <summary>True if <paramref name="left"/> comes before <paramref name="right"/>.</summary>
    /// <param name="left">First date.</param>
    /// <param name="right">Second date.</param>
    /// <returns>Whether left &lt; right.</returns>
    public static bool operator <(LunarDate left, LunarDate right) => left.CompareTo(right) < 0;

    /// <summary>True if <paramref name="left"/> comes after <paramref name="right"/>.</summary>
    /// <param name="left">First date.</param>
    /// <param name="right">Second date.</param>
    /// <returns>Whether left &gt; right.</returns>
    public static bool operator >(LunarDate left, LunarDate right) => left.CompareTo(right) > 0;

    /// <summary>True if <paramref name="left"/> comes before or equals <paramref name="right"/>.</summary>
    /// <param name="left">First date.</param>
    /// <param name="right">Second date.</param>
    /// <returns>Whether left &lt;= right.</returns>
    public static bool operator <=(LunarDate left, LunarDate right) => left.CompareTo(right) <= 0;

    /// <summary>True if <paramref name="left"/> comes after or equals <paramref name="right"/>.</summary>
    /// <param name="left">First date.</param>
    /// <param name="right">Second date.</param>
    /// <returns>Whether left &gt;= right.</returns>
    public static bool operator >=(LunarDate left, LunarDate right) => left.CompareTo(right) >= 0;
}
