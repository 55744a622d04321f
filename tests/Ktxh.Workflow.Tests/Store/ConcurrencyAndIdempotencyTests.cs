using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Store;

public class ConcurrencyAndIdempotencyTests
{
    /// <summary>Holds every append until <paramref name="parties"/> appends have arrived, so the commands race.</summary>
    private sealed class RaceStore(IWorkflowStore inner, int parties) : IWorkflowStore
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public bool Armed { get; set; }

        public async ValueTask<KtxhResult<IReadOnlyList<StoredEvent>>> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEvent> events,
            SubmissionIndexEntry? index, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                if (Interlocked.Increment(ref _arrived) >= parties)
                {
                    _all.TrySetResult();
                }

                await _all.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return await inner.AppendAsync(streamId, expectedVersion, events, index, cancellationToken);
        }

        public ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default) => inner.ReadStreamAsync(streamId, cancellationToken);

        public ValueTask<StoredEvent?> FindByCommandAsync(Guid commandId, CancellationToken cancellationToken = default) => inner.FindByCommandAsync(commandId, cancellationToken);

        public ValueTask<IReadOnlyList<SubmissionIndexEntry>> QueryAsync(SubmissionQuery query, CancellationToken cancellationToken = default) => inner.QueryAsync(query, cancellationToken);

        public ValueTask<IReadOnlyList<StoredEvent>> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default) => inner.ReadAllAsync(fromPosition, cancellationToken);

        public ValueTask<AuditAnchor> GetHeadAsync(CancellationToken cancellationToken = default) => inner.GetHeadAsync(cancellationToken);
    }

    [Fact]
    public async Task Two_approvers_at_once_one_wins_and_the_other_gets_a_conflict()
    {
        var inner = new InMemoryWorkflowStore();
        var race = new RaceStore(inner, 2);
        var f = new WorkflowFixture(store: race);
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        var leader2 = new Actor("phovand_xa1", "X1", WorkflowRole.Approver);
        long before = inner.Count;
        race.Armed = true;
        var a = Task.Run(() => f.Engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), Leader, WorkflowTrigger.Approve)));
        var b = Task.Run(() => f.Engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), leader2, WorkflowTrigger.Reject) { Reason = "Chưa đủ" }));
        var results = await Task.WhenAll(a, b);
        race.Armed = false;
        Assert.Single(results, r => r.Success);
        KtxhError conflict = results.Single(r => !r.Success).Errors.Single();
        Assert.True(conflict.Is(WorkflowErrorCode.ConcurrencyConflict), conflict.ToString());
        Assert.Equal(before + 1, inner.Count);
        Assert.True((await f.Engine.VerifyAuditChainAsync()).Success);
    }

    [Fact]
    public async Task A_command_based_on_a_stale_version_is_refused()
    {
        var f = new WorkflowFixture();
        Submission s = f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        var stale = new WorkflowCommand(Guid.NewGuid(), Id(), Leader, WorkflowTrigger.Approve) { ExpectedVersion = s.Version - 1 };
        Assert.True((await f.Engine.ExecuteAsync(stale)).Errors.Single().Is(WorkflowErrorCode.ConcurrencyConflict));
        Assert.Equal(SubmissionState.AwaitingApproval, f.Get().State);
    }

    [Fact]
    public async Task A_retried_command_is_recorded_once_and_a_reused_id_for_another_command_is_refused()
    {
        var f = new WorkflowFixture();
        f.Assign();
        var cmd = new WorkflowCommand(Guid.NewGuid(), Id(), Entry1, WorkflowTrigger.EnterValues) { Content = Content(1) };
        var first = (await f.Engine.ExecuteAsync(cmd));
        var again = (await f.Engine.ExecuteAsync(cmd));
        Assert.Equal(first.Value.Version, again.Value.Version);
        Assert.Equal(2, ((InMemoryWorkflowStore)f.Store).Count);
        var reused = (await f.Engine.ExecuteAsync(cmd with { Trigger = WorkflowTrigger.SubmitForApproval, Content = null }));
        Assert.True(reused.Errors.Single().Is(WorkflowErrorCode.DuplicateCommandId));
        Assert.Equal(SubmissionState.Draft, f.Get().State);
    }

    [Fact]
    public async Task The_in_memory_store_keeps_every_append_of_many_threads_in_one_valid_chain()
    {
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        var units = Enumerable.Range(1, 40).Select(i => $"C{i:000}").ToArray();
        await Parallel.ForEachAsync(units, async (u, ct) =>
        {
            var entry = new Actor($"nhaplieu_{u}", u, WorkflowRole.DataEntry);
            Assert.True((await f.Engine.AssignAsync(Agg1, AssignmentOf(u), Guid.NewGuid(), ct)).Success);
            Assert.True((await f.Engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(u), entry, WorkflowTrigger.EnterValues) { Content = Content(1, u) }, ct)).Success);
        });
        Assert.Equal(80, store.Count);
        var verified = await f.Engine.VerifyAuditChainAsync(await store.GetHeadAsync());
        Assert.True(verified.Success, string.Join("\n", verified.Errors));
        Assert.Equal((80L, 40), (verified.Value.EventCount, verified.Value.StreamCount));
        Assert.Equal(40, (await store.QueryAsync(new SubmissionQuery { States = [SubmissionState.Draft] })).Count);
    }
}
