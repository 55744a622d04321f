using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>
/// One aggregate: an indicator (optionally one disaggregation) for one reporting unit at any level and one period,
/// with its exact value, coverage, maturity and flags.
/// </summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Disaggregation">The disaggregation, or null for the total.</param>
/// <param name="UnitCode">The reporting unit (commune, province, the nation, an agency).</param>
/// <param name="Period">The period.</param>
/// <param name="Value">The exact value, or null when it is missing (no data, withheld, division by zero…; see
/// <paramref name="Flags"/>). Not rounded: round to the indicator's precision only when presenting.</param>
/// <param name="Coverage">Units that reported of units expected.</param>
/// <param name="Maturity">The maturity of its least mature input, or null when it has no input.</param>
/// <param name="Flags">What the consumer must know.</param>
public readonly record struct Aggregate(
    string IndicatorCode,
    string? Disaggregation,
    string UnitCode,
    ReportingPeriod Period,
    decimal? Value,
    Coverage Coverage,
    Maturity? Maturity,
    AggregateFlags Flags);
