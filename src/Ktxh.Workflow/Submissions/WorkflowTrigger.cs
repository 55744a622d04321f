namespace Ktxh.Workflow;

/// <summary>
/// The commands of the workflow. Each accepted command becomes one event. <see cref="Assign"/> and
/// <see cref="GrantLockException"/> are not transitions of the lifecycle table (they create a submission, or grant
/// an exception to a unit for a period); every other trigger is.
/// </summary>
public enum WorkflowTrigger
{
    /// <summary>Assign a form to a unit for a period (giao biểu): creates the submission in
    /// <see cref="SubmissionState.NotStarted"/>.</summary>
    Assign = 1,

    /// <summary>Enter or save values, the explanatory note and attachments (nhập liệu).</summary>
    EnterValues = 2,

    /// <summary>Submit the revision to the unit's leader (trình duyệt).</summary>
    SubmitForApproval = 3,

    /// <summary>The leader approves (phê duyệt).</summary>
    Approve = 4,

    /// <summary>The leader rejects, with a reason (từ chối phê duyệt): back to draft in a new revision.</summary>
    Reject = 5,

    /// <summary>Send to the aggregating unit (gửi).</summary>
    Send = 6,

    /// <summary>Two-step acceptance: the first aggregator receives and checks (tiếp nhận).</summary>
    Receive = 7,

    /// <summary>The aggregator accepts (duyệt, chấp nhận).</summary>
    Accept = 8,

    /// <summary>The aggregator returns the report, with a reason (trả lại): back to draft in a new revision.</summary>
    Return = 9,

    /// <summary>The unit asks to reopen an accepted report for correction, with a reason.</summary>
    RequestReopen = 10,

    /// <summary>The aggregator grants the reopening: back to draft in a new revision.</summary>
    GrantReopen = 11,

    /// <summary>The aggregator refuses the reopening, with a reason: the report stays accepted.</summary>
    DenyReopen = 12,

    /// <summary>The aggregator undoes its acceptance, with a reason: back to sent (unlocks the level below).</summary>
    RevokeAcceptance = 13,

    /// <summary>Cancel the assignment before anything was entered.</summary>
    Cancel = 14,

    /// <summary>Withdraw the assignment, with a reason, before it is accepted.</summary>
    Withdraw = 15,

    /// <summary>Grant one unit an exception to the closing of data entry for one period, with a reason and an end
    /// date.</summary>
    GrantLockException = 16,
}
