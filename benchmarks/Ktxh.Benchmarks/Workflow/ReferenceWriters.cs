using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Ktxh.Indicators;
using Ktxh.Workflow;
using NodaTime.Text;

namespace Ktxh.Benchmarks.Workflow;

/// <summary>
/// The canonical writers as they were before the pre-encoded writer (December 2026), verbatim (a copy of
/// tests/Ktxh.Workflow.Tests/Audit/ReferenceWriters.cs): the "before" of <see cref="EventWriterBenchmark"/>. They give
/// the same bytes as the shipped writers (the tests prove it).
/// </summary>
internal static class ReferenceWriters
{
    public static byte[] Event(WorkflowEvent e) => Write(e, WriteTo);

    public static byte[] Body(byte[] json, string streamId, Guid commandId, long position, long streamVersion, string previousInStream, string previousInStore)
    {
        byte[] body = Write((json, streamId, commandId, position, streamVersion, previousInStream, previousInStore), (w, x) =>
        {
            w.WriteStartObject();
            w.WriteString("format", "ktxh-event-v1");
            w.WriteNumber("position", x.position);
            w.WriteString("stream", x.streamId);
            w.WriteNumber("version", x.streamVersion);
            w.WriteString("command", x.commandId.ToString("D"));
            w.WriteString("prevStream", x.previousInStream);
            w.WriteString("prevGlobal", x.previousInStore);
            w.WritePropertyName("event");
            w.WriteRawValue(x.json, skipInputValidation: true);
            w.WriteEndObject();
        });
        return body;
    }

    // One reused buffer and writer, as the shipped JsonScratch had then (the benchmark is single-threaded).
    private static readonly ArrayBufferWriter<byte> Buffer = new(1024);
    private static readonly Utf8JsonWriter Writer = new(Buffer);

    private static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        Buffer.ResetWrittenCount();
        Writer.Reset(Buffer);
        write(Writer, state);
        Writer.Flush();
        return Buffer.WrittenSpan.ToArray();
    }

    private static void WriteTo(Utf8JsonWriter w, WorkflowEvent e)
    {
        w.WriteStartObject();
        w.WriteString("type", e.Trigger.ToString());
        w.WriteString("command", e.CommandId.ToString("D"));
        w.WriteString("stream", e.StreamId);
        w.WriteString("actor", e.ActorUserName);
        w.WriteString("actorUnit", e.ActorUnitCode);
        w.WriteNumber("roles", (int)e.ActorRoles);
        w.WriteString("time", InstantPattern.ExtendedIso.Format(e.Time));
        if (e.From is { } from)
        {
            w.WriteString("from", from.ToString());
        }

        if (e.To is { } to)
        {
            w.WriteString("to", to.ToString());
        }

        w.WriteNumber("revision", e.Revision);
        Opt(w, "reason", e.Reason);
        Opt(w, "contentSha256", e.ContentSha256);
        if (e.Content is { } c)
        {
            w.WritePropertyName("content");
            WriteContent(w, c);
        }

        if (e.Assignment is { } a)
        {
            w.WritePropertyName("assignment");
            w.WriteStartObject();
            w.WriteString("form", a.Submission.FormCode);
            w.WriteString("unit", a.Submission.UnitCode);
            w.WriteString("period", a.Submission.Period.Id);
            w.WriteString("kind", a.Submission.Kind.ToString());
            w.WriteString("receiving", a.ReceivingUnitCode);
            w.WriteString("due", LocalDatePattern.Iso.Format(a.DueDate));
            w.WriteString("nominalDue", LocalDatePattern.Iso.Format(a.NominalDueDate));
            Opt(w, "rule", a.DeadlineRuleId);
            w.WriteString("regime", a.Regime);
            Opt(w, "title", a.Title);
            Opt(w, "feeds", a.FeedsFormCode);
            w.WriteEndObject();
        }

        if (e.LockException is { } l)
        {
            w.WritePropertyName("lockException");
            w.WriteStartObject();
            w.WriteString("unit", l.UnitCode);
            w.WriteString("period", l.Period.Id);
            w.WriteString("until", LocalDatePattern.Iso.Format(l.Until));
            w.WriteString("reason", l.Reason);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteContent(Utf8JsonWriter w, SubmissionContent c)
    {
        w.WriteStartObject();
        w.WriteStartArray("values");
        foreach (DataValue v in c.Values)
        {
            w.WriteStartObject();
            w.WriteString("indicator", v.IndicatorCode);
            w.WriteString("unit", v.ReportingUnitCode);
            w.WriteString("period", v.Period.Id);
            Opt(w, "disaggregation", v.Disaggregation.IsTotal ? null : v.Disaggregation.Canonical);
            w.WriteString("column", v.Column.ToString());
            Opt(w, "value", v.Value?.ToString(CultureInfo.InvariantCulture));
            Opt(w, "text", v.Text);
            w.WriteString("maturity", v.Maturity.ToString());
            Opt(w, "comment", v.Comment);
            Opt(w, "measure", v.MeasureUnitCode);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Opt(w, "note", c.Note);
        w.WriteStartArray("attachments");
        foreach (AttachmentReference a in c.Attachments)
        {
            w.WriteStartObject();
            w.WriteString("name", a.Name);
            w.WriteString("key", a.StorageKey);
            w.WriteString("sha256", a.Sha256);
            Opt(w, "mediaType", a.MediaType);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Opt(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
