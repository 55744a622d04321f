using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Indicators;

/// <summary>
/// The catalogue embedded in the package (<see cref="BuiltInCatalogue"/>: the indicators of seed 004, Kế hoạch triển
/// khai đô thị thông minh và Trung tâm Giám sát, điều hành thông minh tỉnh Hà Nam, 2023, Phụ lục II).
/// </summary>
/// <remarks>Loaded once, on first use; thread-safe.</remarks>
public sealed class BuiltInIndicatorCatalogueSource : IIndicatorCatalogueSource
{
    private readonly Lazy<KtxhResult<IndicatorCatalogue>> _loaded;

    /// <summary>A source that resolves the embedded unit texts with a given registry (a host's own units).</summary>
    /// <param name="units">The unit registry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="units"/> is null.</exception>
    public BuiltInIndicatorCatalogueSource(MeasureUnitRegistry units)
    {
        ArgumentNullException.ThrowIfNull(units);
        MeasureUnits = units;
        _loaded = ReferenceEquals(units, MeasureUnitRegistry.Default)
            ? new(() => KtxhResult.ForValue(IndicatorCatalogue.BuiltIn), LazyThreadSafetyMode.ExecutionAndPublication)
            : new(() => BuiltInCatalogue.Load(units), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The source over <see cref="MeasureUnitRegistry.Default"/>; its catalogue is <see cref="IndicatorCatalogue.BuiltIn"/>.</summary>
    public static BuiltInIndicatorCatalogueSource Instance { get; } = new(MeasureUnitRegistry.Default);

    /// <summary>The registry that resolves the unit texts.</summary>
    public MeasureUnitRegistry MeasureUnits { get; }

    /// <summary><c>ktxh-builtin</c> and the catalogue's version, <c>ktxh-builtin HNM-IOC-2023</c>.</summary>
    public string VersionId => "ktxh-builtin " + BuiltInCatalogue.Version;

    /// <summary>The built-in catalogue (the same instance on every call).</summary>
    /// <returns>The catalogue; a failure only if the package is damaged or <see cref="MeasureUnits"/> lacks a unit it uses.</returns>
    public KtxhResult<IndicatorCatalogue> Load() => _loaded.Value;
}
