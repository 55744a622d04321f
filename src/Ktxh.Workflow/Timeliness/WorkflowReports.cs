using Ktxh.Indicators;
using Ktxh.Indicators.DataValues;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// Timeliness and progress over an engine's store: per-submission timeliness, an aggregator's progress per form and
/// period, yearly per-unit summaries for emulation scoring, deadlines for reminders, and the accepted values of a
/// form and period in the shape aggregation takes (Ktxh.Indicators <see cref="DataValue"/>s). Thread-safe.
/// </summary>
public sealed class WorkflowReports
{
    private readonly WorkflowEngine _engine;

    /// <summary>Creates the reports.</summary>
    /// <param name="engine">The engine (its store, calendar, time zone and clock).</param>
    /// <param name="sentPolicy">What counts as sent.</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is null.</exception>
    public WorkflowReports(WorkflowEngine engine, SentPolicy sentPolicy = SentPolicy.FirstSend)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        SentPolicy = sentPolicy;
    }

    /// <summary>What counts as sent.</summary>
    public SentPolicy SentPolicy { get; }

    /// <summary>When a submission counts as sent under <see cref="SentPolicy"/>.</summary>
    /// <param name="submission">The submission.</param>
    /// <returns>The instant, or null when never sent.</returns>
    public Instant? SentAt(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return SentPolicy == SentPolicy.LastSend ? submission.LastSentAt : submission.FirstSentAt;
    }

    /// <summary>The timeliness of a submission on a day.</summary>
    /// <param name="submission">The submission.</param>
    /// <param name="today">The day of the evaluation.</param>
    /// <returns>The timeliness.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="submission"/> is null.</exception>
    public Timeliness Evaluate(Submission submission, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(submission);
        LocalDate due = submission.Assignment.DueDate;
        if (SubmissionLifecycle.IsTerminal(submission.State))
        {
            return new Timeliness(TimelinessStatus.NotApplicable, due, null, 0);
        }

        if (SentAt(submission) is { } sent)
        {
            LocalDate on = sent.InZone(_engine.TimeZone).Date;
            return on <= due
                ? new Timeliness(TimelinessStatus.OnTime, due, on, 0)
                : new Timeliness(TimelinessStatus.Late, due, on, Math.Max(1, _engine.Calendar.WorkingDaysBetween(due, on)));
        }

        return today <= due
            ? new Timeliness(TimelinessStatus.NotYetDue, due, null, 0)
            : new Timeliness(TimelinessStatus.Missing, due, null, Math.Max(1, _engine.Calendar.WorkingDaysBetween(due, today)));
    }

    /// <summary>An aggregator's progress for a form and period: every unit that sends it to the aggregator.</summary>
    /// <param name="receivingUnitCode">The aggregating unit.</param>
    /// <param name="formCode">The form.</param>
    /// <param name="period">The period.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report, rows by unit code.</returns>
    public async Task<ProgressReport> ProgressAsync(string receivingUnitCode, string formCode, ReportingPeriod period, CancellationToken cancellationToken = default)
    {
        LocalDate today = _engine.Today;
        var subs = await _engine.FindAsync(new SubmissionQuery { ReceivingUnitCode = receivingUnitCode, FormCode = formCode, Period = period },
            cancellationToken).ConfigureAwait(false);
        var rows = subs.OrderBy(s => s.Id.UnitCode, StringComparer.Ordinal)
            .Select(s => new ProgressRow(s.Id, s.State, s.CurrentRevision?.Number ?? 0, SentAt(s), Evaluate(s, today)))
            .ToArray();
        return new ProgressReport(receivingUnitCode, formCode, period, today, rows);
    }

    /// <summary>Each unit's timeliness over a year (periods of that year) for the submissions it sends to an aggregator.</summary>
    /// <param name="receivingUnitCode">The aggregating unit.</param>
    /// <param name="year">The year.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One summary per unit, by unit code.</returns>
    public async Task<IReadOnlyList<UnitTimelinessSummary>> YearlyTimelinessAsync(string receivingUnitCode, int year, CancellationToken cancellationToken = default)
    {
        LocalDate today = _engine.Today;
        var subs = await _engine.FindAsync(new SubmissionQuery { ReceivingUnitCode = receivingUnitCode, Year = year }, cancellationToken).ConfigureAwait(false);
        return subs.GroupBy(s => s.Id.UnitCode, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var t = g.Select(s => Evaluate(s, today)).Where(x => x.Status != TimelinessStatus.NotApplicable).ToArray();
            return new UnitTimelinessSummary(g.Key, t.Length,
                t.Count(x => x.Status == TimelinessStatus.OnTime), t.Count(x => x.Status == TimelinessStatus.Late),
                t.Count(x => x.Status == TimelinessStatus.Missing), t.Count(x => x.Status == TimelinessStatus.NotYetDue),
                t.Sum(x => x.WorkingDaysLate));
        }).ToArray();
    }

    /// <summary>Submissions not yet sent whose deadline is within <paramref name="withinWorkingDays"/> working days
    /// of today, or has passed (for reminders), by deadline then stream id.</summary>
    /// <param name="withinWorkingDays">How far ahead to look, in working days (0 = due today).</param>
    /// <param name="receivingUnitCode">Only those sent to this unit; null for all.</param>
    /// <param name="unitCode">Only this reporting unit's; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The items.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="withinWorkingDays"/> is negative.</exception>
    public async Task<IReadOnlyList<DeadlineItem>> DeadlinesAsync(int withinWorkingDays, string? receivingUnitCode = null, string? unitCode = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(withinWorkingDays);
        LocalDate today = _engine.Today;
        LocalDate horizon = _engine.Calendar.AddWorkingDays(_engine.Calendar.PreviousWorkingDayOnOrBefore(today), withinWorkingDays);
        var entries = await _engine.Store.QueryAsync(new SubmissionQuery
        {
            ReceivingUnitCode = receivingUnitCode,
            UnitCode = unitCode,
            States = [SubmissionState.NotStarted, SubmissionState.Draft, SubmissionState.AwaitingApproval, SubmissionState.Approved],
        }, cancellationToken).ConfigureAwait(false);
        var items = new List<DeadlineItem>();
        foreach (SubmissionIndexEntry e in entries.Where(e => e.DueDate <= horizon))
        {
            // A submission returned for correction after a send is not overdue under the first-send policy.
            if (SentPolicy == SentPolicy.FirstSend && e.State == SubmissionState.Draft
                && (await _engine.GetAsync(e.Submission, cancellationToken).ConfigureAwait(false)).TryGetValue(out Submission? s) && s.FirstSentAt is not null)
            {
                continue;
            }

            int left = e.DueDate >= today ? _engine.Calendar.WorkingDaysBetween(today, e.DueDate) : -Math.Max(1, _engine.Calendar.WorkingDaysBetween(e.DueDate, today));
            items.Add(new DeadlineItem(e.Submission, e.ReceivingUnitCode, e.State, e.DueDate, left));
        }

        return items.OrderBy(i => i.DueDate).ThenBy(i => i.Submission.StreamId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The accepted revisions of a form and period (submissions accepted now, including those whose
    /// reopening is requested but not granted), with their notes and attachments.</summary>
    /// <param name="formCode">The form.</param>
    /// <param name="period">The period.</param>
    /// <param name="receivingUnitCode">Only those accepted by this unit; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The accepted submissions, by unit code.</returns>
    public async Task<IReadOnlyList<AcceptedSubmission>> AcceptedAsync(string formCode, ReportingPeriod period, string? receivingUnitCode = null,
        CancellationToken cancellationToken = default)
    {
        var subs = await _engine.FindAsync(new SubmissionQuery
        {
            FormCode = formCode,
            Period = period,
            ReceivingUnitCode = receivingUnitCode,
            States = [SubmissionState.Accepted, SubmissionState.ReopenRequested],
        }, cancellationToken).ConfigureAwait(false);
        return subs.Where(s => s.CurrentRevision?.AcceptedAt is not null).OrderBy(s => s.Id.UnitCode, StringComparer.Ordinal)
            .Select(s => new AcceptedSubmission(s.Id, s.CurrentRevision!.Number, s.CurrentRevision.ContentSha256, s.CurrentRevision.AcceptedAt!.Value,
                s.CurrentRevision.Content))
            .ToArray();
    }

    /// <summary>The accepted values of a form and period, flattened, in the shape aggregation takes.</summary>
    /// <param name="formCode">The form.</param>
    /// <param name="period">The period.</param>
    /// <param name="receivingUnitCode">Only those accepted by this unit; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The values, by unit then canonical order.</returns>
    public async Task<IReadOnlyList<DataValue>> AcceptedValuesAsync(string formCode, ReportingPeriod period, string? receivingUnitCode = null,
        CancellationToken cancellationToken = default) =>
        (await AcceptedAsync(formCode, period, receivingUnitCode, cancellationToken).ConfigureAwait(false)).SelectMany(a => a.Content.Values).ToArray();

    /// <summary>
    /// The accepted plan targets that apply to a period: yearly targets of its year and five-year targets of the plan
    /// period containing it, from the accepted revisions of <see cref="SubmissionKind.PlanTarget"/> submissions (see
    /// <see cref="PlanCompletion"/> for which values are targets).
    /// </summary>
    /// <param name="period">The period reported.</param>
    /// <param name="receivingUnitCode">Only plans accepted by this unit; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The targets, by indicator, unit and disaggregation.</returns>
    public async Task<IReadOnlyList<PlanTarget>> PlanTargetsAsync(ReportingPeriod period, string? receivingUnitCode = null,
        CancellationToken cancellationToken = default)
    {
        var plans = await _engine.FindAsync(new SubmissionQuery
        {
            Kind = SubmissionKind.PlanTarget,
            ReceivingUnitCode = receivingUnitCode,
            States = [SubmissionState.Accepted, SubmissionState.ReopenRequested],
        }, cancellationToken).ConfigureAwait(false);
        return plans.SelectMany(PlanCompletion.TargetsOf).Where(t => PlanCompletion.AppliesTo(t, period))
            .OrderBy(t => t.IndicatorCode, StringComparer.Ordinal).ThenBy(t => t.UnitCode, StringComparer.Ordinal)
            .ThenBy(t => t.Disaggregation, StringComparer.Ordinal).ThenBy(t => t.Kind).ThenBy(t => t.AcceptedAt)
            .ToArray();
    }

    /// <summary>
    /// The "% of plan" columns of a form and period: its accepted values joined to the accepted plan targets
    /// (<see cref="PlanTargetsAsync"/>) by <see cref="PlanCompletion.Compute"/>. For actual values that come from
    /// aggregation instead, call <see cref="PlanCompletion.Compute"/> with them and <see cref="PlanTargetsAsync"/>.
    /// </summary>
    /// <param name="formCode">The form whose accepted values are the actuals.</param>
    /// <param name="period">The period.</param>
    /// <param name="receivingUnitCode">Only submissions and plans accepted by this unit; null for all.</param>
    /// <param name="decimals">Decimal places of the percentages (0–10, default 2; midpoint away from zero).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One row per indicator, unit and disaggregation with an actual value or a target.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–10.</exception>
    public async Task<IReadOnlyList<PlanCompletionRow>> PercentOfPlanAsync(string formCode, ReportingPeriod period, string? receivingUnitCode = null,
        int decimals = PlanCompletion.DefaultDecimals, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        var actuals = await AcceptedValuesAsync(formCode, period, receivingUnitCode, cancellationToken).ConfigureAwait(false);
        var targets = await PlanTargetsAsync(period, receivingUnitCode, cancellationToken).ConfigureAwait(false);
        return PlanCompletion.Compute(actuals, targets, period, decimals);
    }
}
