using System.Globalization;
using NodaTime;

namespace Ktxh.Periods.Tests.Lunar;

/// <summary>
/// Documented fact: .NET's <see cref="ChineseLunisolarCalendar"/> (the Chinese calendar, UTC+8) is not the Vietnamese
/// calendar. These tests count where it disagrees with ours over the range both support (1901-02-19 to 2100).
/// </summary>
public class ChineseCalendarDifferenceTests
{
    private static readonly ChineseLunisolarCalendar Chinese = new();

    [Theory]
    [InlineData(1985, 1985, 1, 21, 1985, 2, 20)]
    [InlineData(2007, 2007, 2, 17, 2007, 2, 18)]
    [InlineData(2030, 2030, 2, 2, 2030, 2, 3)]
    [InlineData(1968, 1968, 1, 29, 1968, 1, 30)] // Tết Mậu Thân: the North's first year on UTC+7.
    public void Tet_differs_from_the_Chinese_new_year_in_known_years(int lunarYear, int vy, int vm, int vd, int cy, int cm, int cd)
    {
        Assert.Equal(new LocalDate(vy, vm, vd), VietnameseLunarCalendar.NewYear(lunarYear));
        DateTime chineseNewYear = Chinese.ToDateTime(lunarYear, 1, 1, 0, 0, 0, 0);
        Assert.Equal(new DateTime(cy, cm, cd), chineseNewYear);
    }

    [Fact]
    public void ChineseLunisolarCalendar_disagrees_on_these_many_month_starts_and_days_from_1901_to_2100()
    {
        (int monthStarts, int days, List<int> newYears, int total) = CountDisagreements();

        // Vietnamese month starts (1901-02-19 .. 2100-12-31) that are not a first day in the Chinese calendar.
        Assert.Equal(ExpectedMonthStartDisagreements, monthStarts);
        // Days whose lunar date (year, month, leap flag, day) differs.
        Assert.Equal(ExpectedDayDisagreements, days);
        // Years whose Tết differs (all of them, 1901–2100).
        Assert.Equal(ExpectedNewYearDisagreements, newYears);
        Assert.Subset(newYears.ToHashSet(), new HashSet<int> { 1985, 2007, 2030 });
        Assert.True(total > 2400, $"{total} month starts compared");
    }

    private const int ExpectedMonthStartDisagreements = 78;
    private const int ExpectedDayDisagreements = 2724;
    private static readonly int[] ExpectedNewYearDisagreements = [1903, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053];

    /// <summary>Walks every day both calendars support and compares the lunar dates.</summary>
    internal static (int MonthStarts, int Days, List<int> NewYears, int TotalMonthStarts) CountDisagreements()
    {
        LocalDate first = LocalDate.FromDateTime(Chinese.MinSupportedDateTime);
        var last = new LocalDate(2100, 12, 31);
        int monthStarts = 0, days = 0, total = 0;
        var newYears = new List<int>();
        for (LocalDate date = first; date <= last; date = date.PlusDays(1))
        {
            LunarDate ours = VietnameseLunarCalendar.FromGregorian(date);
            LunarDate theirs = FromChinese(date.ToDateTimeUnspecified());
            if (ours != theirs)
            {
                days++;
            }

            if (ours.Day == 1)
            {
                total++;
                if (theirs.Day != 1)
                {
                    monthStarts++;
                }

                if (ours.Month == 1 && !ours.IsLeapMonth && !(theirs.Day == 1 && theirs.Month == 1 && !theirs.IsLeapMonth))
                {
                    newYears.Add(ours.Year);
                }
            }
        }

        return (monthStarts, days, newYears, total);
    }

    /// <summary>Reads a <see cref="ChineseLunisolarCalendar"/> date as a <see cref="LunarDate"/> (its months run 1–13 in leap years).</summary>
    internal static LunarDate FromChinese(DateTime date)
    {
        int year = Chinese.GetYear(date);
        int month = Chinese.GetMonth(date);
        int day = Chinese.GetDayOfMonth(date);
        int leap = Chinese.GetLeapMonth(year); // The 1-based position of the leap month, 0 if none.
        if (leap == 0 || month < leap)
        {
            return new LunarDate(year, month, day, false);
        }

        return new LunarDate(year, month - 1, day, month == leap);
    }
}
