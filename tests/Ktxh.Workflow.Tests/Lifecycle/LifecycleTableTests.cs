using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Lifecycle;

/// <summary>Every row of the lifecycle table, under every policy, fired by its legal actor; and every refusal.</summary>
public class LifecycleTableTests
{
    private static readonly WorkflowPolicy[] AllPolicies = Policies().ToArray();

    public static TheoryData<int, SubmissionState, WorkflowTrigger, SubmissionState> Rows()
    {
        var data = new TheoryData<int, SubmissionState, WorkflowTrigger, SubmissionState>();
        for (int i = 0; i < AllPolicies.Length; i++)
        {
            foreach (var row in SubmissionLifecycle.Build(AllPolicies[i]).Transitions)
            {
                data.Add(i, row.Source, row.Trigger, row.Destination);
            }
        }

        return data;
    }

    public static TheoryData<int, SubmissionState, WorkflowTrigger> UndefinedPairs()
    {
        var data = new TheoryData<int, SubmissionState, WorkflowTrigger>();
        for (int i = 0; i < AllPolicies.Length; i++)
        {
            var machine = SubmissionLifecycle.Build(AllPolicies[i]);
            foreach (SubmissionState s in machine.States)
            {
                foreach (WorkflowTrigger t in Enum.GetValues<WorkflowTrigger>())
                {
                    if (t is not (WorkflowTrigger.Assign or WorkflowTrigger.GrantLockException) && machine.Find(s, t) is null)
                    {
                        data.Add(i, s, t);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_moves_to_its_destination_when_fired_by_its_legal_actor(int policy, SubmissionState from, WorkflowTrigger trigger, SubmissionState to)
    {
        var p = AllPolicies[policy];
        var f = new WorkflowFixture(p);
        Submission before = f.DriveTo(from, p);
        Assert.Equal(from, before.State);
        var after = f.Ok(LegalActor(trigger, p), trigger, ReasonFor(trigger), trigger == WorkflowTrigger.EnterValues ? Content(11) : null);
        Assert.Equal(to, after.State);
        Assert.Equal(before.Version + 1, after.Version);
        WorkflowEvent e = after.Events[^1];
        Assert.Equal((trigger, from, to), (e.Trigger, e.From!.Value, e.To!.Value));
        Assert.Equal(f.Clock.GetCurrentInstant(), e.Time);
        Assert.Equal(after.CurrentRevision?.ContentSha256, e.ContentSha256);
    }

    [Theory]
    [MemberData(nameof(UndefinedPairs))]
    public void A_trigger_not_in_the_table_is_refused_and_changes_nothing(int policy, SubmissionState state, WorkflowTrigger trigger)
    {
        var p = AllPolicies[policy];
        var f = new WorkflowFixture(p);
        Submission before = f.DriveTo(state, p);
        long events = ((InMemoryWorkflowStore)f.Store).Count;
        var r = f.Run(LegalActor(trigger, p), trigger, ReasonFor(trigger), trigger == WorkflowTrigger.EnterValues ? Content(12) : null);
        Assert.False(r.Success);
        Assert.True(r.Errors.Single().Is(WorkflowErrorCode.TransitionNotPermitted), r.Errors.Single().ToString());
        Assert.Contains(LegalActor(trigger, p).UserName, r.Errors[0].MessageVi);
        Assert.Contains(trigger.ToString(), r.Errors[0].MessageEn);
        Assert.Equal(events, ((InMemoryWorkflowStore)f.Store).Count);
        Assert.Equal(before.State, f.Get().State);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_viewer_is_refused_every_row_for_lack_of_a_role(int policy, SubmissionState from, WorkflowTrigger trigger, SubmissionState to)
    {
        var p = AllPolicies[policy];
        var f = new WorkflowFixture(p);
        f.DriveTo(from, p);
        var r = f.Run(Viewer, trigger, ReasonFor(trigger), trigger == WorkflowTrigger.EnterValues ? Content(1) : null);
        Assert.False(r.Success);
        Assert.Contains(r.Errors, e => e.Is(WorkflowErrorCode.RoleMissing));
        Assert.Equal(from, f.Get().State);
        _ = to;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Another_unit_with_every_role_is_refused_every_row_as_out_of_scope(int policy, SubmissionState from, WorkflowTrigger trigger, SubmissionState to)
    {
        var p = AllPolicies[policy];
        var f = new WorkflowFixture(p);
        f.DriveTo(from, p);
        var r = f.Run(OtherCommuneAll, trigger, ReasonFor(trigger), trigger == WorkflowTrigger.EnterValues ? Content(1) : null);
        Assert.False(r.Success);
        Assert.Contains(r.Errors, e => e.Is(WorkflowErrorCode.OutOfScope));
        Assert.Equal(from, f.Get().State);
        _ = to;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_row_that_needs_a_reason_is_refused_without_one(int policy, SubmissionState from, WorkflowTrigger trigger, SubmissionState to)
    {
        var p = AllPolicies[policy];
        bool needsReason = SubmissionLifecycle.Build(p).Find(from, trigger)!.Guards.Contains(LifecycleGuards.ReasonGiven);
        Assert.Equal(needsReason, trigger is WorkflowTrigger.Reject or WorkflowTrigger.Return or WorkflowTrigger.RequestReopen
            or WorkflowTrigger.DenyReopen or WorkflowTrigger.RevokeAcceptance or WorkflowTrigger.Withdraw);
        var f = new WorkflowFixture(p);
        f.DriveTo(from, p);
        var r = f.Run(LegalActor(trigger, p), trigger, "   ", trigger == WorkflowTrigger.EnterValues ? Content(1) : null);
        Assert.Equal(!needsReason, r.Success);
        Assert.Equal(needsReason ? from : to, f.Get().State);
        if (needsReason)
        {
            Assert.True(r.Errors.Single().Is(WorkflowErrorCode.ReasonRequired));
        }
    }

    [Fact]
    public void The_aggregator_can_return_but_never_edit_another_units_data()
    {
        var f = new WorkflowFixture();
        f.DriveTo(SubmissionState.Sent, WorkflowPolicy.Default);
        var returned = f.Ok(Agg1, WorkflowTrigger.Return, "Số liệu A02 chưa khớp");
        Assert.Equal(SubmissionState.Draft, returned.State);
        var aggregatorAsEntry = new Actor("dangvang_tinh", "P01", WorkflowRole.Aggregator | WorkflowRole.DataEntry);
        var r = f.Run(aggregatorAsEntry, WorkflowTrigger.EnterValues, content: Content(999));
        Assert.False(r.Success);
        Assert.Contains(r.Errors, e => e.Is(WorkflowErrorCode.OutOfScope));
        Assert.Contains("Điều 15.2", r.Errors.First(e => e.Is(WorkflowErrorCode.OutOfScope)).MessageVi);
        Assert.Equal(Content(10).Sha256, f.Get().CurrentRevision!.ContentSha256);
    }

    [Fact]
    public void Whoever_entered_a_revision_cannot_approve_it()
    {
        var f = new WorkflowFixture();
        var both = new Actor("nguyenvana_xa1", "X1", WorkflowRole.DataEntry | WorkflowRole.Approver);
        f.Assign();
        f.Ok(both, WorkflowTrigger.EnterValues, content: Content(1));
        f.Ok(both, WorkflowTrigger.SubmitForApproval);
        var r = f.Run(both, WorkflowTrigger.Approve);
        Assert.False(r.Success);
        KtxhError e = r.Errors.Single();
        Assert.True(e.Is(WorkflowErrorCode.SegregationOfDuties));
        Assert.Contains("nguyenvana_xa1", e.MessageVi);
        Assert.Contains("segregation of duties", e.MessageEn);
        Assert.Equal(SubmissionState.Approved, f.Ok(Leader, WorkflowTrigger.Approve).State);
    }

    [Fact]
    public void Whoever_entered_an_earlier_revision_still_cannot_approve_its_correction()
    {
        var f = new WorkflowFixture();
        var both = new Actor("lethic_xa1", "X1", WorkflowRole.DataEntry | WorkflowRole.Approver);
        f.Assign();
        f.Ok(both, WorkflowTrigger.EnterValues, content: Content(1));
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);
        f.Ok(Leader, WorkflowTrigger.Reject, "Thiếu thuyết minh") ;
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);
        Assert.True(f.Run(both, WorkflowTrigger.Approve).Errors.Single().Is(WorkflowErrorCode.SegregationOfDuties));
    }

    [Fact]
    public void Segregation_of_duties_can_be_switched_off_by_a_regime()
    {
        var f = new WorkflowFixture(new WorkflowPolicy { SegregationOfDuties = false });
        var both = new Actor("nguyenvana_xa1", "X1", WorkflowRole.DataEntry | WorkflowRole.Approver);
        f.Assign();
        f.Ok(both, WorkflowTrigger.EnterValues, content: Content(1));
        f.Ok(both, WorkflowTrigger.SubmitForApproval);
        Assert.Equal(SubmissionState.Approved, f.Ok(both, WorkflowTrigger.Approve).State);
    }

    [Fact]
    public void In_two_step_acceptance_whoever_received_cannot_also_accept()
    {
        var p = new WorkflowPolicy { TwoStepAccept = true };
        var f = new WorkflowFixture(p);
        f.DriveTo(SubmissionState.Received, p);
        Assert.True(f.Run(Agg1, WorkflowTrigger.Accept).Errors.Single().Is(WorkflowErrorCode.SegregationOfDuties));
        Assert.Equal(SubmissionState.Accepted, f.Ok(Agg2, WorkflowTrigger.Accept).State);
    }

    [Fact]
    public void Merged_steps_let_the_approver_send_by_approving()
    {
        var p = new WorkflowPolicy { MergeApproveAndSend = true };
        var f = new WorkflowFixture(p);
        f.DriveTo(SubmissionState.AwaitingApproval, p);
        Submission s = f.Ok(Leader, WorkflowTrigger.Approve);
        Assert.Equal(SubmissionState.Sent, s.State);
        Assert.Equal((Leader.UserName, Leader.UserName), (s.CurrentRevision!.ApprovedBy, s.CurrentRevision.SentBy));
        Assert.Equal(f.Clock.GetCurrentInstant(), s.FirstSentAt);
        Assert.DoesNotContain(SubmissionState.Approved, f.Engine.MachineFor("default").States);
    }

    [Fact]
    public async Task Each_assignment_follows_the_policy_of_its_regime()
    {
        var options = new WorkflowEngineOptions();
        options.Policies["xa-nho"] = new WorkflowPolicy { MergeApproveAndSend = true };
        var engine = new WorkflowEngine(new InMemoryWorkflowStore(), new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 2, 2, 0, 0)), options);
        Assert.True((await engine.AssignAsync(Agg1, AssignmentOf("X1") with { Regime = "xa-nho" }, Guid.NewGuid())).Success);
        Assert.True((await engine.AssignAsync(Agg1, AssignmentOf("X2"), Guid.NewGuid())).Success);
        var leader2 = new Actor("lanhdao_xa2", "X2", WorkflowRole.Approver);
        var entry2 = new Actor("nhap_xa2", "X2", WorkflowRole.DataEntry);
        foreach (var (id, entry, leader) in new[] { (Id("X1"), Entry1, Leader), (Id("X2"), entry2, leader2) })
        {
            await engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), id, entry, WorkflowTrigger.EnterValues) { Content = Content(1, id.UnitCode) });
            await engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), id, entry, WorkflowTrigger.SubmitForApproval));
            await engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), id, leader, WorkflowTrigger.Approve));
        }

        Assert.Equal(SubmissionState.Sent, (await engine.GetAsync(Id("X1"))).Value.State);
        Assert.Equal(SubmissionState.Approved, (await engine.GetAsync(Id("X2"))).Value.State);
    }

    [Fact]
    public void Data_entry_enters_only_the_forms_assigned_to_it()
    {
        var f = new WorkflowFixture();
        f.Assign();
        var other = new Actor("nguyenvana_xa1", "X1", WorkflowRole.DataEntry, ["002.Q/BCC-XXXX"]);
        Assert.True(f.Run(other, WorkflowTrigger.EnterValues, content: Content(1)).Errors.Single().Is(WorkflowErrorCode.FormNotAssignedToActor));
        var mine = new Actor("nguyenvana_xa1", "X1", WorkflowRole.DataEntry, [Form]);
        Assert.Equal(SubmissionState.Draft, f.Ok(mine, WorkflowTrigger.EnterValues, content: Content(1)).State);
    }

    [Fact]
    public void Data_entry_needs_content_and_other_commands_carry_none()
    {
        var f = new WorkflowFixture();
        f.Assign();
        Assert.True(f.Run(Entry1, WorkflowTrigger.EnterValues).Errors.Single().Is(WorkflowErrorCode.InvalidContent));
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(1));
        Assert.True(f.Run(Entry1, WorkflowTrigger.SubmitForApproval, content: Content(2)).Errors.Single().Is(WorkflowErrorCode.InvalidContent));
    }

    [Fact]
    public void A_refusal_lists_every_guard_that_blocks()
    {
        var f = new WorkflowFixture();
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        var r = f.Run(OtherCommuneAll, WorkflowTrigger.Reject, null);
        Assert.Equal([WorkflowErrorCode.OutOfScope, WorkflowErrorCode.ReasonRequired],
            r.Errors.Select(e => e.TryGetCode(out WorkflowErrorCode c) ? c : 0).ToArray());
    }

    [Fact]
    public void An_unknown_submission_and_an_unassigning_actor_are_refused()
    {
        var f = new WorkflowFixture();
        Assert.True(f.Run(Entry1, WorkflowTrigger.EnterValues, content: Content(1)).Errors.Single().Is(WorkflowErrorCode.UnknownSubmission));
        var r = f.TryAssign(Entry1, AssignmentOf());
        Assert.Equal([WorkflowErrorCode.RoleMissing, WorkflowErrorCode.OutOfScope], r.Errors.Select(e => (WorkflowErrorCode)e.CodeValue!).ToArray());
        f.Assign();
        Assert.True(f.TryAssign(Agg1, AssignmentOf()).Errors.Single().Is(WorkflowErrorCode.AlreadyAssigned));
        Assert.True(f.Run(Agg1, WorkflowTrigger.Assign).Errors.Single().Is(WorkflowErrorCode.InvalidArgument));
    }
}
