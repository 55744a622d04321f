using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Plans;

/// <summary>"% of plan" (% so với kế hoạch): accepted plan targets joined to actual values.</summary>
public class PlanCompletionTests
{
    private static readonly ReportingPeriod Y2026 = ReportingPeriod.Year(2026);
    private static readonly ReportingPeriod Plan2630 = ReportingPeriod.MultiYear(2026, 2030);
    private static readonly ReportingPeriod Jun2026 = ReportingPeriod.Month(2026, 6);
    private static readonly SubmissionId PlanId = new("KH-01", "X1", Y2026, SubmissionKind.PlanTarget);

    private static PlanTarget Target(decimal value, PlanTargetKind kind = PlanTargetKind.Yearly, string indicator = "A01", string unit = "X1", int acceptedDay = 1) =>
        new(indicator, unit, "", kind == PlanTargetKind.Yearly ? Y2026 : Plan2630, kind, value, PlanId, Instant.FromUtc(2026, 1, acceptedDay, 0, 0));

    private static DataValue Actual(decimal value, ReportingPeriod period, FormColumnKind column = FormColumnKind.CumulativeYearToDate, string indicator = "A01",
        Maturity maturity = Maturity.Official) =>
        DataValue.Number(indicator, "X1", period, value, maturity) with { Column = column };

    public static TheoryData<string, decimal?, decimal?, decimal?, PlanCompletionStatus> PercentCases() => new()
    {
        // name, actual, target, expected percent, expected status
        { "on target", 120m, 120m, 100.00m, PlanCompletionStatus.Computed },
        { "a third rounds down", 1m, 3m, 33.33m, PlanCompletionStatus.Computed },
        { "two thirds rounds up", 2m, 3m, 66.67m, PlanCompletionStatus.Computed },
        { "midpoint away from zero", 1m, 8000m, 0.01m, PlanCompletionStatus.Computed },          // 0.0125 → 0.01
        { "midpoint .005 up", 0.001005m, 0.001m, 100.50m, PlanCompletionStatus.Computed },       // 100.5 exactly
        { "exact half-up", 1.00005m, 1m, 100.01m, PlanCompletionStatus.Computed },               // 100.005 → 100.01
        { "negative midpoint away from zero", -1.00005m, 1m, -100.01m, PlanCompletionStatus.Computed },
        { "over plan", 150m, 100m, 150.00m, PlanCompletionStatus.Computed },
        { "zero actual", 0m, 100m, 0.00m, PlanCompletionStatus.Computed },
        { "negative target divides as it is", 5m, -10m, -50.00m, PlanCompletionStatus.Computed },
        { "zero target", 5m, 0m, null, PlanCompletionStatus.ZeroTarget },
        { "zero target and no actual", null, 0m, null, PlanCompletionStatus.ZeroTarget },
        { "no target", 5m, null, null, PlanCompletionStatus.NoTarget },
        { "no actual", null, 100m, null, PlanCompletionStatus.NoActual },
        { "huge values do not overflow", 79_000_000_000_000_000_000_000_000m, 1m, null, PlanCompletionStatus.Computed },
    };

    [Theory]
    [MemberData(nameof(PercentCases))]
    public void Percent_of_a_target(string name, decimal? actual, decimal? target, decimal? expected, PlanCompletionStatus status)
    {
        decimal? percent = PlanCompletion.Percent(actual, target, out PlanCompletionStatus got);
        Assert.Equal(status, got);
        if (name == "huge values do not overflow")
        {
            Assert.Equal(7_900_000_000_000_000_000_000_000_000m, percent);
            return;
        }

        Assert.Equal(expected, percent);
    }

    [Fact]
    public void Zero_of_one_is_zero_percent()
    {
        decimal t = 1 * 1m, a = 0 * 1m;
        Assert.Equal(0m, PlanCompletion.Percent(a, t, out var s));
        Assert.Equal(PlanCompletionStatus.Computed, s);
    }

    [Theory]
    [InlineData(0, 33)]
    [InlineData(1, 33.3)]
    [InlineData(4, 33.3333)]
    public void Decimals_are_the_callers_choice(int decimals, double expected) =>
        Assert.Equal((decimal)expected, PlanCompletion.Percent(1m, 3m, out _, decimals));

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void Decimals_outside_0_to_10_are_a_programmer_error(int decimals) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PlanCompletion.Percent(1m, 3m, out _, decimals));

    public static TheoryData<string, ReportingPeriod, DataValue[], decimal?> ActualCases() => new()
    {
        { "a month uses its cumulative value", Jun2026, [Actual(40m, Jun2026), Actual(7m, Jun2026, FormColumnKind.ThisPeriod)], 40m },
        { "a month's own value alone is not compared", Jun2026, [Actual(7m, Jun2026, FormColumnKind.ThisPeriod)], null },
        { "a year uses its own value", Y2026, [Actual(90m, Y2026, FormColumnKind.ThisPeriod)], 90m },
        { "a year prefers a cumulative value", Y2026, [Actual(90m, Y2026, FormColumnKind.ThisPeriod), Actual(91m, Y2026)], 91m },
        { "values of other periods are ignored", Jun2026, [Actual(40m, ReportingPeriod.Month(2026, 5))], null },
        { "the most mature value wins", Jun2026, [Actual(41m, Jun2026, maturity: Maturity.Official), Actual(39m, Jun2026, maturity: Maturity.Estimate)], 41m },
        { "targets are not actuals", Y2026, [Actual(100m, Y2026, FormColumnKind.YearlyTarget)], null },
    };

    [Theory]
    [MemberData(nameof(ActualCases))]
    public void Which_actual_value_is_compared(string name, ReportingPeriod period, DataValue[] actuals, decimal? expected)
    {
        var rows = PlanCompletion.Compute(actuals, [Target(100m)], period);
        PlanCompletionRow row = Assert.Single(rows);
        Assert.Equal(expected, row.Actual);
        Assert.Equal(expected, row.PercentOfYearlyTarget);
        Assert.Equal(expected is null ? PlanCompletionStatus.NoActual : PlanCompletionStatus.Computed, row.YearlyStatus);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Yearly_and_five_year_targets_share_a_row_and_keys_without_a_target_are_kept()
    {
        var rows = PlanCompletion.Compute(
            [Actual(50m, Jun2026), Actual(8m, Jun2026, indicator: "B01")],
            [Target(200m), Target(1000m, PlanTargetKind.PlanPeriod), Target(0m, indicator: "C01"),
             Target(300m, indicator: "A01", acceptedDay: 5), // a later plan replaces the first
             new PlanTarget("A01", "X1", "", ReportingPeriod.Year(2025), PlanTargetKind.Yearly, 1m, PlanId, Instant.FromUtc(2025, 1, 1, 0, 0))],
            Jun2026);
        Assert.Equal(["A01", "B01", "C01"], rows.Select(r => r.IndicatorCode));
        PlanCompletionRow a = rows[0];
        Assert.Equal((50m, 300m, 16.67m, PlanCompletionStatus.Computed), (a.Actual!.Value, a.YearlyTarget!.Value, a.PercentOfYearlyTarget!.Value, a.YearlyStatus));
        Assert.Equal((1000m, 5.00m, PlanCompletionStatus.Computed), (a.PlanPeriodTarget!.Value, a.PercentOfPlanPeriodTarget!.Value, a.PlanPeriodStatus));
        Assert.Equal((PlanCompletionStatus.NoTarget, PlanCompletionStatus.NoTarget), (rows[1].YearlyStatus, rows[1].PlanPeriodStatus));
        Assert.Equal((PlanCompletionStatus.ZeroTarget, (decimal?)null), (rows[2].YearlyStatus, rows[2].PercentOfYearlyTarget));
    }

    [Fact]
    public async Task Accepted_plan_targets_feed_the_percent_of_plan_of_a_form()
    {
        var f = new WorkflowFixture();
        var reports = new WorkflowReports(f.Engine);
        // The commune registers its 2026 plan (yearly and five-year targets); the province accepts it.
        var plan = new Assignment(PlanId, "P01", new LocalDate(2026, 2, 12));
        Assert.True((await f.Engine.AssignAsync(Agg1, plan, Guid.NewGuid())).Success);
        var targets = new SubmissionContent([
            DataValue.Number("A01", "X1", Y2026, 12m) with { Column = FormColumnKind.YearlyTarget },
            DataValue.Number("A01", "X1", Plan2630, 60m) with { Column = FormColumnKind.PlanPeriodTarget },
            DataValue.Number("A02", "X1", Y2026, 0m) with { Column = FormColumnKind.YearlyTarget },
            DataValue.Number("A03", "X1", Y2026, 5m), // not a target column: ignored
        ]);
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: targets, id: PlanId);
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval, id: PlanId);
        f.Ok(Leader, WorkflowTrigger.Approve, id: PlanId);
        f.Ok(Sender, WorkflowTrigger.Send, id: PlanId);
        Assert.Empty(await reports.PlanTargetsAsync(Jan2026)); // sent, not yet accepted
        f.Ok(Agg1, WorkflowTrigger.Accept, id: PlanId);
        var accepted = await reports.PlanTargetsAsync(Jan2026);
        Assert.Equal([("A01", PlanTargetKind.Yearly, 12m), ("A01", PlanTargetKind.PlanPeriod, 60m), ("A02", PlanTargetKind.Yearly, 0m)],
            accepted.Select(t => (t.IndicatorCode, t.Kind, t.Value)));
        Assert.Empty(await reports.PlanTargetsAsync(ReportingPeriod.Month(2025, 12))); // another year, another plan period

        // January's report, cumulative values, accepted by the province.
        f.Assign();
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: new SubmissionContent([
            DataValue.Number("A01", "X1", Jan2026, 3m) with { Column = FormColumnKind.CumulativeYearToDate },
            DataValue.Number("A02", "X1", Jan2026, 4m) with { Column = FormColumnKind.CumulativeYearToDate },
        ]));
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);
        f.Ok(Leader, WorkflowTrigger.Approve);
        f.Ok(Sender, WorkflowTrigger.Send);
        f.Ok(Agg1, WorkflowTrigger.Accept);
        var rows = await reports.PercentOfPlanAsync(Form, Jan2026, "P01");
        Assert.Equal(2, rows.Count);
        Assert.Equal(("A01", 3m, 25.00m, 5.00m), (rows[0].IndicatorCode, rows[0].Actual!.Value, rows[0].PercentOfYearlyTarget!.Value, rows[0].PercentOfPlanPeriodTarget!.Value));
        Assert.Equal(("A02", PlanCompletionStatus.ZeroTarget, PlanCompletionStatus.NoTarget), (rows[1].IndicatorCode, rows[1].YearlyStatus, rows[1].PlanPeriodStatus));
    }

    /// <summary>Laws of the percentage: 100 on target, never decreasing in the actual for a positive target, and
    /// within half a unit of the last decimal of the exact ratio.</summary>
    [Property(MaxTest = 300)]
    public Property Percent_is_100_on_target_monotone_and_within_rounding(int actual1, int actual2, int target, byte scale)
    {
        decimal unit = (scale % 4) switch { 0 => 1m, 1 => 0.1m, 2 => 0.01m, _ => 1000m };
        decimal t = ((Math.Abs((long)target) % 1_000_000) + 1) * unit, a1 = actual1 * unit, a2 = actual2 * unit;
        decimal? onTarget = PlanCompletion.Percent(t, t, out var s0);
        decimal? p1 = PlanCompletion.Percent(a1, t, out var s1);
        decimal? p2 = PlanCompletion.Percent(a2, t, out var s2);
        bool statuses = s0 == s1 && s1 == s2 && s2 == PlanCompletionStatus.Computed;
        bool hundred = onTarget == 100m;
        bool monotone = (a1 <= a2) == (p1 <= p2) || p1 == p2;
        bool close = p1 is { } v && Math.Abs(v - (a1 * 100m / t)) <= 0.005m;
        return (statuses && hundred && monotone && close).Label($"{a1}/{t} → {p1} {s1}, {a2}/{t} → {p2} {s2}, {t}/{t} → {onTarget} {s0}")
            .Classify(a1 > t, "over plan")
            .Classify(a1 < 0, "negative actual")
            .Classify(p1 == p2, "equal percentages");
    }
}
