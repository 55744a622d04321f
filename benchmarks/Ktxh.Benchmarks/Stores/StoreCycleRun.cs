using System.Diagnostics;
using System.Globalization;
using Ktxh.Workflow;

namespace Ktxh.Benchmarks.Stores;

/// <summary>
/// <c>store-cycle</c>: the same cycle on each store, one after another in one process, timed with a stopwatch — for
/// workloads too long for BenchmarkDotNet's in-process toolchain (the national cycle on PostgreSQL takes minutes per
/// cycle; <see cref="StoreCycleBenchmark"/> measures the province cycle). Prints, per store and round, events per
/// second and the time of a progress query, then each store's ratio to the in-memory store.
/// </summary>
/// <remarks>
/// <para>Run: <c>benchmarks/Ktxh.Benchmarks/Stores/national-cycle.sh</c> (starts and stops a PostgreSQL cluster), or
/// <c>KTXH_TEST_POSTGRES=… dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- store-cycle [--scope
/// national|province] [--forms N] [--stores InMemory,PostgreSql] [--rounds R]</c>. Rounds alternate the stores
/// (A B A B…) so that a change in the machine's load falls on both; the first round is a warm-up and not counted
/// when there are two or more.</para>
/// </remarks>
internal static class StoreCycleRun
{
    public static int Run(string[] args)
    {
        string scope = Arg(args, "--scope") ?? "national";
        int forms = int.Parse(Arg(args, "--forms") ?? "1", CultureInfo.InvariantCulture);
        int rounds = int.Parse(Arg(args, "--rounds") ?? "2", CultureInfo.InvariantCulture);
        StoreKind[] stores = (Arg(args, "--stores") ?? "InMemory,PostgreSql").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Enum.Parse<StoreKind>).ToArray();
        if (stores.Contains(StoreKind.PostgreSql) && StoreCycle.PostgresConnectionString is null)
        {
            Console.Error.WriteLine("KTXH_TEST_POSTGRES is not set (tools/ci/postgres.sh start prints a connection string).");
            return 2;
        }

        StoreCycle cycle = scope == "national" ? StoreCycle.National(forms) : StoreCycle.Province(forms);
        string folder = Path.Combine(Path.GetTempPath(), "ktxh-store-cycle-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        Console.WriteLine($"scope {scope}: {cycle.Forms.Count} forms × {cycle.Units.Count:N0} units = {cycle.Submissions:N0} submissions, {cycle.Events:N0} events per cycle; {rounds} rounds; load average {LoadAverage()}");
        var rates = stores.ToDictionary(s => s, _ => new List<double>());
        var queries = stores.ToDictionary(s => s, _ => new List<double>());
        try
        {
            for (int round = 1; round <= rounds; round++)
            {
                foreach (StoreKind kind in stores)
                {
                    IWorkflowStore store = StoreCycle.Create(kind, folder);
                    try
                    {
                        var watch = Stopwatch.StartNew();
                        long events = cycle.Run(store);
                        watch.Stop();
                        var reports = new WorkflowReports(new WorkflowEngine(store, NodaTime.SystemClock.Instance));
                        reports.ProgressAsync("P01", cycle.Forms[0], StoreCycle.Period).GetAwaiter().GetResult(); // warm
                        var query = Stopwatch.StartNew();
                        int rows = reports.ProgressAsync("P01", cycle.Forms[0], StoreCycle.Period).GetAwaiter().GetResult().Rows.Count;
                        query.Stop();
                        double rate = events / watch.Elapsed.TotalSeconds;
                        bool counted = rounds == 1 || round > 1;
                        if (counted)
                        {
                            rates[kind].Add(rate);
                            queries[kind].Add(query.Elapsed.TotalMilliseconds);
                        }

                        Console.WriteLine($"round {round}{(counted ? "" : " (warm-up)")} {kind,-13} cycle {watch.Elapsed.TotalSeconds,7:F1} s = {rate,8:N0} events/s; progress query ({rows} units of P01) {query.Elapsed.TotalMilliseconds,7:F1} ms; load {LoadAverage()}");
                    }
                    finally
                    {
                        StoreCycle.Drop(store);
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        StoreKind baseline = stores[0];
        double baseRate = rates[baseline].Average();
        double baseQuery = queries[baseline].Average();
        foreach (StoreKind kind in stores)
        {
            Console.WriteLine($"mean {kind,-13} {rates[kind].Average(),8:N0} events/s ({rates[kind].Average() / baseRate:P1} of {baseline}; {baseRate / rates[kind].Average():F1}× slower); progress query {queries[kind].Average():F1} ms ({queries[kind].Average() / baseQuery:F1}× {baseline})");
        }

        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
