using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>The validator applies Ktxh.Indicators' <see cref="CatalogueRules"/>: values are compared after exact unit conversion.</summary>
public class CatalogueRulesValidationTests
{
    internal static readonly IndicatorCatalogue Money = BuildMoney();

    [Theory]
    [InlineData("500000000000", false)] // 500 tỷ đồng under a parent of 1,000 tỷ đồng
    [InlineData("1000000000000", false)]
    [InlineData("1200000000000", true)] // 1,200 tỷ đồng
    public void An_of_which_row_entered_in_dong_is_compared_with_its_parent_in_ty_dong(string dong, bool flagged)
    {
        decimal amount = decimal.Parse(dong, System.Globalization.CultureInfo.InvariantCulture);
        IReadOnlyList<ValidationFinding> findings = new Validator(Money).Validate(
            [World.In("T", "x", World.M(1), 1_000m), World.In("T3", "x", World.M(1), amount, measure: "VND")]);
        Assert.Equal(flagged, findings.Any(f => f.RuleCode == "OF_WHICH"));
        Assert.DoesNotContain(findings, f => f.RuleCode != "OF_WHICH");
        if (flagged)
        {
            ValidationFinding finding = findings.Single();
            Assert.Contains(finding.Values, v => v.Key == "T3" && v.Value == 1_200m); // in the parent's unit
        }
    }

    [Fact]
    public void Components_entered_in_other_units_add_up_in_the_parents_unit()
    {
        var v = new Validator(Money);
        Assert.DoesNotContain(v.Validate([World.In("T", "x", World.M(1), 10m), World.In("T1", "x", World.M(1), 4_000m, measure: "VND_M"), World.In("T2", "x", World.M(1), 6_400_000_000m, measure: "VND")]), f => f.RuleCode == "COMPONENTS");
        Assert.Contains(v.Validate([World.In("T", "x", World.M(1), 10_000m, measure: "VND_M"), World.In("T1", "x", World.M(1), 4m), World.In("T2", "x", World.M(1), 6.6m)]), f => f.RuleCode == "COMPONENTS");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public Property Reentering_every_value_in_another_money_unit_never_changes_the_findings(MoneySet set)
    {
        var validator = new Validator(Money);
        string[] Shape(IReadOnlyList<ValidationFinding> f) => f.Select(x => $"{x.RuleCode} {x.UnitCode} {string.Join(",", x.Values.Select(v => v.Key))}").ToArray();
        string[] before = Shape(validator.Validate(set.InCatalogueUnit()));
        string[] after = Shape(validator.Validate(set.Reentered()));
        return before.SequenceEqual(after).Label($"before: {string.Join("; ", before)}; after: {string.Join("; ", after)}")
            .Classify(before.Length == 0, "valid")
            .Classify(before.Any(f => f.StartsWith("COMPONENTS", StringComparison.Ordinal)), "components broken")
            .Classify(before.Any(f => f.StartsWith("OF_WHICH", StringComparison.Ordinal)), "of-which broken");
    }

    private static IndicatorCatalogue BuildMoney()
    {
        var b = new IndicatorCatalogueBuilder().WithComponentTolerance(0.5m);
        Indicator M(string code, IndicatorRelation? relation) => new()
        {
            Code = code, NameVi = "Vốn " + code, ValueKind = ValueKind.Amount, MeasureUnitCode = "VND_BN", Periods = [PeriodType.Month], Relation = relation,
        };
        b.Add(M("T", null));
        b.Add(M("T1", IndicatorRelation.ComponentOf("T")));
        b.Add(M("T2", IndicatorRelation.ComponentOf("T")));
        b.Add(M("T3", IndicatorRelation.OfWhichOf("T")));
        return b.Build();
    }
}

/// <summary>Values of T = T1 + T2, of which T3 (tỷ đồng, tolerance 0.5), each with a money unit to re-enter it in.</summary>
public sealed record MoneySet(IReadOnlyList<(string Code, decimal BillionVnd, string ReenterIn)> Values)
{
    /// <summary>The values in the catalogue's unit.</summary>
    public IReadOnlyList<AggregationInput> InCatalogueUnit() => Values.Select(v => World.In(v.Code, "x", World.M(1), v.BillionVnd)).ToArray();

    /// <summary>The same values, each converted exactly into its other unit and entered in it.</summary>
    public IReadOnlyList<AggregationInput> Reentered() =>
        Values.Select(v => World.In(v.Code, "x", World.M(1), MeasureUnitConverter.Convert(v.BillionVnd, "VND_BN", v.ReenterIn).Value, measure: v.ReenterIn)).ToArray();

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", Values.Select(v => $"{v.Code}={v.BillionVnd} tỷ → {v.ReenterIn}"));
}

public static partial class Arbitraries
{
    /// <summary>Money sets: each of T, T1, T2, T3 present or not; T1 + T2 at, within or beyond the tolerance of T;
    /// T3 below, at or above T.</summary>
    public static Arbitrary<MoneySet> MoneySets()
    {
        Gen<MoneySet> gen =
            from total in Gen.Choose(0, 10_000_000)
            from split in Gen.Choose(0, 100)
            from off in Gen.Elements(0, 0, 30, 50, 51, -51, 2_000)
            from part in Gen.Elements(0, 40, 100, 101, 150)
            from present in Gen.ArrayOf(Gen.Elements(true, true, false), 4)
            from units in Gen.ArrayOf(Gen.Elements("VND", "VND_K", "VND_M", "VND_BN"), 4)
            select Build(total / 100m, split, off / 100m, part, present, units);
        return gen.ToArbitrary();

        static MoneySet Build(decimal total, int split, decimal off, int part, bool[] present, string[] units)
        {
            decimal t1 = Math.Round(total * split / 100m, 2);
            (string, decimal)[] all = [("T", total), ("T1", t1), ("T2", total - t1 + off), ("T3", Math.Round(total * part / 100m, 2))];
            return new MoneySet(all.Select((v, i) => (v.Item1, v.Item2, units[i])).Where((_, i) => present[i]).ToArray());
        }
    }
}
