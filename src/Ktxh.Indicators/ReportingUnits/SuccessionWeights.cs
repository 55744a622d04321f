namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// Shares supplied by the host for part transfers (e.g. population or area shares from a census or a land survey),
/// which the official conversion table does not give. Apply with <see cref="SuccessionMap.ApplyWeights"/>.
/// </summary>
/// <remarks>
/// A mutable collector, not thread-safe. Weights are specific to a series: population shares are not area shares;
/// keep one set per kind of series. Without weights, remapping an additive series over a part transfer is flagged.
/// </remarks>
public sealed class SuccessionWeights
{
    private readonly Dictionary<(string From, string To), decimal> _shares = new();

    /// <summary>Sets the share of <paramref name="fromCode"/> that went into <paramref name="toCode"/>.</summary>
    /// <param name="fromCode">The old unit's code.</param>
    /// <param name="toCode">The new unit's code.</param>
    /// <param name="share">The fraction in (0, 1].</param>
    /// <returns>This object.</returns>
    public SuccessionWeights Set(string fromCode, string toCode, decimal share)
    {
        _shares[(fromCode.Trim(), toCode.Trim())] = share;
        return this;
    }

    /// <summary>The shares set so far.</summary>
    public IReadOnlyDictionary<(string From, string To), decimal> Shares => _shares;
}
