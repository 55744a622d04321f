namespace Ktxh.Indicators;

/// <summary>Which aggregation methods fit which value kind, in each direction. Pure functions; thread-safe.</summary>
/// <remarks>
/// The table encodes the aggregation practice of Vietnamese reporting (DOMAIN.md, "Aggregation practice"; Decree
/// 62/2024/NĐ-CP): amounts and counts add up over units and time (or, when reported cumulatively, take the last value
/// over time); stocks add up over units and take the last value (or
/// an average, min or max) over time; percentages, rates and averages are recomputed from numerator and denominator
/// (<see cref="AggregationMethod.Ratio"/>), weighted or derived by formula, never summed; indices are weighted (and over
/// time may be averaged, as the annual average CPI is the mean of the monthly indices); levels take min, max, averages or
/// the last value; text is never aggregated. <see cref="AggregationMethod.None"/> fits every kind.
/// </remarks>
public static class AggregationRuleFit
{
    private static readonly AggregationMethod[] Additive =
        [AggregationMethod.Sum, AggregationMethod.Formula, AggregationMethod.None];

    // Over time, an amount or count reported cumulatively (sown area "to date", lũy kế tiến độ gieo trồng) takes the
    // last value instead of the sum: Last is allowed, but never an average.
    private static readonly AggregationMethod[] AdditiveOverTime =
        [AggregationMethod.Sum, AggregationMethod.Last, AggregationMethod.Formula, AggregationMethod.None];

    /// <summary>Gets the methods allowed for a value kind across reporting units.</summary>
    /// <param name="kind">The value kind.</param>
    /// <returns>The allowed methods.</returns>
    public static IReadOnlyList<AggregationMethod> AllowedAcrossUnits(ValueKind kind) => kind switch
    {
        ValueKind.Amount => Additive,
        ValueKind.Stock => Additive,
        ValueKind.Count => [AggregationMethod.Sum, AggregationMethod.Count, AggregationMethod.Formula, AggregationMethod.None],
        ValueKind.Percentage or ValueKind.Rate or ValueKind.Average =>
            [AggregationMethod.Ratio, AggregationMethod.WeightedAverage, AggregationMethod.Formula, AggregationMethod.Min, AggregationMethod.Max, AggregationMethod.None],
        ValueKind.Index => [AggregationMethod.WeightedAverage, AggregationMethod.Ratio, AggregationMethod.Formula, AggregationMethod.None],
        ValueKind.Level =>
            [AggregationMethod.Average, AggregationMethod.WeightedAverage, AggregationMethod.Min, AggregationMethod.Max, AggregationMethod.Formula, AggregationMethod.None],
        ValueKind.Text => [AggregationMethod.None],
        _ => [],
    };

    /// <summary>Gets the methods allowed for a value kind across time.</summary>
    /// <param name="kind">The value kind.</param>
    /// <returns>The allowed methods.</returns>
    public static IReadOnlyList<AggregationMethod> AllowedAcrossTime(ValueKind kind) => kind switch
    {
        ValueKind.Amount => AdditiveOverTime,
        ValueKind.Count => [AggregationMethod.Sum, AggregationMethod.Last, AggregationMethod.Count, AggregationMethod.Formula, AggregationMethod.None],
        ValueKind.Stock =>
            [AggregationMethod.Last, AggregationMethod.Average, AggregationMethod.DayWeightedAverage, AggregationMethod.Min, AggregationMethod.Max, AggregationMethod.Formula, AggregationMethod.None],
        ValueKind.Percentage or ValueKind.Rate or ValueKind.Average =>
            [AggregationMethod.Ratio, AggregationMethod.WeightedAverage, AggregationMethod.DayWeightedAverage, AggregationMethod.Last, AggregationMethod.Formula, AggregationMethod.Min, AggregationMethod.Max, AggregationMethod.None],
        ValueKind.Index =>
            [AggregationMethod.Average, AggregationMethod.WeightedAverage, AggregationMethod.Last, AggregationMethod.Ratio, AggregationMethod.Formula, AggregationMethod.None],
        ValueKind.Level =>
            [AggregationMethod.Last, AggregationMethod.Average, AggregationMethod.DayWeightedAverage, AggregationMethod.Min, AggregationMethod.Max, AggregationMethod.Formula, AggregationMethod.None],
        ValueKind.Text => [AggregationMethod.None],
        _ => [],
    };

    /// <summary>Tells whether a method fits a value kind across reporting units.</summary>
    /// <param name="kind">The value kind.</param>
    /// <param name="method">The method.</param>
    /// <returns><see langword="true"/> when the method is allowed.</returns>
    public static bool FitsAcrossUnits(ValueKind kind, AggregationMethod method) => AllowedAcrossUnits(kind).Contains(method);

    /// <summary>Tells whether a method fits a value kind across time.</summary>
    /// <param name="kind">The value kind.</param>
    /// <param name="method">The method.</param>
    /// <returns><see langword="true"/> when the method is allowed.</returns>
    public static bool FitsAcrossTime(ValueKind kind, AggregationMethod method) => AllowedAcrossTime(kind).Contains(method);

    /// <summary>Gets the default rule across units for a value kind (what the TSV loader and builder use when none is given).</summary>
    /// <param name="kind">The value kind.</param>
    /// <returns><see cref="AggregationMethod.Sum"/> for amounts, stocks and counts; <see cref="AggregationMethod.None"/> otherwise (a ratio needs its operands stated).</returns>
    public static AggregationRule DefaultAcrossUnits(ValueKind kind) =>
        kind is ValueKind.Amount or ValueKind.Stock or ValueKind.Count ? AggregationRule.Sum : AggregationRule.None;

    /// <summary>Gets the default rule across time for a value kind.</summary>
    /// <param name="kind">The value kind.</param>
    /// <returns><see cref="AggregationMethod.Sum"/> for amounts and counts, <see cref="AggregationMethod.Last"/> for stocks, <see cref="AggregationMethod.None"/> otherwise.</returns>
    public static AggregationRule DefaultAcrossTime(ValueKind kind) => kind switch
    {
        ValueKind.Amount or ValueKind.Count => AggregationRule.Sum,
        ValueKind.Stock => AggregationRule.Last,
        _ => AggregationRule.None,
    };

    /// <summary>Tells whether values of a kind add up (components may be checked against their parent).</summary>
    /// <param name="kind">The value kind.</param>
    /// <returns><see langword="true"/> for amounts, stocks and counts.</returns>
    public static bool IsAdditive(ValueKind kind) => kind is ValueKind.Amount or ValueKind.Stock or ValueKind.Count;
}
