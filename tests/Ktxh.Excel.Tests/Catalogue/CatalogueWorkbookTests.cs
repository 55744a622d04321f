using System.Text;
using ClosedXML.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Excel.Tests;

/// <summary>
/// The catalogue workbook: what the writer puts in it, and one table case per refusal of the import (the code and the
/// cell it is reported at, and that no catalogue comes back).
/// </summary>
public class CatalogueWorkbookTests
{
    private const string Indicators = "Chỉ tiêu";

    /// <summary>A small catalogue: an amount, a count, a percentage by ratio, an of-which row, an agency, a dimension, a form and a form set.</summary>
    internal static IndicatorCatalogue Small { get; } = new IndicatorCatalogueBuilder().WithVersion("2026.1").WithComponentTolerance(0.5m)
        .AddAgency(new Agency("CTK", "Cục Thống kê", "Statistics Office"))
        .AddDisaggregation(new Disaggregation { Code = "sex", NameVi = "Giới tính", Categories = [new("m", "Nam"), new("f", "Nữ")] })
        .Add(new Indicator { Code = "001", NameVi = "Thu ngân sách", MeasureUnitCode = "VND_BN", ValueKind = ValueKind.Amount, Periods = [PeriodType.Month], AgencyCode = "CTK", Precision = 1 })
        .Add(new Indicator { Code = "002", NameVi = "Số doanh nghiệp", MeasureUnitCode = "ENTERPRISE", ValueKind = ValueKind.Count, Periods = [PeriodType.Month], Disaggregations = ["sex"] })
        .Add(new Indicator
        {
            Code = "003", NameVi = "=Tỷ lệ thu nội địa", MeasureUnitCode = "PCT", ValueKind = ValueKind.Percentage, Periods = [PeriodType.Month],
            AcrossUnits = AggregationRule.Ratio("004", "001", 100m), Note = "-ghi chú",
        })
        .Add(new Indicator { Code = "004", NameVi = "Thu nội địa", MeasureUnitCode = "VND_BN", ValueKind = ValueKind.Amount, Periods = [PeriodType.Month], Relation = IndicatorRelation.OfWhichOf("001"), ValidFrom = new NodaTime.LocalDate(2025, 7, 1) })
        .AddForm(new ReportForm
        {
            Code = "001.T/BCC-XA", NameVi = "Biểu thu ngân sách", PeriodType = PeriodType.Month, Deadline = DeadlineRule.DayOfMonthAfterPeriod(12),
            Rows = [new("001"), new("004", 1, IsOfWhich: true), new("002", Required: false), new("003")],
            Columns = FormColumn.StandardPeriodic,
        })
        .AddFormSet(new FormSet { Code = "HB-XA", NameVi = "Hệ biểu cấp xã", UnitKinds = ["commune"], FormCodes = ["001.T/BCC-XA"] })
        .Build();

    private static readonly byte[] Written = new CatalogueWorkbookWriter().Write(Small);

    private static KtxhResult<IndicatorCatalogue> Import(byte[] workbook, KtxhExcelOptions? options = null) =>
        new CatalogueWorkbookImporter(options: options).Import(workbook);

    internal static byte[] Edit(byte[] workbook, Action<XLWorkbook> change)
    {
        using var book = new XLWorkbook(new MemoryStream(workbook));
        change(book);
        using var output = new MemoryStream();
        book.SaveAs(output);
        return output.ToArray();
    }

    private static byte[] With(string sheet, Action<IXLWorksheet> change) => Edit(Written, b => change(b.Worksheet(sheet)));

    [Fact]
    public void The_small_catalogue_comes_back_equal()
    {
        KtxhResult<IndicatorCatalogue> back = Import(Written);
        Assert.True(back.Success, string.Join(Environment.NewLine, back.Errors));
        Assert.Equal(IndicatorCatalogueJson.Write(Small), IndicatorCatalogueJson.Write(back.Value));
    }

    [Fact]
    public void Codes_and_formula_like_text_are_written_as_text_with_frozen_headers_and_lists()
    {
        using var book = new XLWorkbook(new MemoryStream(Written));
        IXLWorksheet sheet = book.Worksheet(Indicators);
        Assert.Equal(XLDataType.Text, sheet.Cell("A2").DataType);
        Assert.Equal("001", sheet.Cell("A2").GetString());
        Assert.False(sheet.Cell("B4").HasFormula);
        Assert.Equal("=Tỷ lệ thu nội địa", sheet.Cell("B4").GetString());
        Assert.True(sheet.Cell("B4").Style.IncludeQuotePrefix);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal("Loại giá trị", sheet.Cell("F1").GetString());
        Assert.Contains(sheet.DataValidations, v => v.Ranges.Any(r => r.RangeAddress.FirstAddress.ColumnLetter == "F"));
        Assert.True(sheet.Column("B").Width > 20);
        Assert.Equal(["Thông tin", "Chỉ tiêu", "Cơ quan", "Phân tổ", "Nhóm phân tổ", "Biểu", "Dòng biểu", "Cột biểu", "Hệ biểu", "Đơn vị tính", "Danh sách"],
            book.Worksheets.Select(w => w.Name).ToArray());
        // No cell of the package carries a formula (text starting with '=' is a string).
        Assert.DoesNotContain("<x:f>", Encoding.UTF8.GetString(Xlsx.Parts(Written)["xl/worksheets/sheet2.xml"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_may_be_reordered_and_empty_rows_are_skipped()
    {
        byte[] edited = With(Indicators, s =>
        {
            s.Column("C").Delete(); // nameEn goes...
            s.Column("AE").InsertColumnsAfter(1);
            s.Cell("AF1").SetValue("Tên tiếng Anh"); // ...and comes back at the end, empty
            s.Row(3).InsertRowsAbove(2); // two empty rows in the middle
        });

        KtxhResult<IndicatorCatalogue> back = Import(edited);
        Assert.True(back.Success, string.Join(Environment.NewLine, back.Errors));
        Assert.Equal(4, back.Value.Count);
        Assert.Null(back.Value.Get("001").NameEn);
    }

    [Fact]
    public void An_administrator_adds_an_indicator_typed_by_hand()
    {
        byte[] edited = With(Indicators, s =>
        {
            s.Cell("A6").SetValue("005");
            s.Cell("B6").SetValue("Số hộ nghèo");
            s.Cell("D6").SetValue("HOUSEHOLD");
            s.Cell("E6").SetValue("Quarter; Year");
            s.Cell("F6").SetValue("Stock");
            s.Cell("G6").SetValue(0);
            s.Cell("AA6").SetValue("có");
            s.Cell("AB6").SetValue(new DateTime(2026, 1, 1)); // a date typed in Excel is a serial number
        });

        KtxhResult<IndicatorCatalogue> back = Import(edited);
        Assert.True(back.Success, string.Join(Environment.NewLine, back.Errors));
        Indicator added = back.Value.Get("005");
        Assert.Equal([PeriodType.Quarter, PeriodType.Year], added.Periods);
        Assert.True(added.EmbargoedUntilPublished);
        Assert.Equal(new NodaTime.LocalDate(2026, 1, 1), added.ValidFrom);
        Assert.Equal(AggregationMethod.Sum, added.AcrossUnits.Method);
    }

    public static TheoryData<string, Enum, string, string> Refusals => new()
    {
        { "text in the precision cell", ExcelErrorCode.NotANumber, Indicators, "G2" },
        { "fractional precision", ExcelErrorCode.NotAWholeNumber, Indicators, "G2" },
        { "precision out of range", CatalogueErrorCode.InvalidPrecision, Indicators, "G2" },
        { "value kind not in the list", CatalogueErrorCode.InvalidField, Indicators, "F2" },
        { "value kind missing", CatalogueErrorCode.InvalidField, Indicators, "F3" },
        { "period type not in the list", CatalogueErrorCode.InvalidField, Indicators, "E2" },
        { "unknown unit", CatalogueErrorCode.UnknownUnit, Indicators, "D2" },
        { "duplicate code", CatalogueErrorCode.DuplicateCode, Indicators, "A6" },
        { "missing name", CatalogueErrorCode.MissingName, Indicators, "B2" },
        { "unknown parent", CatalogueErrorCode.UnknownParent, Indicators, "I3" },
        { "relation without a parent", CatalogueErrorCode.InvalidField, Indicators, "I2" },
        { "unknown agency", CatalogueErrorCode.UnknownAgency, Indicators, "H2" },
        { "unknown disaggregation", CatalogueErrorCode.UnknownDisaggregation, Indicators, "X3" },
        { "a percentage summed", CatalogueErrorCode.RuleDoesNotFitValueKind, Indicators, "L4" },
        { "ratio numerator unknown", CatalogueErrorCode.RuleUnknownIndicator, Indicators, "M4" },
        { "formula that does not parse", CatalogueErrorCode.FormulaSyntax, Indicators, "Q2" },
        { "text in the factor cell", ExcelErrorCode.NotANumber, Indicators, "O4" },
        { "validity ends before it starts", CatalogueErrorCode.InvalidValidity, Indicators, "AC5" },
        { "date not a date", CatalogueErrorCode.InvalidField, Indicators, "AB5" },
        { "yes or no misspelt", CatalogueErrorCode.InvalidField, Indicators, "AA2" },
        { "a formula in a cell", ExcelErrorCode.FormulaInInputCell, Indicators, "B2" },
        { "negative tolerance", CatalogueErrorCode.InvalidTolerance, "Thông tin", "B5" },
        { "form row for an unknown indicator", CatalogueErrorCode.FormUnknownIndicator, "Dòng biểu", "B5" },
        { "form row for a form not on the sheet", CatalogueErrorCode.InvalidField, "Dòng biểu", "A3" },
        { "of-which row not under its parent", CatalogueErrorCode.FormOfWhichMismatch, "Dòng biểu", "D4" },
        { "form column kind misspelt", CatalogueErrorCode.InvalidField, "Cột biểu", "B2" },
        { "deadline rule that does not parse", CatalogueErrorCode.InvalidField, "Biểu", "H2" },
        { "cut-off convention unknown", CatalogueErrorCode.InvalidField, "Biểu", "G2" },
        { "category of an unknown dimension", CatalogueErrorCode.UnknownDisaggregation, "Nhóm phân tổ", "A2" },
        { "duplicate agency", CatalogueErrorCode.DuplicateCode, "Cơ quan", "A3" },
        { "form set lists an unknown form", CatalogueErrorCode.FormSetUnknownForm, "Hệ biểu", "E2" },
        { "a column header removed", ExcelErrorCode.NotACatalogueWorkbook, Indicators, "A1" },
    };

    private static byte[] Case(string name) => name switch
    {
        "text in the precision cell" => With(Indicators, s => s.Cell("G2").SetValue("hai")),
        "fractional precision" => With(Indicators, s => s.Cell("G2").SetValue(1.5)),
        "precision out of range" => With(Indicators, s => s.Cell("G2").SetValue(-1)),
        "value kind not in the list" => With(Indicators, s => s.Cell("F2").SetValue("Tiền")),
        "value kind missing" => With(Indicators, s => s.Cell("F3").Clear(XLClearOptions.Contents)),
        "period type not in the list" => With(Indicators, s => s.Cell("E2").SetValue("Month; Tháng")),
        "unknown unit" => With(Indicators, s => s.Cell("D2").SetValue("TIEN")),
        "duplicate code" => With(Indicators, s => { s.Row(2).CopyTo(s.Row(6)); s.Cell("B6").SetValue("Thu ngân sách (bản sao)"); }),
        "missing name" => With(Indicators, s => s.Cell("B2").Clear(XLClearOptions.Contents)),
        "unknown parent" => With(Indicators, s => s.Cell("I3").SetValue("999")),
        "relation without a parent" => With(Indicators, s => s.Cell("J2").SetValue("Detail")),
        "unknown agency" => With(Indicators, s => s.Cell("H2").SetValue("KBNN")),
        "unknown disaggregation" => With(Indicators, s => s.Cell("X3").SetValue("age")),
        "a percentage summed" => With(Indicators, s => s.Cell("L4").SetValue("Sum")),
        "ratio numerator unknown" => With(Indicators, s => s.Cell("M4").SetValue("404")),
        "formula that does not parse" => With(Indicators, s => { s.Cell("L2").SetValue("Formula"); s.Cell("Q2").SetValue("[002] +"); }),
        "text in the factor cell" => With(Indicators, s => s.Cell("O4").SetValue("một trăm")),
        "validity ends before it starts" => With(Indicators, s => s.Cell("AC5").SetValue("2025-06-30")),
        "date not a date" => With(Indicators, s => s.Cell("AB5").SetValue("31/02/2026")),
        "yes or no misspelt" => With(Indicators, s => s.Cell("AA2").SetValue("có lẽ")),
        "a formula in a cell" => With(Indicators, s => s.Cell("B2").FormulaA1 = "\"Thu\"&\"chi\""),
        "negative tolerance" => With("Thông tin", s => s.Cell("B5").SetValue(-1)),
        "form row for an unknown indicator" => With("Dòng biểu", s => s.Cell("B5").SetValue("999")),
        "form row for a form not on the sheet" => With("Dòng biểu", s => s.Cell("A3").SetValue("002.T/BCC-XA")),
        "of-which row not under its parent" => With("Dòng biểu", s => s.Cell("D4").SetValue("Có")),
        "form column kind misspelt" => With("Cột biểu", s => s.Cell("B2").SetValue("ThisMonth")),
        "deadline rule that does not parse" => With("Biểu", s => s.Cell("H2").SetValue("ngày 12 tháng sau")),
        "cut-off convention unknown" => With("Biểu", s => s.Cell("G2").SetValue("lunar")),
        "category of an unknown dimension" => With("Nhóm phân tổ", s => s.Cell("A2").SetValue("gender")),
        "duplicate agency" => With("Cơ quan", s => { s.Cell("A3").SetValue("CTK"); s.Cell("B3").SetValue("Cục Thống kê (bản sao)"); }),
        "form set lists an unknown form" => With("Hệ biểu", s => s.Cell("E2").SetValue("001.T/BCC-XA; 009.N/BCC-XA")),
        "a column header removed" => With(Indicators, s => s.Cell("F1").SetValue("Kiểu")),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_refusal_is_reported_at_its_cell_and_no_catalogue_is_returned(string name, Enum code, string sheet, string cell)
    {
        KtxhResult<IndicatorCatalogue> result = Import(Case(name));

        Assert.False(result.Success);
        Assert.Null(result.GetValueOrDefault(null!));
        KtxhError error = Assert.Single(result.Errors);
        Assert.True(Equals(error.CodeValue, code), $"{name}: {error}");
        Assert.Equal(sheet, error.Location.Sheet);
        Assert.Equal(cell, error.Location.Cell);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageVi));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
        Assert.NotEqual(error.MessageVi, error.MessageEn);
    }

    [Fact]
    public void Several_mistakes_are_all_reported()
    {
        byte[] edited = With(Indicators, s =>
        {
            s.Cell("G2").SetValue("hai");
            s.Cell("D3").SetValue("TIEN");
            s.Cell("F4").SetValue("Phần trăm");
        });

        KtxhResult<IndicatorCatalogue> result = Import(edited);
        Assert.Equal(["D3", "F4", "G2"], result.Errors.Select(e => e.Location.Cell!).Order().ToArray());
    }

    [Fact]
    public void A_duplicate_code_message_names_the_cell_of_the_first_one()
    {
        KtxhError error = Assert.Single(Import(Case("duplicate code")).Errors);
        Assert.Contains("'Chỉ tiêu'!A2", error.MessageVi, StringComparison.Ordinal);
        Assert.DoesNotContain("$.indicators", error.MessageEn, StringComparison.Ordinal);
    }

    public static TheoryData<string, ExcelErrorCode> FileRefusals => new()
    {
        { "not a zip", ExcelErrorCode.NotAWorkbook },
        { "a DTD with entities", ExcelErrorCode.UnsafeOrInvalidXml },
        { "too large", ExcelErrorCode.FileTooLarge },
        { "a form workbook", ExcelErrorCode.NotACatalogueWorkbook },
        { "a sheet removed", ExcelErrorCode.NotACatalogueWorkbook },
        { "format marker changed", ExcelErrorCode.NotACatalogueWorkbook },
        { "damaged sheet part", ExcelErrorCode.CorruptWorkbook },
    };

    [Theory]
    [MemberData(nameof(FileRefusals))]
    public void Hostile_or_foreign_files_are_refused_before_anything_is_read(string name, ExcelErrorCode code)
    {
        KtxhExcelOptions? options = name == "too large" ? new KtxhExcelOptions { Limits = new WorkbookSafetyLimits(MaxFileBytes: 1_000) } : null;
        byte[] file = name switch
        {
            "not a zip" => Encoding.UTF8.GetBytes("Mã chỉ tiêu,Tên chỉ tiêu\n001,Thu"),
            "a DTD with entities" => Xlsx.EditPart(Written, "xl/workbook.xml",
                x => "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>" + x[(x.IndexOf("?>", StringComparison.Ordinal) + 2)..]),
            "too large" => Written,
            "a form workbook" => new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request),
            "a sheet removed" => Edit(Written, b => b.Worksheet("Cột biểu").Delete()),
            "format marker changed" => With("Thông tin", s => s.Cell("B3").SetValue("ktxh-catalogue-workbook/9")),
            "damaged sheet part" => Xlsx.RemovePart(Written, "xl/worksheets/sheet2.xml"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };

        KtxhResult<IndicatorCatalogue> result = Import(file, options);

        Assert.False(result.Success);
        Assert.True(result.Errors.All(e => e.Is(code)), $"{name}: {string.Join(" | ", result.Errors)}");
    }
}
