using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Ktxh.Indicators;
using NodaTime.Text;

namespace Ktxh.Workflow.Tests.Audit;

/// <summary>
/// The canonical writers as they were before the single-pass, pre-encoded writer (December 2026), kept verbatim as the
/// reference: the shipped writer must give the same bytes, so chains written before and after verify alike.
/// </summary>
internal static class ReferenceWriters
{
    public static byte[] Event(WorkflowEvent e) => Write(e, WriteTo);

    public static byte[] Body(PendingEvent pending, long position, long streamVersion, string previousInStream, string previousInStore)
    {
        byte[] body = Write((pending, position, streamVersion, previousInStream, previousInStore), (w, x) =>
        {
            w.WriteStartObject();
            w.WriteString("format", "ktxh-event-v1");
            w.WriteNumber("position", x.position);
            w.WriteString("stream", x.pending.StreamId);
            w.WriteNumber("version", x.streamVersion);
            w.WriteString("command", x.pending.CommandId.ToString("D"));
            w.WriteString("prevStream", x.previousInStream);
            w.WriteString("prevGlobal", x.previousInStore);
            w.WritePropertyName("event");
            w.WriteRawValue(x.pending.Json.Span, skipInputValidation: true);
            if (x.pending.Signature is { } s)
            {
                w.WriteStartObject("signature");
                w.WriteString("alg", s.Algorithm);
                w.WriteBase64String("value", s.Value.Span);
                w.WriteBase64String("certificate", s.Certificate.Span);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
        return body;
    }

    private static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer))
        {
            write(w, state);
        }

        return buffer.WrittenSpan.ToArray();
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
