using System.CommandLine;
using Ktxh.Workflow;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh workflow diagram</c>: prints the Mermaid diagram of the submission lifecycle, generated from the lifecycle
/// table (<see cref="WorkflowDiagram.Mermaid"/>). <c>--merge-approve-send</c> (small units: approving sends) and
/// <c>--two-step-accept</c> (receive, then accept) select the policy; <c>--guards</c> prints each arrow's guards.
/// </summary>
internal sealed class WorkflowCommand(CliContext cli)
{
    private const int InvalidInput = 2;

    public Command Create()
    {
        var merge = new Option<bool>("--merge-approve-send") { Description = "Policy: small units, the approver also sends (MergeApproveAndSend)." };
        var twoStep = new Option<bool>("--two-step-accept") { Description = "Policy: two-step acceptance, receive then accept (TwoStepAccept)." };
        var guards = new Option<bool>("--guards") { Description = "Print each transition's guards on its arrow." };
        var diagram = new Command("diagram", "Print the Mermaid diagram of the submission lifecycle (generated from the lifecycle table).")
        {
            merge,
            twoStep,
            guards,
        };
        diagram.TreatUnmatchedTokensAsErrors = false; // Reported below, bilingually, with exit code 2.
        diagram.SetAction(parseResult =>
        {
            if (parseResult.UnmatchedTokens.Count > 0)
            {
                string tokens = string.Join(" ", parseResult.UnmatchedTokens);
                cli.Error.WriteLine($"Tham số không hiểu được: {tokens}. / Unrecognised arguments: {tokens}.");
                return InvalidInput;
            }

            var policy = new WorkflowPolicy
            {
                Name = "cli",
                MergeApproveAndSend = parseResult.GetValue(merge),
                TwoStepAccept = parseResult.GetValue(twoStep),
            };
            cli.Out.Write(WorkflowDiagram.Mermaid(policy, parseResult.GetValue(guards)));
            return 0;
        });

        return new Command("workflow", "The reporting workflow (giao biểu, nhập, duyệt, gửi, tiếp nhận): its lifecycle diagram.")
        {
            diagram,
        };
    }
}
