namespace Ktxh.Workflow;

/// <summary>
/// The rules of one reporting regime that change the lifecycle: merged steps for small units, two-step acceptance,
/// segregation of duties and the closing of data entry. Immutable.
/// </summary>
public sealed record WorkflowPolicy
{
    /// <summary>The name of the default regime.</summary>
    public const string DefaultName = "default";

    /// <summary>The default policy: separate approve and send steps, one-step acceptance, segregation of duties on,
    /// data entry never closes.</summary>
    public static WorkflowPolicy Default { get; } = new();

    /// <summary>The regime's name.</summary>
    public string Name { get; init; } = DefaultName;

    /// <summary>
    /// Small units: the approver also sends; approving sends the report (awaiting approval → sent in one command, no
    /// separate sender).
    /// </summary>
    public bool MergeApproveAndSend { get; init; }

    /// <summary>Two-step acceptance: an aggregator receives and checks (<see cref="SubmissionState.Received"/>), then
    /// another accepts.</summary>
    public bool TwoStepAccept { get; init; }

    /// <summary>Segregation of duties (on by default): whoever entered a revision cannot approve it; with two-step
    /// acceptance, whoever received cannot also accept.</summary>
    public bool SegregationOfDuties { get; init; } = true;

    /// <summary>
    /// Data entry closes this many working days after the effective deadline (entry on the closing day is still
    /// allowed); null means it never closes. An aggregator can grant one unit a <see cref="LockException"/> for one
    /// period.
    /// </summary>
    public int? EntryClosesAfterWorkingDays
    {
        get;
        init => field = value is < 0 ? throw new ArgumentOutOfRangeException(nameof(value), value, "Số ngày âm. / Negative days.") : value;
    }
}
