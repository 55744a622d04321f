using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// One revision of a submission: its content (values, explanatory note, attachments) and who did what with it.
/// A rejected or returned revision is kept as it was; the correction is the next revision. Immutable.
/// </summary>
public sealed record SubmissionRevision
{
    /// <summary>The revision number (from 1).</summary>
    public required int Number { get; init; }

    /// <summary>The content.</summary>
    public required SubmissionContent Content { get; init; }

    /// <summary>The SHA-256 of the canonical content.</summary>
    public string ContentSha256 => Content.Sha256;

    /// <summary>The accounts that entered this revision's content (including those of the revision it corrects,
    /// whose content it starts from), in order of first entry.</summary>
    public IReadOnlyList<string> EnteredBy { get; init; } = [];

    /// <summary>Who submitted it for approval.</summary>
    public string? SubmittedBy { get; init; }

    /// <summary>Who approved it.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>Who sent it.</summary>
    public string? SentBy { get; init; }

    /// <summary>When it was sent.</summary>
    public Instant? SentAt { get; init; }

    /// <summary>Who took the first acceptance step (two-step acceptance).</summary>
    public string? ReceivedBy { get; init; }

    /// <summary>Who accepted it (null when never accepted, or when the acceptance was revoked).</summary>
    public string? AcceptedBy { get; init; }

    /// <summary>When it was accepted.</summary>
    public Instant? AcceptedAt { get; init; }

    /// <summary>How it ended.</summary>
    public RevisionOutcome Outcome { get; init; } = RevisionOutcome.Current;

    /// <summary>The reason it ended (rejection, return, reopening, withdrawal).</summary>
    public string? OutcomeReason { get; init; }

    /// <summary>Who ended it.</summary>
    public string? OutcomeBy { get; init; }
}
