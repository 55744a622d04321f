using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ktxh.Workflow;

namespace Ktxh.Benchmarks.Stores;

/// <summary>
/// The province cycle (129 communes × the forms, whole lifecycle; or the national cycle) on each store, the in-memory store in the same run
/// as the peer; and the time of a progress query (one form and period, 129 communes) on a store holding that cycle.
/// </summary>
/// <remarks>
/// <para>Run: <c>KTXH_TEST_POSTGRES="$(tools/ci/postgres.sh start)" dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*StoreCycleBenchmark*'</c>
/// (no <c>--job</c> or <c>--inProcess</c>: the class has its own short, in-process job, one whole cycle per
/// iteration; without <c>KTXH_TEST_POSTGRES</c> the PostgreSQL case is skipped with a message).</para>
/// <para>The national cycle instead (3,321 communes and 34 provinces, the provinces reporting to the nation):
/// <c>KTXH_BENCH_SCOPE=national</c>; the stores measured: <c>KTXH_BENCH_STORES=InMemory,PostgreSql</c> (default all).
/// docs/workflow-stores.md has the exact commands and the figures.</para>
/// <para>One invocation is one whole cycle on a fresh store (a new file, a new PostgreSQL schema): events per second =
/// 6 × submissions ÷ mean (assign, enter, submit, approve, send, accept). Forms: <c>KTXH_BENCH_FORMS</c> (default 1;
/// 0 = every built-in form, the full province cycle; the rate per event does not depend on the form count).
/// <see cref="MemoryDiagnoserAttribute"/> gives the allocations; for the peak resident set size see
/// <c>Stores/peak-rss.sh</c>.</para>
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(CycleConfig))]
public class StoreCycleBenchmark
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ktxh-bench-" + Environment.ProcessId);
    private StoreCycle _cycle = null!;
    private IWorkflowStore _store = null!;
    private IWorkflowStore _filled = null!;
    private WorkflowReports _reports = null!;

    /// <summary>The store measured.</summary>
    [ParamsSource(nameof(Kinds))]
    public StoreKind Store { get; set; }

    /// <summary>The stores measured (PostgreSQL only with a server).</summary>
    public static IEnumerable<StoreKind> Kinds => StoreCycle.Kinds();

    /// <summary>Builds the cycle and a store holding it once, for the progress query.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_folder);
        int forms = int.TryParse(Environment.GetEnvironmentVariable("KTXH_BENCH_FORMS"), out int f) ? f : 1;
        _cycle = Environment.GetEnvironmentVariable("KTXH_BENCH_SCOPE") == "national" ? StoreCycle.National(forms) : StoreCycle.Province(forms);
        Console.WriteLine($"// {Store}: {_cycle.Forms.Count} forms × {_cycle.Units.Count} units = {_cycle.Submissions:N0} submissions, {_cycle.Events:N0} events per cycle");
        _filled = StoreCycle.Create(Store, _folder);
        _cycle.Run(_filled);
        _reports = new WorkflowReports(new WorkflowEngine(_filled, NodaTime.SystemClock.Instance));
    }

    /// <summary>Drops the stores.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        StoreCycle.Drop(_filled);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    /// <summary>A fresh store for the next cycle.</summary>
    [IterationSetup(Target = nameof(Cycle))]
    public void FreshStore() => _store = StoreCycle.Create(Store, _folder);

    /// <summary>Drops the cycle's store.</summary>
    [IterationCleanup(Target = nameof(Cycle))]
    public void DropStore() => StoreCycle.Drop(_store);

    /// <summary>The whole province cycle.</summary>
    [Benchmark(Description = "province cycle")]
    public long Cycle() => _cycle.Run(_store);

    /// <summary>One warm-up and three measured iterations of one invocation each (a cycle is seconds long), in the
    /// benchmark's own process (it reads the PostgreSQL server from the environment).</summary>
    private sealed class CycleConfig : ManualConfig
    {
        public CycleConfig() => AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
            .WithIterationCount(3).WithInvocationCount(1).WithUnrollFactor(1).WithToolchain(InProcessEmitToolchain.Instance));
    }

    /// <summary>The progress table of one form and period (129 communes) on the filled store (10 per invocation).</summary>
    [Benchmark(Description = "progress query", OperationsPerInvoke = 10)]
    public int Progress()
    {
        int rows = 0;
        for (int i = 0; i < 10; i++)
        {
            rows += _reports.ProgressAsync("P01", _cycle.Forms[0], StoreCycle.Period).GetAwaiter().GetResult().Rows.Count;
        }

        return rows;
    }
}
