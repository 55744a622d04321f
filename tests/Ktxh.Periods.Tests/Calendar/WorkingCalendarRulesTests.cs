using NodaTime;
using static Ktxh.Periods.Tests.Calendar.OfficialDaysOffTable;

namespace Ktxh.Periods.Tests.Calendar;

/// <summary>The Labor Code rules with their effective dates, and the forecast of years without a decision.</summary>
public class WorkingCalendarRulesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamCivilService;
    private static readonly WorkingCalendar RulesOnly = WorkingCalendar.CreateBuilder().WithoutDecisions().Build();

    [Theory]
    [InlineData(1900)]
    [InlineData(2019)]
    [InlineData(2027)]
    [InlineData(2199)]
    public void Years_without_a_decision_are_forecast_and_say_so(int year)
    {
        Assert.True(Calendar.IsForecast(year));
        CalendarYearInfo info = Calendar.GetYearInfo(year);
        Assert.True(info.IsForecast);
        Assert.Empty(info.Decisions);
        DayOff tet = Calendar.DaysOff(year).First(d => d.NameVi.StartsWith("Tết Nguyên đán", StringComparison.Ordinal));
        Assert.True(tet.IsForecast);
        Assert.Contains("forecast by rule", tet.Source, StringComparison.Ordinal);
        Assert.Empty(Calendar.MakeUpWorkingDays(year));
    }

    [Fact]
    public void Official_years_are_exactly_2020_to_2026()
    {
        Assert.Equal(Enumerable.Range(2020, 7), Calendar.OfficialYears);
        Assert.All(Enumerable.Range(2020, 7), y => Assert.False(Calendar.IsForecast(y)));
    }

    [Theory]
    [MemberData(nameof(OfficialDaysOffTable.Years), MemberType = typeof(OfficialDaysOffTable))]
    public void The_forecast_rules_reproduce_the_official_holidays_of_2020_to_2026(int year)
    {
        // The forecast rules were chosen from these decisions; every non-swap day off must match.
        string[] official = Rows.Where(r => r.Date.StartsWith(year.ToString(), StringComparison.Ordinal) && r.Reason != DayOffReason.Swap)
            .Select(r => r.Date).ToArray();
        string[] forecast = RulesOnly.DaysOff(year).Select(d => d.Date.ToString("yyyy-MM-dd", null)).ToArray();
        Assert.Equal(official, forecast);
        Assert.True(RulesOnly.IsForecast(year));
    }

    [Fact]
    public void Forecast_2027_Tet_and_National_Day()
    {
        // Tết 2027 is Saturday 6/2: last two days of the old year + mùng 1–3 (4–8/2), compensation 9–10/2.
        string[] days = Calendar.DaysOff(2027).Where(d => d.Date.Month == 2).Select(d => $"{d.Date:MM-dd} {d.Reason}").ToArray();
        Assert.Equal(
            ["02-04 PublicHoliday", "02-05 PublicHoliday", "02-06 PublicHoliday", "02-07 PublicHoliday", "02-08 PublicHoliday", "02-09 Compensation", "02-10 Compensation"],
            days);
        // 2/9/2027 is a Thursday: the adjacent day is Friday 3/9.
        Assert.Equal(DayOffReason.PublicHoliday, Calendar.GetDayOff(new LocalDate(2027, 9, 3))!.Reason);
        Assert.True(Calendar.IsWorkingDay(new LocalDate(2027, 9, 1)));
    }

    [Fact]
    public void Before_2021_National_Day_is_one_day_and_after_it_two()
    {
        Assert.Single(Calendar.DaysOff(2019), d => d.Date.Month == 9);
        Assert.Single(Calendar.DaysOff(2020), d => d.Date.Month == 9);
        Assert.Equal(2, Calendar.DaysOff(2021).Count(d => d.Date.Month == 9));
        Assert.Contains("10/2012/QH13", Calendar.GetDayOff(new LocalDate(2020, 9, 2))!.Source, StringComparison.Ordinal);
        Assert.Contains("45/2019/QH14", Calendar.GetDayOff(new LocalDate(2021, 9, 2))!.Source, StringComparison.Ordinal);
        Assert.Equal("10/2012/QH13", Calendar.GetYearInfo(2020).LaborCode);
        Assert.Equal("45/2019/QH14", Calendar.GetYearInfo(2021).LaborCode);
    }

    [Theory]
    [InlineData(2013, 4)] // Tết 2013 (10/2) was before Labor Code 2012 took effect (1/5/2013): 4 days
    [InlineData(2014, 5)]
    [InlineData(2012, 4)]
    [InlineData(2000, 4)]
    public void Tet_length_follows_the_code_in_force_on_Tet(int year, int expectedTetDays)
    {
        int tetDays = Calendar.DaysOff(year).Count(d => d.NameVi.StartsWith("Tết Nguyên đán", StringComparison.Ordinal));
        Assert.Equal(expectedTetDays, tetDays);
    }

    [Theory]
    [InlineData(2006, false)]
    [InlineData(2007, true)]
    public void Hung_Kings_Day_is_a_holiday_from_2007(int year, bool expected)
    {
        Assert.Equal(expected, Calendar.DaysOff(year).Any(d => d.NameVi.Contains("Hùng Vương", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tet_uses_the_Vietnamese_lunar_calendar_not_the_Chinese_one()
    {
        // Tết 2030 is 2/2 in Vietnam (3/2 in China): the forecast's mùng 1 must be 2/2/2030.
        Assert.Equal("Tết Nguyên đán (mùng 1)", Calendar.GetDayOff(new LocalDate(2030, 2, 2))!.NameVi);
    }

    [Fact]
    public void Culture_day_is_off_by_default_and_switchable_with_an_effective_date()
    {
        var day2026 = new LocalDate(2026, 11, 24); // Tuesday
        Assert.True(Calendar.IsWorkingDay(day2026));

        WorkingCalendar withCulture = WorkingCalendar.CreateBuilder().WithVietnamCultureDay(new LocalDate(2027, 1, 1)).Build();
        Assert.True(withCulture.IsWorkingDay(day2026));               // before the effective date
        var day2027 = new LocalDate(2027, 11, 24);                     // Wednesday
        DayOff culture = withCulture.GetDayOff(day2027)!;
        Assert.Equal(DayOffReason.PublicHoliday, culture.Reason);
        Assert.Contains("Văn hóa Việt Nam", culture.NameVi, StringComparison.Ordinal);

        // 24/11/2029 is a Saturday: compensated on Monday 26/11/2029.
        DayOff compensation = withCulture.GetDayOff(new LocalDate(2029, 11, 26))!;
        Assert.Equal(DayOffReason.Compensation, compensation.Reason);
        Assert.Equal(new LocalDate(2029, 11, 24), compensation.RelatedDate);
        Assert.True(Calendar.IsWorkingDay(new LocalDate(2029, 11, 26)));
    }

    [Fact]
    public void A_six_day_week_rests_on_Sunday_and_ignores_Saturday_swaps()
    {
        WorkingCalendar sixDays = WorkingCalendar.CreateBuilder().WithWeeklyRestDays(IsoDayOfWeek.Sunday).Build();
        Assert.True(sixDays.IsWorkingDay(new LocalDate(2025, 3, 8)));          // a Saturday
        Assert.False(sixDays.IsWorkingDay(new LocalDate(2025, 3, 9)));         // a Sunday
        // Swaps for Monday–Friday staff do not apply: 2/5/2025 is worked, 26/4/2025 is a normal Saturday.
        Assert.True(sixDays.IsWorkingDay(new LocalDate(2025, 5, 2)));
        Assert.Empty(sixDays.MakeUpWorkingDays(2025));
        // 2022: 1/1 is a Saturday, a working day of this week, so no compensation on Monday 3/1.
        Assert.True(sixDays.IsWorkingDay(new LocalDate(2022, 1, 3)));
        // 2022: 10/4 (Hùng Kings) is a Sunday: compensated on Monday 11/4.
        Assert.Equal(DayOffReason.Compensation, sixDays.GetDayOff(new LocalDate(2022, 4, 11))!.Reason);
        Assert.Equal([IsoDayOfWeek.Sunday], sixDays.WeeklyRestDays);
    }

    [Fact]
    public void Local_days_off_are_added_and_moved_around_by_compensation()
    {
        WorkingCalendar local = WorkingCalendar.CreateBuilder()
            .AddLocalDayOff(new LocalDate(2025, 3, 14), "Ngày hội tỉnh", "Province festival", "QĐ 1/2025/QĐ-UBND")
            .AddLocalDayOff(new LocalDate(2027, 2, 9), "Nghỉ địa phương", "Local day")
            .Build();
        DayOff day = local.GetDayOff(new LocalDate(2025, 3, 14))!;
        Assert.Equal(DayOffReason.Local, day.Reason);
        Assert.Equal("QĐ 1/2025/QĐ-UBND", day.Source);
        Assert.Contains(day, local.DaysOff(2025));
        // 9/2/2027 would have been a compensation day: the compensation moves to the next working day.
        Assert.Equal(DayOffReason.Local, local.GetDayOff(new LocalDate(2027, 2, 9))!.Reason);
        Assert.Equal(DayOffReason.Compensation, local.GetDayOff(new LocalDate(2027, 2, 11))!.Reason);
        Assert.True(Calendar.IsWorkingDay(new LocalDate(2025, 3, 14)));
    }

    [Fact]
    public void The_shared_calendar_is_safe_to_use_from_many_threads()
    {
        WorkingCalendar fresh = WorkingCalendar.CreateBuilder().Build();
        int[] counts = new int[8];
        Parallel.For(0, 8, i => counts[i] = fresh.WorkingDaysBetween(new LocalDate(2000, 1, 1), new LocalDate(2100, 1, 1)));
        Assert.All(counts, c => Assert.Equal(Calendar.WorkingDaysBetween(new LocalDate(2000, 1, 1), new LocalDate(2100, 1, 1)), c));
    }
}
