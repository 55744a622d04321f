using NodaTime;

namespace Ktxh.Periods.Tests.Lunar;

/// <summary>Impossible or out-of-range dates give a clear error in Vietnamese and English, never a wrong answer.</summary>
public class LunarCalendarErrorTests
{
    public static TheoryData<int, int, int, bool, LunarDateErrorKind, string> ImpossibleDates() => new()
    {
        { 1899, 12, 1, false, LunarDateErrorKind.YearOutOfRange, "Year" },
        { 2200, 1, 1, false, LunarDateErrorKind.YearOutOfRange, "Year" },
        { 2026, 13, 1, false, LunarDateErrorKind.MonthOutOfRange, "Month" },
        { 2026, 0, 1, false, LunarDateErrorKind.MonthOutOfRange, "Month" },
        { 2026, 4, 1, true, LunarDateErrorKind.NotALeapMonth, "IsLeapMonth" }, // 2026 has no leap month.
        { 2023, 3, 1, true, LunarDateErrorKind.NotALeapMonth, "IsLeapMonth" }, // 2023's leap month is 2.
        { 2026, 1, 0, false, LunarDateErrorKind.DayOutOfRange, "Day" },
        { 2026, 1, 31, false, LunarDateErrorKind.DayOutOfRange, "Day" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleDates))]
    public void Impossible_dates_are_rejected_with_a_bilingual_message(int year, int month, int day, bool leap, LunarDateErrorKind kind, string field)
    {
        var date = new LunarDate(year, month, day, leap);
        LunarConversionResult<LocalDate> result = VietnameseLunarCalendar.ConvertToGregorian(date);
        Assert.False(result.Success);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(field, result.Error.Field);
        Assert.Contains(field, result.Error.MessageVi);
        Assert.Contains(field, result.Error.MessageEn);
        Assert.False(VietnameseLunarCalendar.TryToGregorian(date, out LocalDate none));
        Assert.Equal(default, none);
        Assert.Throws<InvalidOperationException>(() => result.Value);

        ArgumentException thrown = Assert.ThrowsAny<ArgumentException>(() => VietnameseLunarCalendar.ToGregorian(date));
        Assert.Equal(field, thrown.ParamName);
        Assert.Contains(result.Error.MessageVi, thrown.Message);
        Assert.Contains(result.Error.MessageEn, thrown.Message);
        Assert.Equal(kind is LunarDateErrorKind.YearOutOfRange or LunarDateErrorKind.DayOutOfRange, thrown is ArgumentOutOfRangeException);
    }

    [Fact]
    public void Day_30_of_a_29_day_month_is_rejected()
    {
        // Month 12 of lunar year 2025 has 29 days: Tết 2026 (17/2/2026) follows 29/12.
        Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(2025, 12));
        Assert.Equal(new LunarDate(2025, 12, 29), VietnameseLunarCalendar.FromGregorian(new LocalDate(2026, 2, 16)));
        LunarDateError? error = VietnameseLunarCalendar.Validate(new LunarDate(2025, 12, 30));
        Assert.NotNull(error);
        Assert.Equal(LunarDateErrorKind.DayOutOfRange, error.Kind);
        Assert.Contains("29 ngày", error.MessageVi);
        Assert.Contains("29 days", error.MessageEn);
    }

    [Theory]
    [InlineData(1900, 1, 30)]
    [InlineData(1, 1, 1)]
    [InlineData(-500, 3, 1)]
    [InlineData(2300, 1, 1)]
    public void Gregorian_dates_outside_the_range_are_rejected(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        Assert.False(VietnameseLunarCalendar.TryFromGregorian(date, out _));
        LunarConversionResult<LunarDate> result = VietnameseLunarCalendar.ConvertFromGregorian(date);
        Assert.Equal(LunarDateErrorKind.GregorianDateOutOfRange, result.Error!.Kind);
        Assert.Contains("ngoài phạm vi", result.Error.MessageVi);
        Assert.Contains("outside the supported", result.Error.MessageEn);
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromGregorian(date));
    }

    [Fact]
    public void The_day_after_the_last_supported_day_is_rejected()
    {
        LocalDate last = VietnameseLunarCalendar.MaxDate;
        Assert.True(VietnameseLunarCalendar.TryFromGregorian(last, out LunarDate lunar));
        Assert.Equal(VietnameseLunarCalendar.MaxYear, lunar.Year);
        Assert.Equal(12, lunar.Month);
        Assert.False(VietnameseLunarCalendar.TryFromGregorian(last.PlusDays(1), out _));
    }

    [Theory]
    [InlineData(1899)]
    [InlineData(2200)]
    public void Year_queries_outside_the_range_throw(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.NewYear(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.LeapMonth(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.MonthsInYear(year));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.DaysInMonth(year, 1));
    }
}
