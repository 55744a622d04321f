using Ktxh.Indicators;
using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.Forms;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>
/// One value fed to the aggregation engine: an indicator, the reporting unit that reported it, the period, the value,
/// its maturity and, optionally, a disaggregation (phân tổ) and the unit of measure it was entered in.
/// </summary>
/// <param name="IndicatorCode">The catalogue code of the indicator.</param>
/// <param name="UnitCode">The code of the reporting unit (commune, province, agency) that reported the value.</param>
/// <param name="Period">The period the value is for.</param>
/// <param name="Value">The value, exact.</param>
/// <param name="Maturity">Its maturity (ước tính → sơ bộ → chính thức); several revisions of one value may be fed.</param>
/// <param name="Disaggregation">The disaggregation the value belongs to (e.g. <c>GT=NU</c>), or null for the total.</param>
/// <param name="MeasureUnitCode">The unit of measure the value was entered in, or null for the indicator's own unit.</param>
/// <remarks>A small immutable value; thread-safe.</remarks>
public readonly record struct AggregationInput(
    string IndicatorCode,
    string UnitCode,
    ReportingPeriod Period,
    decimal Value,
    Maturity Maturity = Maturity.Official,
    string? Disaggregation = null,
    string? MeasureUnitCode = null)
{
    /// <summary>The input for a catalogue <see cref="DataValue"/>.</summary>
    /// <param name="value">The data value.</param>
    /// <returns>The input, or null when the value is not a number or is not a this-period figure (cumulative and
    /// comparison columns are recomputed by the engine, never added).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static AggregationInput? FromDataValue(DataValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Value is not decimal v || value.Column != FormColumnKind.ThisPeriod)
        {
            return null;
        }

        return new AggregationInput(
            value.IndicatorCode,
            value.ReportingUnitCode,
            value.Period,
            v,
            value.Maturity,
            value.Disaggregation.IsTotal ? null : value.Disaggregation.Canonical,
            value.MeasureUnitCode);
    }
}
