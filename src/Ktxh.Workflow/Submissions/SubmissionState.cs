namespace Ktxh.Workflow;

/// <summary>
/// The states of a submission's lifecycle (seed 002 "002-hanoi-ktxh-system-regulation.txt" Điều 7, 10; the
/// transitions are in <see cref="SubmissionLifecycle"/>). Rejection and return are transitions back to
/// <see cref="Draft"/> with a reason, not states of their own: the rejected or returned revision is kept.
/// </summary>
public enum SubmissionState
{
    /// <summary>Assigned (giao biểu); nothing entered yet.</summary>
    NotStarted = 1,

    /// <summary>Being entered by the unit's data-entry account; the only state in which data is edited.</summary>
    Draft = 2,

    /// <summary>Submitted to the unit's leader for approval (chờ phê duyệt).</summary>
    AwaitingApproval = 3,

    /// <summary>Approved by the unit's leader (đã phê duyệt), waiting for the sender.</summary>
    Approved = 4,

    /// <summary>Sent to the aggregating unit (đã gửi).</summary>
    Sent = 5,

    /// <summary>Two-step acceptance only: received and checked by a first aggregator (đã tiếp nhận), waiting for
    /// the final acceptance.</summary>
    Received = 6,

    /// <summary>Accepted by the aggregating unit (đã duyệt, tiếp nhận): what the level above aggregates.</summary>
    Accepted = 7,

    /// <summary>Accepted, and the unit asked to reopen it for correction (đề nghị mở lại); still accepted until the
    /// aggregator grants.</summary>
    ReopenRequested = 8,

    /// <summary>The assignment was cancelled before anything was entered (terminal).</summary>
    Cancelled = 9,

    /// <summary>The assignment was withdrawn with a reason after work began (terminal; revisions are kept).</summary>
    Withdrawn = 10,
}
