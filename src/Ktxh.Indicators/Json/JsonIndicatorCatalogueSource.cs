using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Indicators;

/// <summary>
/// A catalogue from JSON (schema version <see cref="IndicatorCatalogueJson.SchemaVersion"/>, <c>docs/catalogue-json.md</c>),
/// read with <see cref="IndicatorCatalogueJson"/>.
/// </summary>
/// <remarks>Parsed once, on the first <see cref="Load"/>; the same result afterwards. Thread-safe.</remarks>
public sealed class JsonIndicatorCatalogueSource : IIndicatorCatalogueSource
{
    private readonly Lazy<KtxhResult<IndicatorCatalogue>> _loaded;

    /// <summary>A source over a UTF-8 JSON stream, read to its end now (not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="versionId">Identifies the version of the data (see <see cref="IIndicatorCatalogueSource.VersionId"/>).</param>
    /// <param name="sourceName">The input's name (a file name), put into every error's location; optional.</param>
    /// <param name="units">The unit registry the unit codes are checked against (default <see cref="MeasureUnitRegistry.Default"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="versionId"/> is empty.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public JsonIndicatorCatalogueSource(Stream utf8Json, string versionId, string? sourceName = null, MeasureUnitRegistry? units = null)
        : this(ReadAll(utf8Json), versionId, sourceName, units)
    {
    }

    /// <summary>A source over JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="versionId">Identifies the version of the data.</param>
    /// <param name="sourceName">The input's name, put into every error's location; optional.</param>
    /// <param name="units">The unit registry the unit codes are checked against (default <see cref="MeasureUnitRegistry.Default"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="versionId"/> is empty.</exception>
    public JsonIndicatorCatalogueSource(string json, string versionId, string? sourceName = null, MeasureUnitRegistry? units = null)
        : this(System.Text.Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))), versionId, sourceName, units)
    {
    }

    private JsonIndicatorCatalogueSource(byte[] utf8Json, string versionId, string? sourceName, MeasureUnitRegistry? units)
        : this(() => IndicatorCatalogueJson.Read(utf8Json, new IndicatorCatalogueBuilder.RegistryMeasureUnitLookup(units ?? MeasureUnitRegistry.Default)), versionId, sourceName)
    {
    }

    private JsonIndicatorCatalogueSource(Func<KtxhResult<IndicatorCatalogue>> read, string versionId, string? sourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        VersionId = versionId;
        SourceName = sourceName;
        _loaded = new(() => sourceName is null ? read() : read().WithSource(sourceName), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public string VersionId { get; }

    /// <summary>The input's name given at creation, or <see langword="null"/>.</summary>
    public string? SourceName { get; }

    /// <summary>
    /// A source over a JSON file, read on the first <see cref="Load"/> (a missing or unreadable file is then an error,
    /// not an exception); the file name is the source name and, unless given, the version id.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <param name="versionId">Identifies the version of the data; the file name when omitted.</param>
    /// <param name="units">The unit registry the unit codes are checked against (default <see cref="MeasureUnitRegistry.Default"/>).</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static JsonIndicatorCatalogueSource FromFile(string path, string? versionId = null, MeasureUnitRegistry? units = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string name = Path.GetFileName(path);
        return new JsonIndicatorCatalogueSource(
            () =>
            {
                byte[] bytes;
                try
                {
                    bytes = File.ReadAllBytes(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    (string vi, string en) = FileReadMessages.CannotRead(name, e);
                    return KtxhResult<IndicatorCatalogue>.ForError(KtxhError.Create(CatalogueErrorCode.InvalidJson, ErrorLocation.None.WithSource(name), vi, en));
                }

                return IndicatorCatalogueJson.Read(bytes, new IndicatorCatalogueBuilder.RegistryMeasureUnitLookup(units ?? MeasureUnitRegistry.Default));
            },
            versionId ?? name,
            name);
    }

    /// <summary>The catalogue read (parsed on the first call; the same result afterwards).</summary>
    /// <returns>The catalogue, or every error found, each located and in Vietnamese and English.</returns>
    public KtxhResult<IndicatorCatalogue> Load() => _loaded.Value;

    private static byte[] ReadAll(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return buffer.ToArray();
    }
}
