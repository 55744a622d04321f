using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Periods.Tests.Deadlines;

public class ReportingScheduleTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamCivilService;

    [Theory]
    [InlineData(PeriodType.Month, 12)]
    [InlineData(PeriodType.HalfMonth, 24)]
    [InlineData(PeriodType.Quarter, 4)]
    [InlineData(PeriodType.HalfYear, 2)]
    [InlineData(PeriodType.NineMonths, 1)]
    [InlineData(PeriodType.Year, 1)]
    [InlineData(PeriodType.YearToDate, 12)]
    [InlineData(PeriodType.Week, 53)] // 2026 is an ISO year with 53 weeks
    public void A_year_has_every_period_of_the_type_once_in_order(PeriodType type, int count)
    {
        var schedule = ReportingSchedule.For(2026, type, DeadlineRule.CalendarDaysAfterPeriod(10), Calendar);

        Assert.Equal(count, schedule.Count);
        Assert.All(schedule, e => Assert.Equal(type, e.Period.Type));
        Assert.Equal(schedule.Select(e => e.Period).Distinct().Count(), schedule.Count);
        Assert.True(schedule.Zip(schedule.Skip(1)).All(p => p.First.Period.End < p.Second.Period.End));
    }

    [Fact]
    public void The_Decree_09_monthly_schedule_of_2026_has_its_windows_and_deadlines()
    {
        var schedule = ReportingSchedule.For(2026, PeriodType.Month, DeadlineRule.Decree09GovernmentReports, Calendar,
            CutoffConvention.Decree09);

        var january = schedule[0];
        Assert.Equal(new LocalDate(2025, 12, 15), january.Cutoff.Start);
        Assert.Equal(new LocalDate(2026, 1, 14), january.Cutoff.End);
        Assert.Equal(new LocalDate(2026, 1, 26), january.Deadline.Effective); // 25/01/2026 is a Sunday
        Assert.All(schedule, e => Assert.True(e.GapCheck.Passed, e.GapCheck.MessageEn));
    }

    [Fact]
    public void A_multi_year_period_has_no_yearly_schedule()
    {
        Assert.Throws<ArgumentException>(
            () => ReportingSchedule.For(2026, PeriodType.MultiYear, DeadlineRule.CalendarDaysAfterPeriod(1), Calendar));
    }
}
