namespace Ktxh.Indicators;

/// <summary>
/// How values are combined, across reporting units or across time (see <see cref="AggregationRule"/>).
/// </summary>
/// <remarks>
/// As in DHIS2, which separates the "aggregation type" from the "aggregation type over time", an indicator states a
/// method for each direction (<see cref="Indicator.AcrossUnits"/>, <see cref="Indicator.AcrossTime"/>).
/// The member names are the ones used by the built-in TSV data and the JSON schema; do not rename them.
/// </remarks>
public enum AggregationMethod
{
    /// <summary>The sum of the values.</summary>
    Sum = 1,

    /// <summary>The value of the latest sub-period (over time) or of the single reporting unit.</summary>
    Last = 2,

    /// <summary>The unweighted arithmetic mean of the values.</summary>
    Average = 3,

    /// <summary>The mean of the values weighted by the number of days each sub-period covers.</summary>
    DayWeightedAverage = 4,

    /// <summary>The mean weighted by another indicator's value (<see cref="AggregationRule.WeightIndicatorCode"/>).</summary>
    WeightedAverage = 5,

    /// <summary>The smallest value.</summary>
    Min = 6,

    /// <summary>The largest value.</summary>
    Max = 7,

    /// <summary>The number of values reported.</summary>
    Count = 8,

    /// <summary>
    /// The ratio of aggregates: the aggregated numerator over the aggregated denominator times a factor
    /// (<see cref="AggregationRule.NumeratorCode"/>, <see cref="AggregationRule.DenominatorCode"/>, <see cref="AggregationRule.Factor"/>).
    /// </summary>
    Ratio = 9,

    /// <summary>Recomputed from aggregated inputs with a formula (<see cref="AggregationRule.Formula"/>).</summary>
    Formula = 10,

    /// <summary>Not aggregated: the value exists only for the unit and period it was reported for.</summary>
    None = 11,
}
