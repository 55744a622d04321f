using System.Collections.Concurrent;
using Ktxh.Indicators;
using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Aggregation;

/// <summary>An <see cref="IMeasureConverter"/> over a <see cref="MeasureUnitRegistry"/> (exact conversion between units of the
/// same dimension; anything else refused).</summary>
/// <remarks>Thread-safe: the registry is immutable and resolved units are cached in a concurrent dictionary.</remarks>
public sealed class MeasureConverter : IMeasureConverter
{
    private readonly MeasureUnitRegistry _registry;
    private readonly ConcurrentDictionary<string, MeasureUnit?> _resolved = new(StringComparer.Ordinal);

    /// <summary>Creates a converter over a registry.</summary>
    /// <param name="registry">The registry of units of measure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    public MeasureConverter(MeasureUnitRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <summary>The converter over <see cref="MeasureUnitRegistry.Default"/>.</summary>
    public static MeasureConverter Default { get; } = new(MeasureUnitRegistry.Default);

    /// <inheritdoc />
    public bool TryConvert(decimal value, string from, string to, out decimal result)
    {
        result = 0m;
        MeasureUnit? f = Resolve(from);
        MeasureUnit? t = Resolve(to);
        return f is not null && t is not null && MeasureUnitConverter.TryConvert(value, f, t, out result);
    }

    private MeasureUnit? Resolve(string text) =>
        _resolved.GetOrAdd(text, x => _registry.TryResolve(x, out MeasureUnit? u) ? u : null);
}
