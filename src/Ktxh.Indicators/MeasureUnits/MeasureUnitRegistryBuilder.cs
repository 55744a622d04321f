using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Ktxh.Indicators.MeasureUnits;

/// <summary>
/// Builds a <see cref="MeasureUnitRegistry"/> step by step: base dimensions, units, aliases, or a JSON document in the
/// format of the embedded <c>units.json</c>. Conflicts (two units claiming the same code or the same text after
/// <see cref="MeasureUnitText.Normalize"/>) are rejected when they are added, so a built registry is never ambiguous.
/// </summary>
/// <remarks>Not thread-safe: build on one thread, then share the immutable registry.</remarks>
public sealed class MeasureUnitRegistryBuilder
{
    private static readonly string[] BaseDimensionProperties = ["$comment", "code", "nameVi", "nameEn", "baseUnitVi", "kind"];
    private static readonly string[] UnitProperties = ["$comment", "code", "nameVi", "nameEn", "dimension", "scale", "additive", "aliases"];

    private readonly Dictionary<string, BaseDimension> _bases = new(StringComparer.Ordinal);
    private readonly List<MeasureUnit> _units = new();
    private readonly Dictionary<string, MeasureUnit> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MeasureUnit> _byKey = new(StringComparer.Ordinal);
    private readonly List<KtxhError> _jsonErrors = [];

    internal MeasureUnitRegistryBuilder()
    {
        foreach (BaseDimension b in new[] { BaseDimension.Mass, BaseDimension.Length, BaseDimension.Time, BaseDimension.Vnd, BaseDimension.Usd, BaseDimension.Person })
        {
            _bases[b.Code] = b;
        }
    }

    /// <summary>The units added so far.</summary>
    public IReadOnlyList<MeasureUnit> Units => _units;

    /// <summary>Adds (or confirms) a base dimension.</summary>
    /// <param name="baseDimension">The base dimension.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">Another base dimension already has this code with different names or kind.</exception>
    public MeasureUnitRegistryBuilder AddBaseDimension(BaseDimension baseDimension)
    {
        ArgumentNullException.ThrowIfNull(baseDimension);
        if (_bases.TryGetValue(baseDimension.Code, out BaseDimension? existing) && !SameDefinition(existing, baseDimension))
        {
            throw new ArgumentException("Thứ nguyên '" + baseDimension.Code + "' đã được định nghĩa khác / Base dimension '" + baseDimension.Code + "' is already defined differently", nameof(baseDimension));
        }

        _bases[baseDimension.Code] = existing ?? baseDimension;
        return this;
    }

    /// <summary>The base dimension with a code, if defined.</summary>
    /// <param name="code">The code, e.g. <c>HOUSEHOLD</c>.</param>
    /// <param name="baseDimension">The base dimension, or null.</param>
    /// <returns><c>true</c> when defined.</returns>
    public bool TryGetBaseDimension(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BaseDimension? baseDimension) =>
        _bases.TryGetValue(code, out baseDimension);

    /// <summary>Adds a unit.</summary>
    /// <param name="unit">The unit; its base dimensions are added if missing.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The code is taken, or one of its texts already means another unit.</exception>
    public MeasureUnitRegistryBuilder Add(MeasureUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        List<string> problems = Conflicts(unit, replacing: null);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(unit));
        }

        Store(unit, replacing: null);
        return this;
    }

    /// <summary>Adds texts that also mean an existing unit (e.g. a province's own spelling).</summary>
    /// <param name="code">The unit's code.</param>
    /// <param name="aliases">The extra texts.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="KeyNotFoundException">No unit has this code.</exception>
    /// <exception cref="ArgumentException">A text already means another unit.</exception>
    public MeasureUnitRegistryBuilder AddAlias(string code, params string[] aliases)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(aliases);
        if (!_byCode.TryGetValue(code, out MeasureUnit? old))
        {
            throw new KeyNotFoundException("Không có đơn vị tính mã '" + code + "' / No unit of measure has code '" + code + "'");
        }

        var updated = new MeasureUnit(old.Code, old.NameVi, old.NameEn, old.Dimension, old.Scale, old.Aliases.Concat(aliases), old.IsAdditive);
        List<string> problems = Conflicts(updated, replacing: old);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(aliases));
        }

        Store(updated, replacing: old);
        return this;
    }

    /// <summary>
    /// Parses a dimension written as base codes joined by <c>*</c> and <c>/</c> with optional integer powers,
    /// e.g. <c>MASS/LENGTH^2</c>, <c>PUPIL/TEACHER</c>, <c>1</c> (dimensionless).
    /// </summary>
    /// <param name="text">The dimension text.</param>
    /// <param name="location">Where the text came from, carried by the errors; may be null.</param>
    /// <returns>The dimension, or an error naming the unknown base dimension or the bad syntax.</returns>
    public KtxhResult<Dimension> ParseDimension(string? text, ErrorLocation? location = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Bad("Thứ nguyên trống", "The dimension is empty");
        }

        string t = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (t == "1")
        {
            return KtxhResult<Dimension>.ForValue(Dimension.Dimensionless);
        }

        Dimension result = Dimension.Dimensionless;
        int sign = 1;
        int start = 0;
        for (int i = 0; i <= t.Length; i++)
        {
            if (i < t.Length && t[i] != '*' && t[i] != '/')
            {
                continue;
            }

            string part = t[start..i];
            if (part.Length == 0)
            {
                return Bad("Thứ nguyên sai cú pháp '" + text + "'", "Malformed dimension '" + text + "'");
            }

            int power = 1;
            int caret = part.IndexOf('^', StringComparison.Ordinal);
            string code = caret < 0 ? part : part[..caret];
            if (caret >= 0 && !int.TryParse(part[(caret + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out power))
            {
                return Bad("Số mũ sai trong thứ nguyên '" + text + "'", "Bad exponent in dimension '" + text + "'");
            }

            if (code != "1")
            {
                if (!_bases.TryGetValue(code, out BaseDimension? b))
                {
                    return Bad("Không có thứ nguyên cơ sở '" + code + "'", "Unknown base dimension '" + code + "'");
                }

                try
                {
                    result *= Dimension.Of(b).Pow(checked(sign * power));
                }
                catch (OverflowException)
                {
                    return Bad("Số mũ quá lớn trong thứ nguyên '" + text + "'", "Exponent too large in dimension '" + text + "'");
                }

            }

            if (i < t.Length)
            {
                sign = t[i] == '/' ? -1 : 1;
            }

            start = i + 1;
        }

        return KtxhResult<Dimension>.ForValue(result);

        KtxhResult<Dimension> Bad(string vi, string en) =>
            KtxhResult<Dimension>.ForError(MeasureUnitErrors.Create(MeasureUnitErrorCode.InvalidDefinition, vi, en, location));
    }

    /// <summary>
    /// Adds the base dimensions and units of a JSON document (the format of the embedded <c>units.json</c>, see
    /// <c>docs/units.md</c>). All or nothing per document: when any entry is invalid or conflicts, nothing of the
    /// document is added and every problem, with its JSON path, is reported by <see cref="BuildResult"/> (and thrown by
    /// <see cref="Build"/>), as data errors are for every builder of the SDK.
    /// </summary>
    /// <param name="utf8Json">The JSON document.</param>
    /// <param name="source">A name for the document, quoted in errors (a file name); may be null.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public MeasureUnitRegistryBuilder AddJson(Stream utf8Json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        KtxhResult<int> added = ReadJson(utf8Json, source);
        _jsonErrors.AddRange(added.Errors);
        return this;
    }

    private KtxhResult<int> ReadJson(Stream utf8Json, string? source)
    {

        // Byte order mark, duplicate keys and syntax errors are read the same way for every JSON format of the SDK.
        KtxhResult<JsonDocument> parsed = LocatedJson.Parse(utf8Json, new LocatedJsonOptions { Source = source, AllowComments = true, AllowTrailingCommas = true });
        if (!parsed.TryGetValue(out JsonDocument? doc))
        {
            return parsed.ConvertError<int>();
        }

        using (doc)
        {
            return ReadJson(doc.RootElement, source);
        }
    }

    /// <summary>Adds the base dimensions and units of a JSON text; see <see cref="AddJson(Stream, string?)"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the document, quoted in errors; may be null.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public MeasureUnitRegistryBuilder AddJson(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return AddJson(stream, source);
    }

    /// <summary>Builds the immutable registry.</summary>
    /// <returns>The registry.</returns>
    /// <exception cref="KtxhException">A JSON document given to <see cref="AddJson(Stream, string?)"/> was invalid; the
    /// exception lists every problem. (Units added in code were checked when they were added.)</exception>
    public MeasureUnitRegistry Build() => BuildResult().Value;

    /// <summary>Builds the immutable registry, as a result (the builder contract shared by every package).</summary>
    /// <returns>The registry, or every problem of the JSON documents added.</returns>
    public KtxhResult<MeasureUnitRegistry> BuildResult() =>
        _jsonErrors.Count > 0 ? KtxhResult<MeasureUnitRegistry>.ForErrors(_jsonErrors.ToList()) : KtxhResult<MeasureUnitRegistry>.ForValue(BuildRegistry());

    private MeasureUnitRegistry BuildRegistry() => new(_units.ToImmutableArray(), _bases.Values.OrderBy(b => b.Code, StringComparer.Ordinal).ToImmutableArray());

    private KtxhResult<int> ReadJson(JsonElement root, string? source)
    {
        var errors = new List<KtxhError>();
        var newBases = new List<BaseDimension>();
        var newUnits = new List<MeasureUnit>();
        void Error(string vi, string en, string path) =>
            errors.Add(MeasureUnitErrors.Create(MeasureUnitErrorCode.InvalidDefinition, vi, en, Where(source, path)));

        // A misspelt key ("aliasses") must be an error, not a silently dropped setting.
        void ReportUnknownProperties(JsonElement element, string path, string[] known)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    Error($"Thuộc tính không xác định '{property.Name}'", $"Unknown property '{property.Name}'", path + "." + property.Name);
                }
            }
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("Tài liệu phải là một đối tượng JSON", "The document must be a JSON object", "$");
            return KtxhResult<int>.ForErrors(errors);
        }

        // Work on a scratch copy so that nothing is applied unless everything is valid.
        var scratch = new MeasureUnitRegistryBuilder();
        scratch._bases.Clear();
        foreach (KeyValuePair<string, BaseDimension> p in _bases)
        {
            scratch._bases[p.Key] = p.Value;
        }

        foreach (MeasureUnit u in _units)
        {
            scratch.Store(u, null);
        }

        JsonElement bases = ArrayOrError(root, "baseDimensions", errors, source);
        if (bases.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (JsonElement e in bases.EnumerateArray())
            {
                string path = "$.baseDimensions[" + i++ + "]";
                if (e.ValueKind != JsonValueKind.Object)
                {
                    Error("Mỗi thứ nguyên cơ sở phải là một đối tượng JSON", "Each base dimension must be a JSON object", path);
                    continue;
                }

                ReportUnknownProperties(e, path, BaseDimensionProperties);
                string? code = Str(e, "code");
                string? vi = Str(e, "nameVi");
                string? en = Str(e, "nameEn");
                string? unitVi = Str(e, "baseUnitVi");
                string? kindText = Str(e, "kind");
                if (code is null || vi is null || en is null || unitVi is null || !Enum.TryParse(kindText, false, out BaseDimensionKind kind))
                {
                    Error("Thiếu code, nameVi, nameEn, baseUnitVi hoặc kind hợp lệ", "Missing code, nameVi, nameEn, baseUnitVi or a valid kind", path);
                    continue;
                }

                try
                {
                    var b = new BaseDimension(code, vi, en, kind, unitVi);
                    scratch.AddBaseDimension(b);
                    newBases.Add(b);
                }
                catch (ArgumentException ex)
                {
                    (string exVi, string exEn) = Bilingual(ex);
                    Error(exVi, exEn, path);
                }
            }
        }

        JsonElement units = ArrayOrError(root, "units", errors, source);
        if (units.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (JsonElement e in units.EnumerateArray())
            {
                string path = "$.units[" + i++ + "]";
                if (e.ValueKind != JsonValueKind.Object)
                {
                    Error("Mỗi đơn vị tính phải là một đối tượng JSON", "Each unit must be a JSON object", path);
                    continue;
                }

                ReportUnknownProperties(e, path, UnitProperties);
                string? code = Str(e, "code");
                string? vi = Str(e, "nameVi");
                string? en = Str(e, "nameEn");
                if (code is null || vi is null || en is null)
                {
                    Error("Thiếu code, nameVi hoặc nameEn", "Missing code, nameVi or nameEn", path);
                    continue;
                }

                KtxhResult<Dimension> dim = scratch.ParseDimension(Str(e, "dimension"), Where(source, path + ".dimension"));
                if (!dim.Success)
                {
                    errors.AddRange(dim.Errors);
                    continue;
                }

                if (!TryScale(e, out decimal scale))
                {
                    Error("Hệ số (scale) phải là số thập phân dương, ví dụ \"1000000000\"", "The scale must be a positive decimal, e.g. \"1000000000\"", path + ".scale");
                    continue;
                }

                bool additive = !e.TryGetProperty("additive", out JsonElement add) || add.ValueKind != JsonValueKind.False;
                var aliases = new List<string>();
                if (e.TryGetProperty("aliases", out JsonElement al) && al.ValueKind == JsonValueKind.Array)
                {
                    aliases.AddRange(al.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
                }

                MeasureUnit unit;
                try
                {
                    unit = new MeasureUnit(code, vi, en, dim.Value, scale, aliases, additive);
                }
                catch (ArgumentException ex)
                {
                    (string exVi, string exEn) = Bilingual(ex);
                    Error(exVi, exEn, path);
                    continue;
                }

                List<string> problems = scratch.Conflicts(unit, null);
                if (problems.Count > 0)
                {
                    foreach (string p in problems)
                    {
                        Error(p, p, path);
                    }

                    continue;
                }

                scratch.Store(unit, null);
                newUnits.Add(unit);
            }
        }

        if (errors.Count > 0)
        {
            return KtxhResult<int>.ForErrors(errors);
        }

        foreach (BaseDimension b in newBases)
        {
            AddBaseDimension(b);
        }

        foreach (MeasureUnit u in newUnits)
        {
            Store(u, null);
        }

        return KtxhResult<int>.ForValue(newUnits.Count);
    }

    private List<string> Conflicts(MeasureUnit unit, MeasureUnit? replacing)
    {
        var problems = new List<string>();
        if (replacing is null && _byCode.ContainsKey(unit.Code))
        {
            problems.Add("Mã đơn vị tính '" + unit.Code + "' đã có / Unit code '" + unit.Code + "' is already taken");
        }

        foreach (string text in MeasureUnitRegistry.TextsOf(unit))
        {
            string key = MeasureUnitText.Normalize(text);
            if (key.Length == 0)
            {
                problems.Add("Tên hoặc bí danh trống cho '" + unit.Code + "' / Empty name or alias for '" + unit.Code + "'");
            }
            else if (_byKey.TryGetValue(key, out MeasureUnit? other) && other.Code != unit.Code)
            {
                problems.Add("'" + text + "' đã là đơn vị tính '" + other.Code + "', không thể gán cho '" + unit.Code + "' / '" + text + "' already means '" + other.Code + "', cannot also mean '" + unit.Code + "'");
            }
        }

        foreach (DimensionFactor f in unit.Dimension.Factors)
        {
            if (_bases.TryGetValue(f.Base.Code, out BaseDimension? b) && !SameDefinition(b, f.Base))
            {
                problems.Add("Thứ nguyên '" + f.Base.Code + "' khác định nghĩa đã có / Base dimension '" + f.Base.Code + "' differs from the one defined");
            }
        }

        return problems;
    }

    private void Store(MeasureUnit unit, MeasureUnit? replacing)
    {
        if (replacing is not null)
        {
            _units[_units.IndexOf(replacing)] = unit;
        }
        else
        {
            _units.Add(unit);
        }

        _byCode[unit.Code] = unit;
        foreach (string text in MeasureUnitRegistry.TextsOf(unit))
        {
            _byKey[MeasureUnitText.Normalize(text)] = unit;
        }

        foreach (DimensionFactor f in unit.Dimension.Factors)
        {
            _bases.TryAdd(f.Base.Code, f.Base);
        }
    }

    private static bool SameDefinition(BaseDimension a, BaseDimension b) =>
        ReferenceEquals(a, b) || (a.Code == b.Code && a.Kind == b.Kind && a.NameVi == b.NameVi && a.NameEn == b.NameEn && a.BaseUnitVi == b.BaseUnitVi);

    private static JsonElement ArrayOrError(JsonElement root, string name, List<KtxhError> errors, string? source)
    {
        if (!root.TryGetProperty(name, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(MeasureUnitErrors.Create(MeasureUnitErrorCode.InvalidDefinition, "'" + name + "' phải là một mảng JSON", "'" + name + "' must be a JSON array", Where(source, "$." + name)));
            return default;
        }

        return value;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()
            : null;

    private static bool TryScale(JsonElement e, out decimal scale)
    {
        scale = 0m;
        if (!e.TryGetProperty("scale", out JsonElement s))
        {
            return false;
        }

        bool ok = s.ValueKind switch
        {
            JsonValueKind.String => decimal.TryParse(s.GetString(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out scale),
            JsonValueKind.Number => s.TryGetDecimal(out scale),
            _ => false,
        };
        return ok && scale > 0m;
    }

    // The constructors' messages are "vi / en" lines with " (Parameter 'x')" appended: split them back into the two
    // languages so that MessageVi holds no English and MessageEn no Vietnamese.
    private static (string Vi, string En) Bilingual(ArgumentException ex)
    {
        string text = ex.Message;
        string suffix = $" (Parameter '{ex.ParamName}')";
        if (ex.ParamName is not null && text.EndsWith(suffix, StringComparison.Ordinal))
        {
            text = text[..^suffix.Length];
        }

        var vi = new List<string>();
        var en = new List<string>();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            int slash = line.IndexOf(" / ", StringComparison.Ordinal);
            vi.Add(slash < 0 ? line : line[..slash]);
            en.Add(slash < 0 ? line : line[(slash + 3)..]);
        }

        return (string.Join("; ", vi), string.Join("; ", en));
    }

    private static ErrorLocation Where(string? source, string path) => ErrorLocation.AtJsonPath(path).WithSource(source);
}
