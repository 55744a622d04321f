using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation.Tests;

/// <summary>A small catalogue and hierarchy shared by the aggregation tests.</summary>
internal static class World
{
    public static readonly LocalDate AsOf = new(2026, 1, 1);

    /// <summary>VN → 01 (00001, 00002, 00003, agency 01-STC), 02 (00004, 00005).</summary>
    public static readonly HierarchyUnit[] Units =
    [
        new("VN", null, HierarchyRole.Nation),
        new("01", "VN", HierarchyRole.Province),
        new("02", "VN", HierarchyRole.Province),
        new("00001", "01", HierarchyRole.Commune),
        new("00002", "01", HierarchyRole.Commune),
        new("00003", "01", HierarchyRole.Commune),
        new("00004", "02", HierarchyRole.Commune),
        new("00005", "02", HierarchyRole.Commune),
        new("01-STC", "01", HierarchyRole.Agency),
    ];

    public static readonly string[] Communes = ["00001", "00002", "00003", "00004", "00005"];

    public static readonly IndicatorCatalogue Catalogue = BuildCatalogue();

    public static AggregationEngine Engine(AggregationOptions? options = null) =>
        AggregationEngine.Create(Catalogue, Units, AsOf, options);

    public static ReportingPeriod M(int month, int year = 2026) => ReportingPeriod.Month(year, month);

    public static AggregationInput In(string indicator, string unit, ReportingPeriod period, decimal value, Maturity maturity = Maturity.Official, string? measure = null, string? dis = null) =>
        new(indicator, unit, period, value, maturity, dis, measure);

    private static IndicatorCatalogue BuildCatalogue()
    {
        PeriodType[] monthly = [PeriodType.Month, PeriodType.Week, PeriodType.HalfMonth];
        var b = new IndicatorCatalogueBuilder();
        b.Add(new Indicator { Code = "A", NameVi = "Thu ngân sách", ValueKind = ValueKind.Amount, MeasureUnitCode = "VND_BN", Periods = monthly, Precision = 1 });
        b.Add(new Indicator { Code = "A1", NameVi = "Trong đó: thu nội địa", ValueKind = ValueKind.Amount, MeasureUnitCode = "VND_BN", Periods = monthly, Relation = IndicatorRelation.OfWhichOf("A") });
        b.Add(new Indicator { Code = "S", NameVi = "Dân số cuối kỳ", ValueKind = ValueKind.Stock, MeasureUnitCode = "PERSON", Periods = monthly });
        b.Add(new Indicator { Code = "N", NameVi = "Số người có BHYT", ValueKind = ValueKind.Count, MeasureUnitCode = "PERSON", Periods = monthly });
        b.Add(new Indicator { Code = "D", NameVi = "Tổng số dân", ValueKind = ValueKind.Count, MeasureUnitCode = "PERSON", Periods = monthly });
        b.Add(new Indicator
        {
            Code = "R",
            NameVi = "Tỷ lệ bao phủ BHYT",
            ValueKind = ValueKind.Percentage,
            MeasureUnitCode = "PCT",
            Periods = monthly,
            Precision = 2,
            AcrossUnits = AggregationRule.Ratio("N", "D", 100m),
            AcrossTime = AggregationRule.Ratio("N", "D", 100m),
        });
        b.Add(new Indicator
        {
            Code = "F",
            NameVi = "Chênh lệch",
            ValueKind = ValueKind.Amount,
            MeasureUnitCode = "VND_BN",
            Periods = monthly,
            AcrossUnits = AggregationRule.FromFormula("A - A1"),
            AcrossTime = AggregationRule.FromFormula("A - A1"),
        });
        b.Add(new Indicator
        {
            Code = "MX",
            NameVi = "Mực nước cao nhất",
            ValueKind = ValueKind.Level,
            MeasureUnitCode = "METRE",
            Periods = monthly,
            AcrossUnits = AggregationRule.Of(AggregationMethod.Max),
            AcrossTime = AggregationRule.Of(AggregationMethod.Max),
        });
        b.Add(new Indicator
        {
            Code = "AV",
            NameVi = "Giá bình quân",
            ValueKind = ValueKind.Level,
            MeasureUnitCode = "VND_K",
            Periods = monthly,
            AcrossUnits = AggregationRule.Of(AggregationMethod.Average),
            AcrossTime = AggregationRule.Of(AggregationMethod.DayWeightedAverage),
        });
        b.Add(new Indicator
        {
            Code = "WP",
            NameVi = "Giá bình quân gia quyền",
            ValueKind = ValueKind.Average,
            MeasureUnitCode = "VND_K",
            Periods = monthly,
            AcrossUnits = AggregationRule.Weighted("D"),
            AcrossTime = AggregationRule.Weighted("D"),
        });
        b.Add(new Indicator { Code = "T", NameVi = "Ghi chú", ValueKind = ValueKind.Text, Periods = monthly });
        return b.Build();
    }
}
