using NodaTime;
using static Ktxh.Periods.Tests.Calendar.OfficialDaysOffTable;

namespace Ktxh.Periods.Tests.Calendar;

/// <summary>The civil-service calendar 2020–2026 against the official decisions (table in <see cref="OfficialDaysOffTable"/>).</summary>
public class WorkingCalendarOfficialYearsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamCivilService;

    [Theory]
    [MemberData(nameof(OfficialDaysOffTable.DaysOff), MemberType = typeof(OfficialDaysOffTable))]
    public void Every_official_day_off_has_its_reason_name_and_source(string iso, DayOffReason reason, string name, string source)
    {
        LocalDate date = Parse(iso);
        DayOff? dayOff = Calendar.GetDayOff(date);

        Assert.NotNull(dayOff);
        Assert.Equal(date, dayOff.Date);
        Assert.Equal(reason, dayOff.Reason);
        Assert.Contains(name, dayOff.NameVi, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(dayOff.NameEn));
        Assert.NotNull(dayOff.Source);
        Assert.Contains(source, dayOff.Source, StringComparison.Ordinal);
        Assert.False(dayOff.IsForecast);
        Assert.False(Calendar.IsWorkingDay(date));
        Assert.Contains(dayOff, Calendar.DaysOff(date.Year));
    }

    [Theory]
    [MemberData(nameof(OfficialDaysOffTable.Years), MemberType = typeof(OfficialDaysOffTable))]
    public void DaysOff_lists_exactly_the_table_for_each_official_year(int year)
    {
        string[] expected = Rows.Where(r => r.Date.StartsWith(year.ToString(), StringComparison.Ordinal)).Select(r => r.Date).ToArray();
        string[] actual = Calendar.DaysOff(year).Select(d => d.Date.ToString("yyyy-MM-dd", null)).ToArray();

        Assert.Equal(expected, actual);
        Assert.False(Calendar.IsForecast(year));
        Assert.False(Calendar.GetYearInfo(year).IsForecast);
        Assert.NotEmpty(Calendar.GetYearInfo(year).Decisions);
    }

    [Theory]
    [MemberData(nameof(OfficialDaysOffTable.Years), MemberType = typeof(OfficialDaysOffTable))]
    public void Every_other_day_of_an_official_year_is_a_working_weekday_or_a_plain_weekend_or_a_Saturday_worked(int year)
    {
        var daysOff = Rows.Select(r => Parse(r.Date)).ToHashSet();
        var worked = SaturdaysWorked.Select(r => Parse(r.Date)).ToHashSet();
        for (LocalDate date = new(year, 1, 1); date.Year == year; date = date.PlusDays(1))
        {
            bool weekend = date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            bool expectedWorking = worked.Contains(date) || (!weekend && !daysOff.Contains(date));
            Assert.True(expectedWorking == Calendar.IsWorkingDay(date), $"{date:yyyy-MM-dd} working should be {expectedWorking}");

            DayOff? reason = Calendar.GetDayOff(date);
            if (expectedWorking)
            {
                Assert.Null(reason);
            }
            else if (!daysOff.Contains(date))
            {
                Assert.Equal(DayOffReason.WeeklyRest, reason!.Reason);
            }
        }
    }

    [Theory]
    [MemberData(nameof(OfficialDaysOffTable.Worked), MemberType = typeof(OfficialDaysOffTable))]
    public void Saturdays_worked_are_working_days_and_listed_with_the_day_they_replace(string iso, string replaces, string source)
    {
        LocalDate date = Parse(iso);
        Assert.Equal(IsoDayOfWeek.Saturday, date.DayOfWeek);
        Assert.True(Calendar.IsWorkingDay(date));
        Assert.Null(Calendar.GetDayOff(date));
        // The Friday/Sunday around it keep their usual status: the Sunday is still a rest day.
        Assert.False(Calendar.IsWorkingDay(date.PlusDays(1)));

        MakeUpWorkingDay makeUp = Assert.Single(Calendar.MakeUpWorkingDays(date.Year), m => m.Date == date);
        Assert.Equal(Parse(replaces), makeUp.ReplacesDate);
        Assert.Contains(source, makeUp.Source, StringComparison.Ordinal);
        DayOff swapped = Calendar.GetDayOff(Parse(replaces))!;
        Assert.Equal(DayOffReason.Swap, swapped.Reason);
        Assert.Equal(date, swapped.RelatedDate);
    }

    [Fact]
    public void Saturdays_worked_are_exactly_the_table()
    {
        string[] actual = Enumerable.Range(2020, 7)
            .SelectMany(y => Calendar.MakeUpWorkingDays(y))
            .Select(m => m.Date.ToString("yyyy-MM-dd", null))
            .ToArray();
        Assert.Equal(SaturdaysWorked.Select(r => r.Date).ToArray(), actual);
    }

    [Theory]
    [InlineData("2025-01-24", "2025-02-03")] // Friday before Tết 2025 (9 days off) → Monday after
    [InlineData("2024-04-26", "2024-05-02")] // Friday before the 27/4–1/5/2024 break
    [InlineData("2026-08-28", "2026-09-03")] // Friday before the 29/8–2/9/2026 break
    [InlineData("2023-12-29", "2024-01-02")] // New Year 2024 (Monday)
    [InlineData("2020-01-22", "2020-01-30")] // Tết 2020: 23–29/1
    public void The_working_day_after_a_break(string before, string after)
    {
        Assert.Equal(Parse(after), Calendar.AddWorkingDays(Parse(before), 1));
        Assert.Equal(Parse(before), Calendar.AddWorkingDays(Parse(after), -1));
        Assert.Equal(1, Calendar.WorkingDaysBetween(Parse(before), Parse(after)));
    }

    [Fact]
    public void A_deadline_example_from_the_docs()
    {
        Assert.Equal(new LocalDate(2025, 2, 5), Calendar.AddWorkingDays(new LocalDate(2025, 1, 24), 3));
        Assert.Equal(new LocalDate(2025, 2, 3), Calendar.NextWorkingDayOnOrAfter(new LocalDate(2025, 1, 25)));
    }

    [Theory]
    [InlineData(2020, 252)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 250)]
    [InlineData(2026, 250)]
    public void Working_days_per_official_year(int year, int expected)
    {
        // Weekdays minus the table's weekday days off plus the Saturdays worked.
        int weekdays = 0;
        for (LocalDate d = new(year, 1, 1); d.Year == year; d = d.PlusDays(1))
        {
            weekdays += d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday ? 0 : 1;
        }

        int weekdayOffs = Rows.Select(r => Parse(r.Date)).Count(d => d.Year == year && d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday));
        int worked = SaturdaysWorked.Count(r => Parse(r.Date).Year == year);
        Assert.Equal(weekdays - weekdayOffs + worked, Calendar.WorkingDaysBetween(new LocalDate(year - 1, 12, 31), new LocalDate(year, 12, 31)));
        Assert.Equal(expected, Calendar.WorkingDaysBetween(new LocalDate(year - 1, 12, 31), new LocalDate(year, 12, 31)));
    }
}
