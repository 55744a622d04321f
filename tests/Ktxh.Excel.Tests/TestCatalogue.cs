using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Excel.Tests;

/// <summary>A small monthly commune form: amounts, a count, a stock, a percentage, an of-which row and a text row.</summary>
internal static class TestCatalogue
{
    public const string FormCode = "001.T/BCC-XA";
    public const string Unit = "00004";
    public static readonly ReportingPeriod March = ReportingPeriod.Month(2026, 3);

    public static IndicatorCatalogue Catalogue { get; } = Build();

    public static ReportForm Form => Catalogue.GetForm(FormCode);

    public static FormWorkbookRequest Request => new()
    {
        Form = Form,
        UnitCode = Unit,
        UnitName = "Phường Ba Đình",
        Periods = [March],
        Deadline = new NodaTime.LocalDate(2026, 4, 12),
    };

    public static FormImportExpectation Expected => FormImportExpectation.For(FormCode, Unit, March);

    private static IndicatorCatalogue Build()
    {
        PeriodType[] monthly = [PeriodType.Month];
        var builder = new IndicatorCatalogueBuilder().WithVersion("test-1");
        builder.Add(new Indicator { Code = "THU_NS", NameVi = "Thu ngân sách trên địa bàn", MeasureUnitCode = "VND_BN", ValueKind = ValueKind.Amount, Periods = monthly, Precision = 2 });
        builder.Add(new Indicator { Code = "THU_NS_THUE", NameVi = "Thu từ thuế", MeasureUnitCode = "VND_BN", ValueKind = ValueKind.Amount, Periods = monthly, Precision = 2, Relation = IndicatorRelation.OfWhichOf("THU_NS") });
        builder.Add(new Indicator { Code = "DN_MOI", NameVi = "Số doanh nghiệp thành lập mới", MeasureUnitCode = "ENTERPRISE", ValueKind = ValueKind.Count, Periods = monthly });
        builder.Add(new Indicator { Code = "DAN_SO", NameVi = "Dân số cuối kỳ", MeasureUnitCode = "PERSON", ValueKind = ValueKind.Stock, Periods = monthly });
        builder.Add(new Indicator { Code = "TL_GN", NameVi = "Tỷ lệ giải ngân vốn đầu tư công", MeasureUnitCode = "PCT", ValueKind = ValueKind.Percentage, Periods = monthly, Precision = 1 });
        builder.Add(new Indicator { Code = "DANH_GIA", NameVi = "Đánh giá chung", ValueKind = ValueKind.Text, Periods = monthly });
        builder.AddForm(new ReportForm
        {
            Code = FormCode,
            NameVi = "Báo cáo kinh tế - xã hội cấp xã",
            Version = "2026.1",
            PeriodType = PeriodType.Month,
            Rows =
            [
                new FormRow("THU_NS"),
                new FormRow("THU_NS_THUE", Level: 1, IsOfWhich: true, Required: false),
                new FormRow("DN_MOI"),
                new FormRow("DAN_SO"),
                new FormRow("TL_GN", Required: false),
                new FormRow("DANH_GIA", Required: false),
            ],
            Columns =
            [
                new FormColumn(FormColumnKind.ThisPeriod, FormColumnMode.Entered),
                new FormColumn(FormColumnKind.SamePeriodLastYear, FormColumnMode.Entered),
                new FormColumn(FormColumnKind.GrowthPercent, FormColumnMode.Computed),
                new FormColumn(FormColumnKind.Note, FormColumnMode.Entered),
            ],
        });
        return builder.Build();
    }
}
