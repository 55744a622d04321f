using NodaTime;

namespace Ktxh.Periods.Tests.Lunar;

/// <summary>Impossible or out-of-range dates give a clear error in Vietnamese and English, never a wrong answer.</summary>
public class LunarCalendarErrorTests
{
    public static TheoryData<int, int, int, bool, LunarDateErrorCode, string> ImpossibleDates() => new()
    {
        { 1899, 12, 1, false, LunarDateErrorCode.YearOutOfRange, "Year" },
        { 2200, 1, 1, false, LunarDateErrorCode.YearOutOfRange, "Year" },
        { 2026, 13, 1, false, LunarDateErrorCode.MonthOutOfRange, "Month" },
        { 2026, 0, 1, false, LunarDateErrorCode.MonthOutOfRange, "Month" },
        { 2026, 4, 1, true, LunarDateErrorCode.NotALeapMonth, "IsLeapMonth" }, // 2026 has no leap month.
        { 2023, 3, 1, true, LunarDateErrorCode.NotALeapMonth, "IsLeapMonth" }, // 2023's leap month is 2.
        { 2026, 1, 0, false, LunarDateErrorCode.DayOutOfRange, "Day" },
        { 2026, 1, 31, false, LunarDateErrorCode.DayOutOfRange, "Day" },
    };

    [Theory]
    [MemberData(nameof(ImpossibleDates))]
    public void Impossible_dates_are_rejected_with_a_bilingual_message(int year, int month, int day, bool leap, LunarDateErrorCode kind, string field)
    {
        var date = new LunarDate(year, month, day, leap);
        KtxhResult<LocalDate> result = VietnameseLunarCalendar.ConvertToGregorian(date);
        Assert.False(result.Success);
        KtxhError error = Assert.Single(result.Errors);
        Assert.True(error.Is(kind));
        Assert.Equal(kind.ToString(), error.Code);
        Assert.Equal(field, error.Location.Field);
        Assert.Contains(field, error.MessageVi);
        Assert.Contains(field, error.MessageEn);
        Assert.False(VietnameseLunarCalendar.TryToGregorian(date, out LocalDate none));
        Assert.Equal(default, none);
        KtxhException fromValue = Assert.Throws<KtxhException>(() => result.Value);
        Assert.Same(error, Assert.Single(fromValue.Errors));

        ArgumentException thrown = Assert.ThrowsAny<ArgumentException>(() => VietnameseLunarCalendar.ToGregorian(date));
        Assert.Equal(field, thrown.ParamName);
        Assert.Contains(error.MessageVi, thrown.Message);
        Assert.Contains(error.MessageEn, thrown.Message);
        Assert.Equal(kind is LunarDateErrorCode.YearOutOfRange or LunarDateErrorCode.DayOutOfRange, thrown is ArgumentOutOfRangeException);
    }

    [Fact]
    public void Day_30_of_a_29_day_month_is_rejected()
    {
        // Month 12 of lunar year 2025 has 29 days: Tết 2026 (17/2/2026) follows 29/12.
        Assert.Equal(29, VietnameseLunarCalendar.DaysInMonth(2025, 12));
        Assert.Equal(new LunarDate(2025, 12, 29), VietnameseLunarCalendar.FromGregorian(new LocalDate(2026, 2, 16)));
        KtxhError? error = VietnameseLunarCalendar.Validate(new LunarDate(2025, 12, 30));
        Assert.NotNull(error);
        Assert.True(error.Is(LunarDateErrorCode.DayOutOfRange));
        Assert.Equal("Day", error.Location.Field);
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
        KtxhResult<LunarDate> result = VietnameseLunarCalendar.ConvertFromGregorian(date);
        KtxhError error = Assert.Single(result.Errors);
        Assert.True(error.Is(LunarDateErrorCode.GregorianDateOutOfRange));
        Assert.Equal("date", error.Location.Field);
        Assert.Contains("ngoài phạm vi", error.MessageVi);
        Assert.Contains("outside the supported", error.MessageEn);
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
