using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Indicators;

/// <summary>
/// What <see cref="KtxhIndicatorsServiceCollectionExtensions.AddKtxhIndicators(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhIndicatorsOptions})"/>
/// registers. Read through <c>IOptions&lt;KtxhIndicatorsOptions&gt;</c>, so every call's <c>configure</c> applies, in
/// order (the last <c>Use…</c> wins). Configure at start-up; not thread-safe while being configured.
/// </summary>
public sealed class KtxhIndicatorsOptions
{
    private Func<MeasureUnitRegistry, IIndicatorCatalogueSource>? _source;

    /// <summary>Gets or sets the unit registry (default <see cref="MeasureUnitRegistry.Default"/>), registered as the
    /// <see cref="MeasureUnitRegistry"/> singleton if none is registered yet; the catalogue's unit texts resolve with it.</summary>
    public MeasureUnitRegistry? MeasureUnits { get; set; }

    /// <summary>Uses the built-in catalogue (the default).</summary>
    /// <returns>These options.</returns>
    public KtxhIndicatorsOptions UseBuiltIn()
    {
        _source = null;
        return this;
    }

    /// <summary>Loads the catalogue from a JSON file (schema version 1; <see cref="JsonIndicatorCatalogueSource.FromFile"/>).</summary>
    /// <param name="path">The file path; read when the catalogue is first resolved.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public KtxhIndicatorsOptions UseJsonFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _source = units => JsonIndicatorCatalogueSource.FromFile(path, units: units);
        return this;
    }

    /// <summary>Loads the catalogue from a JSON stream (schema version 1).</summary>
    /// <param name="openStream">Opens the stream; called once, when the catalogue source is first resolved; the stream is disposed after reading.</param>
    /// <param name="versionId">Identifies the version of the data (default <c>json-stream</c>).</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="openStream"/> is null.</exception>
    public KtxhIndicatorsOptions UseJsonStream(Func<Stream> openStream, string versionId = "json-stream")
    {
        ArgumentNullException.ThrowIfNull(openStream);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        _source = units =>
        {
            using Stream stream = openStream();
            return new JsonIndicatorCatalogueSource(stream, versionId, units: units);
        };
        return this;
    }

    /// <summary>Loads the catalogue from a given source (a host's own store).</summary>
    /// <param name="source">The source.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <remarks>Registering the source as <see cref="IIndicatorCatalogueSource"/> before <c>AddKtxhIndicators</c> does the same.</remarks>
    public KtxhIndicatorsOptions UseSource(IIndicatorCatalogueSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = _ => source;
        return this;
    }

    /// <summary>The source these options describe, resolving unit texts with <paramref name="units"/>.</summary>
    internal IIndicatorCatalogueSource CreateSource(MeasureUnitRegistry units) =>
        _source?.Invoke(units) ?? (ReferenceEquals(units, MeasureUnitRegistry.Default) ? BuiltInIndicatorCatalogueSource.Instance : new BuiltInIndicatorCatalogueSource(units));
}
