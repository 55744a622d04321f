using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Periods.Tests;

/// <summary>Every claim the package README makes, checked, so the README cannot drift from the code.</summary>
public class ReadmeExamplesTests
{
    [Fact]
    public void Lunar_examples()
    {
        Assert.Equal(new LunarDate(2026, 1, 1, false), VietnameseLunarCalendar.FromGregorian(new LocalDate(2026, 2, 17)));
        Assert.Equal("Bính Ngọ", VietnameseLunarCalendar.CanChiYear(2026));
        Assert.Equal(new LocalDate(2023, 4, 29), VietnameseLunarCalendar.ToGregorian(new LunarDate(2023, 3, 10, false)));
    }

    [Fact]
    public void Working_calendar_examples()
    {
        var calendar = WorkingCalendar.VietnamCivilService;
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 2, 18)));
        Assert.True(calendar.IsWorkingDay(new LocalDate(2026, 1, 10)));
        Assert.False(calendar.IsWorkingDay(new LocalDate(2026, 1, 2)));
        Assert.NotEmpty(calendar.DaysOff(2026));
        Assert.False(calendar.IsForecast(2026));
        Assert.True(calendar.IsForecast(2027));
    }

    [Fact]
    public void Period_examples()
    {
        foreach (var id in new[] { "2026-W05", "2026-M07-H1", "2026-M07", "2026-Q3", "2026-S1", "2026-9M", "2026", "2026-YTD-M05", "2021-2025" })
        {
            Assert.Equal(id, ReportingPeriod.Parse(id).Id);
        }

        var july = ReportingPeriod.Parse("2026-M07");
        Assert.Equal("2026-M08", july.Next().Id);
        Assert.Equal("2025-M07", july.SamePeriodPreviousYear().Id);
        Assert.Equal("2026-07-01/P1M", july.ToIsoInterval());
        Assert.Equal("2026-Q3", ReportingPeriod.Containing(new LocalDate(2026, 8, 20), PeriodType.Quarter).Id);
    }

    [Fact]
    public void Cutoff_and_deadline_examples()
    {
        var calendar = WorkingCalendar.VietnamCivilService;
        var window = CutoffConvention.Decree09.WindowFor(ReportingPeriod.Parse("2026-M07")).Value;
        Assert.Equal(new LocalDate(2026, 6, 15), window.Start);
        Assert.Equal(new LocalDate(2026, 7, 14), window.End);

        var due = DeadlineRule.Parse("day-of-month-after:15").Resolve(ReportingPeriod.Month(2026, 1), calendar);
        Assert.Equal(new LocalDate(2026, 2, 15), due.Nominal);
        Assert.Equal(new LocalDate(2026, 2, 23), due.Effective);
        Assert.True(DeadlineGapCheck.Check(due, calendar).Passed);

        var schedule = ReportingSchedule.For(2026, PeriodType.Quarter, DeadlineRule.Decree09GovernmentReports,
            calendar, CutoffConvention.Decree09);
        Assert.Equal(4, schedule.Count);
    }
}
