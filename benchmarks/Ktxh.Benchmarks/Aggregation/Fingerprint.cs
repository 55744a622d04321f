namespace Ktxh.Benchmarks.Aggregation;

/// <summary>
/// An order-free fingerprint of a set of aggregates (indicator, unit, period, value, reported units, expected units,
/// maturity): their count and the wrapping sum of a hash of each, so that two producers that list the same aggregates
/// in different orders compare equal. Values compare as numbers (<c>1.50</c> = <c>1.5</c>). Within one process only.
/// </summary>
internal sealed class Fingerprint : IEquatable<Fingerprint>
{
    private ulong _sum;

    /// <summary>The number of aggregates added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds one aggregate.</summary>
    public void Add(string indicator, string unit, string period, decimal value, int reported, int expected, int maturity)
    {
        int h = HashCode.Combine(indicator, unit, period, value, reported, expected, maturity);
        ulong spread = (ulong)(uint)h * 0x9E3779B97F4A7C15UL;
        _sum = unchecked(_sum + spread + (ulong)(uint)HashCode.Combine(h, 17));
        Count++;
    }

    /// <inheritdoc />
    public bool Equals(Fingerprint? other) => other is not null && other.Count == Count && other._sum == _sum;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Fingerprint);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Count, _sum);

    /// <inheritdoc />
    public override string ToString() => $"{Count:N0} aggregates with a value, fingerprint {_sum:X16}";
}
