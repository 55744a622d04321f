using Ktxh.Periods;
using NodaTime;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Timeliness;

public class WorkflowReportsTests
{
    /// <summary>Five communes due Thursday 12/2/2026: X1 on time, X2 late, X3 missing, X4 withdrawn, X5 returned after an on-time send.</summary>
    private static async Task<(WorkflowFixture F, WorkflowReports Reports)> Month()
    {
        var f = new WorkflowFixture(now: Instant.FromUtc(2026, 2, 10, 2, 0));
        foreach (string u in new[] { "X1", "X2", "X3", "X4", "X5" })
        {
            f.Assign(u);
        }

        async Task SendAs(string unit)
        {
            var entry = new Actor($"nhap_{unit}", unit, WorkflowRole.DataEntry);
            var boss = new Actor($"lanhdao_{unit}", unit, WorkflowRole.Approver | WorkflowRole.Sender);
            foreach (var (actor, t, c) in new[] { (entry, WorkflowTrigger.EnterValues, Content(1, unit)), (entry, WorkflowTrigger.SubmitForApproval, null),
                (boss, WorkflowTrigger.Approve, null), (boss, WorkflowTrigger.Send, null) })
            {
                Assert.True((await f.Engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(unit), actor, t) { Content = c })).Success);
            }
        }

        await SendAs("X1");
        await SendAs("X5");
        f.Ok(Agg1, WorkflowTrigger.Accept, id: Id("X1"));
        f.Ok(Agg1, WorkflowTrigger.Return, "Thiếu thuyết minh", id: Id("X5"));
        f.Ok(Agg1, WorkflowTrigger.Withdraw, "Xã đã sáp nhập", id: Id("X4"));
        f.Clock.Reset(Instant.FromUtc(2026, 2, 24, 2, 0)); // Tuesday 24/2: three working days after 12/2 (13/2, 23/2, 24/2; Tết lies between)
        await SendAs("X2");
        f.Clock.Reset(Instant.FromUtc(2026, 2, 26, 2, 0));
        return (f, new WorkflowReports(f.Engine));
    }

    [Fact]
    public async Task Progress_lists_every_unit_with_state_sent_time_and_lateness()
    {
        var (_, reports) = await Month();
        ProgressReport p = await reports.ProgressAsync("P01", Form, Jan2026);
        Assert.Equal(["X1", "X2", "X3", "X4", "X5"], p.Rows.Select(r => r.UnitCode).ToArray());
        Assert.Equal([TimelinessStatus.OnTime, TimelinessStatus.Late, TimelinessStatus.Missing, TimelinessStatus.NotApplicable, TimelinessStatus.OnTime],
            p.Rows.Select(r => r.Timeliness.Status).ToArray());
        Assert.Equal(3, p.Rows[1].Timeliness.WorkingDaysLate);
        Assert.Equal(new LocalDate(2026, 2, 24), p.Rows[1].Timeliness.SentOn);
        Assert.Equal(5, p.Rows[2].Timeliness.WorkingDaysLate);
        Assert.Equal(2, p.CountByTimeliness[TimelinessStatus.OnTime]);
        Assert.Equal(1, p.CountByState[SubmissionState.Accepted]);
        Assert.Equal(2, p.Rows[4].Revision);
    }

    [Fact]
    public async Task Under_the_last_send_policy_a_returned_report_not_sent_again_is_missing()
    {
        var (f, _) = await Month();
        ProgressReport p = await new WorkflowReports(f.Engine, SentPolicy.LastSend).ProgressAsync("P01", Form, Jan2026);
        Assert.Equal(TimelinessStatus.OnTime, p.Rows[4].Timeliness.Status);
        Assert.NotNull(p.Rows[4].SentAt);
    }

    [Fact]
    public async Task The_yearly_summary_counts_each_units_timeliness_for_emulation_scoring()
    {
        var (_, reports) = await Month();
        var summary = await reports.YearlyTimelinessAsync("P01", 2026);
        Assert.Equal(new UnitTimelinessSummary("X2", 1, 0, 1, 0, 0, 3), summary.Single(s => s.UnitCode == "X2"));
        Assert.Equal(new UnitTimelinessSummary("X4", 0, 0, 0, 0, 0, 0), summary.Single(s => s.UnitCode == "X4"));
        Assert.Equal(1m, summary.Single(s => s.UnitCode == "X1").OnTimeRate);
        Assert.Equal(0m, summary.Single(s => s.UnitCode == "X3").OnTimeRate);
        Assert.Null(summary.Single(s => s.UnitCode == "X4").OnTimeRate);
    }

    [Fact]
    public async Task Deadlines_list_the_overdue_and_the_soon_due_not_yet_sent()
    {
        var (f, reports) = await Month();
        f.TryAssign(Agg1, new Assignment(new SubmissionId(Form, "X1", ReportingPeriod.Month(2026, 2)), "P01", new LocalDate(2026, 3, 2)));
        var items = await reports.DeadlinesAsync(3, "P01");
        Assert.Equal(["X3", "X1"], items.Select(i => i.Submission.UnitCode).ToArray());
        Assert.True(items[0].IsOverdue);
        Assert.Equal(-5, items[0].WorkingDaysLeft);
        Assert.Equal(2, items[1].WorkingDaysLeft);
        Assert.Single(await reports.DeadlinesAsync(0, "P01"));
    }

    [Fact]
    public async Task Accepted_values_come_out_in_the_shape_aggregation_takes()
    {
        var (_, reports) = await Month();
        var values = await reports.AcceptedValuesAsync(Form, Jan2026, "P01");
        Assert.Equal([("A01", "X1", 1m), ("A02", "X1", 2m)], values.Select(v => (v.IndicatorCode, v.ReportingUnitCode, v.Value!.Value)).ToArray());
        var accepted = (await reports.AcceptedAsync(Form, Jan2026)).Single();
        Assert.Equal("Thuyết minh: tăng do mùa vụ", accepted.Content.Note);
    }
}
