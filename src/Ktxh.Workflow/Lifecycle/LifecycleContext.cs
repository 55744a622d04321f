namespace Ktxh.Workflow;

/// <summary>
/// What the lifecycle's guards look at: who acts, on which submission, with what reason and content, under which
/// policy, and the locks the engine found. Immutable.
/// </summary>
/// <param name="Actor">Who issues the command.</param>
/// <param name="Submission">The submission as it is now.</param>
/// <param name="Policy">The regime's policy.</param>
/// <param name="Reason">The reason given, if any.</param>
/// <param name="Content">The content given (data entry), if any.</param>
/// <param name="IsLockedByHigherLevel">Whether the report this submission feeds has been accepted by the level above.</param>
/// <param name="IsEntryOpen">Whether data entry is still open (not past the closing day, or a lock exception is active).</param>
public sealed record LifecycleContext(
    Actor Actor,
    Submission Submission,
    WorkflowPolicy Policy,
    string? Reason = null,
    SubmissionContent? Content = null,
    bool IsLockedByHigherLevel = false,
    bool IsEntryOpen = true);
