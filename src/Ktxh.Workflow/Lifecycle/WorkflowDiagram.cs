using System.Text;

namespace Ktxh.Workflow;

/// <summary>The lifecycle as a Mermaid diagram, generated from the table (<see cref="SubmissionLifecycle"/>), for
/// the docs and for a command line to print.</summary>
public static class WorkflowDiagram
{
    /// <summary>The Mermaid <c>stateDiagram-v2</c> of the lifecycle under a policy.</summary>
    /// <param name="policy">The policy; <see cref="WorkflowPolicy.Default"/> when null.</param>
    /// <param name="withGuards">Whether to print each transition's guards on its arrow.</param>
    /// <returns>The diagram text (LF line ends).</returns>
    public static string Mermaid(WorkflowPolicy? policy = null, bool withGuards = false) =>
        SubmissionLifecycle.Build(policy ?? WorkflowPolicy.Default).ToMermaid(withGuards);

    /// <summary>A Markdown page: one fenced Mermaid diagram per policy variant (default, merged steps, two-step
    /// acceptance), generated from the table.</summary>
    /// <returns>The Markdown text (LF line ends).</returns>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        foreach (var (title, policy) in new[]
        {
            ("Default policy (separate approve and send, one-step acceptance)", WorkflowPolicy.Default),
            ("Small units: the approver also sends (MergeApproveAndSend)", new WorkflowPolicy { MergeApproveAndSend = true }),
            ("Two-step acceptance (TwoStepAccept)", new WorkflowPolicy { TwoStepAccept = true }),
        })
        {
            sb.Append("### ").Append(title).Append("\n\n```mermaid\n").Append(Mermaid(policy)).Append("```\n\n");
        }

        return sb.ToString();
    }
}
