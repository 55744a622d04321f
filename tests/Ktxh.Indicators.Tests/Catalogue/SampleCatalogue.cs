using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Indicators.Tests;

/// <summary>A small valid catalogue that covers every feature, and its JSON, for tests to mutate.</summary>
internal static class SampleCatalogue
{
    public static IndicatorCatalogueBuilder Builder()
    {
        var b = new IndicatorCatalogueBuilder().WithVersion("test-1").WithComponentTolerance(0.1m);
        b.AddAgency(new Agency("CTK", "Cục Thống kê tỉnh", "Provincial Statistics Office"));
        b.AddAgency(new Agency("KBNN", "Kho bạc Nhà nước tỉnh", "Provincial State Treasury"));
        b.AddDisaggregation(new Disaggregation
        {
            Code = "area",
            NameVi = "Khu vực",
            Categories = [new("urban", "Thành thị"), new("rural", "Nông thôn")],
        });
        b.AddDisaggregation(new Disaggregation
        {
            Code = "sex",
            NameVi = "Giới tính",
            Categories = [new("male", "Nam"), new("female", "Nữ")],
        });
        // 0
        b.Add(new Indicator
        {
            Code = "POP", NameVi = "Dân số trung bình", NameEn = "Average population", MeasureUnitCode = "PERSON_K",
            Periods = [PeriodType.Year], ValueKind = ValueKind.Stock, Precision = 1, AgencyCode = "CTK",
            Disaggregations = ["area", "sex"], EmbargoedUntilPublished = true,
        });
        // 1
        b.Add(new Indicator
        {
            Code = "POP_URBAN", NameVi = "Dân số thành thị", MeasureUnitCode = "PERSON_K", Periods = [PeriodType.Year],
            ValueKind = ValueKind.Stock, AgencyCode = "CTK", Relation = IndicatorRelation.OfWhichOf("POP"),
        });
        // 2
        b.Add(new Indicator
        {
            Code = "INV", NameVi = "Vốn đầu tư thực hiện", MeasureUnitCode = "VND_BN", Periods = [PeriodType.Quarter, PeriodType.Year],
            ValueKind = ValueKind.Amount, AgencyCode = "CTK", PriceBasis = PriceBasis.Current,
        });
        // 3
        b.Add(new Indicator
        {
            Code = "INV_STATE", NameVi = "Vốn nhà nước", MeasureUnitCode = "VND_BN", Periods = [PeriodType.Quarter, PeriodType.Year],
            ValueKind = ValueKind.Amount, AgencyCode = "CTK", Relation = IndicatorRelation.ComponentOf("INV"),
        });
        // 4
        b.Add(new Indicator
        {
            Code = "INV_OTHER", NameVi = "Vốn ngoài nhà nước", MeasureUnitCode = "VND_M", Periods = [PeriodType.Quarter, PeriodType.Year],
            ValueKind = ValueKind.Amount, AgencyCode = "CTK", Relation = IndicatorRelation.ComponentOf("INV"),
        });
        // 5
        b.Add(new Indicator
        {
            Code = "DISB", NameVi = "Giải ngân vốn đầu tư công", NameEn = "Public investment disbursed", MeasureUnitCode = "VND_BN",
            Periods = [PeriodType.HalfMonth, PeriodType.Month], ValueKind = ValueKind.Amount, AgencyCode = "KBNN",
        });
        // 6
        b.Add(new Indicator
        {
            Code = "PLAN", NameVi = "Kế hoạch vốn đầu tư công", MeasureUnitCode = "VND_BN", Periods = [PeriodType.HalfMonth, PeriodType.Month],
            ValueKind = ValueKind.Stock, AgencyCode = "KBNN",
        });
        // 7
        b.Add(new Indicator
        {
            Code = "DISB_PCT", NameVi = "Tỷ lệ giải ngân", MeasureUnitCode = "PCT", Periods = [PeriodType.HalfMonth, PeriodType.Month],
            ValueKind = ValueKind.Percentage, Precision = 2, AgencyCode = "KBNN",
            AcrossUnits = AggregationRule.Ratio("DISB", "PLAN", 100m), AcrossTime = AggregationRule.Ratio("DISB", "PLAN", 100m),
        });
        // 8
        b.Add(new Indicator
        {
            Code = "GROWTH", NameVi = "Tốc độ tăng vốn đầu tư", MeasureUnitCode = "PCT", Periods = [PeriodType.Year],
            ValueKind = ValueKind.Percentage, AgencyCode = "CTK",
            AcrossUnits = AggregationRule.FromFormula("round(INV_STATE / INV * 100, 2)"), AcrossTime = AggregationRule.None,
        });
        // 9
        b.Add(new Indicator
        {
            Code = "CPI", NameVi = "Chỉ số giá tiêu dùng", MeasureUnitCode = "PCT", Periods = [PeriodType.Month],
            ValueKind = ValueKind.Index, AgencyCode = "CTK", AcrossUnits = AggregationRule.Weighted("POP"),
            AcrossTime = AggregationRule.Of(AggregationMethod.Average), Confidentiality = Confidentiality.Internal,
            ValidFrom = new LocalDate(2020, 1, 1), ValidTo = new LocalDate(2030, 12, 31),
        });
        // 10
        b.Add(new Indicator
        {
            Code = "NOTE", NameVi = "Đánh giá tình hình", Periods = [PeriodType.Month], ValueKind = ValueKind.Text, AgencyCode = "CTK",
        });
        b.AddForm(new ReportForm
        {
            Code = "001.Q/BCC-CTK",
            NameVi = "Vốn đầu tư thực hiện",
            PeriodType = PeriodType.Quarter,
            Cutoff = CutoffConvention.Decree09,
            Deadline = DeadlineRule.DayOfMonthAfterPeriod(12),
            AgencyCode = "CTK",
            FilledBy = ["department"],
            ReceivedBy = ["statistics-office"],
            Rows = [new FormRow("INV"), new FormRow("INV_STATE", 1), new FormRow("INV_OTHER", 1, Required: false)],
            Columns = FormColumn.StandardPeriodic,
        });
        b.AddForm(new ReportForm
        {
            Code = "002.N/BCC-CTK",
            NameVi = "Dân số",
            PeriodType = PeriodType.Year,
            Cutoff = CutoffConvention.Calendar,
            Deadline = DeadlineRule.FixedDateInLaterYear(3, 31),
            AgencyCode = "CTK",
            Rows = [new FormRow("POP"), new FormRow("POP_URBAN", 1, IsOfWhich: true)],
            Columns = [new FormColumn(FormColumnKind.ThisPeriod, FormColumnMode.Entered)],
        });
        b.AddFormSet(new FormSet { Code = "CTK-SET", NameVi = "Hệ biểu Cục Thống kê", UnitKinds = ["department"], FormCodes = ["001.Q/BCC-CTK", "002.N/BCC-CTK"] });
        return b;
    }

    public static IndicatorCatalogue Build() => Builder().Build();

    public static string Json() => IndicatorCatalogueJson.Write(Build());
}
