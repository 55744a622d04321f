using static Ktxh.Workflow.LifecycleGuards;
using static Ktxh.Workflow.SubmissionState;
using static Ktxh.Workflow.WorkflowTrigger;

namespace Ktxh.Workflow;

/// <summary>
/// The submission lifecycle in one table (seed 000 "000-nso-dispatch-ktxh-rollout-2026.txt"; seed 002
/// "002-hanoi-ktxh-system-regulation.txt" Điều 7, 10, 13–15): who may do what, from which state, to which state.
/// </summary>
/// <remarks>
/// <para>Not started → draft → awaiting approval → approved → sent → accepted. The leader rejects to draft with a
/// reason; the aggregator returns a sent report with a reason; an accepted report is reopened only on a request
/// with a reason that the aggregator grants. Each return to draft starts a new revision; the old one is kept.</para>
/// <para>Policy switches change the table: <see cref="WorkflowPolicy.MergeApproveAndSend"/> makes approval send the
/// report (the <see cref="Approved"/> state is not used); <see cref="WorkflowPolicy.TwoStepAccept"/> adds
/// <see cref="Received"/> between sent and accepted.</para>
/// <para>Every transition out of a non-terminal state is guarded by <see cref="LifecycleGuards.NotLockedByHigherLevel"/>
/// except denying a reopen (which keeps the data as accepted).</para>
/// </remarks>
public static class SubmissionLifecycle
{
    /// <summary>Builds the lifecycle machine for a policy.</summary>
    /// <param name="policy">The regime's policy.</param>
    /// <returns>The machine (the table is checked when built).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static StateMachine<SubmissionState, WorkflowTrigger, LifecycleContext> Build(WorkflowPolicy policy) =>
        Configure(policy).Build();

    /// <summary>The builder holding the lifecycle table for a policy (hosts may inspect or extend it before building).</summary>
    /// <param name="policy">The regime's policy.</param>
    /// <returns>The configured builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static StateMachineBuilder<SubmissionState, WorkflowTrigger, LifecycleContext> Configure(WorkflowPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var entry = HasRole(WorkflowRole.DataEntry);
        var approver = HasRole(WorkflowRole.Approver);
        var sender = HasRole(WorkflowRole.Sender);
        var aggregator = HasRole(WorkflowRole.Aggregator);
        var unitAsks = HasRole(WorkflowRole.Approver | WorkflowRole.DataEntry);
        var canceller = HasRole(WorkflowRole.Aggregator | WorkflowRole.Administrator);
        SubmissionState afterApprove = policy.MergeApproveAndSend ? Sent : Approved;
        SubmissionState beforeAccept = policy.TwoStepAccept ? Received : Sent;

        var m = new StateMachineBuilder<SubmissionState, WorkflowTrigger, LifecycleContext>().WithInitialState(NotStarted);

        m.Configure(NotStarted)
            .Permit(EnterValues, Draft, entry, OwnUnit, FormAssigned, ContentGiven, EntryOpen, NotLockedByHigherLevel)
            .Permit(Cancel, Cancelled, canceller, ReceivingUnit, NotLockedByHigherLevel)
            .Permit(Withdraw, Withdrawn, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel);

        m.Configure(Draft)
            .PermitReentry(EnterValues, entry, OwnUnit, FormAssigned, ContentGiven, EntryOpen, NotLockedByHigherLevel)
            .Permit(SubmitForApproval, AwaitingApproval, entry, OwnUnit, FormAssigned, NotLockedByHigherLevel)
            .Permit(Withdraw, Withdrawn, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel);

        m.Configure(AwaitingApproval)
            .Permit(Approve, afterApprove, approver, OwnUnit, NotEnteredByActor, NotLockedByHigherLevel)
            .Permit(Reject, Draft, approver, OwnUnit, ReasonGiven, NotLockedByHigherLevel)
            .Permit(Withdraw, Withdrawn, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel);

        if (!policy.MergeApproveAndSend)
        {
            m.Configure(Approved)
                .Permit(Send, Sent, sender, OwnUnit, NotLockedByHigherLevel)
                .Permit(Reject, Draft, approver, OwnUnit, ReasonGiven, NotLockedByHigherLevel)
                .Permit(Withdraw, Withdrawn, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel);
        }

        if (policy.TwoStepAccept)
        {
            m.Configure(Sent)
                .Permit(Receive, Received, aggregator, ReceivingUnit, NotLockedByHigherLevel)
                .Permit(Return, Draft, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel)
                .Permit(Withdraw, Withdrawn, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel);
            m.Configure(Received)
                .Permit(Accept, Accepted, aggregator, ReceivingUnit, NotReceivedByActor, NotLockedByHigherLevel)
                .Permit(Return, Draft, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel)
                .Permit(Withdraw, Withdrawn, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel);
        }
        else
        {
            m.Configure(Sent)
                .Permit(Accept, Accepted, aggregator, ReceivingUnit, NotLockedByHigherLevel)
                .Permit(Return, Draft, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel)
                .Permit(Withdraw, Withdrawn, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel);
        }

        m.Configure(Accepted)
            .Permit(RequestReopen, ReopenRequested, unitAsks, OwnUnit, ReasonGiven, NotLockedByHigherLevel)
            .Permit(RevokeAcceptance, beforeAccept, aggregator, ReceivingUnit, ReasonGiven, NotLockedByHigherLevel);

        m.Configure(ReopenRequested)
            .Permit(GrantReopen, Draft, aggregator, ReceivingUnit, NotLockedByHigherLevel)
            .Permit(DenyReopen, Accepted, aggregator, ReceivingUnit, ReasonGiven);

        m.Configure(Cancelled);
        m.Configure(Withdrawn);
        return m;
    }

    /// <summary>Whether a state is terminal (nothing more can happen).</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for cancelled and withdrawn.</returns>
    public static bool IsTerminal(SubmissionState state) => state is Cancelled or Withdrawn;

    /// <summary>Whether a state holds accepted data (what the level above aggregates).</summary>
    /// <param name="state">The state.</param>
    /// <returns><see langword="true"/> for accepted and reopen requested.</returns>
    public static bool IsAccepted(SubmissionState state) => state is Accepted or ReopenRequested;
}
