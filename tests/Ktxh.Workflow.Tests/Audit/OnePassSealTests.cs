using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Audit;

/// <summary>
/// The one-pass seal (an unsigned event written straight into its body, the hash kept as 32 bytes, the links written
/// from the previous event's bytes) gives the bytes and hash of the reference writers: chains written before and
/// after the change verify alike.
/// </summary>
public class OnePassSealTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public Property A_body_sealed_in_one_pass_is_the_reference_writers_body(WorkflowEvent e, bool linkToGenesis)
    {
        // The previous event sealed through the public path (text links), this one through the store's path.
        StoredEvent previous = AuditChain.Seal(PendingEvent.Create(e).Value, 1, 1, AuditChain.Genesis, AuditChain.Genesis);
        AuditChain.Link link = linkToGenesis ? default : new AuditChain.Link(previous);
        StoredEvent sealedInPlace = AuditChain.SealLinked(PendingEvent.Unsigned(e), 2, 2, link, new AuditChain.Link(previous), null);
        byte[] reference = ReferenceWriters.Body(PendingEvent.Create(e).Value, 2, 2, linkToGenesis ? AuditChain.Genesis : previous.Hash, previous.Hash);
        bool same = sealedInPlace.Body.Span.SequenceEqual(reference) && sealedInPlace.Hash == AuditChain.HashOf(reference)
            && previous.Hash == AuditChain.HashOf(previous.Body.Span);
        return same.Label($"{System.Text.Encoding.UTF8.GetString(sealedInPlace.Body.Span)}\n≠\n{System.Text.Encoding.UTF8.GetString(reference)}")
            .Classify(linkToGenesis, "stream link is genesis")
            .Classify(e.Content is not null, "with content")
            .Classify(e.Assignment is not null, "with assignment");
    }

    [Theory]
    [InlineData(99, 98)] // neither the trigger nor the state has a name: written as Enum.ToString writes them
    [InlineData(0, 0)]
    public void Enum_values_are_written_as_their_names_or_numbers(int trigger, int state)
    {
        var e = new WorkflowEvent
        {
            CommandId = Guid.NewGuid(),
            Trigger = (WorkflowTrigger)trigger,
            StreamId = Id().StreamId,
            ActorUserName = "a",
            ActorUnitCode = "X1",
            ActorRoles = WorkflowRole.DataEntry,
            Time = NodaTime.Instant.FromUtc(2026, 2, 2, 2, 0),
            From = (SubmissionState)state,
            To = (SubmissionState)state,
        };
        Assert.Equal(ReferenceWriters.Event(e), WorkflowEventJson.Write(e));
        string json = System.Text.Encoding.UTF8.GetString(WorkflowEventJson.Write(e));
        Assert.Contains($"\"type\":\"{(WorkflowTrigger)trigger}\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"to\":\"{(SubmissionState)state}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_is_appended_whole_or_not_at_all()
    {
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        f.Assign("X2");
        long before = store.Count;
        AuditAnchor head = await store.GetHeadAsync();
        string stream = Id("X2").StreamId;
        StoredEvent assigned = (await store.ReadStreamAsync(stream))[0];
        WorkflowEvent first = assigned.ReadEvent().Value with { CommandId = Guid.NewGuid(), Assignment = null, Trigger = WorkflowTrigger.EnterValues };
        WorkflowEvent reused = first with { CommandId = assigned.CommandId }; // the assignment's id: already recorded

        var refused = await store.AppendAsync(stream, 1, [PendingEvent.Create(first).Value, PendingEvent.Create(reused).Value], null);
        var stale = await store.AppendAsync(stream, 0, [PendingEvent.Create(first).Value], null);

        Assert.True(refused.Errors.Single().Is(WorkflowErrorCode.DuplicateCommandId));
        Assert.True(stale.Errors.Single().Is(WorkflowErrorCode.ConcurrencyConflict));
        Assert.Equal(before, store.Count);
        Assert.Equal(head, await store.GetHeadAsync());
        Assert.Null(await store.FindByCommandAsync(first.CommandId));

        WorkflowEvent second = first with { CommandId = Guid.NewGuid() };
        var appended = await store.AppendAsync(stream, 1, [PendingEvent.Create(first).Value, PendingEvent.Create(second).Value], null);
        Assert.True(appended.Success);
        Assert.Equal([2L, 3L], appended.Value.Select(e => e.StreamVersion));
        Assert.Equal([before + 1, before + 2], appended.Value.Select(e => e.Position));
        Assert.True(AuditChain.Verify(await store.ReadAllAsync(), await store.GetHeadAsync()).Success);
    }

    [Fact]
    public async Task Sealed_hashes_read_back_as_text_and_link_the_next_event()
    {
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.Accepted, WorkflowPolicy.Default);
        IReadOnlyList<StoredEvent> events = await store.ReadAllAsync();
        for (int i = 0; i < events.Count; i++)
        {
            Assert.Equal(AuditChain.HashOf(events[i].Body.Span), events[i].Hash);
            Assert.Matches("^[0-9a-f]{64}$", events[i].Hash);
            using var body = System.Text.Json.JsonDocument.Parse(events[i].Body);
            Assert.Equal(i == 0 ? AuditChain.Genesis : events[i - 1].Hash, body.RootElement.GetProperty("prevGlobal").GetString());
        }

        Assert.Equal(new AuditAnchor(events.Count, events[^1].Hash), await store.GetHeadAsync());
    }
}
