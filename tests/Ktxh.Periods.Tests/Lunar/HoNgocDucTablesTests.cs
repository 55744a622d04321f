using NodaTime;

namespace Ktxh.Periods.Tests.Lunar;

/// <summary>
/// Our calendar against Hồ Ngọc Đức's published year tables (<see cref="HoNgocDucYearTable"/>), year by year and
/// month by month, 1900–2199; every disagreement is listed here with its reason.
/// </summary>
public class HoNgocDucTablesTests
{
    /// <summary>
    /// Years 1900–1967 where the tables (the calendar in official use then, computed for UTC+8) differ from the current
    /// rule (UTC+7) that this library applies to the whole range.
    /// </summary>
    private static readonly int[] HistoricUtc8Years =
    [
        1902, 1903, 1905, 1908, 1910, 1916, 1917, 1922, 1924, 1925, 1933, 1934, 1935,
        1936, 1938, 1939, 1947, 1950, 1951, 1953, 1956, 1957, 1961, 1964, 1965, 1967,
    ];

    /// <summary>
    /// Years after 2053 where one new moon falls within minutes of local midnight, so that Hồ Ngọc Đức's published
    /// simplified formulas (which we use) and his high-precision program put that month start on neighbouring days.
    /// The tables themselves are predictions here (ΔT, the earth's clock error, is not known in advance to the minute).
    /// </summary>
    private static readonly int[] MidnightNewMoonYears = [2054, 2072, 2077, 2130, 2150, 2159, 2174, 2175, 2198, 2199];

    public static TheoryData<int> Years1968To2053()
    {
        var data = new TheoryData<int>();
        for (int year = 1968; year <= 2053; year++)
        {
            data.Add(year);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Years1968To2053))]
    public void Every_month_from_1968_to_2053_matches_the_published_tables(int lunarYear)
    {
        HoNgocDucYearTable.Year expected = HoNgocDucYearTable.Years.Single(y => y.LunarYear == lunarYear);
        Assert.Equal(new LocalDate(lunarYear, expected.TetMonth, expected.TetDay), VietnameseLunarCalendar.NewYear(lunarYear));
        Assert.Equal(expected.LeapMonth, VietnameseLunarCalendar.LeapMonth(lunarYear));
        Assert.Equal(expected.Months, OurMonths(lunarYear));
    }

    [Fact]
    public void The_years_that_differ_from_the_tables_are_exactly_the_documented_ones()
    {
        Assert.Equal(300, HoNgocDucYearTable.Years.Count);
        int[] differing = HoNgocDucYearTable.Years
            .Where(y => !y.Months.SequenceEqual(OurMonths(y.LunarYear))
                || new LocalDate(y.LunarYear, y.TetMonth, y.TetDay) != VietnameseLunarCalendar.NewYear(y.LunarYear)
                || y.LeapMonth != VietnameseLunarCalendar.LeapMonth(y.LunarYear))
            .Select(y => y.LunarYear)
            .ToArray();
        Assert.Equal(HistoricUtc8Years.Concat(MidnightNewMoonYears), differing);
    }

    [Fact]
    public void Tet_and_leap_month_agree_with_the_tables_in_all_but_nine_years()
    {
        // Of the differing years, only these move Tết or the leap month; the rest move a month start inside the year.
        int[] tetDiffers = HoNgocDucYearTable.Years
            .Where(y => new LocalDate(y.LunarYear, y.TetMonth, y.TetDay) != VietnameseLunarCalendar.NewYear(y.LunarYear))
            .Select(y => y.LunarYear).ToArray();
        int[] leapDiffers = HoNgocDucYearTable.Years
            .Where(y => y.LeapMonth != VietnameseLunarCalendar.LeapMonth(y.LunarYear))
            .Select(y => y.LunarYear).ToArray();
        Assert.Equal([1903, 1925, 1935, 1965, 2175, 2199], tetDiffers);
        Assert.Equal([1917, 1922, 1938], leapDiffers);
    }

    private static List<(int Days, bool IsLeap)> OurMonths(int lunarYear)
    {
        var months = new List<(int Days, bool IsLeap)>();
        int leap = VietnameseLunarCalendar.LeapMonth(lunarYear);
        for (int month = 1; month <= 12; month++)
        {
            months.Add((VietnameseLunarCalendar.DaysInMonth(lunarYear, month), false));
            if (month == leap)
            {
                months.Add((VietnameseLunarCalendar.DaysInMonth(lunarYear, month, true), true));
            }
        }

        return months;
    }
}
