using Ktxh.Workflow.PostgreSql;
using Ktxh.Workflow.Tests;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Ktxh.Workflow.Stores.Tests.WorkflowStoreContract;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Stores.Tests;

/// <summary>What only a server can show: faults mid-batch, edits behind the store's back, schema versions, many connections.</summary>
public sealed class PostgreSqlStoreFaultTests : IDisposable
{
    private PostgresTestSchema? _schema;

    private PostgresTestSchema Schema => _schema ??= new PostgresTestSchema();

    public void Dispose() => _schema?.Dispose();

    private async Task<PostgreSqlWorkflowStore> SeededAsync()
    {
        PostgreSqlWorkflowStore store = Schema.Open();
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.Accepted, WorkflowPolicy.Default);
        f.Assign("X2");
        Assert.True((await VerifyAsync(store)).Success);
        return store;
    }

    [PostgresFact]
    public void Opening_twice_migrates_once_and_a_newer_schema_is_refused_with_a_bilingual_reason()
    {
        Schema.Open();
        Schema.Open();
        Schema.Execute("INSERT INTO {s}.schema_version (version, description) VALUES (99, 'from the future');");
        KtxhResult<PostgreSqlWorkflowStore> r = PostgreSqlWorkflowStore.Open(Schema.ConnectionString, Schema.Schema);
        KtxhError e = Assert.Single(r.Errors);
        Assert.True(e.Is(PostgreSqlStoreErrorCode.SchemaTooNew));
        Assert.Contains("phiên bản mới hơn", e.MessageVi, StringComparison.Ordinal);
        Assert.Contains("newer Ktxh (schema 99", e.MessageEn, StringComparison.Ordinal);
    }

    [PostgresFact]
    public void An_unreachable_server_is_a_located_error_not_an_exception()
    {
        var cs = new NpgsqlConnectionStringBuilder(Schema.ConnectionString) { Port = 1, Timeout = 2 };
        KtxhResult<PostgreSqlWorkflowStore> r = PostgreSqlWorkflowStore.Open(cs.ToString(), Schema.Schema);
        KtxhError e = Assert.Single(r.Errors);
        Assert.True(e.Is(PostgreSqlStoreErrorCode.CannotOpen));
        Assert.Contains("không kết nối được máy chủ", e.MessageVi, StringComparison.Ordinal);
        Assert.Contains("cannot be reached", e.MessageEn, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task A_fault_in_the_middle_of_a_batch_leaves_nothing_written()
    {
        PostgreSqlWorkflowStore store = await SeededAsync();
        AuditAnchor head = await store.GetHeadAsync();
        string stream = Id("X3").StreamId;
        Schema.Execute("""
            CREATE FUNCTION {s}.fault_injected() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.version = 2 THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER fault_injected BEFORE INSERT ON {s}.events FOR EACH ROW EXECUTE FUNCTION {s}.fault_injected();
            """);
        await Assert.ThrowsAsync<PostgresException>(async () => await store.AppendAsync(stream, 0, [Pending(stream), Pending(stream), Pending(stream)], null));
        Assert.Equal(head, await store.GetHeadAsync());
        Assert.Empty(await store.ReadStreamAsync(stream));

        Schema.Execute("DROP TRIGGER fault_injected ON {s}.events;");
        Assert.Equal([1L, 2, 3], (await store.AppendAsync(stream, 0, [Pending(stream), Pending(stream), Pending(stream)], null)).Value.Select(e => e.StreamVersion));
        Assert.True((await VerifyAsync(store, await store.GetHeadAsync())).Success);
    }

    [PostgresFact]
    public async Task A_row_changed_behind_the_stores_back_is_found_by_verifying_the_chain()
    {
        (string Sql, WorkflowErrorCode Code)[] tampering =
        [
            ("UPDATE {s}.events SET body = convert_to(replace(convert_from(body, 'UTF8'), 'nguyenvana_xa1', 'nguyenvana_xa9'), 'UTF8') WHERE position = 2;", WorkflowErrorCode.EventHashMismatch),
            ("UPDATE {s}.events SET hash = 'ab' || substr(hash, 3) WHERE position = 3;", WorkflowErrorCode.EventHashMismatch),
            ("DELETE FROM {s}.events WHERE position = 4;", WorkflowErrorCode.SequenceBroken),
        ];
        PostgreSqlWorkflowStore store = await SeededAsync();
        foreach ((string sql, WorkflowErrorCode code) in tampering)
        {
            Schema.Execute(sql);
            KtxhResult<AuditChainSummary> r = await VerifyAsync(store);
            Assert.Contains(r.Errors, e => e.Is(code));
        }
    }

    [PostgresFact]
    public async Task Writers_on_separate_connection_pools_racing_on_the_same_streams_keep_one_valid_chain()
    {
        PostgreSqlWorkflowStore[] hosts = [Schema.Open(), Schema.Open(), Schema.Open()];
        string[] streams = [Id("X1").StreamId, Id("X2").StreamId];
        int applied = 0;
        int conflicts = 0;
        await Task.WhenAll(Enumerable.Range(0, 9).Select(w => Task.Run(async () =>
        {
            IWorkflowStore store = hosts[w % hosts.Length];
            for (int i = 0; i < 12; i++)
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
        Assert.Equal(108, applied + conflicts);
        KtxhResult<AuditChainSummary> verified = await VerifyAsync(hosts[0], await hosts[1].GetHeadAsync());
        Assert.True(verified.Success, string.Join("\n", verified.Errors));
        Assert.Equal(applied, verified.Value.EventCount);
    }

    [PostgresFact]
    public void AddKtxhWorkflowPostgreSql_makes_the_database_the_store_of_the_engine()
    {
        var services = new ServiceCollection();
        services.AddKtxhWorkflow();
        services.AddKtxhWorkflowPostgreSql(Schema.ConnectionString, o => o.Schema = Schema.Schema);
        using ServiceProvider sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var store = Assert.IsType<PostgreSqlWorkflowStore>(sp.GetRequiredService<IWorkflowStore>());
        Assert.Equal(Schema.Schema, store.Schema);
        Assert.NotNull(sp.GetRequiredService<WorkflowEngine>());
    }
}
