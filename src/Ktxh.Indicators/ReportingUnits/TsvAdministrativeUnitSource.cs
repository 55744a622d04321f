namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// A directory in the compact tab-separated format of the built-in data (<c>admin-units-vn.tsv</c>, written by
/// <c>tools/AdminUnitsData</c>, described in <c>docs/admin-units.md</c>), read with
/// <see cref="ReportingUnitDirectory.ReadCompact"/>: newer official tables without a new package release.
/// </summary>
/// <remarks>Parsed once, on the first <see cref="Load"/>; the same result afterwards. Thread-safe.</remarks>
public sealed class TsvAdministrativeUnitSource : IAdministrativeUnitSource
{
    private readonly Lazy<KtxhResult<ReportingUnitDirectory>> _loaded;

    /// <summary>A source over a UTF-8 stream, read to its end now (not closed).</summary>
    /// <param name="utf8Tsv">The stream.</param>
    /// <param name="versionId">Identifies the version of the data (see <see cref="IAdministrativeUnitSource.VersionId"/>).</param>
    /// <param name="sourceName">The input's name (a file name), put into every error's location; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Tsv"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="versionId"/> is empty.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public TsvAdministrativeUnitSource(Stream utf8Tsv, string versionId, string? sourceName = null)
        : this(ReadAll(utf8Tsv), versionId, sourceName)
    {
    }

    /// <summary>A source over the text.</summary>
    /// <param name="tsv">The text.</param>
    /// <param name="versionId">Identifies the version of the data.</param>
    /// <param name="sourceName">The input's name, put into every error's location; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tsv"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="versionId"/> is empty.</exception>
    public TsvAdministrativeUnitSource(string tsv, string versionId, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        VersionId = versionId;
        SourceName = sourceName;
        _loaded = new(
            () =>
            {
                using var reader = new StringReader(tsv);
                KtxhResult<ReportingUnitDirectory> read = ReportingUnitDirectory.ReadCompact(reader);
                return sourceName is null ? read : read.WithSource(sourceName);
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public string VersionId { get; }

    /// <summary>The input's name given at creation, or <see langword="null"/>.</summary>
    public string? SourceName { get; }

    /// <summary>A source over a file, read now; the file name is the source name and, unless given, the version id.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="versionId">Identifies the version of the data; the file name when omitted.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static TsvAdministrativeUnitSource FromFile(string path, string? versionId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string name = Path.GetFileName(path);
        return new TsvAdministrativeUnitSource(File.ReadAllText(path, System.Text.Encoding.UTF8), versionId ?? name, name);
    }

    /// <summary>The directory read (parsed on the first call; the same result afterwards).</summary>
    /// <returns>The directory, or every error found (with the line).</returns>
    public KtxhResult<ReportingUnitDirectory> Load() => _loaded.Value;

    private static string ReadAll(Stream utf8Tsv)
    {
        ArgumentNullException.ThrowIfNull(utf8Tsv);
        using var reader = new StreamReader(utf8Tsv, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return reader.ReadToEnd();
    }
}
