using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Workflow.Tests.Assignments;

public class AssignmentPlannerTests
{
    private static readonly ReportForm Monthly = new()
    {
        Code = "001.T/BCC-XXXX", NameVi = "Báo cáo tháng", PeriodType = PeriodType.Month, Deadline = DeadlineRule.DayOfMonthAfterPeriod(12),
    };

    private static readonly ReportForm Yearly = new()
    {
        Code = "002.N/BCC-XXXX", NameVi = "Báo cáo năm", PeriodType = PeriodType.Year, Deadline = DeadlineRule.FixedDateInLaterYear(3, 15),
    };

    [Fact]
    public void A_year_of_assignments_has_every_period_of_every_form_for_every_unit_with_working_day_deadlines()
    {
        var planner = new AssignmentPlanner();
        var units = new[] { new AssignedUnit("X1", "P01"), new AssignedUnit("X2", "P01", ["002.N/BCC-XXXX"]) };
        IReadOnlyList<Assignment> list = planner.ForYear(2026, [Monthly, Yearly], units, "commune").Value;
        Assert.Equal(12 + 1 + 1, list.Count);
        Assert.All(list, a => Assert.True(WorkingCalendar.VietnamCivilService.IsWorkingDay(a.DueDate)));
        Assert.All(list, a => Assert.Equal("commune", a.Regime));
        Assignment jan = list.Single(a => a.Submission == new SubmissionId("001.T/BCC-XXXX", "X1", ReportingPeriod.Month(2026, 1)));
        Assert.Equal(new LocalDate(2026, 2, 12), jan.DueDate);
        // 12/9/2026 is a Saturday: the deadline moves to Monday 14/9 (seed 002 Điều 14.2).
        Assignment aug = list.Single(a => a.Submission.Period == ReportingPeriod.Month(2026, 8) && a.Submission.UnitCode == "X1");
        Assert.Equal((new LocalDate(2026, 9, 12), new LocalDate(2026, 9, 14)), (aug.NominalDueDate, aug.DueDate));
    }

    [Fact]
    public void A_form_without_a_deadline_rule_or_with_a_multi_year_period_cannot_be_assigned_and_each_is_named()
    {
        var noRule = new ReportForm { Code = "003.T/BCC-XXXX", NameVi = "x", PeriodType = PeriodType.Month };
        var plan = new ReportForm { Code = "004.5N/BCC-XXXX", NameVi = "x", PeriodType = PeriodType.MultiYear, Deadline = DeadlineRule.CalendarDaysAfterPeriod(10) };
        var r = new AssignmentPlanner().ForYear(2026, [Monthly, noRule, plan], [new AssignedUnit("X1", "P01")]);
        Assert.Equal(["003.T/BCC-XXXX", "004.5N/BCC-XXXX"], r.Errors.Select(e => e.Location.Field!).ToArray());
        Assert.All(r.Errors, e => Assert.True(e.Is(WorkflowErrorCode.FormNotAssignable)));
    }

    [Fact]
    public void Ad_hoc_requests_and_plan_targets_get_their_own_deadline_on_a_working_day()
    {
        var planner = new AssignmentPlanner();
        Assignment adhoc = planner.Request("DX-2026-01", "Thiệt hại do bão số 3", "X1", "P01", ReportingPeriod.Month(2026, 9), new LocalDate(2026, 9, 5));
        Assert.Equal((SubmissionKind.AdHoc, new LocalDate(2026, 9, 7)), (adhoc.Submission.Kind, adhoc.DueDate));
        Assert.Equal("Thiệt hại do bão số 3", adhoc.Title);
        Assert.Throws<ArgumentException>(() => planner.Request("DX", "t", "X1", "P01", ReportingPeriod.Month(2026, 9), new LocalDate(2026, 9, 5), SubmissionKind.Periodic));
        Assignment fiveYear = planner.PlanTargets("KH-5N", "X1", "P01", ReportingPeriod.MultiYear(2026, 2030), new LocalDate(2025, 12, 15)).Value;
        Assert.Equal(SubmissionKind.PlanTarget, fiveYear.Submission.Kind);
        Assert.True(planner.PlanTargets("KH", "X1", "P01", ReportingPeriod.Month(2026, 1), new LocalDate(2026, 1, 5)).Errors.Single().Is(WorkflowErrorCode.InvalidArgument));
    }

    [Fact]
    public async Task Plan_targets_go_through_the_same_lifecycle()
    {
        var f = new WorkflowFixture();
        Assignment a = new AssignmentPlanner().PlanTargets("KH-N", "X1", "P01", ReportingPeriod.CalendarYear(2026), new LocalDate(2026, 1, 20)).Value;
        Assert.True((await f.Engine.AssignAsync(WorkflowFixture.Agg1, a, Guid.NewGuid())).Success);
        var target = new SubmissionContent([new DataValue { IndicatorCode = "A01", ReportingUnitCode = "X1", Period = ReportingPeriod.CalendarYear(2026), Column = FormColumnKind.YearlyTarget, Value = 120m }]);
        f.Ok(WorkflowFixture.Entry1, WorkflowTrigger.EnterValues, content: target, id: a.Submission);
        f.Ok(WorkflowFixture.Entry1, WorkflowTrigger.SubmitForApproval, id: a.Submission);
        f.Ok(WorkflowFixture.Leader, WorkflowTrigger.Approve, id: a.Submission);
        f.Ok(WorkflowFixture.Sender, WorkflowTrigger.Send, id: a.Submission);
        Assert.Equal(SubmissionState.Accepted, f.Ok(WorkflowFixture.Agg1, WorkflowTrigger.Accept, id: a.Submission).State);
    }
}
