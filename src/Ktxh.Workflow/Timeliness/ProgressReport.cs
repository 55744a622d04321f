using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Workflow;

/// <summary>One unit's line in an aggregator's progress report. Immutable.</summary>
/// <param name="Submission">The submission.</param>
/// <param name="State">Its state.</param>
/// <param name="Revision">Its current revision (0 before any data).</param>
/// <param name="SentAt">When it was sent (under the <see cref="SentPolicy"/>).</param>
/// <param name="Timeliness">Its timeliness.</param>
public sealed record ProgressRow(SubmissionId Submission, SubmissionState State, int Revision, Instant? SentAt, Timeliness Timeliness)
{
    /// <summary>The reporting unit.</summary>
    public string UnitCode => Submission.UnitCode;
}

/// <summary>
/// An aggregator's view of one form and period (seed 002 Điều 10.2: the aggregator follows every unit's progress
/// and exports per-unit statistics): every unit with its state, sent time and lateness, and totals. Immutable.
/// </summary>
/// <param name="ReceivingUnitCode">The aggregating unit.</param>
/// <param name="FormCode">The form.</param>
/// <param name="Period">The period.</param>
/// <param name="AsOf">The day the report was made.</param>
/// <param name="Rows">One row per unit, by unit code.</param>
public sealed record ProgressReport(string ReceivingUnitCode, string FormCode, ReportingPeriod Period, LocalDate AsOf, IReadOnlyList<ProgressRow> Rows)
{
    /// <summary>The number of units per state.</summary>
    public IReadOnlyDictionary<SubmissionState, int> CountByState => Rows.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The number of units per timeliness status.</summary>
    public IReadOnlyDictionary<TimelinessStatus, int> CountByTimeliness => Rows.GroupBy(r => r.Timeliness.Status).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>A unit's timeliness over a year, for emulation scoring (thi đua; seed 002 Điều 19.4). Immutable.</summary>
/// <param name="UnitCode">The reporting unit.</param>
/// <param name="Assigned">Submissions assigned (cancelled and withdrawn ones excluded).</param>
/// <param name="OnTime">Sent on time.</param>
/// <param name="Late">Sent late.</param>
/// <param name="Missing">Not sent, deadline passed.</param>
/// <param name="NotYetDue">Not sent, deadline not passed.</param>
/// <param name="WorkingDaysLate">The working days late summed over late and missing submissions.</param>
public sealed record UnitTimelinessSummary(string UnitCode, int Assigned, int OnTime, int Late, int Missing, int NotYetDue, int WorkingDaysLate)
{
    /// <summary>On-time submissions as a share of those due (on time + late + missing), or null when none is due.</summary>
    public decimal? OnTimeRate => OnTime + Late + Missing is int due and > 0 ? decimal.Round((decimal)OnTime / due, 4) : null;
}

/// <summary>A deadline for the host's reminders: due soon or overdue, not yet sent. Immutable.</summary>
/// <param name="Submission">The submission.</param>
/// <param name="ReceivingUnitCode">The receiving unit.</param>
/// <param name="State">Its state.</param>
/// <param name="DueDate">The effective deadline.</param>
/// <param name="WorkingDaysLeft">Working days from today to the deadline; negative when overdue.</param>
public sealed record DeadlineItem(SubmissionId Submission, string ReceivingUnitCode, SubmissionState State, LocalDate DueDate, int WorkingDaysLeft)
{
    /// <summary>Whether the deadline has passed.</summary>
    public bool IsOverdue => WorkingDaysLeft < 0;
}

/// <summary>An accepted submission's revision: its values, explanatory note and attachment references. Immutable.</summary>
/// <param name="Submission">The submission.</param>
/// <param name="Revision">The accepted revision's number.</param>
/// <param name="ContentSha256">The SHA-256 of its canonical content.</param>
/// <param name="AcceptedAt">When it was accepted.</param>
/// <param name="Content">Its content.</param>
public sealed record AcceptedSubmission(SubmissionId Submission, int Revision, string ContentSha256, Instant AcceptedAt, SubmissionContent Content);
