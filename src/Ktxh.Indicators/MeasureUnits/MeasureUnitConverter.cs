namespace Ktxh.Indicators.MeasureUnits;

/// <summary>
/// Exact conversion of values between units of the same dimension, and sums of values given in different units.
/// </summary>
/// <remarks>
/// <para>Conversion multiplies by the ratio of the scales in exact rational arithmetic and returns the result only
/// when it is exactly a <see cref="decimal"/>: at most 28 decimal places and a 96-bit mantissa (28–29 significant
/// digits, magnitude below about 7.9 × 10²⁸). Nothing is ever rounded, so a conversion that succeeds both ways
/// (a → b → a) gives back the original value, and converting a sum equals summing the conversions.</para>
/// <para>Between units whose scales differ by a power of ten (every money, mass, area and count unit of seed 004)
/// a conversion fails only when the shifted value exceeds those limits: a value with d significant digits
/// converted by 10^k needs d + k ≤ 28 digits before the point, or at most 28 places after it.</para>
/// <para>Different dimensions never convert: tấn → ha, VND → USD (no exchange rates), hộ → người. Thread-safe.</para>
/// </remarks>
public static class MeasureUnitConverter
{
    /// <summary>True when values in <paramref name="from"/> can be converted into <paramref name="to"/> (same dimension).</summary>
    /// <param name="from">The source unit.</param>
    /// <param name="to">The target unit.</param>
    /// <returns><c>true</c> when the dimensions are equal.</returns>
    public static bool CanConvert(MeasureUnit from, MeasureUnit to)
    {
        ArgumentNullException.ThrowIfNull(from);
        return from.CanConvertTo(to);
    }

    /// <summary>Converts a value exactly; see <see cref="MeasureUnit.ConvertTo"/>.</summary>
    /// <param name="value">The value in <paramref name="from"/>.</param>
    /// <param name="from">The source unit.</param>
    /// <param name="to">The target unit.</param>
    /// <returns>The exact value in <paramref name="to"/>, or an error (different dimensions, inexact, out of range).</returns>
    public static KtxhResult<decimal> Convert(decimal value, MeasureUnit from, MeasureUnit to)
    {
        ArgumentNullException.ThrowIfNull(from);
        return from.ConvertTo(value, to);
    }

    /// <summary>Converts a value exactly, without allocating an error.</summary>
    /// <param name="value">The value in <paramref name="from"/>.</param>
    /// <param name="from">The source unit.</param>
    /// <param name="to">The target unit.</param>
    /// <param name="result">The exact value in <paramref name="to"/>, or 0 on failure.</param>
    /// <returns><c>true</c> when the dimensions are equal and the exact result fits a decimal.</returns>
    public static bool TryConvert(decimal value, MeasureUnit from, MeasureUnit to, out decimal result)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        result = 0m;
        return from.Dimension == to.Dimension && from.Convert(value, to, out result) == ExactDecimal.Outcome.Exact;
    }

    /// <summary>
    /// Converts the texts of two units through a registry and the value between them, e.g.
    /// <c>Convert(1234.5m, "Triệu đồng", "Tỷ đồng")</c> = 1.2345.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="fromText">The source unit text.</param>
    /// <param name="toText">The target unit text.</param>
    /// <param name="registry">The registry; <see cref="MeasureUnitRegistry.Default"/> when null.</param>
    /// <returns>The exact value, or the errors (unknown unit texts, different dimensions, inexact).</returns>
    public static KtxhResult<decimal> Convert(decimal value, string fromText, string toText, MeasureUnitRegistry? registry = null)
    {
        registry ??= MeasureUnitRegistry.Default;
        KtxhResult<MeasureUnit> from = registry.Resolve(fromText);
        KtxhResult<MeasureUnit> to = registry.Resolve(toText);
        if (!from.Success || !to.Success)
        {
            return KtxhResult<decimal>.ForErrors(from.Errors.Concat(to.Errors));
        }

        return from.Value.ConvertTo(value, to.Value);
    }

    /// <summary>
    /// Sums values given in several units of one dimension, expressed in <paramref name="target"/>: aggregation
    /// converts, it never mixes. Fails (with every problem) when a unit is of another dimension, is not additive
    /// (%, ratios, rates), or a value cannot be converted exactly, or the sum overflows.
    /// </summary>
    /// <param name="values">The values with their units.</param>
    /// <param name="target">The unit of the total.</param>
    /// <returns>The exact total, or the errors.</returns>
    public static KtxhResult<decimal> Sum(IEnumerable<(decimal Value, MeasureUnit Unit)> values, MeasureUnit target)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(target);
        var errors = new List<KtxhError>();
        decimal total = 0m;
        int index = 0;
        foreach ((decimal value, MeasureUnit unit) in values)
        {
            ErrorLocation where = ErrorLocation.AtIndex(index++);
            if (!unit.IsAdditive || !target.IsAdditive)
            {
                MeasureUnit bad = unit.IsAdditive ? target : unit;
                errors.Add(MeasureUnitErrors.Create(MeasureUnitErrorCode.IncompatibleDimensions,
                    "Không được cộng các giá trị theo '" + bad.NameVi + "' (tỷ lệ, chỉ số, bình quân được tính lại từ tử số và mẫu số)",
                    "Values in '" + bad.NameEn + "' are not summed (rates, indices and averages are recomputed from numerator and denominator)", where));
                continue;
            }

            KtxhResult<decimal> converted = unit.ConvertTo(value, target);
            if (!converted.Success)
            {
                errors.Add(converted.Errors[0] with { Location = where });
                continue;
            }

            ExactDecimal.Outcome added = ExactDecimal.TryAdd(total, converted.Value, out decimal next);
            if (added != ExactDecimal.Outcome.Exact)
            {
                errors.Add(MeasureUnitErrors.Create(added == ExactDecimal.Outcome.Overflow ? MeasureUnitErrorCode.Overflow : MeasureUnitErrorCode.PrecisionExceeded,
                    "Tổng không biểu diễn chính xác được bằng decimal (quá 28 chữ số)", "The total cannot be held exactly in a decimal (more than 28 digits)", where));
                break;
            }

            total = next;
        }

        return errors.Count == 0 ? KtxhResult<decimal>.ForValue(total) : KtxhResult<decimal>.ForErrors(errors);
    }
}
