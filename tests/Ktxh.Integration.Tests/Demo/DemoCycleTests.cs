using Ktxh.Cli.Demo;
using Ktxh.Periods;

namespace Ktxh.Integration.Tests.Demo;

/// <summary>The demo reporting cycle (the README's main job) across every package, checked by its outcome.</summary>
public class DemoCycleTests
{
    private static readonly Lazy<(DemoOutcome Outcome, string Text)> Default = new(() => Run("37", "2026-M10", 2026));

    private static (DemoOutcome, string) Run(string province, string period, int seed)
    {
        using var writer = new StringWriter();
        var outcome = new DemoCycle(writer, Ktxh.Cli.KtxhCli.Services).Run(province, ReportingPeriod.Parse(period), seed);
        return (outcome, writer.ToString());
    }

    [Fact]
    public void The_province_total_is_the_hand_sum_of_its_communes()
    {
        var (outcome, _) = Default.Value;

        Assert.Equal(129, outcome.Communes);
        Assert.NotNull(outcome.ProvinceRetailTotal);
        Assert.Equal(outcome.HandSum, outcome.ProvinceRetailTotal);
    }

    [Fact]
    public void Validation_finds_the_planted_mistakes()
    {
        var (outcome, _) = Default.Value;

        Assert.Single(outcome.Findings, f => f.RuleCode == "COMPONENTS");
        Assert.Single(outcome.Findings, f => f.RuleCode == "OF_WHICH");
    }

    [Fact]
    public void Reconciliation_finds_the_one_mistyped_total()
    {
        var (outcome, _) = Default.Value;

        var discrepancy = Assert.Single(outcome.Discrepancies);
        Assert.Equal(12.5m, discrepancy.Difference);
    }

    [Fact]
    public void Remapping_preserves_the_old_total()
    {
        var (outcome, text) = Default.Value;

        Assert.Equal(outcome.OldTotal, outcome.RemappedTotal);
        Assert.Contains("Tỉnh Hà Nam", text);
    }

    [Fact]
    public void The_deadline_and_the_converted_input_are_explained()
    {
        var (_, text) = Default.Value;

        Assert.Contains("12/11/2026", text);
        Assert.Contains("VND_BN", text);
        Assert.Contains("125/129", text);
    }

    [Fact]
    public void The_workflow_shows_late_and_missing_units_the_reasons_and_a_verified_chain()
    {
        var (outcome, text) = Default.Value;
        var workflow = outcome.Workflow;

        // Of the four communes without figures at the deadline, three send 1, 2 and 3 working days late; one never sends.
        Assert.Equal([1, 2, 3], workflow.LateUnits.Select(l => l.WorkingDaysLate).ToArray());
        Assert.Equal(3, workflow.Progress.CountByTimeliness[Ktxh.Workflow.TimelinessStatus.Late]);
        Assert.Equal(1, workflow.Progress.CountByTimeliness[Ktxh.Workflow.TimelinessStatus.Missing]);
        Assert.Equal(125, workflow.Progress.CountByTimeliness[Ktxh.Workflow.TimelinessStatus.OnTime]);
        Assert.Equal(128, workflow.Progress.CountByState[Ktxh.Workflow.SubmissionState.Accepted]);
        Assert.Equal(Ktxh.Workflow.SubmissionState.NotStarted, Assert.Single(workflow.Progress.Rows, r => r.UnitCode == workflow.MissingUnit).State);
        Assert.Contains($"Chưa gửi / missing: {workflow.MissingUnit}", text);
        Assert.Contains("trễ hạn / late: 3, chưa gửi / missing: 1", text);
        Assert.Contains(DemoWorkflow.RejectionReason, text);
        Assert.Contains(DemoWorkflow.ReturnReason, text);
        Assert.NotNull(workflow.Chain);
        Assert.Contains($"đầu chuỗi / head {workflow.Chain.Head.Hash}: đã kiểm / verified", text);
        // The aggregated values are the accepted ones: 128 communes × 7 values.
        Assert.Equal(128 * 7, workflow.Accepted.Count);
    }

    [Fact]
    public void The_same_seed_gives_the_same_cycle_and_another_province_works()
    {
        var (again, text) = Run("37", "2026-M10", 2026);
        var (other, _) = Run("01", "2026-M03", 7);

        Assert.Equal(Default.Value.Text, text);
        Assert.Equal(Default.Value.Outcome.HandSum, again.HandSum);
        Assert.Equal(other.HandSum, other.ProvinceRetailTotal);
    }
}
