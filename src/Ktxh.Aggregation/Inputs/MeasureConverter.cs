using System.Collections.Concurrent;
using Ktxh.Indicators;

namespace Ktxh.Aggregation;

/// <summary>An <see cref="IMeasureConverter"/> over a <see cref="UnitRegistry"/> (exact conversion between units of the
/// same dimension; anything else refused).</summary>
/// <remarks>Thread-safe: the registry is immutable and resolved units are cached in a concurrent dictionary.</remarks>
public sealed class MeasureConverter : IMeasureConverter
{
    private readonly UnitRegistry _registry;
    private readonly ConcurrentDictionary<string, UnitOfMeasure?> _resolved = new(StringComparer.Ordinal);

    /// <summary>Creates a converter over a registry.</summary>
    /// <param name="registry">The registry of units of measure.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is null.</exception>
    public MeasureConverter(UnitRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <summary>The converter over <see cref="UnitRegistry.Default"/>.</summary>
    public static MeasureConverter Default { get; } = new(UnitRegistry.Default);

    /// <inheritdoc />
    public bool TryConvert(decimal value, string from, string to, out decimal result)
    {
        result = 0m;
        UnitOfMeasure? f = Resolve(from);
        UnitOfMeasure? t = Resolve(to);
        return f is not null && t is not null && UnitConverter.TryConvert(value, f, t, out result);
    }

    private UnitOfMeasure? Resolve(string text) =>
        _resolved.GetOrAdd(text, x => _registry.TryResolve(x, out UnitOfMeasure? u) ? u : null);
}
