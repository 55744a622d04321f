using NodaTime;

namespace Ktxh.Periods.Tests.Lunar;

/// <summary>Table tests: Tết, Hùng Kings' Day and leap months of known years in the Vietnamese lunar calendar.</summary>
public class LunarCalendarFactsTests
{
    // Tết Nguyên đán (lunar 1/1). Sources: DOMAIN.md (1985, 2007, 2030, with the Chinese dates that differ), issue 2's
    // table (2020–2027); every one also agrees with Hồ Ngọc Đức's published year tables (HoNgocDucYearTable), which
    // HoNgocDucTablesTests compares with every year 1900–2199.
    [Theory]
    [InlineData(1985, 1985, 1, 21)]
    [InlineData(2007, 2007, 2, 17)]
    [InlineData(2030, 2030, 2, 2)]
    [InlineData(2020, 2020, 1, 25)]
    [InlineData(2021, 2021, 2, 12)]
    [InlineData(2022, 2022, 2, 1)]
    [InlineData(2023, 2023, 1, 22)]
    [InlineData(2024, 2024, 2, 10)]
    [InlineData(2025, 2025, 1, 29)]
    [InlineData(2026, 2026, 2, 17)]
    [InlineData(2027, 2027, 2, 6)]
    public void Tet_falls_on_the_known_day(int lunarYear, int year, int month, int day)
    {
        var tet = new LocalDate(year, month, day);
        Assert.Equal(tet, VietnameseLunarCalendar.NewYear(lunarYear));
        Assert.Equal(tet, VietnameseLunarCalendar.ToGregorian(new LunarDate(lunarYear, 1, 1)));
        Assert.Equal(new LunarDate(lunarYear, 1, 1, false), VietnameseLunarCalendar.FromGregorian(tet));
        Assert.Equal(new LunarDate(lunarYear - 1, 12, VietnameseLunarCalendar.DaysInMonth(lunarYear - 1, 12, VietnameseLunarCalendar.LeapMonth(lunarYear - 1) == 12) , VietnameseLunarCalendar.LeapMonth(lunarYear - 1) == 12),
            VietnameseLunarCalendar.FromGregorian(tet.PlusDays(-1)));
    }

    [Fact]
    public void Hung_Kings_day_2023_falls_after_the_leap_second_month()
    {
        Assert.Equal(2, VietnameseLunarCalendar.LeapMonth(2023));
        Assert.Equal(new LocalDate(2023, 4, 29), VietnameseLunarCalendar.ToGregorian(new LunarDate(2023, 3, 10)));
    }

    // Leap months from issue 2, each also in Hồ Ngọc Đức's published year tables (HoNgocDucYearTable).
    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    [InlineData(2033, 11)]
    [InlineData(2024, 0)]
    [InlineData(2026, 0)]
    public void Leap_months_of_known_years(int lunarYear, int leapMonth)
    {
        Assert.Equal(leapMonth, VietnameseLunarCalendar.LeapMonth(lunarYear));
        Assert.Equal(leapMonth != 0, VietnameseLunarCalendar.IsLeapYear(lunarYear));
        Assert.Equal(leapMonth != 0 ? 13 : 12, VietnameseLunarCalendar.MonthsInYear(lunarYear));
    }
}
