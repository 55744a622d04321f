using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Ktxh.Workflow;

/// <summary>
/// The tamper-evident audit chain: every event is sealed with a link to the previous event of its stream (the
/// submission) and to the previous event of the whole store, and hashed (SHA-256). <see cref="Verify(IEnumerable{StoredEvent}, AuditAnchor?, SignatureTrust)"/> finds any
/// changed, removed, inserted or reordered event and says where; signatures (seed 002
/// "002-hanoi-ktxh-system-regulation.txt" Điều 3.7–3.8) are verified with the signer named. Thread-safe.
/// </summary>
/// <remarks>
/// <para>What the chain proves: a change to any byte of a stored body or hash breaks that event's hash; removing,
/// inserting or reordering breaks a position, a version or a link. Someone able to rewrite every later event and its
/// hash could rebuild a consistent chain: signatures of the actors, or an <see cref="AuditAnchor"/> kept outside
/// the store, close that gap (an anchor also shows events removed from the end).</para>
/// </remarks>
public static class AuditChain
{
    /// <summary>The link of the first event (64 zeros).</summary>
    public static string Genesis { get; } = new('0', 64);

    /// <summary>
    /// Seals a pending event: writes its body (position, stream, version, command id, chain links, event, signature)
    /// and hashes it. Stores call this inside their append, holding whatever makes positions unique.
    /// </summary>
    /// <param name="pending">The event.</param>
    /// <param name="position">Its global position (previous + 1).</param>
    /// <param name="streamVersion">Its version in its stream (previous + 1).</param>
    /// <param name="previousInStream">The hash of the previous event of the stream, or <see cref="Genesis"/>.</param>
    /// <param name="previousInStore">The hash of the previous event of the store, or <see cref="Genesis"/>.</param>
    /// <returns>The stored event.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static StoredEvent Seal(PendingEvent pending, long position, long streamVersion, string previousInStream, string previousInStore)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(previousInStream);
        ArgumentNullException.ThrowIfNull(previousInStore);
        return SealLinked(pending, position, streamVersion, new Link(previousInStream), new Link(previousInStore), null);
    }

    /// <summary>
    /// Seals in one pass: the body is written once into the thread's scratch buffer (an unsigned event's canonical
    /// bytes written in place, not first on their own), hashed from there into an inline <see cref="Sha256Value"/>,
    /// and copied once into <paramref name="keep"/> (a store's own buffer) or a new array. The bytes are those of
    /// <see cref="Seal(PendingEvent, long, long, string, string)"/>.
    /// </summary>
    internal static StoredEvent SealLinked(PendingEvent pending, long position, long streamVersion, Link previousInStream, Link previousInStore,
        Func<ReadOnlySpan<byte>, ReadOnlyMemory<byte>>? keep)
    {
        var x = new SealState(pending, position, streamVersion, previousInStream, previousInStore, keep);
        return JsonScratch.Write(x, WriteBody, static (body, x) =>
            new StoredEvent(x.Position, x.Pending.StreamId, x.StreamVersion, x.Pending.CommandId,
                x.Keep is null ? body.ToArray() : x.Keep(body), Sha256Value.Of(body)));
    }

    /// <summary>A chain link: the hash of a stored event (written without making its text), a hash as text, or
    /// <see cref="Genesis"/> (the default value).</summary>
    internal readonly struct Link
    {
        private readonly StoredEvent? _event;
        private readonly string? _text;

        public Link(StoredEvent? previous) => _event = previous;

        public Link(string hash) => _text = hash;

        public void Write(Utf8JsonWriter w, JsonEncodedText name)
        {
            if (_event is not null)
            {
                _event.WriteHash(w, name);
            }
            else if (_text is not null)
            {
                w.WriteString(name, _text);
            }
            else
            {
                w.WriteString(name, BodyNames.Genesis);
            }
        }
    }

    private readonly record struct SealState(PendingEvent Pending, long Position, long StreamVersion, Link PreviousInStream, Link PreviousInStore,
        Func<ReadOnlySpan<byte>, ReadOnlyMemory<byte>>? Keep);

    private static void WriteBody(Utf8JsonWriter w, SealState x)
    {
        w.WriteStartObject();
        w.WriteString(BodyNames.Format, BodyNames.FormatV1);
        w.WriteNumber(BodyNames.Position, x.Position);
        w.WriteString(BodyNames.Stream, x.Pending.StreamId);
        w.WriteNumber(BodyNames.Version, x.StreamVersion);
        w.WriteString(BodyNames.Command, x.Pending.CommandId); // "D" form, written without a string
        x.PreviousInStream.Write(w, BodyNames.PrevStream);
        x.PreviousInStore.Write(w, BodyNames.PrevGlobal);
        w.WritePropertyName(BodyNames.Event);
        x.Pending.WriteEvent(w);
        if (x.Pending.Signature is { } s)
        {
            w.WriteStartObject(BodyNames.Signature);
            w.WriteString(BodyNames.Alg, s.Algorithm);
            w.WriteBase64String(BodyNames.Value, s.Value.Span);
            w.WriteBase64String(BodyNames.Certificate, s.Certificate.Span);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The body's property names, encoded once (sealing is on every command's path).</summary>
    private static class BodyNames
    {
        public static readonly JsonEncodedText Format = JsonEncodedText.Encode("format");
        public static readonly JsonEncodedText FormatV1 = JsonEncodedText.Encode("ktxh-event-v1");
        public static readonly JsonEncodedText Position = JsonEncodedText.Encode("position");
        public static readonly JsonEncodedText Stream = JsonEncodedText.Encode("stream");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText Command = JsonEncodedText.Encode("command");
        public static readonly JsonEncodedText PrevStream = JsonEncodedText.Encode("prevStream");
        public static readonly JsonEncodedText PrevGlobal = JsonEncodedText.Encode("prevGlobal");
        public static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
        public static readonly JsonEncodedText Signature = JsonEncodedText.Encode("signature");
        public static readonly JsonEncodedText Alg = JsonEncodedText.Encode("alg");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Certificate = JsonEncodedText.Encode("certificate");
        public static readonly JsonEncodedText Genesis = JsonEncodedText.Encode(AuditChain.Genesis);
    }

    /// <summary>The SHA-256 of bytes, lower-case hexadecimal.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The hash.</returns>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Verifies a whole store's events, in position order: each body's hash, positions from 1 without gaps, stream
    /// versions from 1 without gaps, both chain links, the index columns against the body, that each event reads,
    /// and each signature. Every problem is reported, located by the event's index (position − 1) and stream.
    /// </summary>
    /// <param name="events">Every event of the store, in the order the store returns them.</param>
    /// <param name="anchor">A head saved earlier, to prove nothing was removed from the end; null to skip.</param>
    /// <returns>A summary, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    /// <remarks>Signed events are checked against <see cref="SignatureTrust.System"/> (the machine's trusted roots,
    /// the signer named by the certificate); use the overload taking a <see cref="SignatureTrust"/> for the host's
    /// own authorities and account mapping.</remarks>
    public static KtxhResult<AuditChainSummary> Verify(IEnumerable<StoredEvent> events, AuditAnchor? anchor = null) =>
        Verify(events, anchor, SignatureTrust.System);

    /// <summary>
    /// Verifies a whole store's events as <see cref="Verify(IEnumerable{StoredEvent}, AuditAnchor?)"/> does, checking
    /// every signature against <paramref name="trust"/>: the signature over the event's bytes, the certificate's chain
    /// to a trust anchor at the event's time (with revocation as configured), and that the certificate is the acting
    /// account's (seed 002 Điều 3.7–3.8). Each failure names the event, its stream, the account and the reason.
    /// </summary>
    /// <param name="events">Every event of the store, in the order the store returns them.</param>
    /// <param name="anchor">A head saved earlier, to prove nothing was removed from the end; null to skip.</param>
    /// <param name="trust">Whom to trust as signers.</param>
    /// <returns>A summary (signers counted only when fully trusted), or every problem found:
    /// <see cref="WorkflowErrorCode.SignatureInvalid"/>, <see cref="WorkflowErrorCode.CertificateUntrusted"/>,
    /// <see cref="WorkflowErrorCode.CertificateNotValidAtEventTime"/>, <see cref="WorkflowErrorCode.CertificateRevoked"/>,
    /// <see cref="WorkflowErrorCode.SignerNotActor"/> among them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> or <paramref name="trust"/> is null.</exception>
    public static KtxhResult<AuditChainSummary> Verify(IEnumerable<StoredEvent> events, AuditAnchor? anchor, SignatureTrust trust)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(trust);
        var errors = new List<KtxhError>();
        var streams = new Dictionary<string, (long Version, string Hash)>(StringComparer.Ordinal);
        var signers = new SortedSet<string>(StringComparer.Ordinal);
        string previous = Genesis;
        long expected = 1;
        long signed = 0;
        long count = 0;
        string? anchorSeen = null;
        int index = 0;
        foreach (StoredEvent e in events)
        {
            count++;
            string hash = e.Hash; // made once (an event sealed in this process keeps its hash as bytes)
            ErrorLocation at = ErrorLocation.AtIndex(index++) with { Field = e.StreamId };
            void Fail(WorkflowErrorCode code, string vi, string en) =>
                errors.Add(KtxhError.Create(code, at, $"Sự kiện thứ {expected} ({e.StreamId}): {vi}", $"Event {expected} ({e.StreamId}): {en}"));

            if (HashOf(e.Body.Span) != hash)
            {
                Fail(WorkflowErrorCode.EventHashMismatch, "mã băm không khớp nội dung (sự kiện đã bị sửa).",
                    "the hash does not match the bytes (the event was changed).");
            }

            Body? body = Parse(e.Body);
            if (body is null)
            {
                Fail(WorkflowErrorCode.EventUnreadable, "không đọc được nội dung.", "the body cannot be read.");
                previous = hash;
                expected++;
                continue;
            }

            if (body.Position != expected || e.Position != body.Position)
            {
                Fail(WorkflowErrorCode.SequenceBroken,
                    $"vị trí {body.Position} (cột {e.Position}), cần {expected}: có sự kiện bị xóa, chèn hoặc đổi thứ tự.",
                    $"position {body.Position} (column {e.Position}), expected {expected}: an event was removed, inserted or reordered.");
            }

            if (body.PreviousInStore != previous)
            {
                Fail(WorkflowErrorCode.ChainBroken, "liên kết tới sự kiện trước trong kho không khớp.",
                    "the link to the previous event of the store does not match.");
            }

            (long Version, string Hash) last = streams.GetValueOrDefault(body.Stream, (0, Genesis));
            if (body.Version != last.Version + 1 || e.StreamVersion != body.Version)
            {
                Fail(WorkflowErrorCode.SequenceBroken,
                    $"phiên bản {body.Version} của luồng, cần {last.Version + 1}.",
                    $"stream version {body.Version}, expected {last.Version + 1}.");
            }

            if (body.PreviousInStream != last.Hash)
            {
                Fail(WorkflowErrorCode.ChainBroken, "liên kết tới sự kiện trước của báo cáo không khớp.",
                    "the link to the submission's previous event does not match.");
            }

            if (body.Stream != e.StreamId || body.Command != e.CommandId)
            {
                Fail(WorkflowErrorCode.EventHashMismatch, "cột chỉ mục khác nội dung đã niêm phong.",
                    "an index column differs from the sealed body.");
            }

            KtxhResult<WorkflowEvent> read = WorkflowEventJson.Read(body.EventJson);
            if (!read.Success)
            {
                Fail(WorkflowErrorCode.EventUnreadable, "không đọc được sự kiện.", "the event cannot be read.");
            }
            else if (read.Value.StreamId != body.Stream || read.Value.CommandId != body.Command)
            {
                Fail(WorkflowErrorCode.EventHashMismatch, "sự kiện thuộc luồng hoặc lệnh khác với phần đầu.",
                    "the event names another stream or command than its header.");
            }

            if (body.Signature is { } sig)
            {
                if (!sig.Verify(body.EventJson, out string signer))
                {
                    Fail(WorkflowErrorCode.SignatureInvalid, $"chữ ký số không hợp lệ ({signer}).", $"the signature is invalid ({signer}).");
                }
                else if (read.Success)
                {
                    // The certificate is judged at the event's own time and against the account the event names.
                    WorkflowEvent signedEvent = read.Value;
                    using X509Certificate2 certificate = X509CertificateLoader.LoadCertificate(sig.Certificate.Span);
                    if (trust.Check(certificate, signedEvent.ActorUserName, signedEvent.Time) is { } problem)
                    {
                        Fail(problem.Code,
                            $"chữ ký của {signedEvent.ActorUserName} ({RoleNames.Vietnamese(signedEvent.Trigger)}) không được chấp nhận: {problem.Vi}.",
                            $"the signature of {signedEvent.ActorUserName} ({signedEvent.Trigger}) is not accepted: {problem.En}.");
                    }
                    else
                    {
                        signed++;
                        signers.Add(signer);
                    }
                }
            }

            streams[body.Stream] = (body.Version, hash);
            previous = hash;
            if (anchor is not null && expected == anchor.Position)
            {
                anchorSeen = hash;
            }

            expected++;
        }

        if (anchor is not null && anchor.Position > 0 && anchorSeen != anchor.Hash)
        {
            errors.Add(KtxhError.Create(WorkflowErrorCode.AnchorMismatch, ErrorLocation.AtIndex((int)Math.Clamp(anchor.Position - 1, 0, int.MaxValue)),
                anchorSeen is null
                    ? $"Kho chỉ có {count} sự kiện, mốc đã lưu ở sự kiện thứ {anchor.Position}: có sự kiện cuối bị xóa."
                    : $"Sự kiện thứ {anchor.Position} khác mốc đã lưu.",
                anchorSeen is null
                    ? $"The store holds {count} events, the saved anchor is at event {anchor.Position}: events were removed from the end."
                    : $"Event {anchor.Position} differs from the saved anchor."));
        }

        return KtxhResult.FromErrorsOr<AuditChainSummary>(errors,
            () => new AuditChainSummary(count, streams.Count, signed, signers.ToArray(), new AuditAnchor(count, previous)));
    }

    private sealed record Body(long Position, string Stream, long Version, Guid Command, string PreviousInStream, string PreviousInStore,
        byte[] EventJson, EventSignature? Signature);

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString() ?? throw new FormatException(name);

    private static Body? Parse(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            JsonElement r = doc.RootElement;
            if (r.GetProperty("format").GetString() != "ktxh-event-v1")
            {
                return null;
            }

            EventSignature? signature = r.TryGetProperty("signature", out JsonElement s)
                ? new EventSignature(Str(s, "alg"), s.GetProperty("value").GetBytesFromBase64(), s.GetProperty("certificate").GetBytesFromBase64())
                : null;
            return new Body(r.GetProperty("position").GetInt64(), Str(r, "stream"), r.GetProperty("version").GetInt64(),
                Guid.ParseExact(Str(r, "command"), "D"), Str(r, "prevStream"),
                Str(r, "prevGlobal"), Encoding.UTF8.GetBytes(r.GetProperty("event").GetRawText()), signature);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
