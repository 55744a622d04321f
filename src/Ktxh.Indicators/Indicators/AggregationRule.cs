using Ktxh.Indicators.Formulas;

namespace Ktxh.Indicators;

/// <summary>
/// How an indicator's values are combined in one direction (across reporting units, or across time), with the
/// operands some methods need. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Which methods fit which <see cref="ValueKind"/> is decided by <see cref="AggregationRuleFit"/> and checked
/// when a catalogue is built: percentages, rates, averages and indices are never summed; stocks take the last value over
/// time; text is never aggregated (aggregation practice, DOMAIN.md; DHIS2 separates the two directions the same way).</para>
/// <para><see cref="AggregationMethod.Ratio"/> needs <see cref="NumeratorCode"/> and <see cref="DenominatorCode"/>
/// (the ratio of aggregates, times <see cref="Factor"/>: 100 for a percentage, 1,000 or 10,000 for a rate);
/// <see cref="AggregationMethod.WeightedAverage"/> needs <see cref="WeightIndicatorCode"/>;
/// <see cref="AggregationMethod.Formula"/> needs <see cref="Formula"/>.</para>
/// </remarks>
public sealed record AggregationRule
{
    /// <summary>Gets the method.</summary>
    public required AggregationMethod Method { get; init; }

    /// <summary>Gets the numerator indicator code for <see cref="AggregationMethod.Ratio"/>.</summary>
    public string? NumeratorCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the denominator indicator code for <see cref="AggregationMethod.Ratio"/>.</summary>
    public string? DenominatorCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the factor a ratio is multiplied by (100 for a percentage, 10,000 for "per 10,000"); 1 when absent.</summary>
    public decimal? Factor { get; init; }

    /// <summary>Gets the weight indicator code for <see cref="AggregationMethod.WeightedAverage"/>.</summary>
    public string? WeightIndicatorCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the formula for <see cref="AggregationMethod.Formula"/>, evaluated on the aggregated inputs.</summary>
    public Formula? Formula { get; init; }

    /// <summary>Gets the codes of the indicators this rule reads (numerator, denominator, weight, formula references).</summary>
    public IEnumerable<string> ReferencedCodes
    {
        get
        {
            if (NumeratorCode is not null)
            {
                yield return NumeratorCode;
            }

            if (DenominatorCode is not null)
            {
                yield return DenominatorCode;
            }

            if (WeightIndicatorCode is not null)
            {
                yield return WeightIndicatorCode;
            }

            if (Formula is not null)
            {
                foreach (string code in Formula.ReferencedCodes)
                {
                    yield return code;
                }
            }
        }
    }

    /// <summary>Gets the rule "sum the values".</summary>
    public static AggregationRule Sum { get; } = new() { Method = AggregationMethod.Sum };

    /// <summary>Gets the rule "take the last value".</summary>
    public static AggregationRule Last { get; } = new() { Method = AggregationMethod.Last };

    /// <summary>Gets the rule "do not aggregate".</summary>
    public static AggregationRule None { get; } = new() { Method = AggregationMethod.None };

    /// <summary>Creates a rule with a method that needs no operand.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The rule.</returns>
    public static AggregationRule Of(AggregationMethod method) => new() { Method = method };

    /// <summary>Creates a ratio-of-aggregates rule.</summary>
    /// <param name="numeratorCode">The numerator indicator code.</param>
    /// <param name="denominatorCode">The denominator indicator code.</param>
    /// <param name="factor">The factor (100 for a percentage).</param>
    /// <returns>The rule.</returns>
    public static AggregationRule Ratio(string numeratorCode, string denominatorCode, decimal factor = 1m) =>
        new() { Method = AggregationMethod.Ratio, NumeratorCode = numeratorCode, DenominatorCode = denominatorCode, Factor = factor };

    /// <summary>Creates a weighted-average rule.</summary>
    /// <param name="weightIndicatorCode">The indicator whose values weight the average.</param>
    /// <returns>The rule.</returns>
    public static AggregationRule Weighted(string weightIndicatorCode) =>
        new() { Method = AggregationMethod.WeightedAverage, WeightIndicatorCode = weightIndicatorCode };

    /// <summary>Creates a formula rule.</summary>
    /// <param name="formula">The formula text.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="FormatException">The formula does not parse.</exception>
    public static AggregationRule FromFormula(string formula) =>
        new() { Method = AggregationMethod.Formula, Formula = Formula.Parse(formula) };

    /// <inheritdoc/>
    public override string ToString() => Method switch
    {
        AggregationMethod.Ratio => $"Ratio({NumeratorCode}/{DenominatorCode}×{Factor ?? 1m})",
        AggregationMethod.WeightedAverage => $"WeightedAverage({WeightIndicatorCode})",
        AggregationMethod.Formula => $"Formula({Formula})",
        _ => Method.ToString(),
    };
}
