namespace Ktxh.Indicators;

/// <summary>
/// What an indicator's value measures, which decides how it may be aggregated (see <see cref="AggregationRule"/>).
/// </summary>
/// <remarks>
/// Vietnamese reporting practice sums amounts, takes the last value of stocks over time and never sums percentages,
/// rates, averages or indices: those are recomputed from their numerator and denominator or weighted (Decree
/// 62/2024/NĐ-CP on the national statistical indicator system; the aggregation practice summarised in DOMAIN.md).
/// The member names are the ones used by the built-in TSV data and the JSON schema; do not rename them.
/// </remarks>
public enum ValueKind
{
    /// <summary>A flow amount over the period (money, production, area sown): additive over units and time.</summary>
    Amount = 1,

    /// <summary>A stock measured at a moment (population at period end, enterprises operating): additive over units, last value over time.</summary>
    Stock = 2,

    /// <summary>A count of events in the period (births, accidents, new enterprises): additive over units and time.</summary>
    Count = 3,

    /// <summary>A percentage (share, growth): never summed; recomputed from numerator and denominator or weighted.</summary>
    Percentage = 4,

    /// <summary>A rate per some base (per 1,000 or 10,000 people): never summed; recomputed from numerator and denominator.</summary>
    Rate = 5,

    /// <summary>An average (income per capita, average wage): never summed; a ratio of aggregates or weighted.</summary>
    Average = 6,

    /// <summary>An index (price index, industrial production index): never summed; weighted.</summary>
    Index = 7,

    /// <summary>A level or grade that is not additive (water level, ranking score): min, max, average or last.</summary>
    Level = 8,

    /// <summary>A text value (a name, an assessment): never aggregated.</summary>
    Text = 9,
}
