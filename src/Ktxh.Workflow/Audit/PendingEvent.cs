using System.Security.Cryptography.X509Certificates;

namespace Ktxh.Workflow;

/// <summary>
/// An event ready to append: its stream, command id, canonical bytes and optional signature. A store seals it into
/// a <see cref="StoredEvent"/> (position, version, chain links, hash) with <see cref="AuditChain.Seal"/>. Immutable.
/// </summary>
public sealed class PendingEvent
{
    private PendingEvent(WorkflowEvent e, byte[] json, EventSignature? signature)
    {
        Event = e;
        Json = json;
        Signature = signature;
    }

    /// <summary>The event.</summary>
    public WorkflowEvent Event { get; }

    /// <summary>The stream.</summary>
    public string StreamId => Event.StreamId;

    /// <summary>The command id.</summary>
    public Guid CommandId => Event.CommandId;

    /// <summary>The event's canonical bytes (<see cref="WorkflowEventJson.Write"/>).</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>The signature of <see cref="Json"/>, if signed.</summary>
    public EventSignature? Signature { get; }

    /// <summary>Prepares an event, signing it when a certificate is given.</summary>
    /// <param name="e">The event.</param>
    /// <param name="signer">The actor's certificate with its private key, or null.</param>
    /// <returns>The pending event, or <see cref="WorkflowErrorCode.CertificateUnusable"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="e"/> is null.</exception>
    public static KtxhResult<PendingEvent> Create(WorkflowEvent e, X509Certificate2? signer = null)
    {
        byte[] json = WorkflowEventJson.Write(e);
        if (signer is null)
        {
            return KtxhResult.ForValue(new PendingEvent(e, json, null));
        }

        return EventSignature.Sign(json, signer).Convert(s => new PendingEvent(e, json, s));
    }
}
