using FsCheck;
using FsCheck.Fluent;
using Ktxh.Aggregation;
using Ktxh.Indicators;

namespace Ktxh.Aggregation.Tests;

/// <summary>A generated set of monthly inputs over the test world's communes.</summary>
public sealed record Dataset(IReadOnlyList<AggregationInput> Inputs, int Seed)
{
    /// <inheritdoc />
    public override string ToString() => $"{Inputs.Count} inputs, seed {Seed}: " + string.Join("; ", Inputs.Take(20).Select(i => $"{i.IndicatorCode} {i.UnitCode} {i.Period.Id} {i.Value} {i.Maturity}"));
}

/// <summary>FsCheck generators for the aggregation tests.</summary>
public static partial class Arbitraries
{
    /// <summary>Datasets of 0–120 inputs: indicators A (sum), S (stock), N and D (ratio operands), MX (max); values with
    /// up to 3 decimals, possibly negative for A; at most one revision per maturity level of a value.</summary>
    public static Arbitrary<Dataset> Datasets()
    {
        string[] indicators = ["A", "S", "N", "D", "MX"];
        Gen<AggregationInput> one =
            from ind in Gen.Elements(indicators)
            from unit in Gen.Elements(World.Communes)
            from month in Gen.Choose(1, 12)
            from cents in Gen.Choose(ind == "A" ? -100000 : 0, 1000000)
            from mat in Gen.Elements(Maturity.Estimate, Maturity.Preliminary, Maturity.Official)
            select World.In(ind, unit, World.M(month), cents / 1000m, mat);
        Gen<Dataset> gen =
            from list in Gen.ListOf(one).Select(l => l.Take(120).ToList())
            from seed in Gen.Choose(0, int.MaxValue - 1)
            select new Dataset(
                list.GroupBy(i => (i.IndicatorCode, i.UnitCode, i.Period, i.Maturity)).Select(g => g.First()).ToList(),
                seed);
        return gen.ToArbitrary();
    }
}
