using System.Text.RegularExpressions;

namespace Ktxh.Indicators.MeasureUnits;

/// <summary>
/// One independent quantity from which dimensions are built: a physical quantity (mass, length, time), money in one
/// currency, or a count of one kind of thing. Two base dimensions are equal when their codes are equal.
/// </summary>
/// <remarks>
/// Counts of different kinds are different base dimensions, so that "3 households" never converts to "3 persons".
/// Persons in a role that appears in a ratio (pupil, teacher, child, learner, doctor) are base dimensions of their
/// own so that ratios such as <c>hs/gv</c> (pupils per teacher) keep their meaning instead of cancelling to a
/// pure number. Instances are immutable and thread-safe.
/// </remarks>
public sealed partial class BaseDimension : IEquatable<BaseDimension>
{
    /// <summary>Creates a base dimension.</summary>
    /// <param name="code">Stable upper-case ASCII code (<c>[A-Z][A-Z0-9_]*</c>), e.g. <c>MASS</c>, <c>VND</c>, <c>PERSON</c>.</param>
    /// <param name="nameVi">Vietnamese name (normalised to NFC).</param>
    /// <param name="nameEn">English name.</param>
    /// <param name="kind">The family it belongs to.</param>
    /// <param name="baseUnitVi">The Vietnamese name of the unit whose scale is 1 (e.g. "kg", "đồng", "người").</param>
    /// <exception cref="ArgumentException">The code is not upper-case ASCII, or a name is empty.</exception>
    public BaseDimension(string code, string nameVi, string nameEn, BaseDimensionKind kind, string baseUnitVi)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!CodePattern().IsMatch(code))
        {
            throw new ArgumentException("Mã thứ nguyên phải là chữ in hoa ASCII / A dimension code must be upper-case ASCII: '" + code + "'", nameof(code));
        }

        Code = code;
        NameVi = VietnameseText.Normalize(RequireText(nameVi, nameof(nameVi)));
        NameEn = RequireText(nameEn, nameof(nameEn));
        Kind = kind;
        BaseUnitVi = VietnameseText.Normalize(RequireText(baseUnitVi, nameof(baseUnitVi)));
    }

    /// <summary>Stable upper-case ASCII code, e.g. <c>MASS</c>.</summary>
    public string Code { get; }

    /// <summary>Vietnamese name, e.g. "khối lượng".</summary>
    public string NameVi { get; }

    /// <summary>English name, e.g. "mass".</summary>
    public string NameEn { get; }

    /// <summary>The family it belongs to.</summary>
    public BaseDimensionKind Kind { get; }

    /// <summary>The Vietnamese name of the unit with scale 1 (e.g. "kg" for mass, "đồng" for VND).</summary>
    public string BaseUnitVi { get; }

    /// <summary>Mass; base unit kilogram.</summary>
    public static BaseDimension Mass { get; } = new("MASS", "khối lượng", "mass", BaseDimensionKind.Physical, "kg");

    /// <summary>Length; base unit metre (area is length², volume length³).</summary>
    public static BaseDimension Length { get; } = new("LENGTH", "chiều dài", "length", BaseDimensionKind.Physical, "m");

    /// <summary>Time; base unit second.</summary>
    public static BaseDimension Time { get; } = new("TIME", "thời gian", "time", BaseDimensionKind.Physical, "giây");

    /// <summary>Money in Vietnamese đồng.</summary>
    public static BaseDimension Vnd { get; } = new("VND", "tiền (đồng Việt Nam)", "money (VND)", BaseDimensionKind.Currency, "đồng");

    /// <summary>Money in US dollars.</summary>
    public static BaseDimension Usd { get; } = new("USD", "tiền (đô la Mỹ)", "money (USD)", BaseDimensionKind.Currency, "USD");

    /// <summary>A count of persons.</summary>
    public static BaseDimension Person { get; } = new("PERSON", "số người", "persons", BaseDimensionKind.Count, "người");

    /// <inheritdoc />
    public bool Equals(BaseDimension? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BaseDimension);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Equality by code.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns><c>true</c> when both are null or have the same code.</returns>
    public static bool operator ==(BaseDimension? left, BaseDimension? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality by code.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns><c>true</c> when the codes differ.</returns>
    public static bool operator !=(BaseDimension? left, BaseDimension? right) => !(left == right);

    /// <inheritdoc />
    public override string ToString() => Code;

    private static string RequireText(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Tên không được trống / The name must not be empty", name);
        }

        return value.Trim();
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant)]
    internal static partial Regex CodePattern();
}
