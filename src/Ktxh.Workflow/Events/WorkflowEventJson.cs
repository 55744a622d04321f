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

    /// <summary>Writes the canonical form into a writer (alone, or as the value of a property just written).</summary>
    internal static void WriteTo(Utf8JsonWriter w, WorkflowEvent e)
    {
        w.WriteStartObject();
        EnumName(w, N.Type, e.Trigger);
        w.WriteString(N.Command, e.CommandId); // "D" form, written without a string
        w.WriteString(N.Stream, e.StreamId);
        w.WriteString(N.Actor, e.ActorUserName);
        w.WriteString(N.ActorUnit, e.ActorUnitCode);
        w.WriteNumber(N.Roles, (int)e.ActorRoles);
        WriteInstant(w, N.Time, e.Time);
        if (e.From is { } from)
        {
            EnumName(w, N.From, from);
        }

        if (e.To is { } to)
        {
            EnumName(w, N.To, to);
        }

        w.WriteNumber(N.Revision, e.Revision);
        Opt(w, N.Reason, e.Reason);
        Opt(w, N.ContentSha256, e.ContentSha256);
        if (e.Content is { } c)
        {
            w.WritePropertyName(N.Content);
            WriteContent(w, c);
        }

        if (e.Assignment is { } a)
        {
            w.WritePropertyName(N.Assignment);
            w.WriteStartObject();
            w.WriteString(N.Form, a.Submission.FormCode);
            w.WriteString(N.Unit, a.Submission.UnitCode);
            w.WriteString(N.Period, a.Submission.Period.Id);
            EnumName(w, N.Kind, a.Submission.Kind);
            w.WriteString(N.Receiving, a.ReceivingUnitCode);
            w.WriteString(N.Due, LocalDatePattern.Iso.Format(a.DueDate));
            w.WriteString(N.NominalDue, LocalDatePattern.Iso.Format(a.NominalDueDate));
            Opt(w, N.Rule, a.DeadlineRuleId);
            w.WriteString(N.Regime, a.Regime);
            Opt(w, N.Title, a.Title);
            Opt(w, N.Feeds, a.FeedsFormCode);
            w.WriteEndObject();
        }

        if (e.LockException is { } l)
        {
            w.WritePropertyName(N.LockException);
            w.WriteStartObject();
            w.WriteString(N.Unit, l.UnitCode);
            w.WriteString(N.Period, l.Period.Id);
            w.WriteString(N.Until, LocalDatePattern.Iso.Format(l.Until));
            w.WriteString(N.Reason, l.Reason);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteContent(Utf8JsonWriter w, SubmissionContent c)
    {
        w.WriteStartObject();
        w.WriteStartArray(N.Values);
        foreach (DataValue v in c.Values)
        {
            w.WriteStartObject();
            w.WriteString(N.Indicator, v.IndicatorCode);
            w.WriteString(N.Unit, v.ReportingUnitCode);
            w.WriteString(N.Period, PeriodId(v.Period));
            Opt(w, N.Disaggregation, v.Disaggregation.IsTotal ? null : v.Disaggregation.Canonical);
            EnumName(w, N.Column, v.Column);
            Opt(w, N.Value, v.Value?.ToString(CultureInfo.InvariantCulture));
            Opt(w, N.Text, v.Text);
            EnumName(w, N.Maturity, v.Maturity);
            Opt(w, N.Comment, v.Comment);
            Opt(w, N.Measure, v.MeasureUnitCode);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Opt(w, N.Note, c.Note);
        w.WriteStartArray(N.Attachments);
        foreach (AttachmentReference a in c.Attachments)
        {
            w.WriteStartObject();
            w.WriteString(N.Name, a.Name);
            w.WriteString(N.Key, a.StorageKey);
            w.WriteString(N.Sha256, a.Sha256);
            Opt(w, N.MediaType, a.MediaType);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Writes an enum's name (what <see cref="Enum.ToString()"/> gives) from names encoded once per type:
    /// no boxing, no escaping pass; a value without a name is written as <see cref="Enum.ToString()"/> writes it.</summary>
    private static void EnumName<T>(Utf8JsonWriter w, JsonEncodedText name, T value)
        where T : struct, Enum
    {
        if (!EnumNames<T>.IsInt)
        {
            w.WriteString(name, value.ToString());
            return;
        }

        int i = System.Runtime.CompilerServices.Unsafe.As<T, int>(ref value);
        JsonEncodedText[] names = EnumNames<T>.Encoded;
        if ((uint)i < (uint)names.Length && EnumNames<T>.Defined[i])
        {
            w.WriteString(name, names[i]);
        }
        else
        {
            w.WriteString(name, value.ToString());
        }
    }

    /// <summary>The encoded names of an int-based enum's values 0–63 (the workflow's enums are small and dense).</summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        public static readonly JsonEncodedText[] Encoded;
        public static readonly bool[] Defined;
        public static readonly bool IsInt = Enum.GetUnderlyingType(typeof(T)) == typeof(int);

        static EnumNames()
        {
            var encoded = new JsonEncodedText[64];
            var defined = new bool[64];
            if (IsInt)
            {
                foreach (T v in Enum.GetValues<T>())
                {
                    int i = Convert.ToInt32(v, CultureInfo.InvariantCulture);
                    if (i is >= 0 and < 64)
                    {
                        encoded[i] = JsonEncodedText.Encode(v.ToString());
                        defined[i] = true;
                    }
                }
            }

            Encoded = encoded;
            Defined = defined;
        }
    }

    // The last period written on this thread and its id: a content's values share one period, and its id is text
    // made on every read.
    [ThreadStatic]
    private static (ReportingPeriod Period, string Id) t_lastPeriod;

    private static string PeriodId(ReportingPeriod period)
    {
        if (t_lastPeriod.Id is { } id && t_lastPeriod.Period == period)
        {
            return id;
        }

        id = period.Id;
        t_lastPeriod = (period, id);
        return id;
    }

    private static void Opt(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    /// <summary>The property names, encoded once (the writer would otherwise transcode each name on every event).</summary>
    private static class N
    {
        public static readonly JsonEncodedText Actor = JsonEncodedText.Encode("actor");
        public static readonly JsonEncodedText ActorUnit = JsonEncodedText.Encode("actorUnit");
        public static readonly JsonEncodedText Assignment = JsonEncodedText.Encode("assignment");
        public static readonly JsonEncodedText Attachments = JsonEncodedText.Encode("attachments");
        public static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");
        public static readonly JsonEncodedText Command = JsonEncodedText.Encode("command");
        public static readonly JsonEncodedText Comment = JsonEncodedText.Encode("comment");
        public static readonly JsonEncodedText Content = JsonEncodedText.Encode("content");
        public static readonly JsonEncodedText ContentSha256 = JsonEncodedText.Encode("contentSha256");
        public static readonly JsonEncodedText Disaggregation = JsonEncodedText.Encode("disaggregation");
        public static readonly JsonEncodedText Due = JsonEncodedText.Encode("due");
        public static readonly JsonEncodedText Feeds = JsonEncodedText.Encode("feeds");
        public static readonly JsonEncodedText Form = JsonEncodedText.Encode("form");
        public static readonly JsonEncodedText From = JsonEncodedText.Encode("from");
        public static readonly JsonEncodedText Indicator = JsonEncodedText.Encode("indicator");
        public static readonly JsonEncodedText Key = JsonEncodedText.Encode("key");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText LockException = JsonEncodedText.Encode("lockException");
        public static readonly JsonEncodedText Maturity = JsonEncodedText.Encode("maturity");
        public static readonly JsonEncodedText Measure = JsonEncodedText.Encode("measure");
        public static readonly JsonEncodedText MediaType = JsonEncodedText.Encode("mediaType");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText NominalDue = JsonEncodedText.Encode("nominalDue");
        public static readonly JsonEncodedText Note = JsonEncodedText.Encode("note");
        public static readonly JsonEncodedText Period = JsonEncodedText.Encode("period");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Receiving = JsonEncodedText.Encode("receiving");
        public static readonly JsonEncodedText Regime = JsonEncodedText.Encode("regime");
        public static readonly JsonEncodedText Revision = JsonEncodedText.Encode("revision");
        public static readonly JsonEncodedText Roles = JsonEncodedText.Encode("roles");
        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        public static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode("sha256");
        public static readonly JsonEncodedText Stream = JsonEncodedText.Encode("stream");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText To = JsonEncodedText.Encode("to");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
        public static readonly JsonEncodedText Until = JsonEncodedText.Encode("until");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
    }

    /// <summary>
    /// Writes an instant exactly as <see cref="InstantPattern.ExtendedIso"/> formats it
    /// (<c>uuuu-MM-ddTHH:mm:ss</c>, then a dot and the fraction of the second without trailing zeros when it is not
    /// zero, then <c>Z</c>), straight into the writer without a string; years outside 1–9999 go through NodaTime.
    /// </summary>
    internal static void WriteInstant(Utf8JsonWriter w, JsonEncodedText name, Instant instant)
    {
        Span<byte> b = stackalloc byte[32];
        int n = FormatInstant(instant, b);
        if (n < 0)
        {
            w.WriteString(name, InstantPattern.ExtendedIso.Format(instant));
            return;
        }

        w.WriteString(name, b[..n]);
    }

    /// <summary>The UTF-8 of <see cref="InstantPattern.ExtendedIso"/> for years 1–9999 (else −1); at least 30 bytes.</summary>
    internal static int FormatInstant(Instant instant, Span<byte> b)
    {
        if (instant < Instant.MinValue || instant > Instant.MaxValue)
        {
            return -1;
        }

        LocalDateTime t = instant.InUtc().LocalDateTime;
        if (t.Year is < 1 or > 9999)
        {
            return -1;
        }

        Digits(b, 0, t.Year, 4);
        b[4] = (byte)'-';
        Digits(b, 5, t.Month, 2);
        b[7] = (byte)'-';
        Digits(b, 8, t.Day, 2);
        b[10] = (byte)'T';
        Digits(b, 11, t.Hour, 2);
        b[13] = (byte)':';
        Digits(b, 14, t.Minute, 2);
        b[16] = (byte)':';
        Digits(b, 17, t.Second, 2);
        int n = 19;
        int nanos = t.NanosecondOfSecond;
        if (nanos != 0)
        {
            int digits = 9;
            while (nanos % 10 == 0)
            {
                nanos /= 10;
                digits--;
            }

            b[n++] = (byte)'.';
            Digits(b, n, nanos, digits);
            n += digits;
        }

        b[n++] = (byte)'Z';
        return n;
    }

    private static void Digits(Span<byte> b, int at, int value, int count)
    {
        for (int i = at + count - 1; i >= at; i--)
        {
            b[i] = (byte)('0' + (value % 10));
            value /= 10;
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
                ex is JsonException { LineNumber: { } line, BytePositionInLine: { } at }
                    ? $"Không đọc được sự kiện: JSON sai cú pháp ở dòng {line + 1}, byte {at + 1}"
                    : "Không đọc được sự kiện: thiếu trường hoặc trường sai kiểu",
                ex is JsonException { LineNumber: { } line2, BytePositionInLine: { } at2 }
                    ? $"The event cannot be read: malformed JSON at line {line2 + 1}, byte {at2 + 1}"
                    : "The event cannot be read: a field is missing or has the wrong type"));
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
