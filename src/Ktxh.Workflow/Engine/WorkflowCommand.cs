using System.Security.Cryptography.X509Certificates;

namespace Ktxh.Workflow;

/// <summary>
/// A command on a submission: who, which trigger, on what, with which reason and content. The command id makes it
/// idempotent (a retried command is recorded once). Immutable.
/// </summary>
/// <param name="CommandId">The command's id (a new <see cref="Guid"/> per user action; reuse it on retry).</param>
/// <param name="Submission">The submission.</param>
/// <param name="Actor">Who issues it.</param>
/// <param name="Trigger">What to do (a trigger of the lifecycle table).</param>
public sealed record WorkflowCommand(Guid CommandId, SubmissionId Submission, Actor Actor, WorkflowTrigger Trigger)
{
    /// <summary>The reason (required to reject, return, request a reopening, deny it, revoke an acceptance, withdraw).</summary>
    public string? Reason { get; init => field = Ktxh.VietnameseText.Normalize(value); }

    /// <summary>The content entered (data entry only).</summary>
    public SubmissionContent? Content { get; init; }

    /// <summary>The version the actor saw; when set and the submission has changed since, the command is refused
    /// with <see cref="WorkflowErrorCode.ConcurrencyConflict"/>.</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>The actor's certificate with its private key, to sign the event; null for no signature.</summary>
    public X509Certificate2? Signer { get; init; }
}
