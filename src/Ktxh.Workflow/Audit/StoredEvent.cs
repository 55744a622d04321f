using System.Text;
using System.Text.Json;

namespace Ktxh.Workflow;

/// <summary>
/// An event as a store keeps it: the sealed body (canonical JSON holding the position, stream, version, command id,
/// both chain links, the event and its signature) and the SHA-256 of the body. <see cref="Position"/>,
/// <see cref="StreamId"/>, <see cref="StreamVersion"/> and <see cref="CommandId"/> are index copies of what the
/// body says (a durable store keeps them as columns); <see cref="AuditChain.Verify(IEnumerable{StoredEvent}, AuditAnchor?, SignatureTrust)"/> checks that they agree.
/// Immutable.
/// </summary>
public sealed class StoredEvent
{
    /// <summary>Creates a stored event from its parts (as read back from a durable store).</summary>
    /// <param name="position">The global position (from 1).</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="streamVersion">The version within the stream (from 1).</param>
    /// <param name="commandId">The command id.</param>
    /// <param name="body">The sealed body bytes.</param>
    /// <param name="hash">The SHA-256 of the body, lower-case hexadecimal.</param>
    /// <exception cref="ArgumentNullException">A text argument is null.</exception>
    public StoredEvent(long position, string streamId, long streamVersion, Guid commandId, ReadOnlyMemory<byte> body, string hash)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(hash);
        Position = position;
        StreamId = streamId;
        StreamVersion = streamVersion;
        CommandId = commandId;
        Body = body.ToArray();
        _hashText = hash;
    }

    /// <summary>Takes ownership of a freshly sealed body (no copy: nobody else holds the bytes) and keeps its hash
    /// inline (the text form is made only when <see cref="Hash"/> is read).</summary>
    internal StoredEvent(long position, string streamId, long streamVersion, Guid commandId, ReadOnlyMemory<byte> body, Sha256Value hash)
    {
        Position = position;
        StreamId = streamId;
        StreamVersion = streamVersion;
        CommandId = commandId;
        Body = body;
        _hash = hash;
    }

    /// <summary>The global position (from 1).</summary>
    public long Position { get; }

    /// <summary>The stream.</summary>
    public string StreamId { get; }

    /// <summary>The version within the stream (from 1).</summary>
    public long StreamVersion { get; }

    /// <summary>The command id.</summary>
    public Guid CommandId { get; }

    /// <summary>The sealed body (canonical JSON, UTF-8).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The SHA-256 of <see cref="Body"/>, lower-case hexadecimal.</summary>
    /// <remarks>An event sealed in this process keeps its hash as 32 bytes and writes this text on each read.</remarks>
    public string Hash => _hashText ?? _hash.ToString();

    // Exactly one of the two is meaningful: the text given by a store that read the event back (kept as given, even
    // if it is not a hash, so that verification reports it), or the hash computed when sealing (_hashText null).
    private readonly string? _hashText;
    private readonly Sha256Value _hash;

    /// <summary>Writes <see cref="Hash"/> as a JSON string property without making the text (the chain link of the
    /// next event).</summary>
    internal void WriteHash(System.Text.Json.Utf8JsonWriter w, System.Text.Json.JsonEncodedText name)
    {
        if (_hashText is not null)
        {
            w.WriteString(name, _hashText);
            return;
        }

        // Written raw, quotes included: 64 hexadecimal digits need no escaping or validation pass.
        Span<byte> quoted = stackalloc byte[Sha256Value.HexLength + 2];
        quoted[0] = (byte)'"';
        _hash.WriteHex(quoted[1..]);
        quoted[^1] = (byte)'"';
        w.WritePropertyName(name);
        w.WriteRawValue(quoted, skipInputValidation: true);
    }

    /// <summary>Reads the event out of the body.</summary>
    /// <returns>The event, or <see cref="WorkflowErrorCode.EventUnreadable"/>.</returns>
    public KtxhResult<WorkflowEvent> ReadEvent()
    {
        try
        {
            using var doc = JsonDocument.Parse(Body);
            return WorkflowEventJson.Read(Encoding.UTF8.GetBytes(doc.RootElement.GetProperty("event").GetRawText()));
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return KtxhResult<WorkflowEvent>.ForError(KtxhError.Create(WorkflowErrorCode.EventUnreadable, ErrorLocation.AtIndex((int)Math.Clamp(Position - 1, 0, int.MaxValue)),
                ex is JsonException ? $"Không đọc được sự kiện số {Position}: JSON sai cú pháp" : $"Không đọc được sự kiện số {Position}: thiếu phần 'event'",
                ex is JsonException ? $"Event {Position} cannot be read: malformed JSON" : $"Event {Position} cannot be read: its 'event' part is missing"));
        }
    }

    /// <summary>A copy with one field replaced (for tests that tamper with a store, and for stores' own checks).</summary>
    /// <param name="body">The new body, or null to keep it.</param>
    /// <param name="hash">The new hash, or null to keep it.</param>
    /// <returns>The copy.</returns>
    public StoredEvent With(ReadOnlyMemory<byte>? body = null, string? hash = null) =>
        new(Position, StreamId, StreamVersion, CommandId, body ?? Body, hash ?? Hash);

    /// <inheritdoc/>
    public override string ToString() => $"#{Position} {StreamId} v{StreamVersion} {Hash[..Math.Min(12, Hash.Length)]}";
}
