using Ktxh.Periods;

namespace Ktxh.Periods.Tests.Deadlines;

/// <summary>Decree 09/2019/NĐ-CP Art. 8(5): at least one working day between the cut-off date and the deadline.</summary>
public class DeadlineGapCheckTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamCivilService;

    [Theory]
    // Decree 09 regime: cut-off 14/03/2026 (Saturday), deadline the 25th: 16–24/03 are 7 working days.
    [InlineData("2026-M03", "day-of-last-month:25", "decree09", 7, true)]
    // The first working day after a Saturday cut-off leaves no working day in between.
    [InlineData("2026-M03", "working-days-after-cutoff:1", "decree09", 0, false)]
    [InlineData("2026-M03", "working-days-after-cutoff:2", "decree09", 1, true)]
    // A deadline before the end of the window (the 25th with calendar periods) leaves nothing.
    [InlineData("2026-M03", "day-of-last-month:25", "calendar", 0, false)]
    // February 2026 under Decree 09: the window ends 14/02, then the Tết break; 23/02 and 24/02 lie before the 25th.
    [InlineData("2026-M02", "working-days-after-cutoff:3", "decree09", 2, true)]
    public void The_gap_counts_working_days_strictly_between_cutoff_and_deadline(string period, string rule,
        string convention, int expectedDays, bool passed)
    {
        var cutoff = convention == "decree09" ? CutoffConvention.Decree09 : CutoffConvention.Calendar;
        var deadline = DeadlineRule.Parse(rule).Resolve(ReportingPeriod.Parse(period), Calendar, cutoff);

        var check = DeadlineGapCheck.Check(deadline, Calendar);

        Assert.Equal(expectedDays, check.WorkingDaysBetween);
        Assert.Equal(passed, check.Passed);
        Assert.Contains("Điều 8 khoản 5", check.MessageVi);
        Assert.Contains("Art. 8(5)", check.MessageEn);
    }

    [Fact]
    public void A_regime_can_ask_for_more_than_one_working_day()
    {
        var deadline = DeadlineRule.WorkingDaysAfterCutoff(2)
            .Resolve(ReportingPeriod.Month(2026, 3), Calendar, CutoffConvention.Decree09);

        Assert.False(DeadlineGapCheck.Check(deadline, Calendar, minimumWorkingDays: 2).Passed);
        Assert.True(DeadlineGapCheck.Check(deadline, Calendar, minimumWorkingDays: 1).Passed);
    }
}
