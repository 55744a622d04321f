using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BenchmarkDotNet.Attributes;
using Ktxh.Indicators;
using Ktxh.Workflow;
using NodaTime;

namespace Ktxh.Benchmarks.Workflow;

/// <summary>
/// A national reporting cycle through the whole lifecycle — assign, then enter, submit, approve, send, accept per
/// submission — by the Ktxh engine (events sealed and hash-chained, the normal case), by the Ktxh engine signing every transition with an
/// ECDSA P-256 certificate, and by a Stateless-based machine with the same states, triggers and guards on plain
/// objects (<see cref="StatelessLifecycle"/>).
/// </summary>
/// <remarks>
/// <para>Run: <c>dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*Workflow*' --job short --inProcess</c>.</para>
/// <para>Units: 3,321 communes + 34 provinces (3,355 submissions per form). Forms: the first <c>KTXH_BENCH_FORMS</c>
/// forms of the built-in catalogue by code (default 1; the whole national cycle × every built-in form multiplies the
/// work by the form count and does not change the rate per transition, so BenchmarkDotNet's repetitions stay short).
/// One benchmark invocation is one whole cycle on a fresh store: transitions per second = 5 × submissions ÷ mean
/// (the assignments are timed too, so the rate is conservative; events per second = 6 × submissions ÷ mean).</para>
/// <para>The engine has no switch to turn hashing off (by design: the audit chain is not optional). An earlier
/// "no chain" variant ran on a benchmark-only copy of the in-memory store that did not seal; it was removed with
/// that copy (the chain's SHA-256 per event was a small part of the cycle's time). The durable stores are measured
/// against the in-memory one in <c>Stores/StoreCycleBenchmark</c>.</para>
/// </remarks>
[MemoryDiagnoser]
public class WorkflowCycleBenchmark
{
    private static readonly SubmissionContent Content = new([DataValue.Number("A01", "X", NationalCycle.Period, 1m)]);
    private NationalCycle _cycle = null!;
    private X509Certificate2 _certificate = null!;

    /// <summary>Forms per unit: <c>KTXH_BENCH_FORMS</c> (default 1).</summary>
    [ParamsSource(nameof(FormCounts))]
    public int Forms { get; set; }

    /// <summary>The form counts measured.</summary>
    public static IEnumerable<int> FormCounts =>
        (Environment.GetEnvironmentVariable("KTXH_BENCH_FORMS") ?? "1")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Builds the units, accounts and the signing certificate.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _cycle = new NationalCycle(Forms);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=lanhdao_bench", key, HashAlgorithmName.SHA256);
        _certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        Console.WriteLine($"// {_cycle.Forms.Count} of {_cycle.FormCount} built-in forms × {_cycle.Units.Count:N0} units = {_cycle.Submissions:N0} submissions, {_cycle.Transitions:N0} transitions per cycle");
    }

    /// <summary>Disposes the certificate.</summary>
    [GlobalCleanup]
    public void Cleanup() => _certificate.Dispose();

    /// <summary>The Ktxh engine, events sealed and chained (SHA-256), as shipped.</summary>
    [Benchmark(Baseline = true, Description = "Ktxh, hash chain")]
    public long KtxhHashed() => RunKtxh(new InMemoryWorkflowStore(), null);

    /// <summary>The Ktxh engine, sealed and every transition signed (ECDSA P-256, SHA-256).</summary>
    [Benchmark(Description = "Ktxh, hash chain + ECDSA")]
    public long KtxhSigned() => RunKtxh(new InMemoryWorkflowStore(), _certificate);

    /// <summary>Stateless 5.20.1 with the same states, triggers and guards on plain objects.</summary>
    [Benchmark(Description = "Stateless, plain objects")]
    public long Stateless()
    {
        var clock = new BenchClock();
        var submissions = new List<StatelessLifecycle.PlainSubmission>(_cycle.Submissions);
        foreach (string form in _cycle.Forms)
        {
            foreach (var u in _cycle.Units)
            {
                submissions.Add(new StatelessLifecycle.PlainSubmission(form, u.Code, u.Receiving, clock));
            }
        }

        long fired = 0;
        int i = 0;
        foreach (string form in _cycle.Forms)
        {
            foreach (var u in _cycle.Units)
            {
                var s = submissions[i++];
                var aggregator = _cycle.Aggregators[u.Receiving];
                s.Fire(WorkflowTrigger.EnterValues, u.Entry, content: Content);
                s.Fire(WorkflowTrigger.SubmitForApproval, u.Entry);
                s.Fire(WorkflowTrigger.Approve, u.Leader);
                s.Fire(WorkflowTrigger.Send, u.Sender);
                s.Fire(WorkflowTrigger.Accept, aggregator);
                fired += s.Events.Count;
            }
        }

        return fired;
    }

    /// <summary>One cycle on <paramref name="store"/>; <paramref name="atEnd"/> sees the engine before it is dropped (for
    /// <see cref="WorkflowCycleProfile"/>'s retained-memory count).</summary>
    internal long RunKtxh(IWorkflowStore store, X509Certificate2? signer, Action<WorkflowEngine>? atEnd = null)
    {
        var engine = new WorkflowEngine(store, new BenchClock());
        var ids = new List<SubmissionId>(_cycle.Submissions);
        foreach (string form in _cycle.Forms)
        {
            foreach (var u in _cycle.Units)
            {
                var id = new SubmissionId(form, u.Code, NationalCycle.Period);
                Ok(engine.AssignAsync(_cycle.Aggregators[u.Receiving], new Assignment(id, u.Receiving, NationalCycle.Due), Guid.NewGuid()).GetAwaiter().GetResult());
                ids.Add(id);
            }
        }

        int i = 0;
        foreach (string form in _cycle.Forms)
        {
            foreach (var u in _cycle.Units)
            {
                SubmissionId id = ids[i++];
                var aggregator = _cycle.Aggregators[u.Receiving];
                Run(engine, id, u.Entry, WorkflowTrigger.EnterValues, signer, Content);
                Run(engine, id, u.Entry, WorkflowTrigger.SubmitForApproval, signer);
                Run(engine, id, u.Leader, WorkflowTrigger.Approve, signer);
                Run(engine, id, u.Sender, WorkflowTrigger.Send, signer);
                Run(engine, id, aggregator, WorkflowTrigger.Accept, signer);
            }
        }

        atEnd?.Invoke(engine);
        return ((InMemoryWorkflowStore)store).Count;
    }

    private static void Run(WorkflowEngine engine, SubmissionId id, Actor actor, WorkflowTrigger trigger, X509Certificate2? signer, SubmissionContent? content = null) =>
        Ok(engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), id, actor, trigger) { Content = content, Signer = signer }).GetAwaiter().GetResult());

    private static void Ok(KtxhResult<Submission> result)
    {
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
        }
    }

    /// <summary>A clock that moves one second per reading, within the working days before the deadline.</summary>
    internal sealed class BenchClock : IClock
    {
        private long _ticks = Instant.FromUtc(2026, 2, 2, 2, 0).ToUnixTimeTicks();

        public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Add(ref _ticks, NodaConstants.TicksPerMillisecond));
    }
}
