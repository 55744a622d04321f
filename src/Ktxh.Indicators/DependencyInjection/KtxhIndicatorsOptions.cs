namespace Ktxh.Indicators;

/// <summary>Where the catalogue registered by <see cref="KtxhIndicatorsServiceCollectionExtensions.AddKtxhIndicators(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhIndicatorsOptions})"/> comes from.</summary>
public enum CatalogueSource
{
    /// <summary>The built-in catalogue (<see cref="IndicatorCatalogue.BuiltIn"/>).</summary>
    BuiltIn = 0,

    /// <summary>A JSON file (<see cref="KtxhIndicatorsOptions.JsonFilePath"/>).</summary>
    JsonFile = 1,

    /// <summary>A JSON stream opened by <see cref="KtxhIndicatorsOptions.JsonStreamFactory"/>.</summary>
    JsonStream = 2,
}

/// <summary>Options of the Ktxh.Indicators registration. Configure once at start-up; not thread-safe while being configured.</summary>
public sealed class KtxhIndicatorsOptions
{
    /// <summary>Gets or sets where the catalogue comes from (default: built-in).</summary>
    public CatalogueSource Source { get; set; } = CatalogueSource.BuiltIn;

    /// <summary>Gets or sets the JSON file path when <see cref="Source"/> is <see cref="CatalogueSource.JsonFile"/>.</summary>
    public string? JsonFilePath { get; set; }

    /// <summary>Gets or sets the function that opens the JSON stream when <see cref="Source"/> is <see cref="CatalogueSource.JsonStream"/>; the stream is disposed after reading.</summary>
    public Func<Stream>? JsonStreamFactory { get; set; }

    /// <summary>Gets or sets the unit registry (default <see cref="MeasureUnitRegistry.Default"/>), registered as a singleton if none is registered yet.</summary>
    public MeasureUnitRegistry? MeasureUnits { get; set; }

    /// <summary>Uses the built-in catalogue.</summary>
    /// <returns>These options.</returns>
    public KtxhIndicatorsOptions UseBuiltIn()
    {
        Source = CatalogueSource.BuiltIn;
        return this;
    }

    /// <summary>Loads the catalogue from a JSON file (schema version 1).</summary>
    /// <param name="path">The file path.</param>
    /// <returns>These options.</returns>
    public KtxhIndicatorsOptions UseJsonFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Source = CatalogueSource.JsonFile;
        JsonFilePath = path;
        return this;
    }

    /// <summary>Loads the catalogue from a JSON stream (schema version 1).</summary>
    /// <param name="openStream">Opens the stream; called once, when the catalogue is first resolved.</param>
    /// <returns>These options.</returns>
    public KtxhIndicatorsOptions UseJsonStream(Func<Stream> openStream)
    {
        ArgumentNullException.ThrowIfNull(openStream);
        Source = CatalogueSource.JsonStream;
        JsonStreamFactory = openStream;
        return this;
    }

    /// <summary>Loads the catalogue these options describe.</summary>
    /// <returns>The catalogue.</returns>
    /// <exception cref="KtxhException">The catalogue is invalid; every problem is listed.</exception>
    /// <exception cref="InvalidOperationException">The options are incomplete (no path or stream factory).</exception>
    public IndicatorCatalogue LoadCatalogue() => LoadCatalogue(MeasureUnits ?? MeasureUnitRegistry.Default);

    /// <summary>Loads the catalogue with a given unit registry.</summary>
    internal IndicatorCatalogue LoadCatalogue(MeasureUnitRegistry units)
    {
        switch (Source)
        {
            case CatalogueSource.JsonFile:
                string path = JsonFilePath ?? throw new InvalidOperationException("Chưa đặt JsonFilePath / JsonFilePath is not set");
                using (FileStream file = File.OpenRead(path))
                {
                    return IndicatorCatalogueJson.Read(file, units).GetValueOrThrow();
                }

            case CatalogueSource.JsonStream:
                Func<Stream> open = JsonStreamFactory ?? throw new InvalidOperationException("Chưa đặt JsonStreamFactory / JsonStreamFactory is not set");
                using (Stream stream = open())
                {
                    return IndicatorCatalogueJson.Read(stream, units).GetValueOrThrow();
                }

            default:
                return ReferenceEquals(units, MeasureUnitRegistry.Default) ? IndicatorCatalogue.BuiltIn : BuiltInCatalogue.Load(units).GetValueOrThrow();
        }
    }
}
