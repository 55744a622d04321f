using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// A submission as its events make it: the assignment, the state, every revision and the history. Built by folding
/// the submission's events (<see cref="FromEvents"/>); never changed in place. Immutable.
/// </summary>
public sealed class Submission
{
    private Submission(Assignment assignment, SubmissionState state, long version, IReadOnlyList<SubmissionRevision> revisions,
        IReadOnlyList<WorkflowEvent> events)
    {
        Assignment = assignment;
        State = state;
        Version = version;
        Revisions = revisions;
        Events = events;
    }

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

            Apply(revisions, e);
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

        var revisions = new List<SubmissionRevision>(Revisions.Count + 1);
        revisions.AddRange(Revisions);
        Apply(revisions, e);
        var events = new WorkflowEvent[Events.Count + 1];
        for (int i = 0; i < Events.Count; i++)
        {
            events[i] = Events[i];
        }

        events[^1] = e;
        return new Submission(Assignment, to, Version + 1, revisions.ToArray(), events);
    }

    /// <summary>This submission with its last event replaced by one that differs only in fields the fold does not
    /// read (the revision number and content hash the engine fills in after folding).</summary>
    internal Submission WithLastEvent(WorkflowEvent e)
    {
        var events = Events.ToArray();
        events[^1] = e;
        return new Submission(Assignment, State, Version, Revisions, events);
    }

    private static void Apply(List<SubmissionRevision> revisions, WorkflowEvent e)
    {
        SubmissionRevision? current = revisions.Count == 0 ? null : revisions[^1];
        switch (e.Trigger)
        {
            case WorkflowTrigger.EnterValues:
                SubmissionContent content = e.Content ?? throw new ArgumentException("Nhập liệu không có số liệu. / Data entry without content.");
                if (current is null || current.Outcome != RevisionOutcome.Current)
                {
                    revisions.Add(new SubmissionRevision { Number = revisions.Count + 1, Content = content, EnteredBy = [e.ActorUserName] });
                }
                else
                {
                    revisions[^1] = current with
                    {
                        Content = content,
                        EnteredBy = current.EnteredBy.Contains(e.ActorUserName, StringComparer.Ordinal) ? current.EnteredBy : [.. current.EnteredBy, e.ActorUserName],
                    };
                }

                break;
            case WorkflowTrigger.SubmitForApproval when current is not null:
                revisions[^1] = current with { SubmittedBy = e.ActorUserName };
                break;
            case WorkflowTrigger.Approve when current is not null:
                revisions[^1] = e.To == SubmissionState.Sent
                    ? current with { ApprovedBy = e.ActorUserName, SentBy = e.ActorUserName, SentAt = e.Time }
                    : current with { ApprovedBy = e.ActorUserName };
                break;
            case WorkflowTrigger.Send when current is not null:
                revisions[^1] = current with { SentBy = e.ActorUserName, SentAt = e.Time };
                break;
            case WorkflowTrigger.Receive when current is not null:
                revisions[^1] = current with { ReceivedBy = e.ActorUserName };
                break;
            case WorkflowTrigger.Accept when current is not null:
                revisions[^1] = current with { AcceptedBy = e.ActorUserName, AcceptedAt = e.Time };
                break;
            case WorkflowTrigger.RevokeAcceptance when current is not null:
                revisions[^1] = current with { AcceptedBy = null, AcceptedAt = null };
                break;
            case WorkflowTrigger.Reject or WorkflowTrigger.Return or WorkflowTrigger.GrantReopen when current is not null:
                RevisionOutcome outcome = e.Trigger switch
                {
                    WorkflowTrigger.Reject => RevisionOutcome.Rejected,
                    WorkflowTrigger.Return => RevisionOutcome.Returned,
                    _ => RevisionOutcome.Reopened,
                };
                string? reason = e.Reason;
                revisions[^1] = current with { Outcome = outcome, OutcomeReason = reason, OutcomeBy = e.ActorUserName };
                revisions.Add(new SubmissionRevision { Number = revisions.Count + 1, Content = current.Content, EnteredBy = current.EnteredBy });
                break;
            case WorkflowTrigger.Cancel or WorkflowTrigger.Withdraw when current is not null:
                revisions[^1] = current with { Outcome = RevisionOutcome.Withdrawn, OutcomeReason = e.Reason, OutcomeBy = e.ActorUserName };
                break;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} [{State}] r{CurrentRevision?.Number ?? 0} v{Version}";
}
