using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Text;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Audit;

/// <summary>
/// The shipped canonical writers (pre-encoded names, the command id and time written without strings) give the same
/// bytes as the reference writers they replaced (<see cref="ReferenceWriters"/>): a chain written by the new path is
/// byte for byte the chain the old path wrote, and verifies with the same verifier.
/// </summary>
public class CanonicalWriterTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public Property An_event_is_written_as_the_reference_writer_wrote_it(WorkflowEvent e)
    {
        byte[] now = WorkflowEventJson.Write(e);
        byte[] before = ReferenceWriters.Event(e);
        return now.AsSpan().SequenceEqual(before).Label($"{System.Text.Encoding.UTF8.GetString(now)}\n≠\n{System.Text.Encoding.UTF8.GetString(before)}")
            .Classify(e.Content is not null, "with content")
            .Classify(e.Assignment is not null, "with assignment")
            .Classify(e.Time.InUtc().NanosecondOfSecond != 0, "fractional second")
            .Classify(e.Time.InUtc().Year is < 1 or > 9999, "year outside 1–9999");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 2000)]
    public Property An_instant_is_formatted_as_the_extended_iso_pattern_formats_it(Instant instant)
    {
        Span<byte> b = stackalloc byte[32];
        int n = WorkflowEventJson.FormatInstant(instant, b);
        string expected = InstantPattern.ExtendedIso.Format(instant);
        string got = n < 0 ? "(NodaTime)" : System.Text.Encoding.ASCII.GetString(b[..n]);
        bool inRange = instant.InUtc().Year is >= 1 and <= 9999;
        return (inRange ? got == expected : n < 0).Label($"{got} ≠ {expected}")
            .Classify(!inRange, "outside 1–9999 (NodaTime formats)")
            .Classify(instant.InUtc().NanosecondOfSecond % 100 != 0, "sub-tick nanoseconds");
    }

    [Theory]
    [InlineData("2026-02-02T02:00:00Z")]
    [InlineData("2026-02-02T02:00:00.1Z")]
    [InlineData("2026-02-02T02:00:00.000000001Z")]
    [InlineData("2026-12-31T23:59:59.999999999Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.12Z")]
    public void Edge_instants_round_trip(string text)
    {
        Instant instant = InstantPattern.ExtendedIso.Parse(text).Value;
        Span<byte> b = stackalloc byte[32];
        int n = WorkflowEventJson.FormatInstant(instant, b);
        Assert.Equal(text, System.Text.Encoding.ASCII.GetString(b[..n]));
    }

    [Fact]
    public async Task A_chain_written_by_the_engine_is_the_reference_writers_chain_and_verifies()
    {
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.Accepted, WorkflowPolicy.Default);
        f.Assign("X2");
        f.Ok(OtherCommuneAll, WorkflowTrigger.EnterValues, content: Content(3.50m, "X2", "Ghi chú có \"ngoặc kép\" và dấu: ư, đ"), id: Id("X2"));
        f.Ok(Agg1, WorkflowTrigger.Withdraw, "Giao nhầm — lý do <dài> & \\ đặc biệt", id: Id("X2"));
        Assert.True((await f.Engine.GrantLockExceptionAsync(Agg1, new LockException("X1", Jan2026, new LocalDate(2026, 3, 1), "Mất điện"), Guid.NewGuid())).Success);
        IReadOnlyList<StoredEvent> events = await store.ReadAllAsync();

        var lastInStream = new Dictionary<string, string>();
        string lastInStore = AuditChain.Genesis;
        foreach (StoredEvent stored in events)
        {
            WorkflowEvent e = stored.ReadEvent().Value;
            using JsonDocument body = JsonDocument.Parse(stored.Body);
            Assert.Equal(body.RootElement.GetProperty("event").GetRawText(), System.Text.Encoding.UTF8.GetString(ReferenceWriters.Event(e)));

            byte[] reference = ReferenceWriters.Body(PendingEvent.Create(e).Value, stored.Position, stored.StreamVersion,
                lastInStream.GetValueOrDefault(stored.StreamId, AuditChain.Genesis), lastInStore);
            Assert.Equal(reference, stored.Body.ToArray());
            Assert.Equal(AuditChain.HashOf(reference), stored.Hash);
            lastInStream[stored.StreamId] = stored.Hash;
            lastInStore = stored.Hash;
        }

        Assert.True(events.Count >= 10);
        Assert.True(AuditChain.Verify(events, await store.GetHeadAsync()).Success);
    }
}

public static partial class Arbitraries
{
    private static readonly Gen<string> Texts = Gen.Elements(
        "lethic_xa1", "Nguyễn Văn A", "lý do: \"sai số\" <b> & \\ \t tab", "đ", "", "A01", "😀 emoji", "x|y", "\u0000\u001f");

    public static Gen<Instant> Instants { get; } = Gen.Frequency(
        (6, from s in Gen.Choose(0, int.MaxValue) from ns in Gen.Choose(0, 999_999_999) from zeros in Gen.Choose(0, 9)
            select Instant.FromUnixTimeSeconds(1_700_000_000L + s / 4) + Duration.FromNanoseconds(ns / (long)Math.Pow(10, zeros) * (long)Math.Pow(10, zeros))),
        (2, from d in Gen.Choose(-2_900_000, 2_900_000) from ns in Gen.Choose(0, 999_999_999) select Instant.FromUtc(2000, 1, 1, 0, 0) + Duration.FromDays(d) + Duration.FromNanoseconds(ns)),
        (1, Gen.Elements(Instant.MinValue, Instant.MaxValue, Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(9999, 12, 31, 23, 59, 59) + Duration.FromNanoseconds(999_999_999),
            Instant.FromUtc(0, 12, 31, 23, 59, 59), Instant.FromUtc(-5, 6, 1, 0, 0))));

    public static Arbitrary<Instant> InstantArbitrary() => Arb.From(Instants);

    public static Gen<WorkflowEvent> Events { get; } =
        from trigger in Gen.Elements(Enum.GetValues<WorkflowTrigger>())
        from actor in Texts
        from reason in Gen.OneOf(Gen.Constant<string?>(null), Texts.Select(t => (string?)t))
        from time in Instants
        from revision in Gen.Choose(0, 40)
        from source in Gen.OneOf(Gen.Constant<SubmissionState?>(null), Gen.Elements(Enum.GetValues<SubmissionState>()).Select(s => (SubmissionState?)s))
        from target in Gen.OneOf(Gen.Constant<SubmissionState?>(null), Gen.Elements(Enum.GetValues<SubmissionState>()).Select(s => (SubmissionState?)s))
        from value in Gen.Choose(-1_000_000, 1_000_000)
        from scale in Gen.Choose(0, 6)
        from shape in Gen.Choose(0, 3)
        from note in Texts
        select new WorkflowEvent
        {
            CommandId = Guid.NewGuid(),
            Trigger = trigger,
            StreamId = Id().StreamId,
            ActorUserName = actor.Length == 0 ? "x" : actor,
            ActorUnitCode = "X1",
            ActorRoles = (WorkflowRole)(value & 63),
            Time = time,
            From = source,
            To = target,
            Revision = revision,
            Reason = reason,
            ContentSha256 = shape == 1 ? new string('a', 64) : null,
            Content = shape == 1
                ? new SubmissionContent([DataValue.Number("A01", "X1", Jan2026, value / (decimal)Math.Pow(10, scale)), DataValue.Number("A02", "X1", Jan2026, 0.10m)],
                    note.Length == 0 ? null : note, [new AttachmentReference("tệp.pdf", "files/1", new string('b', 64), shape == 1 ? "application/pdf" : null)])
                : null,
            Assignment = shape == 2 ? AssignmentOf() with { Title = note.Length == 0 ? null : note, FeedsFormCode = "F2", DeadlineRuleId = "day-of-month-after:12" } : null,
            LockException = shape == 3 ? new LockException("X1", Jan2026, new LocalDate(2026, 3, 1), note.Length == 0 ? "lý do" : note) : null,
        };

    public static Arbitrary<WorkflowEvent> EventArbitrary() => Arb.From(Events);
}
