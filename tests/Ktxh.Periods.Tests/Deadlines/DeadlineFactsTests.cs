using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Periods.Tests.Deadlines;

/// <summary>
/// Deadlines resolved on the built-in civil-service calendar: one row per legal fact (the nominal date a rule gives
/// and the working day it moves to, Hanoi regulation QĐ 690/QĐ-UBND 2025 Điều 14.2; Civil Code 2015 Art. 148(5)).
/// </summary>
public class DeadlineFactsTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.VietnamCivilService;

    public static TheoryData<string, string, string, string, string, int> Cases => new()
    {
        // period, rule, cut-off convention, nominal, effective, days skipped
        // 15/02/2026 is a Sunday inside the Tết Bính Ngọ break (14–22/02/2026): due Monday 23/02.
        { "2026-M01", "day-of-month-after:15", "calendar", "2026-02-15", "2026-02-23", 8 },
        // Decree 09/2019 Art. 13: the 25th of the last month of the period.
        { "2026-M02", "day-of-last-month:25", "calendar", "2026-02-25", "2026-02-25", 0 },
        { "2026-Q2", "day-of-last-month:25", "decree09", "2026-06-25", "2026-06-25", 0 },
        // 25/04/2026 is a Saturday: due Tuesday 28/04 (26/04 Hùng Kings' Day on Sunday, 27/04 its compensation day).
        { "2026-M03", "day-of-last-month:25", "calendar", "2026-03-25", "2026-03-25", 0 },
        { "2026-M03", "day-of-month-after:25", "calendar", "2026-04-25", "2026-04-28", 3 },
        // 01/09/2026 and 02/09/2026: National Day and its adjacent day (the 2026 decision chose 01/09).
        { "2026-M07", "day-of-month-after:1:2", "calendar", "2026-09-01", "2026-09-03", 2 },
        // 30/04 and 01/05/2026 (Thursday, Friday) then the weekend: due Monday 04/05.
        { "2026-M04", "date:2026-04-30", "calendar", "2026-04-30", "2026-05-04", 4 },
        { "2026-M04", "days-after-period:20", "calendar", "2026-05-20", "2026-05-20", 0 },
        // Decree 09 cut-off of February 2026 ends Saturday 14/02; the Tết break follows: the 3rd working day is 25/02.
        { "2026-M02", "working-days-after-cutoff:3", "decree09", "2026-02-25", "2026-02-25", 0 },
        // Calendar cut-off of January 2026 ends 31/01 (Saturday): working days 02/02, 03/02, 04/02.
        { "2026-M01", "working-days-after-cutoff:3", "calendar", "2026-02-04", "2026-02-04", 0 },
        // Annual statistical forms: 15/9 of the next year.
        { "2025", "fixed-date:09-15", "calendar", "2026-09-15", "2026-09-15", 0 },
        // 10/01/2026 is a Saturday worked in exchange for Friday 02/01/2026 (12729/VPCP-KGVX): a working day.
        { "2025-M12", "day-of-month-after:10", "calendar", "2026-01-10", "2026-01-10", 0 },
        // 02/01/2026 is the swapped Friday: a day off, then the weekend: due Monday 05/01.
        { "2025-M12", "day-of-month-after:2", "calendar", "2026-01-02", "2026-01-05", 3 },
        // Day 31 in a 30-day month means its last day.
        { "2026-M03", "day-of-month-after:31", "calendar", "2026-04-30", "2026-05-04", 4 },
        // 29 February in a common year means the 28th.
        { "2025", "fixed-date:02-29", "calendar", "2026-02-28", "2026-03-02", 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rule_gives_its_nominal_date_and_moves_off_days_off(string period, string rule, string convention,
        string nominal, string effective, int skipped)
    {
        var cutoff = convention == "decree09" ? CutoffConvention.Decree09 : CutoffConvention.Calendar;

        var deadline = DeadlineRule.Parse(rule).Resolve(ReportingPeriod.Parse(period), Calendar, cutoff);

        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(nominal)), deadline.Nominal);
        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(effective)), deadline.Effective);
        Assert.Equal(skipped, deadline.DaysSkipped.Count);
        Assert.Equal(nominal != effective, deadline.IsMoved);
    }

    [Fact]
    public void A_moved_deadline_names_the_days_off_in_both_languages()
    {
        var deadline = DeadlineRule.DayOfMonthAfterPeriod(15).Resolve(ReportingPeriod.Month(2026, 1), Calendar);

        Assert.Equal(DayOffReason.WeeklyRest, deadline.DaysSkipped[0].Reason);
        Assert.Equal(DayOffReason.PublicHoliday, deadline.DaysSkipped[1].Reason);
        Assert.Contains("15/02/2026", deadline.ReasonVi);
        Assert.Contains("23/02/2026", deadline.ReasonVi);
        Assert.Contains("Điều 148", deadline.ReasonVi);
        Assert.Contains("next working day, 23/02/2026", deadline.ReasonEn);
    }

    [Fact]
    public void A_deadline_on_a_working_day_has_no_reason()
    {
        var deadline = DeadlineRule.Decree09GovernmentReports.Resolve(ReportingPeriod.Month(2026, 2), Calendar);

        Assert.False(deadline.IsMoved);
        Assert.Empty(deadline.DaysSkipped);
        Assert.Equal(string.Empty, deadline.ReasonVi);
        Assert.Equal(string.Empty, deadline.ReasonEn);
    }

    [Fact]
    public void A_convention_without_a_window_for_the_period_type_is_a_bilingual_error()
    {
        var weekly = ReportingPeriod.Week(2026, 5);

        var error = Assert.Throws<InvalidOperationException>(
            () => DeadlineRule.WorkingDaysAfterCutoff(2).Resolve(weekly, Calendar, CutoffConvention.Decree09));

        Assert.Contains("/", error.Message);
    }
}
