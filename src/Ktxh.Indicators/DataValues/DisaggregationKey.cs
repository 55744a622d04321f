namespace Ktxh.Indicators.DataValues;

/// <summary>
/// Which disaggregation categories a value belongs to (such as sex = female and area = rural); the empty key is the
/// total. Two keys with the same pairs in any order are equal.
/// </summary>
/// <remarks>
/// The canonical text is <c>dimension=category</c> pairs sorted by dimension (ordinal) and joined by <c>;</c>, such as
/// <c>area=rural;sex=female</c>. Codes must not contain <c>=</c> or <c>;</c>.
/// </remarks>
public readonly record struct DisaggregationKey
{
    private readonly string? _canonical;

    private DisaggregationKey(string canonical) => _canonical = canonical;

    /// <summary>Gets the total (no disaggregation).</summary>
    public static DisaggregationKey Total => default;

    /// <summary>Gets the canonical text (empty for the total).</summary>
    public string Canonical => _canonical ?? string.Empty;

    /// <summary>Gets a value indicating whether this is the total.</summary>
    public bool IsTotal => string.IsNullOrEmpty(_canonical);

    /// <summary>Gets the (dimension, category) pairs, sorted by dimension.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parts =>
        IsTotal
            ? []
            : Canonical.Split(';').Select(p => p.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])).ToArray();

    /// <summary>Creates a key from (dimension, category) pairs.</summary>
    /// <param name="parts">The pairs; a dimension may appear once.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">A dimension appears twice, or a code is empty or contains <c>=</c> or <c>;</c>.</exception>
    public static DisaggregationKey Of(params (string Dimension, string Category)[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var normalised = parts.Select(p => (D: VietnameseText.Normalize(p.Dimension) ?? string.Empty, C: VietnameseText.Normalize(p.Category) ?? string.Empty)).ToArray();
        foreach ((string d, string c) in normalised)
        {
            if (d.Length == 0 || c.Length == 0 || d.IndexOfAny(['=', ';']) >= 0 || c.IndexOfAny(['=', ';']) >= 0)
            {
                throw new ArgumentException($"Mã phân tổ không hợp lệ '{d}={c}' / Invalid disaggregation part '{d}={c}'", nameof(parts));
            }
        }

        if (normalised.Select(p => p.D).Distinct(StringComparer.Ordinal).Count() != normalised.Length)
        {
            throw new ArgumentException("Một phân tổ xuất hiện hai lần / A disaggregation dimension appears twice", nameof(parts));
        }

        return new DisaggregationKey(string.Join(";", normalised.OrderBy(p => p.D, StringComparer.Ordinal).Select(p => $"{p.D}={p.C}")));
    }

    /// <summary>Parses the canonical text (pairs in any order; empty for the total).</summary>
    /// <param name="text">The text, such as <c>sex=female;area=rural</c>.</param>
    /// <returns>The key.</returns>
    /// <exception cref="KtxhException">The text is not a list of <c>dimension=category</c> pairs; every bad pair is listed.</exception>
    public static DisaggregationKey Parse(string? text) => ParseWithResult(text).Value;

    /// <summary>Parses the canonical text (pairs in any order; empty for the total), returning the result model.</summary>
    /// <param name="text">The text, such as <c>sex=female;area=rural</c>.</param>
    /// <returns>The key, or every bad pair (<see cref="CatalogueErrorCode.InvalidField"/>, located by the pair's index),
    /// in Vietnamese and English.</returns>
    public static KtxhResult<DisaggregationKey> ParseWithResult(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return KtxhResult<DisaggregationKey>.ForValue(Total);
        }

        var parts = new List<(string D, string C)>();
        var errors = new List<KtxhError>();
        string[] pieces = text.Split(';', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < pieces.Length; i++)
        {
            string[] kv = pieces[i].Split('=');
            if (kv.Length != 2 || string.IsNullOrWhiteSpace(kv[0]) || string.IsNullOrWhiteSpace(kv[1]))
            {
                errors.Add(KtxhError.Create(CatalogueErrorCode.InvalidField, ErrorLocation.AtIndex(i),
                    $"'{pieces[i]}' không có dạng phân_tổ=nhóm", $"'{pieces[i]}' is not dimension=category"));
                continue;
            }

            string dimension = kv[0].Trim();
            if (parts.Any(p => string.Equals(VietnameseText.Normalize(p.D), VietnameseText.Normalize(dimension), StringComparison.Ordinal)))
            {
                errors.Add(KtxhError.Create(CatalogueErrorCode.InvalidField, ErrorLocation.AtIndex(i),
                    $"Phân tổ '{dimension}' xuất hiện hai lần", $"The disaggregation dimension '{dimension}' appears twice"));
                continue;
            }

            parts.Add((dimension, kv[1].Trim()));
        }

        return KtxhResult.FromErrorsOr(errors, () => Of(parts.ToArray()));
    }

    /// <inheritdoc/>
    public override string ToString() => IsTotal ? "(total)" : Canonical;

    /// <inheritdoc/>
    public bool Equals(DisaggregationKey other) => string.Equals(Canonical, other.Canonical, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Canonical);
}
