using Ktxh.Workflow.Sqlite;
using Ktxh.Workflow.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using static Ktxh.Workflow.Stores.Tests.WorkflowStoreContract;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Stores.Tests;

/// <summary>What only a file can show: faults mid-batch, edits behind the store's back, schema versions, two handles.</summary>
public sealed class SqliteStoreFaultTests : IDisposable
{
    private readonly SqliteTestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private async Task<SqliteWorkflowStore> SeededAsync()
    {
        SqliteWorkflowStore store = _db.Open();
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.Accepted, WorkflowPolicy.Default);
        f.Assign("X2");
        Assert.True((await VerifyAsync(store)).Success);
        return store;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Either_flush_setting_keeps_the_contract_and_the_chain(bool flush)
    {
        SqliteWorkflowStore store = SqliteWorkflowStore.Open(_db.Path, flushEachCommit: flush).Value;
        Assert.Equal(flush, store.FlushesEachCommit);
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.Accepted, WorkflowPolicy.Default);
        SqliteConnection.ClearAllPools();

        // Reopened with the default: every event is there and the chain verifies.
        SqliteWorkflowStore again = _db.Open();
        Assert.Equal((await store.GetHeadAsync()).Hash, (await again.GetHeadAsync()).Hash);
        Assert.True((await VerifyAsync(again)).Success);
    }

    [Fact]
    public async Task A_new_file_is_created_in_wal_mode_with_the_current_schema_version()
    {
        _db.Open();
        using SqliteConnection c = _db.Raw();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
        cmd.CommandText = "SELECT MAX(version) FROM schema_version;";
        Assert.Equal((long)SqliteWorkflowStore.SchemaVersion, (long)cmd.ExecuteScalar()!);
        // Opening again migrates nothing and keeps one row per version.
        _db.Open();
        cmd.CommandText = "SELECT COUNT(*) FROM schema_version;";
        Assert.Equal((long)SqliteWorkflowStore.SchemaVersion, (long)cmd.ExecuteScalar()!);
        await Task.CompletedTask;
    }

    [Fact]
    public void A_file_from_a_newer_schema_is_refused_with_a_bilingual_reason()
    {
        _db.Open();
        _db.Execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 'later');");
        KtxhResult<SqliteWorkflowStore> r = SqliteWorkflowStore.Open(_db.Path);
        KtxhError e = Assert.Single(r.Errors);
        Assert.True(e.Is(SqliteStoreErrorCode.SchemaTooNew));
        Assert.Contains("phiên bản mới hơn", e.MessageVi, StringComparison.Ordinal);
        Assert.Contains("newer Ktxh (schema 99", e.MessageEn, StringComparison.Ordinal);
        Assert.Equal(_db.Path, e.Location.Source);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused()
    {
        File.WriteAllText(_db.Path, new string('x', 4096));
        KtxhResult<SqliteWorkflowStore> r = SqliteWorkflowStore.Open(_db.Path);
        KtxhError e = Assert.Single(r.Errors);
        Assert.True(e.Is(SqliteStoreErrorCode.CannotOpen));

        // Our own words in both languages, never SQLite's English exception text.
        Assert.Contains("không phải cơ sở dữ liệu SQLite", e.MessageVi, StringComparison.Ordinal);
        Assert.Contains("not a SQLite database", e.MessageEn, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite Error", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fault_in_the_middle_of_a_batch_leaves_nothing_written()
    {
        SqliteWorkflowStore store = await SeededAsync();
        AuditAnchor head = await store.GetHeadAsync();
        string stream = Id("X3").StreamId;
        _db.Execute("CREATE TRIGGER fault_injected BEFORE INSERT ON events WHEN NEW.version = 2 BEGIN SELECT RAISE(ABORT, 'injected fault'); END;");
        await Assert.ThrowsAsync<SqliteException>(async () => await store.AppendAsync(stream, 0, [Pending(stream), Pending(stream), Pending(stream)], null));
        Assert.Equal(head, await store.GetHeadAsync());
        Assert.Empty(await store.ReadStreamAsync(stream));

        _db.Execute("DROP TRIGGER fault_injected;");
        Assert.Equal([1L, 2, 3], (await store.AppendAsync(stream, 0, [Pending(stream), Pending(stream), Pending(stream)], null)).Value.Select(e => e.StreamVersion));
        Assert.True((await VerifyAsync(store, await store.GetHeadAsync())).Success);
    }

    [Theory]
    [InlineData("UPDATE events SET body = CAST(REPLACE(CAST(body AS TEXT), 'nguyenvana_xa1', 'nguyenvana_xa9') AS BLOB) WHERE position = 2;", WorkflowErrorCode.EventHashMismatch)]
    [InlineData("UPDATE events SET hash = '" + "ab" + "' || substr(hash, 3) WHERE position = 3;", WorkflowErrorCode.EventHashMismatch)]
    [InlineData("DELETE FROM events WHERE position = 3;", WorkflowErrorCode.SequenceBroken)]
    [InlineData("UPDATE events SET stream_id = 'Periodic|001.T/BCC-XXXX|X9|2026-M01' WHERE position = 4;", WorkflowErrorCode.EventHashMismatch)]
    public async Task A_row_changed_behind_the_stores_back_is_found_by_verifying_the_chain(string sql, WorkflowErrorCode expected)
    {
        SqliteWorkflowStore store = await SeededAsync();
        _db.Execute(sql);
        KtxhResult<AuditChainSummary> r = await VerifyAsync(store);
        Assert.False(r.Success);
        Assert.Contains(r.Errors, e => e.Is(expected));
    }

    [Fact]
    public async Task Events_removed_from_the_end_are_found_with_a_saved_anchor()
    {
        SqliteWorkflowStore store = await SeededAsync();
        AuditAnchor anchor = await store.GetHeadAsync();
        _db.Execute("DELETE FROM events WHERE position = (SELECT MAX(position) FROM events);");
        Assert.True((await VerifyAsync(store)).Success); // the chain alone cannot tell
        Assert.Contains((await VerifyAsync(store, anchor)).Errors, e => e.Is(WorkflowErrorCode.AnchorMismatch));
    }

    [Fact]
    public async Task Two_handles_on_one_file_racing_on_the_same_streams_keep_one_valid_chain()
    {
        SqliteWorkflowStore a = _db.Open();
        SqliteWorkflowStore b = SqliteWorkflowStore.Open(_db.Path, TimeSpan.FromSeconds(20)).Value;
        string[] streams = [Id("X1").StreamId, Id("X2").StreamId];
        int applied = 0;
        int conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            IWorkflowStore store = w % 2 == 0 ? a : b;
            for (int i = 0; i < 15; i++)
            {
                string s = streams[(w + i) % 2];
                long version = (await store.ReadStreamAsync(s)).Count;
                KtxhResult<IReadOnlyList<StoredEvent>> r = await store.AppendAsync(s, version, [Pending(s)], null);
                if (r.Success)
                {
                    Interlocked.Increment(ref applied);
                }
                else
                {
                    Assert.True(r.Errors.Single().Is(WorkflowErrorCode.ConcurrencyConflict));
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));
        Assert.Equal(90, applied + conflicts);
        Assert.True(applied >= 2);
        KtxhResult<AuditChainSummary> verified = await VerifyAsync(a, await b.GetHeadAsync());
        Assert.True(verified.Success, string.Join("\n", verified.Errors));
        Assert.Equal(applied, verified.Value.EventCount);
    }

    [Fact]
    public void AddKtxhWorkflowSqlite_makes_the_file_the_store_of_the_engine_even_after_AddKtxhWorkflow()
    {
        var services = new ServiceCollection();
        services.AddKtxhWorkflow();
        services.AddKtxhWorkflowSqlite(_db.Path);
        services.AddKtxhWorkflowSqlite(_db.Path);
        using ServiceProvider sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var store = Assert.IsType<SqliteWorkflowStore>(sp.GetRequiredService<IWorkflowStore>());
        Assert.Equal(_db.Path, store.Path);
        Assert.Same(store, sp.GetRequiredService<SqliteWorkflowStore>());
        Assert.NotNull(sp.GetRequiredService<WorkflowEngine>());
        Assert.Single(services, d => d.ServiceType == typeof(IWorkflowStore));
    }

    [Fact]
    public void A_store_the_host_registered_itself_is_kept()
    {
        var mine = new InMemoryWorkflowStore();
        var services = new ServiceCollection();
        services.AddSingleton<IWorkflowStore>(mine);
        services.AddKtxhWorkflowSqlite(_db.Path);
        using ServiceProvider sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Same(mine, sp.GetRequiredService<IWorkflowStore>());
    }
}
