using Ktxh.Workflow;
using NodaTime;
using Stateless;
using static Ktxh.Workflow.SubmissionState;
using static Ktxh.Workflow.WorkflowTrigger;

namespace Ktxh.Benchmarks.Workflow;

/// <summary>
/// The peer: the default lifecycle of <see cref="SubmissionLifecycle"/> (same states, triggers and guards: role, own
/// or receiving unit, form assigned, content given, reason given, segregation of duties, not locked by the level
/// above) written with Stateless 5.20.1 on plain objects. Each submission is a plain object with its machine, its
/// revisions and a list of events (actor, time, from, to, reason): no serialisation, no hashing, no store.
/// </summary>
internal static class StatelessLifecycle
{
    /// <summary>A command's arguments, passed to the guards.</summary>
    internal sealed record Command(Actor Actor, string? Reason, SubmissionContent? Content);

    /// <summary>One recorded transition.</summary>
    internal sealed record PlainEvent(WorkflowTrigger Trigger, string Actor, Instant Time, SubmissionState From, SubmissionState To, string? Reason);

    /// <summary>A submission as a plain object driven by a Stateless machine.</summary>
    internal sealed class PlainSubmission
    {
        private readonly StateMachine<SubmissionState, WorkflowTrigger> _machine;
        private readonly Dictionary<WorkflowTrigger, StateMachine<SubmissionState, WorkflowTrigger>.TriggerWithParameters<Command>> _triggers = [];
        private readonly IClock _clock;

        public PlainSubmission(string form, string unit, string receiving, IClock clock)
        {
            Form = form;
            Unit = unit;
            Receiving = receiving;
            _clock = clock;
            _machine = new StateMachine<SubmissionState, WorkflowTrigger>(() => State, s => State = s);
            foreach (WorkflowTrigger t in new[] { EnterValues, SubmitForApproval, Approve, Reject, Send, Accept, Return, RequestReopen, GrantReopen, DenyReopen, RevokeAcceptance, Cancel, Withdraw })
            {
                _triggers[t] = _machine.SetTriggerParameters<Command>(t);
            }

            Func<Command, bool> entry = c => Role(c, WorkflowRole.DataEntry) && OwnUnit(c) && c.Actor.IsAssigned(Form) && !Locked;
            Func<Command, bool> aggregatorWithReason = c => Role(c, WorkflowRole.Aggregator) && ReceivingUnit(c) && Reason(c) && !Locked;
            Func<Command, bool> approverWithReason = c => Role(c, WorkflowRole.Approver) && OwnUnit(c) && Reason(c) && !Locked;

            _machine.Configure(NotStarted)
                .PermitIf(_triggers[EnterValues], Draft, c => entry(c) && c.Content is not null, "data entry")
                .PermitIf(_triggers[Cancel], Cancelled, c => Role(c, WorkflowRole.Aggregator | WorkflowRole.Administrator) && ReceivingUnit(c) && !Locked, "cancel")
                .PermitIf(_triggers[Withdraw], Withdrawn, aggregatorWithReason, "withdraw");
            _machine.Configure(Draft)
                .PermitReentryIf(_triggers[EnterValues], c => entry(c) && c.Content is not null, "data entry")
                .PermitIf(_triggers[SubmitForApproval], AwaitingApproval, entry, "submit")
                .PermitIf(_triggers[Withdraw], Withdrawn, aggregatorWithReason, "withdraw");
            _machine.Configure(AwaitingApproval)
                .PermitIf(_triggers[Approve], Approved, c => Role(c, WorkflowRole.Approver) && OwnUnit(c) && !EnteredBy.Contains(c.Actor.UserName) && !Locked, "approve")
                .PermitIf(_triggers[Reject], Draft, approverWithReason, "reject")
                .PermitIf(_triggers[Withdraw], Withdrawn, aggregatorWithReason, "withdraw");
            _machine.Configure(Approved)
                .PermitIf(_triggers[Send], Sent, c => Role(c, WorkflowRole.Sender) && OwnUnit(c) && !Locked, "send")
                .PermitIf(_triggers[Reject], Draft, approverWithReason, "reject")
                .PermitIf(_triggers[Withdraw], Withdrawn, aggregatorWithReason, "withdraw");
            _machine.Configure(Sent)
                .PermitIf(_triggers[Accept], Accepted, c => Role(c, WorkflowRole.Aggregator) && ReceivingUnit(c) && !Locked, "accept")
                .PermitIf(_triggers[Return], Draft, aggregatorWithReason, "return")
                .PermitIf(_triggers[Withdraw], Withdrawn, aggregatorWithReason, "withdraw");
            _machine.Configure(Accepted)
                .PermitIf(_triggers[RequestReopen], ReopenRequested, c => Role(c, WorkflowRole.Approver | WorkflowRole.DataEntry) && OwnUnit(c) && Reason(c) && !Locked, "request reopen")
                .PermitIf(_triggers[RevokeAcceptance], Sent, aggregatorWithReason, "revoke");
            _machine.Configure(ReopenRequested)
                .PermitIf(_triggers[GrantReopen], Draft, c => Role(c, WorkflowRole.Aggregator) && ReceivingUnit(c) && !Locked, "grant")
                .PermitIf(_triggers[DenyReopen], Accepted, c => Role(c, WorkflowRole.Aggregator) && ReceivingUnit(c) && Reason(c), "deny");
            _machine.OnTransitioned(t =>
            {
                var c = (Command)t.Parameters[0];
                if (t.Trigger == EnterValues)
                {
                    if (t.Source != Draft)
                    {
                        Revisions.Add(c.Content!);
                        EnteredBy.Clear();
                    }
                    else
                    {
                        Revisions[^1] = c.Content!;
                    }

                    EnteredBy.Add(c.Actor.UserName);
                }

                Events.Add(new PlainEvent(t.Trigger, c.Actor.UserName, _clock.GetCurrentInstant(), t.Source, t.Destination, c.Reason));
            });
        }

        public string Form { get; }

        public string Unit { get; }

        public string Receiving { get; }

        public SubmissionState State { get; private set; } = NotStarted;

        /// <summary>Whether the level above has accepted (always false in the benchmark, checked like the engine checks it).</summary>
        public bool Locked { get; set; }

        public List<SubmissionContent> Revisions { get; } = [];

        public HashSet<string> EnteredBy { get; } = new(StringComparer.Ordinal);

        public List<PlainEvent> Events { get; } = [];

        /// <summary>Fires a trigger; a refused one throws (the benchmark's cycle is legal throughout).</summary>
        public void Fire(WorkflowTrigger trigger, Actor actor, string? reason = null, SubmissionContent? content = null) =>
            _machine.Fire(_triggers[trigger], new Command(actor, reason, content));

        private bool OwnUnit(Command c) => c.Actor.UnitCode == Unit;

        private bool ReceivingUnit(Command c) => c.Actor.UnitCode == Receiving;

        private static bool Role(Command c, WorkflowRole roles) => c.Actor.HasAny(roles);

        private static bool Reason(Command c) => !string.IsNullOrWhiteSpace(c.Reason);
    }
}
