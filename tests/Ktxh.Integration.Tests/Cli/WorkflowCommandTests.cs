using Ktxh.Workflow;

namespace Ktxh.Integration.Tests.Cli;

/// <summary><c>ktxh workflow diagram</c>: the Mermaid diagram generated from the lifecycle table.</summary>
[Collection("Console")]
public class WorkflowCommandTests
{
    [Fact]
    public void Diagram_prints_the_generated_mermaid_of_the_default_policy()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("workflow", "diagram"));
        Assert.Equal(WorkflowDiagram.Mermaid(), stdout);
        Assert.StartsWith("stateDiagram-v2", stdout);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Diagram_follows_the_policy_options(bool merge, bool twoStep)
    {
        var args = new List<string> { "workflow", "diagram" };
        if (merge)
        {
            args.Add("--merge-approve-send");
        }

        if (twoStep)
        {
            args.Add("--two-step-accept");
        }

        string stdout = CliAssert.Succeeded(CliRunner.Run([.. args]));
        Assert.Equal(WorkflowDiagram.Mermaid(new WorkflowPolicy { MergeApproveAndSend = merge, TwoStepAccept = twoStep }), stdout);
        Assert.Equal(twoStep, stdout.Contains("Sent --> Received : Receive", StringComparison.Ordinal));
        Assert.Equal(!merge, stdout.Contains("Approved --> Sent : Send", StringComparison.Ordinal));
    }

    [Fact]
    public void Diagram_with_guards_is_the_guarded_mermaid()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("workflow", "diagram", "--guards"));
        Assert.Equal(WorkflowDiagram.Mermaid(withGuards: true), stdout);
    }

    [Fact]
    public void Unknown_argument_is_refused_bilingually_with_exit_2()
    {
        CliResult result = CliRunner.Run("workflow", "diagram", "--bogus");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Tham số không hiểu được", result.Stderr);
        Assert.Contains("Unrecognised arguments", result.Stderr);
        Assert.Empty(result.Stdout);
    }
}
