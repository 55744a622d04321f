namespace Ktxh.Workflow;

/// <summary>
/// What counts as "sent" when judging timeliness. Sending means the report reached the receiving unit: the
/// transition into <see cref="SubmissionState.Sent"/>, by the sender, or by the approver when steps are merged.
/// Undoing an acceptance (back to sent) is not a send.
/// </summary>
public enum SentPolicy
{
    /// <summary>The first send counts (default): a unit that sent on time and was returned for correction was on
    /// time; the correction is tracked by its revisions.</summary>
    FirstSend = 1,

    /// <summary>The last send counts: a report returned and sent again is judged by the day it was sent again.</summary>
    LastSend = 2,
}
