using System.Globalization;
using System.Text.Json;
using Ktxh.Indicators;
using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.Forms;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Workflow;

/// <summary>
/// The canonical JSON of a <see cref="WorkflowEvent"/>: compact UTF-8, properties in a fixed order, absent values
/// omitted, decimals as strings (exact, scale kept), instants in extended ISO form, dates in ISO form. Writing the
/// same event always gives the same bytes; these bytes are hashed, chained and signed. Thread-safe.
/// </summary>
public static class WorkflowEventJson
{
    /// <summary>Writes the canonical bytes of an event.</summary>
    /// <param name="e">The event.</param>
    /// <returns>UTF-8 JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    public static byte[] Write(WorkflowEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return JsonScratch.Write(e, WriteTo);
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

    /// <summary>Reads an event from its canonical bytes.</summary>
    /// <param name="utf8Json">The bytes.</param>
    /// <returns>The event, or an <see cref="WorkflowErrorCode.EventUnreadable"/> error.</returns>
    public static KtxhResult<WorkflowEvent> Read(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8Json);
            return KtxhResult.ForValue(Read(doc.RootElement));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException or InvalidOperationException or KeyNotFoundException or UnparsableValueException or OverflowException)
        {
            return KtxhResult<WorkflowEvent>.ForError(KtxhError.Create(WorkflowErrorCode.EventUnreadable, ErrorLocation.None,
                $"Không đọc được sự kiện: {ex.Message}", $"The event cannot be read: {ex.Message}"));
        }
    }

    internal static WorkflowEvent Read(JsonElement e)
    {
        return new WorkflowEvent
        {
            Trigger = EnumOf<WorkflowTrigger>(Str(e, "type")),
            CommandId = Guid.ParseExact(Str(e, "command"), "D"),
            StreamId = Str(e, "stream"),
            ActorUserName = Str(e, "actor"),
            ActorUnitCode = Str(e, "actorUnit"),
            ActorRoles = (WorkflowRole)e.GetProperty("roles").GetInt32(),
            Time = InstantPattern.ExtendedIso.Parse(Str(e, "time")).GetValueOrThrow(),
            From = OptStr(e, "from") is { } f ? EnumOf<SubmissionState>(f) : null,
            To = OptStr(e, "to") is { } t ? EnumOf<SubmissionState>(t) : null,
            Revision = e.GetProperty("revision").GetInt32(),
            Reason = OptStr(e, "reason"),
            ContentSha256 = OptStr(e, "contentSha256"),
            Content = e.TryGetProperty("content", out var c) ? ReadContent(c) : null,
            Assignment = e.TryGetProperty("assignment", out var a) ? ReadAssignment(a) : null,
            LockException = e.TryGetProperty("lockException", out var l)
                ? new LockException(Str(l, "unit"), ReportingPeriod.Parse(Str(l, "period")), Date(Str(l, "until")), Str(l, "reason"))
                : null,
        };
    }

    private static Assignment ReadAssignment(JsonElement a)
    {
        var id = new SubmissionId(Str(a, "form"), Str(a, "unit"), ReportingPeriod.Parse(Str(a, "period")), EnumOf<SubmissionKind>(Str(a, "kind")));
        return new Assignment(id, Str(a, "receiving"), Date(Str(a, "due")), Date(Str(a, "nominalDue")))
        {
            DeadlineRuleId = OptStr(a, "rule"),
            Regime = Str(a, "regime"),
            Title = OptStr(a, "title"),
            FeedsFormCode = OptStr(a, "feeds"),
        };
    }

    private static SubmissionContent ReadContent(JsonElement c)
    {
        var values = new List<DataValue>();
        foreach (JsonElement v in c.GetProperty("values").EnumerateArray())
        {
            values.Add(new DataValue
            {
                IndicatorCode = Str(v, "indicator"),
                ReportingUnitCode = Str(v, "unit"),
                Period = ReportingPeriod.Parse(Str(v, "period")),
                Disaggregation = DisaggregationKey.Parse(OptStr(v, "disaggregation")),
                Column = EnumOf<FormColumnKind>(Str(v, "column")),
                Value = OptStr(v, "value") is { } d ? decimal.Parse(d, NumberStyles.Number, CultureInfo.InvariantCulture) : null,
                Text = OptStr(v, "text"),
                Maturity = EnumOf<Maturity>(Str(v, "maturity")),
                Comment = OptStr(v, "comment"),
                MeasureUnitCode = OptStr(v, "measure"),
            });
        }

        var attachments = c.GetProperty("attachments").EnumerateArray()
            .Select(x => new AttachmentReference(Str(x, "name"), Str(x, "key"), Str(x, "sha256"), OptStr(x, "mediaType")))
            .ToList();
        return new SubmissionContent(values, OptStr(c, "note"), attachments);
    }

    private static LocalDate Date(string s) => LocalDatePattern.Iso.Parse(s).GetValueOrThrow();

    private static string Str(JsonElement e, string name) =>
        e.GetProperty(name).GetString() ?? throw new FormatException($"'{name}' is null");

    private static string? OptStr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? p.GetString() ?? throw new FormatException($"'{name}' is null") : null;

    private static T EnumOf<T>(string s)
        where T : struct, Enum =>
        !int.TryParse(s, out _) && Enum.TryParse(s, out T value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"'{s}' is not a {typeof(T).Name}");
}
