using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;

namespace Ktxh.Indicators.MeasureUnits;

/// <summary>
/// The set of known units of measure, resolved from the texts printed on forms ("Tỷ đồng", "Nghìn tấn", "Tạ/ha",
/// "hs/gv") and from their stable codes (<c>VND_BN</c>).
/// </summary>
/// <remarks>
/// <para><see cref="Default"/> holds the built-in units (embedded resource <c>Ktxh.Indicators.Data.units.json</c>),
/// which cover every unit text of the indicator list of seed 004 (Hà Nam IOC plan, appendix II). Build another
/// registry with <see cref="CreateBuilder"/> or extend the default with <see cref="ToBuilder"/>.</para>
/// <para>Physical scales are the SI definitions (1 t = 1,000 kg, 1 ha = 10,000 m², 1 L = 0.001 m³,
/// 1 kWh = 3,600,000 J); the tạ (100 kg) is the customary unit of the crop-yield forms (Tạ/ha in seed 004).</para>
/// <para>Texts are compared after <see cref="MeasureUnitText.Normalize"/>; a text that matches nothing is reported with
/// "Không nhận ra đơn vị tính 'xyz' / Unknown unit of measure 'xyz'", never guessed.</para>
/// <para>A registry is immutable once built and safe to share between threads; <see cref="Default"/> is built
/// lazily, once, on first use.</para>
/// </remarks>
public sealed class MeasureUnitRegistry
{
    private const string ResourceName = "Ktxh.Indicators.Data.units.json";

    private static readonly Lazy<MeasureUnitRegistry> LazyDefault = new(LoadDefault, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, MeasureUnit> _verbatim;
    private readonly FrozenDictionary<string, MeasureUnit> _normalized;
    private readonly FrozenDictionary<string, ImmutableArray<MeasureUnit>> _ascii;
    private readonly FrozenDictionary<string, MeasureUnit> _byCode;

    internal MeasureUnitRegistry(ImmutableArray<MeasureUnit> units, ImmutableArray<BaseDimension> baseDimensions)
    {
        Units = units;
        BaseDimensions = baseDimensions;
        var verbatim = new Dictionary<string, MeasureUnit>(StringComparer.Ordinal);
        var normalized = new Dictionary<string, MeasureUnit>(StringComparer.Ordinal);
        var ascii = new Dictionary<string, List<MeasureUnit>>(StringComparer.Ordinal);
        foreach (MeasureUnit unit in units)
        {
            foreach (string text in TextsOf(unit))
            {
                verbatim.TryAdd(text, unit);
                string key = MeasureUnitText.Normalize(text);
                normalized[key] = unit; // the builder has already rejected conflicting keys
                string bare = VietnameseText.RemoveDiacritics(key);
                if (!ascii.TryGetValue(bare, out List<MeasureUnit>? list))
                {
                    ascii[bare] = list = new List<MeasureUnit>();
                }

                if (!list.Contains(unit))
                {
                    list.Add(unit);
                }
            }
        }

        _verbatim = verbatim.ToFrozenDictionary(StringComparer.Ordinal);
        _normalized = normalized.ToFrozenDictionary(StringComparer.Ordinal);
        _ascii = ascii.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
        _byCode = units.ToFrozenDictionary(u => u.Code, StringComparer.Ordinal);
    }

    /// <summary>
    /// The built-in registry, loaded lazily and once from the embedded <c>units.json</c>. Thread-safe.
    /// </summary>
    public static MeasureUnitRegistry Default => LazyDefault.Value;

    /// <summary>Every unit, in the order it was added.</summary>
    public ImmutableArray<MeasureUnit> Units { get; }

    /// <summary>Every base dimension the units are built from.</summary>
    public ImmutableArray<BaseDimension> BaseDimensions { get; }

    /// <summary>A builder for a new, empty registry (the common base dimensions are predefined).</summary>
    /// <returns>The builder.</returns>
    public static MeasureUnitRegistryBuilder CreateBuilder() => new();

    /// <summary>A builder holding a copy of this registry's units, to extend it (the registry itself does not change).</summary>
    /// <returns>The builder.</returns>
    public MeasureUnitRegistryBuilder ToBuilder()
    {
        var builder = new MeasureUnitRegistryBuilder();
        foreach (BaseDimension b in BaseDimensions)
        {
            builder.AddBaseDimension(b);
        }

        foreach (MeasureUnit u in Units)
        {
            builder.Add(u);
        }

        return builder;
    }

    /// <summary>Finds the unit a text means (see <see cref="MeasureUnitText"/> for the normalisation).</summary>
    /// <param name="text">The unit text as printed, e.g. "Tỷ đồng", "1000 tấn", "Tạ/ha".</param>
    /// <param name="unit">The unit, or null when none (or more than one) matches.</param>
    /// <returns><c>true</c> when exactly one unit matches.</returns>
    public bool TryResolve(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MeasureUnit? unit)
    {
        unit = Find(text, out _);
        return unit is not null;
    }

    /// <summary>Resolves a unit text, reporting why it failed.</summary>
    /// <param name="text">The unit text as printed, e.g. "Tỷ đồng".</param>
    /// <param name="location">Where the text came from (a JSON path, a cell, a line), carried by the error; may be null.</param>
    /// <returns>
    /// The unit, or an error: empty text; "Không nhận ra đơn vị tính 'xyz' / Unknown unit of measure 'xyz'"; or,
    /// for diacritic-free text that fits several units, the candidates.
    /// </returns>
    public KtxhResult<MeasureUnit> Resolve(string? text, ErrorLocation? location = null)
    {
        MeasureUnit? unit = Find(text, out ImmutableArray<MeasureUnit> candidates);
        if (unit is not null)
        {
            return KtxhResult<MeasureUnit>.ForValue(unit);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return KtxhResult<MeasureUnit>.ForError(MeasureUnitErrors.Empty(location));
        }

        if (!candidates.IsDefaultOrEmpty)
        {
            string list = string.Join(", ", candidates.Select(c => c.NameVi + " [" + c.Code + "]"));
            return KtxhResult<MeasureUnit>.ForError(MeasureUnitErrors.Create(
                MeasureUnitErrorCode.AmbiguousUnit,
                "Đơn vị tính '" + text + "' (không dấu) có thể là: " + list,
                "Unit of measure '" + text + "' (without diacritics) could be: " + list,
                location));
        }

        return KtxhResult<MeasureUnit>.ForError(MeasureUnitErrors.Unknown(text.Trim(), location));
    }

    /// <summary>Resolves a unit text or throws.</summary>
    /// <param name="text">The unit text.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="KtxhException">The text is empty, unknown or ambiguous.</exception>
    public MeasureUnit Parse(string? text) => Resolve(text).GetValueOrThrow();

    /// <summary>The unit with a code, e.g. <c>VND_BN</c>.</summary>
    /// <param name="code">The code (exact, upper-case).</param>
    /// <returns>The unit.</returns>
    /// <exception cref="KeyNotFoundException">No unit has this code (message in Vietnamese and English).</exception>
    public MeasureUnit Get(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.TryGetValue(code, out MeasureUnit? unit)
            ? unit
            : throw new KeyNotFoundException("Không có đơn vị tính mã '" + code + "' / No unit of measure has code '" + code + "'");
    }

    /// <summary>The unit with a code, if any.</summary>
    /// <param name="code">The code (exact, upper-case).</param>
    /// <param name="unit">The unit, or null.</param>
    /// <returns><c>true</c> when found.</returns>
    public bool TryGet(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MeasureUnit? unit)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _byCode.TryGetValue(code, out unit);
    }

    /// <summary>Every unit of a dimension (e.g. all money units in VND), smallest scale first.</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>The units.</returns>
    public IReadOnlyList<MeasureUnit> UnitsOf(Dimension dimension) =>
        Units.Where(u => u.Dimension == dimension).OrderBy(u => u.Scale).ToArray();

    internal static IEnumerable<string> TextsOf(MeasureUnit unit)
    {
        yield return unit.Code;
        yield return unit.NameVi;
        yield return unit.NameEn;
        foreach (string a in unit.Aliases)
        {
            yield return a;
        }
    }

    private MeasureUnit? Find(string? text, out ImmutableArray<MeasureUnit> candidates)
    {
        candidates = default;
        if (text is null)
        {
            return null;
        }

        if (_verbatim.TryGetValue(text, out MeasureUnit? unit))
        {
            return unit;
        }

        string key = MeasureUnitText.Normalize(text);
        if (key.Length == 0)
        {
            return null;
        }

        if (_normalized.TryGetValue(key, out unit))
        {
            return unit;
        }

        // OCR that lost the diacritics: accepted only when exactly one unit fits.
        if (VietnameseText.IsAscii(key) && _ascii.TryGetValue(key, out ImmutableArray<MeasureUnit> fits))
        {
            if (fits.Length == 1)
            {
                return fits[0];
            }

            candidates = fits;
        }

        return null;
    }

    private static MeasureUnitRegistry LoadDefault()
    {
        using Stream stream = typeof(MeasureUnitRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("Thiếu tài nguyên " + ResourceName + " / Missing embedded resource " + ResourceName);
        KtxhResult<MeasureUnitRegistry> loaded = CreateBuilder().AddJson(stream, ResourceName).BuildResult();
        return loaded.Success
            ? loaded.Value
            : throw new InvalidOperationException(string.Join(Environment.NewLine, loaded.Errors));
    }
}
