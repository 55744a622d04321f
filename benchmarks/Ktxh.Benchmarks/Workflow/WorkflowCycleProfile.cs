using System.Diagnostics;
using System.Globalization;

namespace Ktxh.Benchmarks.Workflow;

/// <summary>
/// <c>workflow-profile</c>: the cycles of <see cref="WorkflowCycleBenchmark"/> (Ktxh hashed and Stateless) run
/// alternately in one process with a stopwatch and <see cref="GC.GetTotalAllocatedBytes(bool)"/>: bytes allocated per
/// transition (load-independent) and the rate of each side in the same rounds. Also the workload for
/// <c>valgrind --tool=callgrind</c> instruction counts (<c>--rounds 1 --side ktxh</c>).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- workflow-profile [--forms N]
/// [--rounds R] [--side both|ktxh|stateless]</c>. The first round is a warm-up and not counted when there are two or
/// more.</remarks>
internal static class WorkflowCycleProfile
{
    public static int Run(string[] args)
    {
        int forms = int.Parse(Arg(args, "--forms") ?? "1", CultureInfo.InvariantCulture);
        int rounds = int.Parse(Arg(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        string side = Arg(args, "--side") ?? "both";
        var bench = new WorkflowCycleBenchmark { Forms = forms };
        bench.Setup();
        var cycle = new NationalCycle(forms);
        var sides = new List<(string Name, Func<long> Run)>();
        if (side is "both" or "ktxh")
        {
            sides.Add(("Ktxh hashed", bench.KtxhHashed));
        }

        if (side is "both" or "stateless")
        {
            sides.Add(("Stateless", bench.Stateless));
        }

        var best = sides.ToDictionary(s => s.Name, _ => double.MaxValue);
        var bestCpu = sides.ToDictionary(s => s.Name, _ => double.MaxValue);
        bool Counted(int round) => rounds == 1 || round > 1;
        for (int round = 1; round <= rounds; round++)
        {
            foreach ((string name, Func<long> run) in sides)
            {
                GC.Collect();
                long before = GC.GetTotalAllocatedBytes(precise: true);
                int gen0 = GC.CollectionCount(0);
                int gen1 = GC.CollectionCount(1);
                int gen2 = GC.CollectionCount(2);
                TimeSpan paused = GC.GetTotalPauseDuration();
                TimeSpan cpu = Cpu();
                var watch = Stopwatch.StartNew();
                run();
                watch.Stop();
                long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
                double pauseMs = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds;
                double cpuMs = (Cpu() - cpu).TotalMilliseconds;
                if (Counted(round))
                {
                    bestCpu[name] = Math.Min(bestCpu[name], cpuMs);
                }
                bool counted = Counted(round);
                if (counted)
                {
                    best[name] = Math.Min(best[name], watch.Elapsed.TotalMilliseconds);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round}{(counted ? "" : " (warm-up)")} {name,-12} {watch.Elapsed.TotalMilliseconds,8:F1} ms = {cycle.Transitions / watch.Elapsed.TotalSeconds,9:N0} transitions/s ({cpuMs,6:F1} ms CPU); {allocated / (double)cycle.Transitions,8:N0} B/transition, {(GC.CollectionCount(0) - gen0),2}/{(GC.CollectionCount(1) - gen1)}/{(GC.CollectionCount(2) - gen2)} collections of gen0/1/2 ({pauseMs,6:F1} ms paused) per cycle"));
            }
        }

        foreach (var (name, ms) in best)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"best {name,-12} {ms,8:F1} ms = {cycle.Transitions / (ms / 1000),9:N0} transitions/s; least CPU {bestCpu[name],8:F1} ms = {cycle.Transitions / (bestCpu[name] / 1000),9:N0} transitions per CPU second"));
        }

        if (best.Count == 2)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ktxh ÷ Stateless time (best of each): {best["Ktxh hashed"] / best["Stateless"]:F2}; CPU time (least of each): {bestCpu["Ktxh hashed"] / bestCpu["Stateless"]:F2}"));
        }

        if (args.Contains("--alloc-types"))
        {
            // Sampled by the runtime (one event per ~100 KB): the types behind the bytes allocated per transition.
            using var sampler = new AllocationSampler();
            sampler.Start();
            for (int i = 0; i < 5; i++)
            {
                bench.KtxhHashed();
            }

            sampler.Stop();
            foreach ((string type, long bytes) in sampler.Top(30))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{bytes / 5.0 / cycle.Transitions,8:N0} B/transition  {type}"));
            }
        }

        if (side is "both" or "ktxh")
        {
            // What a cycle keeps alive (the store's events and the engine's cached submissions): what every gen0
            // collection during the cycle has to mark and copy.
            GC.Collect();
            long baseline = GC.GetTotalMemory(forceFullCollection: true);
            long retained = 0;
            var store = new Ktxh.Workflow.InMemoryWorkflowStore();
            bench.RunKtxh(store, null, engine =>
            {
                retained = GC.GetTotalMemory(forceFullCollection: true) - baseline;
                GC.KeepAlive(engine);
            });
            GC.KeepAlive(store);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"retained at the end of a Ktxh cycle (store + engine cache): {retained / (double)cycle.Transitions,8:N0} B/transition"));
        }

        bench.Cleanup();
        return 0;
    }

    // The process's CPU time (this thread, the collector's and the tiering compiler's): less sensitive than the wall
    // clock to the other processes on a shared machine.
    private static TimeSpan Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime;
    }

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
