using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>
/// A test catalogue that uses every aggregation method across units and over time (issue 14 §3; the built-in one has
/// no Average, Min, Max, Count or Formula rule), on the hierarchy of <see cref="World"/>.
/// </summary>
internal static class FamilyWorld
{
    /// <summary>(code, across units, over time, operands read) of every indicator.</summary>
    public static readonly (string Code, AggregationMethod Units, AggregationMethod Time, string[] Reads)[] Families =
    [
        ("Q", AggregationMethod.Sum, AggregationMethod.Sum, []),
        ("AR", AggregationMethod.Sum, AggregationMethod.Last, []),
        ("P", AggregationMethod.Sum, AggregationMethod.Sum, []),
        ("Y", AggregationMethod.Ratio, AggregationMethod.Ratio, ["Q", "AR"]),
        ("PR", AggregationMethod.WeightedAverage, AggregationMethod.WeightedAverage, ["P"]),
        ("TE", AggregationMethod.Average, AggregationMethod.DayWeightedAverage, []),
        ("AT", AggregationMethod.Average, AggregationMethod.Average, []),
        ("LO", AggregationMethod.Min, AggregationMethod.Min, []),
        ("HI", AggregationMethod.Max, AggregationMethod.Max, []),
        ("CN", AggregationMethod.Count, AggregationMethod.Count, []),
        ("CS", AggregationMethod.Count, AggregationMethod.Sum, []),
        ("LV", AggregationMethod.Average, AggregationMethod.Last, []),
        ("FX", AggregationMethod.Formula, AggregationMethod.Formula, ["Q", "P"]),
        ("NU", AggregationMethod.None, AggregationMethod.Average, []),
        ("NT", AggregationMethod.Sum, AggregationMethod.None, []),
        ("NL", AggregationMethod.None, AggregationMethod.None, []),
        ("AY", AggregationMethod.Sum, AggregationMethod.Last, []),
        ("YM", AggregationMethod.Ratio, AggregationMethod.Ratio, ["Q", "AY"]),
    ];

    /// <summary>The indicators that have input lines of their own (every one but the derived Y, FX, YM).</summary>
    public static readonly string[] Entered = Families.Where(f => f.Reads.Length == 0 || f.Code == "PR").Select(f => f.Code).ToArray();

    public static readonly IndicatorCatalogue Catalogue = Build();

    public static AggregationEngine Engine(AggregationOptions? options = null, HierarchyUnit[]? units = null) =>
        AggregationEngine.Create(Catalogue, units ?? World.Units, World.AsOf, options ?? new AggregationOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>The indicator and everything it reads, transitively.</summary>
    public static HashSet<string> Closure(string code)
    {
        var set = new HashSet<string> { code };
        foreach (string r in Families.First(f => f.Code == code).Reads)
        {
            set.UnionWith(Closure(r));
        }

        return set;
    }

    private static IndicatorCatalogue Build()
    {
        PeriodType[] all = [PeriodType.Week, PeriodType.HalfMonth, PeriodType.Month, PeriodType.Quarter, PeriodType.HalfYear, PeriodType.Year];
        var b = new IndicatorCatalogueBuilder();
        b.Add(new Indicator { Code = "Q", NameVi = "Sản lượng", ValueKind = ValueKind.Amount, MeasureUnitCode = "TONNE", Periods = all });
        b.Add(new Indicator { Code = "AR", NameVi = "Diện tích", ValueKind = ValueKind.Stock, MeasureUnitCode = "HA", Periods = all, AcrossTime = AggregationRule.Last });
        b.Add(new Indicator { Code = "P", NameVi = "Số hộ", ValueKind = ValueKind.Count, MeasureUnitCode = "HOUSEHOLD", Periods = all });
        b.Add(new Indicator
        {
            Code = "Y", NameVi = "Năng suất", ValueKind = ValueKind.Rate, MeasureUnitCode = "QUINTAL_PER_HA", Periods = all,
            AcrossUnits = AggregationRule.Ratio("Q", "AR", 10m), AcrossTime = AggregationRule.Ratio("Q", "AR", 10m),
        });
        b.Add(new Indicator
        {
            Code = "PR", NameVi = "Giá bình quân", ValueKind = ValueKind.Average, MeasureUnitCode = "VND_K", Periods = all,
            AcrossUnits = AggregationRule.Weighted("P"), AcrossTime = AggregationRule.Weighted("P"),
        });
        Level("TE", "Nhiệt độ trung bình", AggregationMethod.Average, AggregationMethod.DayWeightedAverage);
        Level("AT", "Mức bình quân", AggregationMethod.Average, AggregationMethod.Average);
        Level("LO", "Mực nước thấp nhất", AggregationMethod.Min, AggregationMethod.Min);
        Level("HI", "Mực nước cao nhất", AggregationMethod.Max, AggregationMethod.Max);
        Level("LV", "Mức cuối kỳ", AggregationMethod.Average, AggregationMethod.Last);
        Level("NU", "Mức không cộng theo đơn vị", AggregationMethod.None, AggregationMethod.Average);
        Level("NL", "Mức không tổng hợp", AggregationMethod.None, AggregationMethod.None);
        b.Add(new Indicator
        {
            Code = "CN", NameVi = "Số đơn vị có báo cáo", ValueKind = ValueKind.Count, MeasureUnitCode = "PERSON", Periods = all,
            AcrossUnits = AggregationRule.Of(AggregationMethod.Count), AcrossTime = AggregationRule.Of(AggregationMethod.Count),
        });
        b.Add(new Indicator
        {
            Code = "CS", NameVi = "Số cơ sở", ValueKind = ValueKind.Count, MeasureUnitCode = "PERSON", Periods = all,
            AcrossUnits = AggregationRule.Of(AggregationMethod.Count), AcrossTime = AggregationRule.Sum,
        });
        b.Add(new Indicator
        {
            Code = "FX", NameVi = "Sản lượng bình quân một hộ", ValueKind = ValueKind.Amount, MeasureUnitCode = "TONNE", Periods = all,
            AcrossUnits = AggregationRule.FromFormula("Q / P"), AcrossTime = AggregationRule.FromFormula("Q / P"),
        });
        b.Add(new Indicator
        {
            Code = "NT", NameVi = "Số dư", ValueKind = ValueKind.Amount, MeasureUnitCode = "TONNE", Periods = all, AcrossTime = AggregationRule.None,
        });
        b.Add(new Indicator { Code = "AY", NameVi = "Diện tích cả năm", ValueKind = ValueKind.Stock, MeasureUnitCode = "HA", Periods = all, AcrossTime = AggregationRule.Last });
        b.Add(new Indicator
        {
            Code = "YM", NameVi = "Sản lượng trên diện tích cả năm", ValueKind = ValueKind.Rate, MeasureUnitCode = "PCT", Periods = all,
            AcrossUnits = AggregationRule.Ratio("Q", "AY", 100m), AcrossTime = AggregationRule.Ratio("Q", "AY", 100m),
        });
        return b.Build();

        void Level(string code, string name, AggregationMethod units, AggregationMethod time) =>
            b.Add(new Indicator
            {
                Code = code, NameVi = name, ValueKind = ValueKind.Level, MeasureUnitCode = "METRE", Periods = all,
                AcrossUnits = AggregationRule.Of(units), AcrossTime = AggregationRule.Of(time),
            });
    }
}
