using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// An assignment (giao biểu): a form, a reporting unit and a period (the <see cref="Submission"/> identity), the
/// receiving (aggregating) unit and the deadline. Creating it with <see cref="WorkflowEngine.AssignAsync"/> starts
/// the submission. Immutable.
/// </summary>
/// <remarks>
/// The deadline is resolved when the assignment is made (<see cref="AssignmentPlanner"/> uses the form's
/// <c>DeadlineRule</c> and the working calendar of Ktxh.Periods): a deadline that falls on a rest day or holiday
/// moves to the next working day (QĐ 690/QĐ-UBND 2025 Điều 14.2, seed 002 "002-hanoi-ktxh-system-regulation.txt").
/// </remarks>
public sealed record Assignment
{
    /// <summary>Creates an assignment.</summary>
    /// <param name="submission">The form, reporting unit, period and kind.</param>
    /// <param name="receivingUnitCode">The unit that receives, accepts or returns the report.</param>
    /// <param name="dueDate">The effective deadline (a working day).</param>
    /// <param name="nominalDueDate">The deadline before moving off rest days; <paramref name="dueDate"/> when null.</param>
    /// <exception cref="ArgumentException">The receiving unit is empty or is the reporting unit itself, or the
    /// submission identity is the default value.</exception>
    public Assignment(SubmissionId submission, string receivingUnitCode, LocalDate dueDate, LocalDate? nominalDueDate = null)
    {
        if (submission.FormCode is null)
        {
            throw new ArgumentException("Định danh báo cáo trống. / The submission identity is empty.", nameof(submission));
        }

        Submission = submission;
        ReceivingUnitCode = SubmissionId.Code(receivingUnitCode, nameof(receivingUnitCode));
        if (ReceivingUnitCode == submission.UnitCode)
        {
            throw new ArgumentException("Đơn vị nhận trùng đơn vị báo cáo. / The receiving unit is the reporting unit.", nameof(receivingUnitCode));
        }

        DueDate = dueDate;
        NominalDueDate = nominalDueDate ?? dueDate;
    }

    /// <summary>The submission: form, reporting unit, period, kind.</summary>
    public SubmissionId Submission { get; }

    /// <summary>The receiving (aggregating) unit.</summary>
    public string ReceivingUnitCode { get; }

    /// <summary>The effective deadline.</summary>
    public LocalDate DueDate { get; }

    /// <summary>The nominal deadline (before a move off a rest day or holiday).</summary>
    public LocalDate NominalDueDate { get; }

    /// <summary>The deadline rule's id, when the deadline came from a rule.</summary>
    public string? DeadlineRuleId { get; init; }

    /// <summary>The regime whose <see cref="WorkflowPolicy"/> applies (a key of
    /// <see cref="WorkflowEngineOptions.Policies"/>); <c>default</c> unless set.</summary>
    public string Regime { get; init => field = string.IsNullOrWhiteSpace(value) ? WorkflowPolicy.DefaultName : value.Trim(); } = WorkflowPolicy.DefaultName;

    /// <summary>The request's title, for ad hoc and thematic reports.</summary>
    public string? Title { get; init => field = Ktxh.VietnameseText.Normalize(value); }

    /// <summary>
    /// The form of the receiving unit's own report that this submission feeds; the form itself when null. Once the
    /// level above has accepted that report (form, receiving unit, same period and kind), this submission is locked.
    /// </summary>
    public string? FeedsFormCode { get; init => field = value is null ? null : SubmissionId.Code(value, nameof(FeedsFormCode)); }

    /// <summary>The identity of the receiving unit's report this submission feeds (the lock that applies to it).</summary>
    public SubmissionId FeedsInto => new(FeedsFormCode ?? Submission.FormCode, ReceivingUnitCode, Submission.Period, Submission.Kind);
}
