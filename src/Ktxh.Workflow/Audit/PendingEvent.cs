using System.Security.Cryptography.X509Certificates;

namespace Ktxh.Workflow;

/// <summary>
/// An event ready to append: its stream, command id, canonical bytes and optional signature. A store seals it into
/// a <see cref="StoredEvent"/> (position, version, chain links, hash) with <see cref="AuditChain.Seal"/>. Immutable.
/// </summary>
public sealed class PendingEvent
{
    // The canonical bytes, written when first asked for: an unsigned event is written straight into its sealed body
    // (AuditChain.Seal), so most events never have these bytes on their own.
    private byte[]? _json;

    private PendingEvent(WorkflowEvent e, byte[]? json, EventSignature? signature)
    {
        Event = e;
        _json = json;
        Signature = signature;
    }

    /// <summary>The event.</summary>
    public WorkflowEvent Event { get; }

    /// <summary>The stream.</summary>
    public string StreamId => Event.StreamId;

    /// <summary>The command id.</summary>
    public Guid CommandId => Event.CommandId;

    /// <summary>The event's canonical bytes (<see cref="WorkflowEventJson.Write"/>).</summary>
    public ReadOnlyMemory<byte> Json => _json ??= WorkflowEventJson.Write(Event);

    /// <summary>The signature of <see cref="Json"/>, if signed.</summary>
    public EventSignature? Signature { get; }

    /// <summary>Prepares an event, signing it when a certificate is given.</summary>
    /// <param name="e">The event.</param>
    /// <param name="signer">The actor's certificate with its private key, or null.</param>
    /// <returns>The pending event, or <see cref="WorkflowErrorCode.CertificateUnusable"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    public static KtxhResult<PendingEvent> Create(WorkflowEvent e, X509Certificate2? signer = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (signer is null)
        {
            return KtxhResult.ForValue(new PendingEvent(e, null, null));
        }

        byte[] json = WorkflowEventJson.Write(e);
        return EventSignature.Sign(json, signer).Convert(s => new PendingEvent(e, json, s));
    }

    /// <summary>An unsigned event (the engine's path: no result to unwrap, nothing written yet).</summary>
    internal static PendingEvent Unsigned(WorkflowEvent e) => new(e, null, null);

    /// <summary>Writes the canonical bytes as the value of the property just written (the body's <c>event</c>):
    /// the bytes signed, when there are any, else the event written in place — the same bytes either way.</summary>
    internal void WriteEvent(System.Text.Json.Utf8JsonWriter w)
    {
        if (_json is { } json)
        {
            w.WriteRawValue(json, skipInputValidation: true);
        }
        else
        {
            WorkflowEventJson.WriteTo(w, Event);
        }
    }
}
