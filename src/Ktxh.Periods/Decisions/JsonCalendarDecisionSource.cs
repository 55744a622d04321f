namespace Ktxh.Periods;

/// <summary>
/// Official decisions from JSON (the format of <c>docs/calendar.md</c>): a newer year's decision published after the
/// package, or a host's whole set of decisions.
/// </summary>
/// <remarks>The text is read when the source is created and parsed once, on the first <see cref="Load"/>; thread-safe.</remarks>
public sealed class JsonCalendarDecisionSource : ICalendarDecisionSource
{
    private readonly Lazy<KtxhResult<CalendarDecisions>> _loaded;

    /// <summary>A source over a UTF-8 JSON stream, read to its end now (not closed).</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="versionId">Identifies the version of the data (see <see cref="ICalendarDecisionSource.VersionId"/>).</param>
    /// <param name="sourceName">The input's name (a file name), put into every error's location; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="versionId"/> is empty.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public JsonCalendarDecisionSource(Stream utf8Json, string versionId, string? sourceName = null)
        : this(ReadAll(utf8Json), versionId, sourceName)
    {
    }

    /// <summary>A source over JSON text.</summary>
    /// <param name="json">The text.</param>
    /// <param name="versionId">Identifies the version of the data.</param>
    /// <param name="sourceName">The input's name, put into every error's location; optional.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="versionId"/> is empty.</exception>
    public JsonCalendarDecisionSource(string json, string versionId, string? sourceName = null)
        : this(System.Text.Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))), versionId, sourceName)
    {
    }

    private JsonCalendarDecisionSource(byte[] utf8Json, string versionId, string? sourceName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(versionId);
        VersionId = versionId;
        SourceName = sourceName;
        _loaded = new(() => CalendarDecisions.Parse(utf8Json, sourceName), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public string VersionId { get; }

    /// <summary>The input's name given at creation, or <see langword="null"/>.</summary>
    public string? SourceName { get; }

    /// <summary>A source over a JSON file, read now; the file name is the source name and, unless given, the version id.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="versionId">Identifies the version of the data; the file name when omitted.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static JsonCalendarDecisionSource FromFile(string path, string? versionId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string name = Path.GetFileName(path);
        return new JsonCalendarDecisionSource(File.ReadAllBytes(path), versionId ?? name, name);
    }

    /// <summary>The decisions read (parsed on the first call; the same result afterwards).</summary>
    /// <returns>The decisions, or every error found, each located and in Vietnamese and English.</returns>
    public KtxhResult<CalendarDecisions> Load() => _loaded.Value;

    private static byte[] ReadAll(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return buffer.ToArray();
    }
}
