using Ktxh.Workflow;

namespace Ktxh.Cli.Cycle;

/// <summary>
/// What <c>ktxh workflow init</c> records about a cycle: the receiving province, the year, the forms of the cycle and
/// the units in scope (the communes that report to the province), with the accounts that may act on it.
/// </summary>
/// <param name="Province">The province that assigns, receives and accepts (its aggregator account is <c>tonghop_&lt;code&gt;</c>).</param>
/// <param name="Year">The year of the cycle.</param>
/// <param name="Forms">The form codes of the cycle.</param>
/// <param name="Units">The units in scope (communes of the province on the last day of the year, or as chosen).</param>
internal sealed record CycleSetup(string Province, int Year, IReadOnlyList<string> Forms, IReadOnlyList<string> Units)
{
    /// <summary>
    /// The built-in accounts (seed 002 Điều 7, 10, and the demo's names): for each unit in scope a data-entry account
    /// <c>nhaplieu_&lt;unit&gt;</c>, a leader (approver) <c>lanhdao_&lt;unit&gt;</c> and a sender <c>vanthu_&lt;unit&gt;</c>;
    /// for the province its aggregator <c>tonghop_&lt;province&gt;</c>. Three separate accounts keep the segregation of
    /// duties (the one who enters does not approve, the one who approves does not send).
    /// </summary>
    public IEnumerable<Actor> BuiltInAccounts()
    {
        yield return new Actor($"tonghop_{Province}", Province, WorkflowRole.Aggregator);
        foreach (string unit in Units)
        {
            yield return new Actor($"nhaplieu_{unit}", unit, WorkflowRole.DataEntry);
            yield return new Actor($"lanhdao_{unit}", unit, WorkflowRole.Approver);
            yield return new Actor($"vanthu_{unit}", unit, WorkflowRole.Sender);
        }
    }
}
