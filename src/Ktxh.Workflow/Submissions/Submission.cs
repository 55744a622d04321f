using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// A submission as its events make it: the assignment, the state, every revision and the history. Built by folding
/// the submission's events (<see cref="FromEvents"/>); never changed in place. Immutable.
/// </summary>
public sealed class Submission
{
    // A list per thread to apply a step in (Apply is not re-entered): only the resulting array is allocated.
    [ThreadStatic]
    private static List<SubmissionRevision>? t_scratch;

    // The stream keys derived from the assignment, made once per submission and shared by every later fold of it.
    private StreamKeys? _keys;

    private Submission(Assignment assignment, SubmissionState state, long version, IReadOnlyList<SubmissionRevision> revisions,
        IReadOnlyList<WorkflowEvent> events, StreamKeys? keys = null)
    {
        Assignment = assignment;
        State = state;
        Version = version;
        Revisions = revisions;
        Events = events;
        _keys = keys;
    }

    /// <summary>The keys the engine looks this submission and the report it feeds up by (never changing: the
    /// assignment is the stream's first event).</summary>
    internal StreamKeys Keys => _keys ??= new StreamKeys(Assignment);

    /// <summary>The identity.</summary>
    public SubmissionId Id => Assignment.Submission;

    /// <summary>The assignment.</summary>
    public Assignment Assignment { get; }

    /// <summary>The state.</summary>
    public SubmissionState State { get; }

    /// <summary>The stream version (the number of events).</summary>
    public long Version { get; }

    /// <summary>Every revision, oldest first.</summary>
    public IReadOnlyList<SubmissionRevision> Revisions { get; }

    /// <summary>The current revision (the last one), or null before any data was entered.</summary>
    public SubmissionRevision? CurrentRevision => Revisions.Count == 0 ? null : Revisions[^1];

    /// <summary>The latest revision that was accepted (and not revoked), even if it was later reopened; null when none.</summary>
    public SubmissionRevision? LastAcceptedRevision => Revisions.LastOrDefault(r => r.AcceptedAt is not null);

    /// <summary>Whether the submission holds accepted data now.</summary>
    public bool IsAccepted => SubmissionLifecycle.IsAccepted(State);

    /// <summary>The events, oldest first.</summary>
    public IReadOnlyList<WorkflowEvent> Events { get; }

    /// <summary>When the report first reached the receiving unit (the first transition into sent), or null.</summary>
    public Instant? FirstSentAt => Events.FirstOrDefault(e => e.To == SubmissionState.Sent && e.From != SubmissionState.Accepted && e.From != SubmissionState.Received)?.Time;

    /// <summary>When the report last reached the receiving unit, or null.</summary>
    public Instant? LastSentAt => Events.LastOrDefault(e => e.To == SubmissionState.Sent && e.From != SubmissionState.Accepted && e.From != SubmissionState.Received)?.Time;

    /// <summary>When the last event happened.</summary>
    public Instant LastChanged => Events[^1].Time;

    /// <summary>Folds a submission's events (the first must be its assignment).</summary>
    /// <param name="events">The events, oldest first.</param>
    /// <returns>The submission.</returns>
    /// <exception cref="ArgumentException">The events do not start with an assignment or do not form a valid history.</exception>
    public static Submission FromEvents(IReadOnlyList<WorkflowEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0 || events[0].Assignment is not { } assignment || events[0].Trigger != WorkflowTrigger.Assign)
        {
            throw new ArgumentException("Luồng sự kiện phải bắt đầu bằng giao biểu. / The events must start with an assignment.", nameof(events));
        }

        var revisions = new List<SubmissionRevision>();
        SubmissionState state = SubmissionState.NotStarted;
        for (int i = 1; i < events.Count; i++)
        {
            WorkflowEvent e = events[i];
            if (e.To is not { } to)
            {
                throw new ArgumentException($"Sự kiện {i + 1} không có trạng thái đích. / Event {i + 1} has no destination state.", nameof(events));
            }

            Apply(revisions, e.Trigger, to, e.Content, e.ActorUserName, e.Time, e.Reason);
            state = to;
        }

        return new Submission(assignment, state, events.Count, revisions.ToArray(), events.ToArray());
    }

    /// <summary>What the events after this one would make (the engine's next state): the same as folding every
    /// event again (<see cref="FromEvents"/>), but only the new event is applied.</summary>
    /// <exception cref="ArgumentException">The event cannot follow (no destination state, data entry without content).</exception>
    internal Submission With(WorkflowEvent e)
    {
        if (e.To is not { } to)
        {
            throw new ArgumentException($"Sự kiện {Version + 1} không có trạng thái đích. / Event {Version + 1} has no destination state.", nameof(e));
        }

        return Append(e, Revise(e.Trigger, to, e.Content, e.ActorUserName, e.Time, e.Reason));
    }

    /// <summary>The revisions after a step (what <see cref="FromEvents"/> applies for an event with these fields), so
    /// that the engine can put the revision number and content hash into the event before making it.</summary>
    /// <exception cref="ArgumentException">Data entry without content.</exception>
    internal SubmissionRevision[] Revise(WorkflowTrigger trigger, SubmissionState to, SubmissionContent? content, string actor, Instant time, string? reason)
    {
        List<SubmissionRevision> revisions = t_scratch ??= new List<SubmissionRevision>(8);
        try
        {
            revisions.AddRange(Revisions);
            Apply(revisions, trigger, to, content, actor, time, reason);
            return revisions.ToArray();
        }
        finally
        {
            revisions.Clear();
        }
    }

    /// <summary>This submission after <paramref name="e"/>, whose revisions are <paramref name="revisions"/>
    /// (from <see cref="Revise"/> with the event's fields).</summary>
    internal Submission Append(WorkflowEvent e, SubmissionRevision[] revisions)
    {
        var events = new WorkflowEvent[Events.Count + 1];
        for (int i = 0; i < Events.Count; i++)
        {
            events[i] = Events[i];
        }

        events[^1] = e;
        return new Submission(Assignment, e.To!.Value, Version + 1, revisions, events, _keys);
    }

    private static void Apply(List<SubmissionRevision> revisions, WorkflowTrigger trigger, SubmissionState to, SubmissionContent? content,
        string actor, Instant time, string? reason)
    {
        SubmissionRevision? current = revisions.Count == 0 ? null : revisions[^1];
        switch (trigger)
        {
            case WorkflowTrigger.EnterValues:
                if (content is null)
                {
                    throw new ArgumentException("Nhập liệu không có số liệu. / Data entry without content.");
                }

                if (current is null || current.Outcome != RevisionOutcome.Current)
                {
                    revisions.Add(new SubmissionRevision { Number = revisions.Count + 1, Content = content, EnteredBy = [actor] });
                }
                else
                {
                    revisions[^1] = current with
                    {
                        Content = content,
                        EnteredBy = current.EnteredBy.Contains(actor, StringComparer.Ordinal) ? current.EnteredBy : [.. current.EnteredBy, actor],
                    };
                }

                break;
            case WorkflowTrigger.SubmitForApproval when current is not null:
                revisions[^1] = current with { SubmittedBy = actor };
                break;
            case WorkflowTrigger.Approve when current is not null:
                revisions[^1] = to == SubmissionState.Sent
                    ? current with { ApprovedBy = actor, SentBy = actor, SentAt = time }
                    : current with { ApprovedBy = actor };
                break;
            case WorkflowTrigger.Send when current is not null:
                revisions[^1] = current with { SentBy = actor, SentAt = time };
                break;
            case WorkflowTrigger.Receive when current is not null:
                revisions[^1] = current with { ReceivedBy = actor };
                break;
            case WorkflowTrigger.Accept when current is not null:
                revisions[^1] = current with { AcceptedBy = actor, AcceptedAt = time };
                break;
            case WorkflowTrigger.RevokeAcceptance when current is not null:
                revisions[^1] = current with { AcceptedBy = null, AcceptedAt = null };
                break;
            case WorkflowTrigger.Reject or WorkflowTrigger.Return or WorkflowTrigger.GrantReopen when current is not null:
                RevisionOutcome outcome = trigger switch
                {
                    WorkflowTrigger.Reject => RevisionOutcome.Rejected,
                    WorkflowTrigger.Return => RevisionOutcome.Returned,
                    _ => RevisionOutcome.Reopened,
                };
                revisions[^1] = current with { Outcome = outcome, OutcomeReason = reason, OutcomeBy = actor };
                revisions.Add(new SubmissionRevision { Number = revisions.Count + 1, Content = current.Content, EnteredBy = current.EnteredBy });
                break;
            case WorkflowTrigger.Cancel or WorkflowTrigger.Withdraw when current is not null:
                revisions[^1] = current with { Outcome = RevisionOutcome.Withdrawn, OutcomeReason = reason, OutcomeBy = actor };
                break;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} [{State}] r{CurrentRevision?.Number ?? 0} v{Version}";
}

/// <summary>A submission's stream id, the report it feeds and that report's stream id, made once per submission.</summary>
internal sealed class StreamKeys(Assignment assignment)
{
    private string? _feedsIntoStreamId;

    /// <summary>The submission's stream.</summary>
    public string StreamId { get; } = assignment.Submission.StreamId;

    /// <summary>The report of the level above that this submission feeds (<see cref="Assignment.FeedsInto"/>).</summary>
    public SubmissionId FeedsInto { get; } = assignment.FeedsInto;

    /// <summary>That report's stream.</summary>
    public string FeedsIntoStreamId => _feedsIntoStreamId ??= FeedsInto.StreamId;
}
