using Ktxh.Indicators.Forms;
using Ktxh.Periods;

namespace Ktxh.Indicators.DataValues;

/// <summary>
/// One reported figure: an indicator's value for a reporting unit and period, possibly disaggregated and for a
/// given form column, at a maturity level. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Numbers are exact <see cref="decimal"/>s; text indicators carry <see cref="Text"/> instead. The same indicator,
/// unit and period is revised through the maturity levels (estimate → preliminary → official, seed 003 Điều 9.3c) and
/// every level is kept, so <see cref="Maturity"/> is part of a value's identity. The reporting unit is referred to by
/// its code only, which keeps values independent of the administrative-unit model.
/// </remarks>
public sealed record DataValue
{
    /// <summary>Gets the indicator code.</summary>
    public required string IndicatorCode { get; init => field = VietnameseText.Normalize(value) ?? string.Empty; }

    /// <summary>Gets the reporting unit's code (a department, commune, province…).</summary>
    public required string ReportingUnitCode { get; init => field = VietnameseText.Normalize(value) ?? string.Empty; }

    /// <summary>Gets the reporting period.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Gets the disaggregation categories; <see cref="DisaggregationKey.Total"/> for the total.</summary>
    public DisaggregationKey Disaggregation { get; init; }

    /// <summary>Gets the form column (measure) the value is for; <see cref="FormColumnKind.ThisPeriod"/> by default.</summary>
    public FormColumnKind Column { get; init; } = FormColumnKind.ThisPeriod;

    /// <summary>Gets the exact numeric value, or <see langword="null"/> for a text value.</summary>
    public decimal? Value { get; init; }

    /// <summary>Gets the text of a <see cref="ValueKind.Text"/> indicator, or <see langword="null"/>.</summary>
    public string? Text { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the maturity level; <see cref="Maturity.Official"/> by default.</summary>
    public Maturity Maturity { get; init; } = Maturity.Official;

    /// <summary>Gets a comment (an explanation of the figure), if any.</summary>
    public string? Comment { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the unit code when it differs from the indicator's unit (such as <c>trieu-dong</c> for an indicator in tỷ đồng); <see langword="null"/> means the indicator's unit.</summary>
    public string? MeasureUnitCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Creates a numeric value.</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <param name="reportingUnitCode">The reporting unit's code.</param>
    /// <param name="period">The period.</param>
    /// <param name="value">The exact value.</param>
    /// <param name="maturity">The maturity level.</param>
    /// <returns>The data value.</returns>
    public static DataValue Number(string indicatorCode, string reportingUnitCode, ReportingPeriod period, decimal value, Maturity maturity = Maturity.Official) =>
        new() { IndicatorCode = indicatorCode, ReportingUnitCode = reportingUnitCode, Period = period, Value = value, Maturity = maturity };

    /// <summary>Creates a text value.</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <param name="reportingUnitCode">The reporting unit's code.</param>
    /// <param name="period">The period.</param>
    /// <param name="text">The text.</param>
    /// <param name="maturity">The maturity level.</param>
    /// <returns>The data value.</returns>
    public static DataValue OfText(string indicatorCode, string reportingUnitCode, ReportingPeriod period, string text, Maturity maturity = Maturity.Official) =>
        new() { IndicatorCode = indicatorCode, ReportingUnitCode = reportingUnitCode, Period = period, Text = text, Maturity = maturity };
}
