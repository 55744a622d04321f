using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Workflow.Tests.Properties;
using NodaTime;
using NodaTime.Testing;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Store;

/// <summary>
/// The engine's stream cache changes speed, never outcomes: engines sharing one store see each other's commands,
/// a command decided on a stale cache is refused by the store and the cache catches up, retries stay idempotent.
/// </summary>
public class StreamCacheTests
{
    /// <summary>Hides the newest events from the next catch-up read, as if another process appended just after it.</summary>
    private sealed class LaggingStore(IWorkflowStore inner) : IWorkflowStore
    {
        public bool HideNext { get; set; }

        public int CatchUpReads { get; private set; }

        public ValueTask<KtxhResult<IReadOnlyList<StoredEvent>>> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEvent> events,
            SubmissionIndexEntry? index, CancellationToken cancellationToken = default) => inner.AppendAsync(streamId, expectedVersion, events, index, cancellationToken);

        public ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default) => inner.ReadStreamAsync(streamId, cancellationToken);

        public ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAfterAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default)
        {
            CatchUpReads++;
            if (HideNext && afterVersion > 0)
            {
                HideNext = false;
                return new(Array.Empty<StoredEvent>());
            }

            return inner.ReadStreamAfterAsync(streamId, afterVersion, cancellationToken);
        }

        public ValueTask<StoredEvent?> FindByCommandAsync(Guid commandId, CancellationToken cancellationToken = default) => inner.FindByCommandAsync(commandId, cancellationToken);

        public ValueTask<IReadOnlyList<SubmissionIndexEntry>> QueryAsync(SubmissionQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public ValueTask<IReadOnlyList<StoredEvent>> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default) => inner.ReadAllAsync(fromPosition, cancellationToken);

        public ValueTask<AuditAnchor> GetHeadAsync(CancellationToken cancellationToken = default) => inner.GetHeadAsync(cancellationToken);
    }

    private static KtxhResult<Submission> Exec(WorkflowEngine engine, Actor actor, WorkflowTrigger trigger, Guid? commandId = null, string? reason = null,
        SubmissionContent? content = null, SubmissionId? id = null) =>
        engine.ExecuteAsync(new WorkflowCommand(commandId ?? Guid.NewGuid(), id ?? Id(), actor, trigger) { Reason = reason, Content = content })
            .GetAwaiter().GetResult();

    [Fact]
    public void Two_engines_on_one_store_see_each_others_commands()
    {
        var f = new WorkflowFixture();
        var other = new WorkflowEngine(f.Store, f.Clock);
        f.Assign();
        Assert.True(Exec(f.Engine, Entry1, WorkflowTrigger.EnterValues, content: Content(1)).Success);
        // The other engine has never read the stream; this engine has it cached at version 2.
        Assert.True(Exec(other, Entry1, WorkflowTrigger.SubmitForApproval).Success);
        // This engine catches up (version 3, awaiting approval) before deciding.
        var approved = Exec(f.Engine, Leader, WorkflowTrigger.Approve);
        Assert.True(approved.Success, string.Join("\n", approved.Errors));
        Assert.Equal((SubmissionState.Approved, 4L), (approved.Value.State, approved.Value.Version));
        var sent = Exec(other, Sender, WorkflowTrigger.Send);
        Assert.Equal((SubmissionState.Sent, 5L), (sent.Value.State, sent.Value.Version));
        var again = Exec(f.Engine, Leader, WorkflowTrigger.Approve);
        Assert.True(again.Errors.Single().Is(WorkflowErrorCode.TransitionNotPermitted), again.Errors.Single().ToString());
    }

    [Fact]
    public void A_command_decided_on_a_stale_cache_gets_a_conflict_and_the_cache_catches_up()
    {
        var lagging = new LaggingStore(new InMemoryWorkflowStore());
        var f = new WorkflowFixture(store: lagging);
        var other = new WorkflowEngine(lagging, f.Clock);
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        Assert.True(Exec(other, Leader, WorkflowTrigger.Approve).Success);

        lagging.HideNext = true;
        var stale = Exec(f.Engine, Leader, WorkflowTrigger.Approve);
        KtxhError conflict = stale.Errors.Single();
        Assert.True(conflict.Is(WorkflowErrorCode.ConcurrencyConflict), conflict.ToString());
        Assert.Contains("lethic_xa1", conflict.MessageVi, StringComparison.Ordinal);

        // Nothing was written, and the engine now decides on the approved state.
        Assert.Equal(SubmissionState.Approved, f.Get().State);
        var retry = Exec(f.Engine, Leader, WorkflowTrigger.Approve);
        Assert.True(retry.Errors.Single().Is(WorkflowErrorCode.TransitionNotPermitted), retry.Errors.Single().ToString());
        Assert.True(Exec(f.Engine, Sender, WorkflowTrigger.Send).Success);
    }

    [Fact]
    public void A_retry_through_another_engine_is_recorded_once()
    {
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        var other = new WorkflowEngine(store, f.Clock);
        f.Assign();
        Guid command = Guid.NewGuid();
        Assert.True(Exec(f.Engine, Entry1, WorkflowTrigger.EnterValues, command, content: Content(1)).Success);
        long count = store.Count;
        var again = Exec(other, Entry1, WorkflowTrigger.EnterValues, command, content: Content(1));
        Assert.True(again.Success);
        Assert.Equal(count, store.Count);
        var reused = Exec(other, Entry1, WorkflowTrigger.SubmitForApproval, command);
        Assert.True(reused.Errors.Single().Is(WorkflowErrorCode.DuplicateCommandId));
        // A command id recorded on another stream is refused too, even when the command would be permitted.
        f.Assign("X2");
        var elsewhere = Exec(other, OtherCommuneAll, WorkflowTrigger.EnterValues, command, content: Content(2, "X2"), id: Id("X2"));
        Assert.True(elsewhere.Errors.Single().Is(WorkflowErrorCode.DuplicateCommandId), elsewhere.Errors.Single().ToString());
        Assert.Equal(count + 1, store.Count);
    }

    [Fact]
    public void Commands_do_not_reread_whole_streams()
    {
        var lagging = new LaggingStore(new InMemoryWorkflowStore());
        var f = new WorkflowFixture(store: lagging);
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        int reads = lagging.CatchUpReads;
        Assert.True(Exec(f.Engine, Leader, WorkflowTrigger.Approve).Success);
        // One catch-up read of the submission and one of the report above it.
        Assert.Equal(reads + 2, lagging.CatchUpReads);
    }

    private static readonly Actor[] Pool = [Entry1, Entry2, Leader, Sender, Viewer, Agg1, Agg2, OtherCommuneAll, ProvinceEntry, ProvinceLeader, ProvinceSender, Nso];

    /// <summary>Random command sequences: two caching engines taking turns on one store decide exactly as one engine
    /// without a cache on another store.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public Property Caching_engines_taking_turns_decide_as_one_engine_without_a_cache(Scenario scenario)
    {
        WorkflowPolicy policy = WorkflowFixture.Policies().ToArray()[scenario.PolicyIndex] with { EntryClosesAfterWorkingDays = scenario.EntryCloses ? 3 : null };
        var clock = new FakeClock(Instant.FromUtc(2026, 2, 2, 2, 0));
        var plainStore = new InMemoryWorkflowStore();
        var plain = new WorkflowEngine(plainStore, clock, new WorkflowEngineOptions { DefaultPolicy = policy, StreamCacheCapacity = 0 });
        var sharedStore = new InMemoryWorkflowStore();
        var options = new WorkflowEngineOptions { DefaultPolicy = policy };
        WorkflowEngine[] turns = [new WorkflowEngine(sharedStore, clock, options), new WorkflowEngine(sharedStore, clock, options)];
        foreach ((string unit, string receiving, Actor by) in new[] { ("X1", "P01", Agg1), ("X2", "P01", Agg1), ("P01", "NSO", Nso) })
        {
            Guid command = Guid.NewGuid();
            Assert.True(plain.AssignAsync(by, AssignmentOf(unit, receiving), command).GetAwaiter().GetResult().Success);
            Assert.True(turns[0].AssignAsync(by, AssignmentOf(unit, receiving), command).GetAwaiter().GetResult().Success);
        }

        SubmissionId[] targets = [Id("X1"), Id("X2"), Id("P01")];
        var differences = new List<string>();
        int i = 0;
        foreach (Step step in scenario.Steps)
        {
            clock.AdvanceDays(step.AdvanceDays);
            SubmissionId id = targets[step.Target];
            Actor actor = step.ByLegalActor && step.Target == 0 ? LegalActor(step.Trigger, policy) : Pool[step.ActorIndex % Pool.Length];
            Guid command = step.Value % 7 == 0 && i > 0 ? Guid.Empty : Guid.NewGuid(); // sometimes a reused id
            var cmd = new WorkflowCommand(command, id, actor, step.Trigger)
            {
                Reason = step.WithReason ? $"lý do {step.Value}" : null,
                Content = step.Trigger == WorkflowTrigger.EnterValues ? Content(step.Value, id.UnitCode) : null,
            };
            var expected = plain.ExecuteAsync(cmd).GetAwaiter().GetResult();
            var actual = turns[i++ % 2].ExecuteAsync(cmd).GetAwaiter().GetResult();
            string Outcome(KtxhResult<Submission> r) => r.Success ? $"ok {r.Value.State} v{r.Value.Version}" : string.Join(",", r.Errors.Select(e => e.Code));
            if (Outcome(expected) != Outcome(actual))
            {
                differences.Add($"{step}: {Outcome(expected)} ≠ {Outcome(actual)}");
            }
        }

        bool sameEnd = plainStore.Count == sharedStore.Count
            && targets.All(t => plain.GetAsync(t).GetAwaiter().GetResult().Value.State == turns[1].GetAsync(t).GetAwaiter().GetResult().Value.State);
        return (differences.Count == 0 && sameEnd).Label(string.Join("\n", differences))
            .Classify(plainStore.Count > 8, "more than 5 commands accepted")
            .Classify(scenario.Steps.Any(s => s.Value % 7 == 0), "with a reused command id");
    }
}
