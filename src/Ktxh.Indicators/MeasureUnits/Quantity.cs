using System.Globalization;

namespace Ktxh.Indicators.MeasureUnits;

/// <summary>
/// An exact amount with its unit of measure, e.g. 1,234.5 triệu đồng. Equality is by value and unit (1 tỷ đồng and
/// 1,000 triệu đồng are different values); use <see cref="IsEquivalentTo"/> to compare amounts across units.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct Quantity
{
    /// <summary>Creates a quantity.</summary>
    /// <param name="value">The amount in <paramref name="unit"/>.</param>
    /// <param name="unit">The unit.</param>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public Quantity(decimal value, MeasureUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        Value = value;
        Unit = unit;
    }

    /// <summary>The amount in <see cref="Unit"/>.</summary>
    public decimal Value { get; }

    /// <summary>The unit of measure.</summary>
    public MeasureUnit Unit { get; }

    /// <summary>The same amount in another unit, exactly; see <see cref="MeasureUnit.ConvertTo"/>.</summary>
    /// <param name="target">The target unit.</param>
    /// <returns>The converted quantity, or the error (different dimensions, inexact, out of range).</returns>
    public KtxhResult<Quantity> ConvertTo(MeasureUnit target)
    {
        ArgumentNullException.ThrowIfNull(target);
        KtxhResult<decimal> r = Unit.ConvertTo(Value, target);
        return r.Success ? KtxhResult<Quantity>.ForValue(new Quantity(r.Value, target)) : KtxhResult<Quantity>.ForErrors(r.Errors);
    }

    /// <summary>
    /// This quantity plus another, in this quantity's unit, exactly. Refused for different dimensions and for
    /// non-additive units (%, ratios, rates, averages, levels), which are recomputed, never summed.
    /// </summary>
    /// <param name="other">The quantity to add.</param>
    /// <returns>The sum, or the errors.</returns>
    public KtxhResult<Quantity> Add(Quantity other)
    {
        MeasureUnit unit = Unit;
        KtxhResult<decimal> sum = MeasureUnitConverter.Sum(new[] { (Value, Unit), (other.Value, other.Unit) }, unit);
        return sum.Success ? KtxhResult<Quantity>.ForValue(new Quantity(sum.Value, unit)) : KtxhResult<Quantity>.ForErrors(sum.Errors);
    }

    /// <summary>True when both quantities are the same amount of the same dimension (1 tỷ đồng ≡ 1,000 triệu đồng).</summary>
    /// <param name="other">The other quantity.</param>
    /// <returns><c>true</c> when equivalent.</returns>
    public bool IsEquivalentTo(Quantity other)
    {
        // Equal amounts convert exactly (the result is this.Value), so a failed conversion means "different".
        return other.Unit is not null && Unit is not null
            && MeasureUnitConverter.TryConvert(other.Value, other.Unit, Unit, out decimal converted) && converted == Value;
    }

    /// <summary>The value (invariant culture) and the Vietnamese unit name, e.g. "1.2345 Tỷ đồng".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture) + " " + (Unit?.NameVi ?? "?");
}
