using Ktxh.Periods;
using Ktxh.Workflow.Tests;
using NodaTime;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Stores.Tests;

/// <summary>
/// The contract of <see cref="IWorkflowStore"/>, once for every store: each subclass gives a fresh, empty store
/// per test (xUnit creates one instance per test).
/// </summary>
public abstract class WorkflowStoreContract : IDisposable
{
    private IWorkflowStore? _store;

    protected IWorkflowStore Store => _store ??= CreateStore();

    /// <summary>A fresh, empty store.</summary>
    protected abstract IWorkflowStore CreateStore();

    /// <summary>A second handle on the same storage (another process or host would open the same file or database).</summary>
    protected abstract IWorkflowStore OpenAgain();

    protected virtual void DisposeStore(IWorkflowStore store) => (store as IDisposable)?.Dispose();

    public void Dispose()
    {
        if (_store is not null)
        {
            DisposeStore(_store);
        }

        GC.SuppressFinalize(this);
    }

    internal static PendingEvent Pending(string streamId, Guid? commandId = null, string? reason = null) => PendingEvent.Create(new WorkflowEvent
    {
        CommandId = commandId ?? Guid.NewGuid(),
        Trigger = WorkflowTrigger.EnterValues,
        StreamId = streamId,
        ActorUserName = "nguyenvana_xa1",
        ActorUnitCode = "X1",
        ActorRoles = WorkflowRole.DataEntry,
        Time = Instant.FromUtc(2026, 2, 2, 2, 0),
        Reason = reason,
    }).Value;

    internal static async Task<KtxhResult<AuditChainSummary>> VerifyAsync(IWorkflowStore store, AuditAnchor? anchor = null) =>
        AuditChain.Verify(await store.ReadAllAsync(), anchor);

    private static Assignment AssignmentFor(string form, string unit, ReportingPeriod period, string receiving = "P01") =>
        new(new SubmissionId(form, unit, period), receiving, new LocalDate(2026, 2, 12));

    [StoreFact]
    public async Task An_empty_store_has_a_genesis_head_and_nothing_to_read()
    {
        Assert.Equal(new AuditAnchor(0, AuditChain.Genesis), await Store.GetHeadAsync());
        Assert.Empty(await Store.ReadAllAsync());
        Assert.Empty(await Store.ReadStreamAsync(Id().StreamId));
        Assert.Null(await Store.FindByCommandAsync(Guid.NewGuid()));
        Assert.Empty(await Store.QueryAsync(SubmissionQuery.All));
    }

    [StoreFact]
    public async Task Reading_a_stream_after_a_version_returns_only_the_newer_events()
    {
        var f = new WorkflowFixture(store: Store);
        f.Assign("X1");
        f.Assign("X2");
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(5));
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);
        string x1 = Id("X1").StreamId;
        IReadOnlyList<StoredEvent> whole = await Store.ReadStreamAsync(x1);
        Assert.Equal(whole.Select(e => e.Hash), (await Store.ReadStreamAfterAsync(x1, 0)).Select(e => e.Hash));
        Assert.Equal([2L, 3], (await Store.ReadStreamAfterAsync(x1, 1)).Select(e => e.StreamVersion));
        Assert.Equal(whole[2].Body.ToArray(), (await Store.ReadStreamAfterAsync(x1, 2)).Single().Body.ToArray());
        Assert.Empty(await Store.ReadStreamAfterAsync(x1, 3));
        Assert.Empty(await Store.ReadStreamAfterAsync(x1, 99));
        Assert.Empty(await Store.ReadStreamAfterAsync("no|such|stream", 0));
    }

    [StoreFact]
    public async Task Engines_on_two_handles_of_one_store_see_each_others_commands()
    {
        var f = new WorkflowFixture(store: Store);
        var other = new WorkflowEngine(OpenAgain(), f.Clock);
        f.Assign();
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(5));
        Assert.True((await other.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), Entry1, WorkflowTrigger.SubmitForApproval))).Success);
        Submission approved = f.Ok(Leader, WorkflowTrigger.Approve);
        Assert.Equal((SubmissionState.Approved, 4L), (approved.State, approved.Version));
        var stale = await other.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), Leader, WorkflowTrigger.Approve));
        Assert.True(stale.Errors.Single().Is(WorkflowErrorCode.TransitionNotPermitted), stale.Errors.Single().ToString());
        Assert.True((await VerifyAsync(Store)).Success);
    }

    [StoreFact]
    public async Task Appended_events_read_back_byte_for_byte_in_stream_and_position_order()
    {
        var f = new WorkflowFixture(store: Store);
        f.Assign("X1");
        f.Assign("X2");
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(5));
        f.Ok(OtherCommuneAll, WorkflowTrigger.EnterValues, content: Content(7, "X2"), id: Id("X2"));
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);

        IReadOnlyList<StoredEvent> all = await Store.ReadAllAsync();
        Assert.Equal([1L, 2, 3, 4, 5], all.Select(e => e.Position));
        IReadOnlyList<StoredEvent> x1 = await Store.ReadStreamAsync(Id("X1").StreamId);
        Assert.Equal([1L, 2, 3], x1.Select(e => e.StreamVersion));
        Assert.Equal([1L, 3, 5], x1.Select(e => e.Position));
        Assert.All(x1, e => Assert.Equal(Id("X1").StreamId, e.StreamId));
        Assert.Equal([3L, 4], (await Store.ReadAllAsync(3)).Select(e => e.Position).Take(2));

        // A second handle (another host or process) reads the same bytes.
        IWorkflowStore other = OpenAgain();
        try
        {
            IReadOnlyList<StoredEvent> again = await other.ReadAllAsync();
            Assert.Equal(all.Select(e => (e.Hash, Convert.ToBase64String(e.Body.Span))), again.Select(e => (e.Hash, Convert.ToBase64String(e.Body.Span))));
            Assert.Equal(await Store.GetHeadAsync(), await other.GetHeadAsync());
        }
        finally
        {
            if (!ReferenceEquals(other, Store))
            {
                DisposeStore(other);
            }
        }

        StoredEvent last = all[^1];
        Assert.Equal(new AuditAnchor(5, last.Hash), await Store.GetHeadAsync());
        StoredEvent? found = await Store.FindByCommandAsync(last.CommandId);
        Assert.Equal(last.Hash, found?.Hash);
        Assert.Equal(WorkflowTrigger.SubmitForApproval, found!.ReadEvent().Value.Trigger);
        Assert.Equal(SubmissionState.AwaitingApproval, f.Get().State);
    }

    [StoreFact]
    public async Task Queries_by_form_period_unit_receiving_unit_kind_and_state_match_the_reference_meaning()
    {
        var f = new WorkflowFixture(store: Store);
        ReportingPeriod feb = ReportingPeriod.Month(2026, 2);
        ReportingPeriod dec = ReportingPeriod.Month(2025, 12);
        const string Form2 = "002.T/BCC-XXXX";
        Assignment[] assignments =
        [
            AssignmentFor(Form, "X1", Jan2026), AssignmentFor(Form, "X2", Jan2026), AssignmentFor(Form, "X1", feb),
            AssignmentFor(Form2, "X1", Jan2026), AssignmentFor(Form, "X1", dec), AssignmentFor(Form2, "X2", feb),
        ];
        foreach (Assignment a in assignments)
        {
            Assert.True((await f.Engine.AssignAsync(Agg1, a, Guid.NewGuid())).Success);
        }

        Assert.True((await f.Engine.AssignAsync(Nso, AssignmentFor(Form, "P01", Jan2026, "NSO"), Guid.NewGuid())).Success);
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(3));
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);
        f.Ok(OtherCommuneAll, WorkflowTrigger.EnterValues, content: Content(4, "X2"), id: Id("X2"));

        SubmissionQuery[] queries =
        [
            SubmissionQuery.All,
            new() { FormCode = Form },
            new() { FormCode = Form2 },
            new() { UnitCode = "X1" },
            new() { ReceivingUnitCode = "NSO" },
            new() { Period = Jan2026 },
            new() { Year = 2025 },
            new() { Year = 2026, FormCode = Form },
            new() { Kind = SubmissionKind.Periodic },
            new() { Kind = SubmissionKind.AdHoc },
            new() { States = [SubmissionState.Draft] },
            new() { States = [SubmissionState.AwaitingApproval, SubmissionState.Draft] },
            new() { States = [] },
            new() { FormCode = Form, Period = Jan2026, UnitCode = "X2", States = [SubmissionState.Draft] },
            new() { FormCode = "none" },
        ];
        int[] expected = [7, 5, 2, 4, 1, 4, 1, 4, 7, 0, 1, 2, 7, 1, 0];
        IReadOnlyList<SubmissionIndexEntry> everything = await Store.QueryAsync(SubmissionQuery.All);
        for (int i = 0; i < queries.Length; i++)
        {
            IReadOnlyList<SubmissionIndexEntry> got = await Store.QueryAsync(queries[i]);
            Assert.True(expected[i] == got.Count, $"query {i}: expected {expected[i]}, got {got.Count}");
            Assert.Equal(everything.Where(queries[i].Matches).Select(e => e.StreamId), got.Select(e => e.StreamId));
        }

        Assert.Equal(everything.Select(e => e.StreamId).Order(StringComparer.Ordinal), everything.Select(e => e.StreamId));
        SubmissionIndexEntry x1 = Assert.Single(await Store.QueryAsync(new SubmissionQuery { FormCode = Form, UnitCode = "X1", Period = Jan2026 }));
        Assert.Equal((SubmissionState.AwaitingApproval, 3L, "P01", new LocalDate(2026, 2, 12), f.Clock.GetCurrentInstant()),
            (x1.State, x1.Version, x1.ReceivingUnitCode, x1.DueDate, x1.LastChanged));
    }

    [StoreFact]
    public async Task A_command_id_is_recorded_once_and_a_retry_changes_nothing()
    {
        string stream = Id().StreamId;
        PendingEvent first = Pending(stream);
        Assert.True((await Store.AppendAsync(stream, 0, [first], null)).Success);
        AuditAnchor head = await Store.GetHeadAsync();

        KtxhResult<IReadOnlyList<StoredEvent>> again = await Store.AppendAsync(stream, 1, [Pending(stream, first.CommandId)], null);
        Assert.True(again.Errors.Single().Is(WorkflowErrorCode.DuplicateCommandId), again.Errors.Single().ToString());
        KtxhResult<IReadOnlyList<StoredEvent>> elsewhere = await Store.AppendAsync(Id("X2").StreamId, 0, [Pending(Id("X2").StreamId, first.CommandId)], null);
        Assert.True(elsewhere.Errors.Single().Is(WorkflowErrorCode.DuplicateCommandId));
        Guid twice = Guid.NewGuid();
        KtxhResult<IReadOnlyList<StoredEvent>> inBatch = await Store.AppendAsync(stream, 1, [Pending(stream, twice), Pending(stream, twice)], null);
        Assert.True(inBatch.Errors.Single().Is(WorkflowErrorCode.DuplicateCommandId));
        Assert.Equal(head, await Store.GetHeadAsync());
        Assert.Empty(await Store.ReadStreamAsync(Id("X2").StreamId));

        // Through the engine: the retried command returns the recorded outcome, once.
        var f = new WorkflowFixture(store: Store);
        f.Assign("X3");
        var cmd = new WorkflowCommand(Guid.NewGuid(), Id("X3"), new Actor("nhaplieu_x3", "X3", WorkflowRole.DataEntry), WorkflowTrigger.EnterValues)
        {
            Content = Content(1, "X3"),
        };
        KtxhResult<Submission> a = await f.Engine.ExecuteAsync(cmd);
        KtxhResult<Submission> b = await f.Engine.ExecuteAsync(cmd);
        Assert.Equal((true, 2L), (a.Success, a.Value.Version));
        Assert.Equal(2L, b.Value.Version);
        Assert.Equal(2, (await Store.ReadStreamAsync(Id("X3").StreamId)).Count);
    }

    [StoreFact]
    public async Task A_stale_or_future_expected_version_is_a_conflict_and_changes_nothing()
    {
        string stream = Id().StreamId;
        Assert.True((await Store.AppendAsync(stream, 0, [Pending(stream), Pending(stream)], null)).Success);
        AuditAnchor head = await Store.GetHeadAsync();
        foreach (long expected in new long[] { 0, 1, 3, 10 })
        {
            KtxhResult<IReadOnlyList<StoredEvent>> r = await Store.AppendAsync(stream, expected, [Pending(stream)], null);
            Assert.True(r.Errors.Single().Is(WorkflowErrorCode.ConcurrencyConflict), $"expected version {expected}: {string.Join("; ", r.Errors)}");
        }

        Assert.Equal(head, await Store.GetHeadAsync());
        KtxhResult<IReadOnlyList<StoredEvent>> ok = await Store.AppendAsync(stream, 2, [Pending(stream)], null);
        Assert.Equal([3L], ok.Value.Select(e => e.StreamVersion));
    }

    [StoreFact]
    public async Task The_hash_chain_of_a_whole_cycle_verifies_against_its_anchor()
    {
        var f = new WorkflowFixture(store: Store);
        f.DriveTo(SubmissionState.ReopenRequested, WorkflowPolicy.Default);
        f.Assign("X2");
        AuditAnchor head = await Store.GetHeadAsync();
        KtxhResult<AuditChainSummary> verified = await VerifyAsync(Store, head);
        Assert.True(verified.Success, string.Join("\n", verified.Errors));
        Assert.Equal((head.Position, 2, head), (verified.Value.EventCount, verified.Value.StreamCount, verified.Value.Head));
        Assert.True((await f.Engine.VerifyAuditChainAsync(head)).Success);
    }

    [StoreFact]
    public async Task Every_revision_is_kept_with_its_content()
    {
        var f = new WorkflowFixture(store: Store);
        f.Assign();
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(10));
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);
        f.Ok(Leader, WorkflowTrigger.Reject, "Số liệu A01 chưa đúng");
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(12));
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);
        Submission s = f.Get();
        Assert.True(s.Revisions.Count >= 2, s.ToString());
        Assert.NotEqual(s.Revisions[0].ContentSha256, s.Revisions[^1].ContentSha256);
        decimal?[] values = (await Store.ReadStreamAsync(Id().StreamId))
            .Select(e => e.ReadEvent().Value.Content?.Values.First(v => v.IndicatorCode == "A01").Value).Where(v => v is not null).ToArray();
        Assert.Equal([10m, 12m], values);
    }

    [StoreFact]
    public async Task Parallel_writers_each_command_applied_once_or_refused_and_the_state_equals_a_serial_replay()
    {
        var f = new WorkflowFixture(store: Store);
        string[] units = ["X1", "X2", "X3"];
        foreach (string u in units)
        {
            f.Assign(u);
        }

        var commands = Enumerable.Range(0, 24).Select(i =>
        {
            string u = units[i % units.Length];
            return new WorkflowCommand(Guid.NewGuid(), Id(u), new Actor($"nhaplieu_{u}_{i}", u, WorkflowRole.DataEntry), WorkflowTrigger.EnterValues)
            {
                Content = Content(i, u),
            };
        }).ToArray();
        var outcomes = new KtxhResult<Submission>[commands.Length];
        using var start = new Barrier(8);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            start.SignalAndWait();
            for (int i = w; i < commands.Length; i += 8)
            {
                Submission seen = (await f.Engine.GetAsync(commands[i].Submission)).Value;
                outcomes[i] = await f.Engine.ExecuteAsync(commands[i] with { ExpectedVersion = seen.Version });
            }
        })));

        Assert.All(outcomes, o => Assert.True(o.Success || o.Errors.Single().Is(WorkflowErrorCode.ConcurrencyConflict), string.Join("; ", o.Errors)));
        HashSet<Guid> applied = commands.Where((c, i) => outcomes[i].Success).Select(c => c.CommandId).ToHashSet();
        // A command is refused only because another one was applied after its read: every submission moves.
        Assert.All(units, u => Assert.Contains(commands.Where((c, i) => outcomes[i].Success), c => c.Submission.UnitCode == u));
        IReadOnlyList<StoredEvent> all = await Store.ReadAllAsync();
        Assert.Equal(applied.Count + units.Length, all.Count);
        Assert.Equal(applied.Order(), all.Skip(units.Length).Select(e => e.CommandId).Order());
        Assert.True((await VerifyAsync(Store, await Store.GetHeadAsync())).Success);

        // Replay the applied commands, serially, in the order the store recorded them, on a fresh in-memory store.
        var replay = new WorkflowFixture(store: new InMemoryWorkflowStore());
        foreach (string u in units)
        {
            replay.Assign(u);
        }

        Dictionary<Guid, WorkflowCommand> byId = commands.ToDictionary(c => c.CommandId);
        foreach (StoredEvent e in all.Skip(units.Length))
        {
            Assert.True((await replay.Engine.ExecuteAsync(byId[e.CommandId])).Success);
        }

        foreach (string u in units)
        {
            Submission durable = f.Get(Id(u));
            Submission serial = replay.Get(Id(u));
            Assert.Equal((serial.State, serial.Version, serial.CurrentRevision?.ContentSha256), (durable.State, durable.Version, durable.CurrentRevision?.ContentSha256));
        }

        Assert.Equal(all.Skip(units.Length).Select(e => e.CommandId), (await replay.Store.ReadAllAsync()).Skip(units.Length).Select(e => e.CommandId));
    }
}
