using FsCheck;
using FsCheck.Fluent;
using Ktxh.Periods;

namespace Ktxh.Indicators.Tests;

/// <summary>
/// Values of a tiny money catalogue (T = T1 + T2, of which T3; all in tỷ đồng, tolerance 0.5), each in tỷ đồng with
/// up to 2 decimals, and for each value a unit of the money dimension to re-enter it in (đồng, nghìn, triệu, tỷ).
/// About half the sets break a rule.
/// </summary>
public sealed record RelationSet(IReadOnlyList<(string Code, decimal BillionVnd, string ReenterIn)> Values)
{
    /// <summary>The catalogue the values belong to.</summary>
    public static IndicatorCatalogue Catalogue { get; } = BuildCatalogue();

    /// <summary>The reporting period of every value.</summary>
    public static ReportingPeriod Period { get; } = ReportingPeriod.Quarter(2025, 1);

    /// <summary>The values as entered: in the catalogue's unit.</summary>
    public IReadOnlyList<DataValue> InCatalogueUnit() =>
        Values.Select(v => DataValue.Number(v.Code, "SO-TC", Period, v.BillionVnd)).ToArray();

    /// <summary>The same values, each re-entered (exactly converted) in its other unit.</summary>
    public IReadOnlyList<DataValue> Reentered() =>
        Values.Select(v => DataValue.Number(v.Code, "SO-TC", Period, MeasureUnitConverter.Convert(v.BillionVnd, "VND_BN", v.ReenterIn).Value) with { MeasureUnitCode = v.ReenterIn })
            .ToArray();

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", Values.Select(v => $"{v.Code}={v.BillionVnd} tỷ → {v.ReenterIn}"));

    private static IndicatorCatalogue BuildCatalogue()
    {
        var b = new IndicatorCatalogueBuilder().WithComponentTolerance(0.5m);
        Indicator Money(string code, IndicatorRelation? relation) => new()
        {
            Code = code, NameVi = "Vốn " + code, ValueKind = ValueKind.Amount, MeasureUnitCode = "VND_BN", Periods = [PeriodType.Quarter], Relation = relation,
        };
        b.Add(Money("T", null));
        b.Add(Money("T1", IndicatorRelation.ComponentOf("T")));
        b.Add(Money("T2", IndicatorRelation.ComponentOf("T")));
        b.Add(Money("T3", IndicatorRelation.OfWhichOf("T")));
        return b.Build();
    }
}

public static partial class Arbitraries
{
    /// <summary>Relation sets: T, T1, T2, T3 each present or not; T1 + T2 equal to T, within or beyond the tolerance;
    /// T3 below, at or above T.</summary>
    public static Arbitrary<RelationSet> RelationSets()
    {
        Gen<string> unit = Gen.Elements("VND", "VND_K", "VND_M", "VND_BN");
        Gen<RelationSet> gen =
            from total in Gen.Choose(0, 10_000_000)
            from split in Gen.Choose(0, 100)
            from off in Gen.Elements(0, 0, 30, 50, 51, -51, 2_000)
            from part in Gen.Elements(0, 40, 100, 101, 150)
            from present in Gen.ArrayOf(Gen.Elements(true, true, false), 4)
            from units in Gen.ArrayOf(unit, 4)
            select Build(total / 100m, split, off / 100m, part, present, units);
        return gen.ToArbitrary();

        static RelationSet Build(decimal total, int split, decimal off, int part, bool[] present, string[] units)
        {
            decimal t1 = Math.Round(total * split / 100m, 2);
            (string, decimal)[] all = [("T", total), ("T1", t1), ("T2", total - t1 + off), ("T3", Math.Round(total * part / 100m, 2))];
            return new RelationSet(all.Select((v, i) => (v.Item1, v.Item2, units[i])).Where((_, i) => present[i]).ToArray());
        }
    }
}
