using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Workflow;
using Ktxh.Workflow.PostgreSql;
using Ktxh.Workflow.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;

namespace Ktxh.Benchmarks.Stores;

/// <summary>The stores measured: the in-memory store (the peer), SQLite (flushing each commit, as shipped, and not
/// flushing: <c>flushEachCommit: false</c>) and PostgreSQL (when <c>KTXH_TEST_POSTGRES</c> names a server).</summary>
public enum StoreKind
{
    /// <summary><see cref="InMemoryWorkflowStore"/>.</summary>
    InMemory,

    /// <summary><see cref="SqliteWorkflowStore"/>, every commit flushed (the default).</summary>
    Sqlite,

    /// <summary><see cref="SqliteWorkflowStore"/> with <c>flushEachCommit: false</c> (synchronous = NORMAL).</summary>
    SqliteNoFlush,

    /// <summary><see cref="PostgreSqlWorkflowStore"/> on the server of <c>KTXH_TEST_POSTGRES</c>.</summary>
    PostgreSql,
}

/// <summary>
/// A reporting cycle through the whole lifecycle on a store: every unit is assigned every form for one month, then
/// each submission is entered, submitted, approved, sent and accepted (6 events per submission). The province cycle
/// is 129 communes reporting to one province (the size of 37 Ninh Bình after the 2025 reform); the national cycle is
/// 3,321 communes in 34 provinces plus the 34 provinces reporting to the nation.
/// </summary>
internal sealed class StoreCycle
{
    public static readonly ReportingPeriod Period = ReportingPeriod.Month(2026, 1);
    public static readonly LocalDate Due = new(2026, 2, 12);
    private static readonly SubmissionContent Content = new([DataValue.Number("A01", "X", Period, 1m)]);

    public StoreCycle(int communes, int provinces, int formCount)
    {
        string[] all = IndicatorCatalogue.BuiltIn.Forms.Select(f => f.Code).Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
        Forms = all.Take(formCount <= 0 ? all.Length : Math.Min(formCount, all.Length)).ToArray();
        var units = new List<(string Code, string Receiving)>();
        for (int i = 0; i < communes; i++)
        {
            units.Add(($"X{i + 1:0000}", $"P{(i % provinces) + 1:00}"));
        }

        if (provinces > 1)
        {
            for (int p = 1; p <= provinces; p++)
            {
                units.Add(($"P{p:00}", "NSO"));
            }
        }

        Units = units;
    }

    /// <summary>The province cycle: 129 communes × the forms.</summary>
    public static StoreCycle Province(int formCount) => new(129, 1, formCount);

    /// <summary>The national cycle: 3,321 communes and 34 provinces × the forms.</summary>
    public static StoreCycle National(int formCount) => new(3_321, 34, formCount);

    public IReadOnlyList<string> Forms { get; }

    public IReadOnlyList<(string Code, string Receiving)> Units { get; }

    public int Submissions => Units.Count * Forms.Count;

    public int Events => Submissions * 6;

    /// <summary>Runs the whole cycle on <paramref name="store"/>; returns the events written.</summary>
    public long Run(IWorkflowStore store)
    {
        var engine = new WorkflowEngine(store, new StepClock());
        foreach (string form in Forms)
        {
            foreach (var (code, receiving) in Units)
            {
                Ok(engine.AssignAsync(Aggregator(receiving), new Assignment(new SubmissionId(form, code, Period), receiving, Due), Guid.NewGuid()).GetAwaiter().GetResult());
            }
        }

        foreach (string form in Forms)
        {
            foreach (var (code, receiving) in Units)
            {
                var id = new SubmissionId(form, code, Period);
                Step(engine, id, new Actor($"nhaplieu_{code}", code, WorkflowRole.DataEntry), WorkflowTrigger.EnterValues, Content);
                Step(engine, id, new Actor($"nhaplieu_{code}", code, WorkflowRole.DataEntry), WorkflowTrigger.SubmitForApproval);
                Step(engine, id, new Actor($"lanhdao_{code}", code, WorkflowRole.Approver), WorkflowTrigger.Approve);
                Step(engine, id, new Actor($"vanthu_{code}", code, WorkflowRole.Sender), WorkflowTrigger.Send);
                Step(engine, id, Aggregator(receiving), WorkflowTrigger.Accept);
            }
        }

        return Events;
    }

    /// <summary>A fresh, empty store of <paramref name="kind"/> (a new file or a new PostgreSQL schema).</summary>
    public static IWorkflowStore Create(StoreKind kind, string folder) => kind switch
    {
        StoreKind.InMemory => new InMemoryWorkflowStore(),
        StoreKind.Sqlite => SqliteWorkflowStore.Open(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db")).Value,
        StoreKind.SqliteNoFlush => SqliteWorkflowStore.Open(Path.Combine(folder, Guid.NewGuid().ToString("N") + ".db"), flushEachCommit: false).Value,
        StoreKind.PostgreSql => PostgreSqlWorkflowStore.Open(PostgresConnectionString ?? throw new InvalidOperationException("KTXH_TEST_POSTGRES is not set"),
            "bench_" + Guid.NewGuid().ToString("N")[..12]).Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Releases a store made by <see cref="Create"/>: closes pools, deletes the file or drops the schema.</summary>
    public static void Drop(IWorkflowStore store)
    {
        switch (store)
        {
            case SqliteWorkflowStore s:
                SqliteConnection.ClearAllPools();
                foreach (string f in new[] { s.Path, s.Path + "-wal", s.Path + "-shm" })
                {
                    File.Delete(f);
                }

                break;
            case PostgreSqlWorkflowStore p:
                p.Dispose();
                using (var c = new NpgsqlConnection(PostgresConnectionString))
                {
                    c.Open();
                    using var cmd = new NpgsqlCommand($"DROP SCHEMA \"{p.Schema}\" CASCADE;", c);
                    cmd.ExecuteNonQuery();
                }

                break;
        }
    }

    /// <summary>The PostgreSQL server of the tests (<c>tools/ci/postgres.sh start</c> prints it), or null.</summary>
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("KTXH_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    /// <summary>The stores to measure: PostgreSQL only when a server is named (a message says so otherwise).</summary>
    /// <remarks><c>KTXH_BENCH_STORES</c> (a comma list of <see cref="StoreKind"/> names) narrows the list.</remarks>
    public static IEnumerable<StoreKind> Kinds()
    {
        string[]? only = Environment.GetEnvironmentVariable("KTXH_BENCH_STORES")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (StoreKind kind in Enum.GetValues<StoreKind>())
        {
            if (only is { Length: > 0 } && !only.Contains(kind.ToString(), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (kind != StoreKind.PostgreSql || PostgresConnectionString is not null)
            {
                yield return kind;
            }
            else
            {
                Console.WriteLine("// PostgreSQL skipped: KTXH_TEST_POSTGRES is not set (start a server with tools/ci/postgres.sh start).");
            }
        }
    }

    private static Actor Aggregator(string unit) => new($"tonghop_{unit}", unit, WorkflowRole.Aggregator);

    private static void Step(WorkflowEngine engine, SubmissionId id, Actor actor, WorkflowTrigger trigger, SubmissionContent? content = null) =>
        Ok(engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), id, actor, trigger) { Content = content }).GetAwaiter().GetResult());

    private static void Ok(KtxhResult<Submission> result)
    {
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
        }
    }

    /// <summary>A clock that moves one millisecond per reading, in the working days before the deadline.</summary>
    private sealed class StepClock : IClock
    {
        private long _ticks = Instant.FromUtc(2026, 2, 2, 2, 0).ToUnixTimeTicks();

        public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Add(ref _ticks, NodaConstants.TicksPerMillisecond));
    }
}
