using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// What a store indexes about a submission so it can be queried by form, period, unit, receiving unit and state
/// (a durable store keeps it as a row updated in the same transaction as the append). Immutable.
/// </summary>
/// <param name="Submission">The submission.</param>
/// <param name="ReceivingUnitCode">The receiving unit.</param>
/// <param name="State">The state after the last event.</param>
/// <param name="Version">The stream version after the last event.</param>
/// <param name="DueDate">The effective deadline.</param>
/// <param name="LastChanged">When the last event happened.</param>
public sealed record SubmissionIndexEntry(
    SubmissionId Submission, string ReceivingUnitCode, SubmissionState State, long Version, LocalDate DueDate, Instant LastChanged)
{
    /// <summary>The stream id.</summary>
    public string StreamId => Submission.StreamId;
}
