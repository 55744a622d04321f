using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace Ktxh.Indicators.MeasureUnits;

/// <summary>
/// A unit of measure ("đơn vị tính"): a code, Vietnamese and English names, the <see cref="Dimension"/> it measures
/// and its exact <see cref="Scale"/> to that dimension's base unit (tỷ đồng = 1,000,000,000 đồng; tạ = 100 kg;
/// ha = 10,000 m²; tạ/ha = 0.01 kg/m²).
/// </summary>
/// <remarks>
/// <para>Codes are stable upper-case ASCII (see <c>docs/units.md</c>): a base symbol (<c>VND</c>, <c>USD</c>,
/// <c>TONNE</c>, <c>HA</c>, <c>PERSON</c>…) followed by a multiplier suffix <c>_K</c> (×1,000), <c>_M</c> (×1,000,000),
/// <c>_BN</c> (×10⁹), <c>_TN</c> (×10¹²), and <c>_PER_</c> or <c>_X_</c> between the parts of a compound unit
/// (<c>QUINTAL_PER_HA</c>, <c>TONNE_X_KM_K</c>).</para>
/// <para>Two units are equal when code, dimension and scale are equal. Immutable and thread-safe.</para>
/// </remarks>
public sealed class MeasureUnit : IEquatable<MeasureUnit>
{
    private readonly BigInteger _scaleMantissa;
    private readonly int _scaleExponent;

    /// <summary>Creates a unit of measure.</summary>
    /// <param name="code">Stable upper-case ASCII code (<c>[A-Z][A-Z0-9_]*</c>), e.g. <c>VND_BN</c>.</param>
    /// <param name="nameVi">Vietnamese name as printed on forms, e.g. "Tỷ đồng" (normalised to NFC).</param>
    /// <param name="nameEn">English name, e.g. "billion dong".</param>
    /// <param name="dimension">What it measures.</param>
    /// <param name="scale">Exact factor to the dimension's base unit (positive).</param>
    /// <param name="aliases">Other texts that mean this unit (spelling variants, abbreviations); may be null.</param>
    /// <param name="isAdditive">
    /// Whether values in this unit may be summed across reporting units (amounts and counts: yes; percentages,
    /// ratios, rates, averages and levels: no — they are recomputed from numerator and denominator).
    /// </param>
    /// <exception cref="ArgumentException">The code is not upper-case ASCII, a name is empty, or the scale is not positive.</exception>
    public MeasureUnit(string code, string nameVi, string nameEn, Dimension dimension, decimal scale, IEnumerable<string>? aliases = null, bool isAdditive = true)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!BaseDimension.CodePattern().IsMatch(code))
        {
            throw new ArgumentException("Mã đơn vị tính phải là chữ in hoa ASCII / A unit code must be upper-case ASCII: '" + code + "'", nameof(code));
        }

        if (string.IsNullOrWhiteSpace(nameVi) || string.IsNullOrWhiteSpace(nameEn))
        {
            throw new ArgumentException("Tên đơn vị tính không được trống / A unit name must not be empty (" + code + ")", nameof(nameVi));
        }

        if (scale <= 0m)
        {
            throw new ArgumentException("Hệ số quy đổi phải dương / The scale must be positive (" + code + ")", nameof(scale));
        }

        Code = code;
        NameVi = VietnameseText.Normalize(nameVi);
        NameEn = nameEn.Trim();
        Dimension = dimension;
        Scale = scale / 1.0000000000000000000000000000m; // drop trailing zeros so that 1000 and 1000.0 print alike
        Aliases = (aliases ?? Array.Empty<string>())
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Select(a => VietnameseText.Normalize(a))
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        IsAdditive = isAdditive;
        (_scaleMantissa, _scaleExponent) = ExactDecimal.Reduce(scale);
    }

    /// <summary>Stable upper-case ASCII code, e.g. <c>VND_BN</c> for tỷ đồng.</summary>
    public string Code { get; }

    /// <summary>Vietnamese name as printed on forms, e.g. "Tỷ đồng".</summary>
    public string NameVi { get; }

    /// <summary>English name, e.g. "billion dong".</summary>
    public string NameEn { get; }

    /// <summary>What this unit measures.</summary>
    public Dimension Dimension { get; }

    /// <summary>Exact factor to the base unit of <see cref="Dimension"/> (e.g. 1,000,000,000 for tỷ đồng).</summary>
    public decimal Scale { get; }

    /// <summary>Other texts that mean this unit (the names and the code are always recognised too).</summary>
    public ImmutableArray<string> Aliases { get; }

    /// <summary>Whether values in this unit may be summed (false for %, ratios, rates, averages and levels).</summary>
    public bool IsAdditive { get; }

    /// <summary>True when a value in this unit can be converted into <paramref name="target"/> (same dimension).</summary>
    /// <param name="target">The target unit.</param>
    /// <returns><c>true</c> when the dimensions are equal.</returns>
    public bool CanConvertTo(MeasureUnit target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Dimension == target.Dimension;
    }

    /// <summary>
    /// Converts a value in this unit into <paramref name="target"/>, exactly: 1,234.5 triệu đồng = 1.2345 tỷ đồng.
    /// </summary>
    /// <param name="value">The value in this unit.</param>
    /// <param name="target">The target unit.</param>
    /// <returns>
    /// The exact value, or an error when the dimensions differ (tấn → ha; VND → USD), when the exact result does not
    /// terminate (1 J → kWh), or when it does not fit a <see cref="decimal"/> (more than 28 decimal places, more
    /// than 28–29 significant digits, or larger than <see cref="decimal.MaxValue"/>). Never rounded.
    /// </returns>
    public KtxhResult<decimal> ConvertTo(decimal value, MeasureUnit target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Dimension != target.Dimension)
        {
            return KtxhResult<decimal>.ForError(MeasureUnitErrors.Incompatible(this, target));
        }

        ExactDecimal.Outcome outcome = Convert(value, target, out decimal result);
        return outcome == ExactDecimal.Outcome.Exact
            ? KtxhResult<decimal>.ForValue(result)
            : KtxhResult<decimal>.ForError(ConversionError(outcome, value, target));
    }

    /// <summary>The exact factor by which a value in this unit is multiplied to express it in <paramref name="target"/>.</summary>
    /// <param name="target">The target unit.</param>
    /// <returns>The factor (1000 from tỷ to triệu đồng), or an error when the dimensions differ or the factor is not a terminating decimal.</returns>
    public KtxhResult<decimal> FactorTo(MeasureUnit target) => ConvertTo(1m, target);

    /// <summary>
    /// The product unit, e.g. tấn × km = tấn.km. Code <c>A_X_B</c>, names "A.B", scale the product of the scales.
    /// </summary>
    /// <param name="other">The other factor.</param>
    /// <returns>The compound unit (additive only if both are).</returns>
    /// <exception cref="ArgumentException">The product of the scales does not fit a decimal.</exception>
    public MeasureUnit Multiply(MeasureUnit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ExactDecimal.TryMultiplyByRatio(Scale, ToRatio(other.Scale).Numerator, ToRatio(other.Scale).Denominator, out decimal scale) != ExactDecimal.Outcome.Exact)
        {
            throw new ArgumentException("Hệ số của đơn vị ghép vượt quá phạm vi decimal / The compound scale does not fit a decimal", nameof(other));
        }

        return new MeasureUnit(Code + "_X_" + other.Code, NameVi + "." + other.NameVi, NameEn + "-" + other.NameEn, Dimension * other.Dimension, scale, null, IsAdditive && other.IsAdditive);
    }

    /// <summary>
    /// The quotient unit, e.g. tạ ÷ ha = tạ/ha (scale 100 / 10,000 = 0.01 kg/m²). Code <c>A_PER_B</c>, names "A/B".
    /// A quotient is a rate and is never additive.
    /// </summary>
    /// <param name="other">The divisor unit.</param>
    /// <returns>The compound unit.</returns>
    /// <exception cref="ArgumentException">The quotient of the scales is not an exact decimal.</exception>
    public MeasureUnit Divide(MeasureUnit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ExactDecimal.TryMultiplyByRatio(Scale, ToRatio(other.Scale).Denominator, ToRatio(other.Scale).Numerator, out decimal scale) != ExactDecimal.Outcome.Exact)
        {
            throw new ArgumentException("Hệ số của đơn vị ghép không phải số thập phân chính xác / The compound scale is not an exact decimal", nameof(other));
        }

        return new MeasureUnit(Code + "_PER_" + other.Code, NameVi + "/" + other.NameVi, NameEn + " per " + other.NameEn, Dimension / other.Dimension, scale, null, isAdditive: false);
    }

    /// <inheritdoc />
    public bool Equals(MeasureUnit? other) =>
        other is not null && (ReferenceEquals(this, other) ||
        (string.Equals(Code, other.Code, StringComparison.Ordinal) && Scale == other.Scale && Dimension == other.Dimension));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MeasureUnit);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>Equality by code, dimension and scale.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns><c>true</c> when equal.</returns>
    public static bool operator ==(MeasureUnit? left, MeasureUnit? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The left operand.</param>
    /// <param name="right">The right operand.</param>
    /// <returns><c>true</c> when different.</returns>
    public static bool operator !=(MeasureUnit? left, MeasureUnit? right) => !(left == right);

    /// <summary>The code and the Vietnamese name, e.g. <c>VND_BN (Tỷ đồng)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Code + " (" + NameVi + ")";

    internal ExactDecimal.Outcome Convert(decimal value, MeasureUnit target, out decimal result)
    {
        if (ReferenceEquals(this, target) || (_scaleMantissa == target._scaleMantissa && _scaleExponent == target._scaleExponent))
        {
            result = value;
            return ExactDecimal.Outcome.Exact;
        }

        int k = _scaleExponent - target._scaleExponent;
        if (_scaleMantissa == target._scaleMantissa)
        {
            // The common case (triệu ↔ tỷ đồng, tấn ↔ nghìn tấn, tạ ↔ tấn): a shift of the decimal point.
            return ExactDecimal.TryScaleByPowerOfTen(value, k, out result);
        }

        BigInteger numerator = _scaleMantissa;
        BigInteger denominator = target._scaleMantissa;
        if (k > 0)
        {
            numerator *= BigInteger.Pow(10, k);
        }
        else if (k < 0)
        {
            denominator *= BigInteger.Pow(10, -k);
        }

        return ExactDecimal.TryMultiplyByRatio(value, numerator, denominator, out result);
    }

    internal KtxhError ConversionError(ExactDecimal.Outcome outcome, decimal value, MeasureUnit target)
    {
        string v = value.ToString(CultureInfo.InvariantCulture);
        string what = v + " " + NameVi + " → " + target.NameVi;
        string whatEn = v + " " + NameEn + " → " + target.NameEn;
        return outcome switch
        {
            ExactDecimal.Outcome.NonTerminating => MeasureUnitErrors.Create(MeasureUnitErrorCode.InexactConversion,
                "Kết quả chuyển đổi " + what + " không phải số thập phân hữu hạn",
                "The conversion " + whatEn + " has no exact decimal result", null),
            ExactDecimal.Outcome.Overflow => MeasureUnitErrors.Create(MeasureUnitErrorCode.Overflow,
                "Kết quả chuyển đổi " + what + " vượt quá giá trị lớn nhất của decimal",
                "The conversion " + whatEn + " exceeds the largest decimal", null),
            _ => MeasureUnitErrors.Create(MeasureUnitErrorCode.PrecisionExceeded,
                "Kết quả chuyển đổi " + what + " cần nhiều hơn 28 chữ số có nghĩa hoặc thập phân",
                "The conversion " + whatEn + " needs more than 28 significant or decimal digits", null),
        };
    }

    private static (BigInteger Numerator, BigInteger Denominator) ToRatio(decimal d)
    {
        (BigInteger m, int e) = ExactDecimal.Reduce(d);
        return e >= 0 ? (m * BigInteger.Pow(10, e), BigInteger.One) : (m, BigInteger.Pow(10, -e));
    }
}
