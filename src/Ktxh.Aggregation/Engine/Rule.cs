namespace Ktxh.Aggregation.Engine;

/// <summary>The kernel's view of an aggregation method (mirrors the catalogue's method, one per direction).</summary>
internal enum Rule : byte
{
    Sum,
    Last,
    Average,
    DayWeightedAverage,
    WeightedAverage,
    Min,
    Max,
    Count,
    Ratio,
    Formula,
    None,
}

/// <summary>A derived value computed from the values of other series at the same unit and period.</summary>
internal readonly record struct DerivedValue(decimal? Value, AggregateFlags Flags);

/// <summary>Evaluates a derived series from a lookup of its inputs' values (by series index) at one unit and period.</summary>
internal delegate DerivedValue DerivedEvaluator(Func<int, decimal?> input);

/// <summary>How one series (an indicator, optionally one disaggregation of it) is aggregated.</summary>
internal sealed class SeriesPlan
{
    public required int Index { get; init; }

    public required string IndicatorCode { get; init; }

    public string? Disaggregation { get; init; }

    public Rule AcrossUnits { get; init; } = Rule.Sum;

    public Rule AcrossTime { get; init; } = Rule.Sum;

    public int Numerator { get; init; } = -1;

    public int Denominator { get; init; } = -1;

    public decimal Factor { get; init; } = 1m;

    public int Weight { get; init; } = -1;

    public DerivedEvaluator? Formula { get; init; }

    public int[] FormulaInputs { get; init; } = [];

    /// <summary>Why the series is not aggregated (Vietnamese / English), or null.</summary>
    public string? NotAggregableReason { get; set; }

    public bool IsDerived => AcrossUnits is Rule.Ratio or Rule.Formula || AcrossTime is Rule.Ratio or Rule.Formula;

    /// <summary>The series this one needs computed first.</summary>
    public IEnumerable<int> Dependencies()
    {
        if (Weight >= 0)
        {
            yield return Weight;
        }

        if (IsDerived)
        {
            if (Numerator >= 0)
            {
                yield return Numerator;
            }

            if (Denominator >= 0)
            {
                yield return Denominator;
            }

            foreach (int f in FormulaInputs)
            {
                yield return f;
            }
        }
    }
}
