using Ktxh.Indicators;

namespace Ktxh.Aggregation;

/// <summary>
/// Which revision of an input is aggregated when the same indicator, unit and period was fed several times
/// (ước tính → sơ bộ → chính thức, seed 003 Điều 9.3c; Decree 62/2024).
/// </summary>
/// <param name="MaturityCeiling">The most mature level to use: <see cref="Maturity.Official"/> (the default) uses the latest
/// revision; <see cref="Maturity.Preliminary"/> reproduces the figures as they stood before the official ones, and so on.</param>
/// <remarks>Among the revisions at or below the ceiling, the most mature wins; between revisions of equal maturity, the
/// one fed later wins (it is the newer correction).</remarks>
public readonly record struct RevisionPolicy(Maturity MaturityCeiling)
{
    /// <summary>The latest revision (the default).</summary>
    public static RevisionPolicy Latest => new(Maturity.Official);
}
