using System.Collections.ObjectModel;
using NodaTime;

namespace Ktxh.Workflow.Sharing;

/// <summary>
/// Whether a datum may be shared, decided at an instant by <see cref="SharingRules.Decide(SharingFacts, SharingRequest, Instant)"/>:
/// allowed, or refused with <b>every</b> reason, each a <see cref="KtxhError"/> with a <see cref="SharingErrorCode"/>
/// whose Vietnamese and English messages cite the clause of seed 003. Immutable and thread-safe.
/// </summary>
public sealed class SharingDecision
{
    internal SharingDecision(Instant decidedAt, IList<KtxhError> reasons)
    {
        DecidedAt = decidedAt;
        Reasons = new ReadOnlyCollection<KtxhError>(reasons);
    }

    /// <summary>Gets the instant the decision was taken at (publication is judged against it).</summary>
    public Instant DecidedAt { get; }

    /// <summary>Gets every reason the share is refused, in the order of the regulation; empty when it is allowed.</summary>
    public IReadOnlyList<KtxhError> Reasons { get; }

    /// <summary>Gets a value indicating whether the datum may be shared.</summary>
    public bool IsAllowed => Reasons.Count == 0;

    /// <summary>Gets the codes of <see cref="Reasons"/>.</summary>
    public IReadOnlyList<SharingErrorCode> Codes => Reasons.Select(r => r.TryGetCode(out SharingErrorCode c) ? c : default).ToArray();

    /// <summary>Tells whether the share is refused for a reason.</summary>
    /// <param name="code">The reason.</param>
    /// <returns><see langword="true"/> when one of <see cref="Reasons"/> has <paramref name="code"/>.</returns>
    public bool IsRefusedFor(SharingErrorCode code) => Reasons.Any(r => r.Is(code));

    /// <summary>Throws when the share is refused.</summary>
    /// <exception cref="KtxhException">The share is refused; the exception carries every reason.</exception>
    public void EnsureAllowed()
    {
        if (!IsAllowed)
        {
            throw new KtxhException(Reasons);
        }
    }

    /// <inheritdoc/>
    public override string ToString()
        => IsAllowed
            ? "Được chia sẻ / May be shared"
            : "Không được chia sẻ / May not be shared: " + string.Join("; ", Reasons.Select(r => r.Message));
}
