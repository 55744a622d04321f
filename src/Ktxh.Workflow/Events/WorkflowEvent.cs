using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// One accepted command, as recorded: who (account, unit, roles), what (the trigger and the state change), when
/// (from the injected clock), why (the reason) and on which content (the SHA-256 of the revision's canonical
/// content). Events are the source of truth: a submission is the fold of its events. Immutable.
/// </summary>
/// <remarks>The canonical JSON form (<see cref="WorkflowEventJson"/>) is what is hashed, chained and signed.</remarks>
public sealed record WorkflowEvent
{
    /// <summary>The command's id (idempotency key: a command id is recorded at most once).</summary>
    public required Guid CommandId { get; init; }

    /// <summary>The command.</summary>
    public required WorkflowTrigger Trigger { get; init; }

    /// <summary>The stream (a submission's <see cref="SubmissionId.StreamId"/>, or a lock-exception stream).</summary>
    public required string StreamId { get; init; }

    /// <summary>The account that issued the command.</summary>
    public required string ActorUserName { get; init; }

    /// <summary>The account's unit.</summary>
    public required string ActorUnitCode { get; init; }

    /// <summary>The roles the account held.</summary>
    public required WorkflowRole ActorRoles { get; init; }

    /// <summary>When (from the engine's clock).</summary>
    public required Instant Time { get; init; }

    /// <summary>The state before (null for an assignment or a lock exception).</summary>
    public SubmissionState? From { get; init; }

    /// <summary>The state after (null for a lock exception).</summary>
    public SubmissionState? To { get; init; }

    /// <summary>The revision the event concerns after it applied (0 before any data).</summary>
    public int Revision { get; init; }

    /// <summary>The reason given, if any.</summary>
    public string? Reason { get; init; }

    /// <summary>The SHA-256 of the revision's canonical content after the event (null before any data).</summary>
    public string? ContentSha256 { get; init; }

    /// <summary>The content entered (data entry only).</summary>
    public SubmissionContent? Content { get; init; }

    /// <summary>The assignment (assign only).</summary>
    public Assignment? Assignment { get; init; }

    /// <summary>The lock exception (grant lock exception only).</summary>
    public LockException? LockException { get; init; }
}
