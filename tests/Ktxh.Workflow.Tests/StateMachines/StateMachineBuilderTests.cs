namespace Ktxh.Workflow.Tests.StateMachines;

public class StateMachineBuilderTests
{
    private enum S { A = 1, B, C, D }

    private enum T { Go = 1, Back, Stay }

    private static readonly Guard<int> Positive = new(WorkflowErrorCode.InvalidArgument, "phải dương", "must be positive", x => x > 0);

    private static string[] Fields(KtxhResult<StateMachine<S, T, int>> r) => r.Errors.Select(e => e.Location.Field!).ToArray();

    [Fact]
    public void A_valid_table_builds_and_decides_with_its_guards()
    {
        var b = new StateMachineBuilder<S, T, int>().WithInitialState(S.A);
        b.Configure(S.A).Permit(T.Go, S.B, Positive).PermitReentry(T.Stay);
        b.Configure(S.B).Permit(T.Back, S.A);
        var m = b.Build();
        Assert.True(m.Decide(S.A, T.Go, 1).IsPermitted);
        var blocked = m.Decide(S.A, T.Go, -1);
        Assert.Equal((true, false), (blocked.IsDefined, blocked.IsPermitted));
        Assert.Same(Positive, blocked.FailedGuards.Single());
        Assert.False(m.Decide(S.B, T.Go, 1).IsDefined);
        Assert.Equal([T.Stay], m.PermittedTriggers(S.A, -1));
        Assert.Contains("A --> B : Go [must be positive]", m.ToMermaid(withGuards: true));
    }

    [Fact]
    public void An_ambiguous_trigger_fails_when_built()
    {
        var b = new StateMachineBuilder<S, T, int>().WithInitialState(S.A);
        b.Configure(S.A).Permit(T.Go, S.B).Permit(T.Go, S.C, Positive);
        b.Configure(S.B);
        b.Configure(S.C);
        var r = b.BuildResult();
        Assert.Contains("A.Go", Fields(r));
        Assert.Contains("Ambiguous", r.Errors[0].MessageEn);
        Assert.Throws<KtxhException>(() => b.Build());
    }

    [Fact]
    public void A_self_transition_must_be_a_reentry()
    {
        var b = new StateMachineBuilder<S, T, int>().WithInitialState(S.A);
        b.Configure(S.A).Permit(T.Stay, S.A);
        Assert.Equal(["A.Stay"], Fields(b.BuildResult()));
    }

    [Fact]
    public void An_unconfigured_destination_and_an_unreachable_state_fail_when_built()
    {
        var b = new StateMachineBuilder<S, T, int>().WithInitialState(S.A);
        b.Configure(S.A).Permit(T.Go, S.B);
        b.Configure(S.D);
        var r = b.BuildResult();
        Assert.True(r.Errors.All(e => e.Is(WorkflowErrorCode.InvalidConfiguration)));
        Assert.Equal(["A.Go", "D"], Fields(r));
    }

    [Fact]
    public void A_missing_initial_state_fails_when_built()
    {
        var b = new StateMachineBuilder<S, T, int>();
        b.Configure(S.A);
        Assert.Contains("No initial state", b.BuildResult().Errors.Single().MessageEn);
    }

    [Fact]
    public void The_lifecycle_builds_under_every_policy_and_its_terminal_states_have_no_way_out()
    {
        foreach (WorkflowPolicy p in WorkflowFixture.Policies())
        {
            var m = SubmissionLifecycle.Build(p);
            Assert.Empty(m.DefinedTriggers(SubmissionState.Cancelled));
            Assert.Empty(m.DefinedTriggers(SubmissionState.Withdrawn));
            Assert.Equal(p.TwoStepAccept, m.States.Contains(SubmissionState.Received));
            Assert.Equal(!p.MergeApproveAndSend, m.States.Contains(SubmissionState.Approved));
            // Data is edited only in draft (and the first entry that creates the draft).
            Assert.All(m.Transitions.Where(t => t.Trigger == WorkflowTrigger.EnterValues), t => Assert.Equal(SubmissionState.Draft, t.Destination));
        }
    }
}
