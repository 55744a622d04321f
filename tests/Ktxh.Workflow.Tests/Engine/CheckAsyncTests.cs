using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Ktxh.Workflow.Tests.Lifecycle;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Engine;

/// <summary>
/// <see cref="WorkflowEngine.CheckAsync"/>, the dry run: on every row of the lifecycle table, every trigger the table
/// does not define, and random command sequences, it answers exactly as executing the same command does (accepted,
/// or refused with the same bilingual reasons) and never writes to the store.
/// </summary>
public class CheckAsyncTests
{
    // The same rows and policies as the lifecycle table tests (the policy argument indexes this array).
    private static readonly WorkflowPolicy[] AllPolicies = Policies().ToArray();

    private static (long Count, AuditAnchor Head) Snapshot(IWorkflowStore store) =>
        (((InMemoryWorkflowStore)store).Count, store.GetHeadAsync().AsTask().GetAwaiter().GetResult());

    private static KtxhResult<Submission> Check(WorkflowFixture f, WorkflowCommand c) => f.Engine.CheckAsync(c).GetAwaiter().GetResult();

    private static KtxhResult<Submission> Execute(WorkflowFixture f, WorkflowCommand c) => f.Engine.ExecuteAsync(c).GetAwaiter().GetResult();

    private static WorkflowCommand Command(Actor actor, WorkflowTrigger trigger, SubmissionId? id = null, string? reason = null, SubmissionContent? content = null,
        Guid? commandId = null) =>
        new(commandId ?? Guid.NewGuid(), id ?? Id(), actor, trigger) { Reason = reason, Content = content };

    /// <summary>Checks, asserts the store did not move, executes the same command, and asserts both answers agree.</summary>
    private static (KtxhResult<Submission> Checked, KtxhResult<Submission> Executed) CheckThenExecute(WorkflowFixture f, WorkflowCommand c)
    {
        var before = Snapshot(f.Store);
        KtxhResult<Submission> check = Check(f, c);
        Assert.Equal(before, Snapshot(f.Store));
        KtxhResult<Submission> done = Execute(f, c);
        AssertAgree(check, done);
        return (check, done);
    }

    private static void AssertAgree(KtxhResult<Submission> check, KtxhResult<Submission> done)
    {
        Assert.Equal(done.Success, check.Success);
        Assert.Equal(done.Errors.Select(e => e.ToString()), check.Errors.Select(e => e.ToString()));
        if (done.Success)
        {
            Assert.Equal((done.Value.State, done.Value.Version, done.Value.CurrentRevision?.Number, done.Value.CurrentRevision?.ContentSha256),
                (check.Value.State, check.Value.Version, check.Value.CurrentRevision?.Number, check.Value.CurrentRevision?.ContentSha256));
        }
    }

    [Theory]
    [MemberData(nameof(LifecycleTableTests.Rows), MemberType = typeof(LifecycleTableTests))]
    public void Each_row_by_its_legal_actor_is_accepted_by_the_check_and_by_execution(int policy, SubmissionState from, WorkflowTrigger trigger, SubmissionState to)
    {
        var p = AllPolicies[policy];
        var f = new WorkflowFixture(p);
        f.DriveTo(from, p);
        var (check, done) = CheckThenExecute(f, Command(LegalActor(trigger, p), trigger, reason: ReasonFor(trigger),
            content: trigger == WorkflowTrigger.EnterValues ? Content(11) : null));
        Assert.True(check.Success, string.Join("\n", check.Errors));
        Assert.Equal(to, check.Value.State);
        Assert.Equal(to, done.Value.State);
    }

    [Theory]
    [MemberData(nameof(LifecycleTableTests.Rows), MemberType = typeof(LifecycleTableTests))]
    public void Each_row_by_an_account_without_the_role_is_refused_by_both_with_the_same_reasons(int policy, SubmissionState from, WorkflowTrigger trigger,
        SubmissionState to)
    {
        var p = AllPolicies[policy];
        var f = new WorkflowFixture(p);
        f.DriveTo(from, p);
        var (check, _) = CheckThenExecute(f, Command(Viewer, trigger, reason: ReasonFor(trigger), content: trigger == WorkflowTrigger.EnterValues ? Content(11) : null));
        Assert.False(check.Success, $"{trigger} from {from} to {to} by a viewer");
        Assert.All(check.Errors, e => Assert.Contains(Viewer.UserName, e.MessageVi));
        Assert.Equal(from, f.Get().State);
    }

    [Theory]
    [MemberData(nameof(LifecycleTableTests.UndefinedPairs), MemberType = typeof(LifecycleTableTests))]
    public void A_trigger_not_in_the_table_is_refused_by_both_with_the_same_reason(int policy, SubmissionState state, WorkflowTrigger trigger)
    {
        var p = AllPolicies[policy];
        var f = new WorkflowFixture(p);
        f.DriveTo(state, p);
        var (check, _) = CheckThenExecute(f, Command(LegalActor(trigger, p), trigger, reason: ReasonFor(trigger),
            content: trigger == WorkflowTrigger.EnterValues ? Content(12) : null));
        Assert.True(check.Errors.Single().Is(WorkflowErrorCode.TransitionNotPermitted), check.Errors.Single().ToString());
    }

    [Fact]
    public void A_retried_command_is_answered_as_accepted_and_an_id_used_on_another_submission_is_refused()
    {
        var f = new WorkflowFixture();
        f.Assign("X1");
        f.Assign("X2");
        Guid id = Guid.NewGuid();
        WorkflowCommand first = Command(Entry1, WorkflowTrigger.EnterValues, content: Content(5), commandId: id);
        Assert.True(Execute(f, first).Success);

        var (retry, _) = CheckThenExecute(f, first);
        Assert.True(retry.Success);
        Assert.Equal(2, retry.Value.Version);

        var (reused, _) = CheckThenExecute(f, Command(OtherCommuneAll, WorkflowTrigger.EnterValues, Id("X2"), content: Content(6, "X2"), commandId: id));
        Assert.True(reused.Errors.Single().Is(WorkflowErrorCode.DuplicateCommandId), reused.Errors.Single().ToString());
    }

    [Fact]
    public void A_stale_expected_version_is_a_conflict_for_both()
    {
        var f = new WorkflowFixture();
        f.Assign();
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(5));
        var (check, _) = CheckThenExecute(f, Command(Entry1, WorkflowTrigger.SubmitForApproval) with { ExpectedVersion = 1 });
        Assert.True(check.Errors.Single().Is(WorkflowErrorCode.ConcurrencyConflict));
    }

    [Fact]
    public void An_unassigned_submission_is_unknown_to_both()
    {
        var f = new WorkflowFixture();
        var (check, _) = CheckThenExecute(f, Command(Entry1, WorkflowTrigger.EnterValues, content: Content(5)));
        Assert.True(check.Errors.Single().Is(WorkflowErrorCode.UnknownSubmission));
    }

    private static readonly SubmissionId[] Targets = [Id("X1"), Id("X2"), Id("P01")];

    private static readonly Actor[] Pool =
    [
        Entry1, Entry2, Leader, Sender, Viewer, Admin, OtherCommuneAll, Agg1, Agg2, ProvinceEntry, ProvinceLeader, ProvinceSender, Nso,
        new("nhap_xa2", "X2", WorkflowRole.DataEntry), new("lanhdao_xa2", "X2", WorkflowRole.Approver | WorkflowRole.Sender),
    ];

    /// <summary>The account of the pool most likely to be allowed: the right role on the right side.</summary>
    private static Actor Likely(SubmissionId id, WorkflowTrigger trigger, Submission s)
    {
        WorkflowRole roles = trigger switch
        {
            WorkflowTrigger.EnterValues or WorkflowTrigger.SubmitForApproval => WorkflowRole.DataEntry,
            WorkflowTrigger.Approve or WorkflowTrigger.Reject or WorkflowTrigger.RequestReopen => WorkflowRole.Approver,
            WorkflowTrigger.Send => WorkflowRole.Sender,
            _ => WorkflowRole.Aggregator,
        };
        bool own = roles != WorkflowRole.Aggregator;
        string unit = own ? id.UnitCode : s.Assignment.ReceivingUnitCode;
        var candidates = Pool.Where(a => a.UnitCode == unit && a.HasAny(roles)).ToArray();
        return candidates.FirstOrDefault(a => trigger != WorkflowTrigger.Approve || !(s.CurrentRevision?.EnteredBy.Contains(a.UserName) ?? false))
            ?? candidates.FirstOrDefault() ?? Viewer;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public Property The_check_says_accepted_iff_execution_succeeds_and_never_writes(Scenario scenario)
    {
        WorkflowPolicy policy = AllPolicies[scenario.PolicyIndex] with { EntryClosesAfterWorkingDays = scenario.EntryCloses ? 3 : null };
        var f = new WorkflowFixture(policy, new InMemoryWorkflowStore(), Instant.FromUtc(2026, 2, 2, 2, 0));
        f.Assign("X1");
        f.Assign("X2");
        f.Assign("P01", "NSO");
        var problems = new List<string>();
        int accepted = 0, refused = 0;
        Guid? previous = null;
        foreach (Step step in scenario.Steps)
        {
            if (step.AdvanceDays > 0)
            {
                f.Clock.AdvanceDays(step.AdvanceDays);
            }

            SubmissionId id = Targets[step.Target];
            Submission before = f.Get(id);
            Actor actor = step.ByLegalActor ? Likely(id, step.Trigger, before) : Pool[step.ActorIndex % Pool.Length];
            // Now and then a retry of the previous command id, or a stale expected version.
            Guid commandId = step.Value % 17 == 0 && previous is { } p ? p : Guid.NewGuid();
            var command = new WorkflowCommand(commandId, id, actor, step.Trigger)
            {
                Reason = step.WithReason ? $"lý do {step.Value}" : null,
                Content = step.Trigger == WorkflowTrigger.EnterValues ? Content(step.Value, id.UnitCode) : null,
                ExpectedVersion = step.Value % 13 == 0 ? before.Version - 1 : null,
            };
            var snapshot = Snapshot(f.Store);
            KtxhResult<Submission> check = Check(f, command);
            if (Snapshot(f.Store) != snapshot)
            {
                problems.Add($"the check wrote: {step}");
            }

            KtxhResult<Submission> done = Execute(f, command);
            previous = commandId;
            string where = $"{step} by {actor} from {before.State}";
            if (check.Success != done.Success)
            {
                problems.Add($"check {check.Success}, execution {done.Success}: {where}: {string.Join("; ", check.Errors.Concat(done.Errors))}");
            }
            else if (!check.Errors.Select(e => e.ToString()).SequenceEqual(done.Errors.Select(e => e.ToString())))
            {
                problems.Add($"different reasons: {where}: {string.Join("; ", check.Errors)} ≠ {string.Join("; ", done.Errors)}");
            }
            else if (done.Success && (check.Value.State, check.Value.Version) != (done.Value.State, done.Value.Version))
            {
                problems.Add($"different outcome: {where}: {check.Value.State} v{check.Value.Version} ≠ {done.Value.State} v{done.Value.Version}");
            }

            if (done.Success)
            {
                accepted++;
            }
            else
            {
                refused++;
            }
        }

        return (problems.Count == 0).Label(string.Join("\n", problems.Take(5)))
            .Classify(accepted >= 10, "10+ commands accepted")
            .Classify(refused >= 10, "10+ commands refused")
            .Collect($"X1 ends {f.Get(Targets[0]).State}");
    }
}
