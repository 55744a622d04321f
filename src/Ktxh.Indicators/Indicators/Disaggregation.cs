namespace Ktxh.Indicators;

/// <summary>
/// A disaggregation dimension (phân tổ) with its categories, such as sex (male, female), area (urban, rural),
/// economic sector or ownership. Immutable and thread-safe.
/// </summary>
/// <remarks>An information product lists its "nội dung và phân tổ chủ yếu" (seed 003, Điều 9.3b).</remarks>
public sealed class Disaggregation
{
    /// <summary>Gets the dimension's code (such as <c>sex</c>).</summary>
    public required string Code { get; init => field = VietnameseText.Normalize(value) ?? string.Empty; }

    /// <summary>Gets the Vietnamese name (such as "Giới tính").</summary>
    public required string NameVi { get; init => field = VietnameseText.NormalizeName(value) ?? string.Empty; }

    /// <summary>Gets the English name, if any.</summary>
    public string? NameEn { get; init => field = VietnameseText.NormalizeName(value); }

    /// <summary>Gets the categories, in display order.</summary>
    public IReadOnlyList<DisaggregationCategory> Categories { get; init => field = (value?.ToArray() ?? []).AsReadOnly(); } = [];

    /// <summary>Tells whether the dimension has a category with this code.</summary>
    /// <param name="categoryCode">The category code.</param>
    /// <returns><see langword="true"/> when the category exists.</returns>
    public bool HasCategory(string categoryCode) => Categories.Any(c => string.Equals(c.Code, categoryCode, StringComparison.Ordinal));
}

/// <summary>A category of a <see cref="Disaggregation"/> (such as <c>urban</c> / "Thành thị").</summary>
/// <param name="Code">The category code.</param>
/// <param name="NameVi">The Vietnamese name.</param>
/// <param name="NameEn">The English name, if any.</param>
public readonly record struct DisaggregationCategory(string Code, string NameVi, string? NameEn = null);
