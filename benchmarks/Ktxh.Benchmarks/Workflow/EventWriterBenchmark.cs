using BenchmarkDotNet.Attributes;
using Ktxh.Indicators;
using Ktxh.Workflow;
using Ktxh.Workflow.Tests.Audit;
using NodaTime;

namespace Ktxh.Benchmarks.Workflow;

/// <summary>
/// The per-event writing of the audit chain, before and after pre-encoding (property names encoded once, the command
/// id and the time written as UTF-8 without strings): an enter-values event and an approve event written
/// canonically, then sealed (the body around it and its SHA-256), as the engine and the in-memory store do per command.
/// The same bytes either way.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*EventWriter*' --job short --inProcess</c>.</remarks>
[MemoryDiagnoser]
public class EventWriterBenchmark
{
    private static readonly WorkflowEvent Entered = new()
    {
        CommandId = Guid.NewGuid(),
        Trigger = WorkflowTrigger.EnterValues,
        StreamId = "Periodic|CTK.09|X0001|2026-M01",
        ActorUserName = "nhaplieu_X0001",
        ActorUnitCode = "X0001",
        ActorRoles = WorkflowRole.DataEntry,
        Time = Instant.FromUtc(2026, 2, 2, 2, 0, 1) + Duration.FromMilliseconds(123),
        From = SubmissionState.NotStarted,
        To = SubmissionState.Draft,
        Revision = 1,
        ContentSha256 = new string('a', 64),
        Content = new SubmissionContent([DataValue.Number("A01", "X0001", NationalCycle.Period, 1m)]),
    };

    private static readonly WorkflowEvent Approved = Entered with
    {
        Trigger = WorkflowTrigger.Approve,
        ActorUserName = "lanhdao_X0001",
        ActorRoles = WorkflowRole.Approver,
        From = SubmissionState.AwaitingApproval,
        To = SubmissionState.Approved,
        Content = null,
    };

    private const string Previous = "0000000000000000000000000000000000000000000000000000000000000000";

    // The reference body writer takes the pending event for its fields; its JSON is the same bytes the reference event
    // writer gives (CanonicalWriterTests), so "before" still writes the event and the body the old way, per call.
    private static readonly PendingEvent PendingEntered = PendingEvent.Create(Entered).Value;
    private static readonly PendingEvent PendingApproved = PendingEvent.Create(Approved).Value;

    /// <summary>Before: names transcoded per event, the id and time formatted to strings first.</summary>
    [Benchmark(Baseline = true, Description = "before: write + seal (2 events)")]
    public int Before()
    {
        int n = 0;
        foreach ((WorkflowEvent e, PendingEvent pending) in (ReadOnlySpan<(WorkflowEvent, PendingEvent)>)[(Entered, PendingEntered), (Approved, PendingApproved)])
        {
            byte[] json = ReferenceWriters.Event(e);
            byte[] body = ReferenceWriters.Body(pending, 7, 2, Previous, Previous);
            n += json.Length + AuditChain.HashOf(body).Length;
        }

        return n;
    }

    /// <summary>After: the shipped writers (<see cref="PendingEvent.Create"/> and <see cref="AuditChain.Seal"/>): an
    /// unsigned event is written once, inside its body, and its hash kept as bytes (the engine's path never asks for
    /// <see cref="PendingEvent.Json"/> or the hash's text, so neither is read here).</summary>
    [Benchmark(Description = "after: write + seal (2 events)")]
    public int After()
    {
        int n = 0;
        foreach (WorkflowEvent e in (ReadOnlySpan<WorkflowEvent>)[Entered, Approved])
        {
            PendingEvent pending = PendingEvent.Create(e).Value;
            StoredEvent stored = AuditChain.Seal(pending, 7, 2, Previous, Previous);
            n += stored.Body.Length;
        }

        return n;
    }
}
