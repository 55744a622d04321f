using ClosedXML.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Excel.Tests;

/// <summary>What a person sees in a generated form workbook: header, rows, protection, validation, layout.</summary>
public class FormWorkbookGeneratorTests
{
    private static readonly byte[] Template = new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request);

    private static XLWorkbook Open(byte[] bytes) => new(new MemoryStream(bytes));

    [Fact]
    public void The_header_names_form_unit_period_and_deadline_in_Vietnamese()
    {
        using XLWorkbook workbook = Open(Template);
        IXLWorksheet s = workbook.Worksheet(FormWorkbookRequest.DefaultSheetName);
        Assert.Equal("BÁO CÁO KINH TẾ - XÃ HỘI CẤP XÃ", s.Cell("A1").GetString());
        Assert.Equal("001.T/BCC-XA (phiên bản 2026.1)", s.Cell("C2").GetString());
        Assert.Equal("00004 – Phường Ba Đình", s.Cell("C3").GetString());
        Assert.Equal("Tháng 3/2026 (từ 01/03/2026 đến 31/03/2026; mã kỳ 2026-M03)", s.Cell("C4").GetString());
        Assert.Equal("Tháng 3/2026", s.Cell("E7").GetString());
        Assert.Equal("12/04/2026", s.Cell("C5").GetString());
    }

    [Fact]
    public void Rows_show_code_name_unit_indentation_and_of_which_marks()
    {
        using XLWorkbook workbook = Open(Template);
        IXLWorksheet s = workbook.Worksheet(FormWorkbookRequest.DefaultSheetName);
        Assert.Equal(["THU_NS", "THU_NS_THUE", "DN_MOI", "DAN_SO", "TL_GN", "DANH_GIA"], Enumerable.Range(9, 6).Select(r => s.Cell(r, 2).GetString()));
        Assert.Equal("Trong đó: Thu từ thuế", s.Cell("C10").GetString());
        Assert.Equal(1, s.Cell("C10").Style.Alignment.Indent);
        Assert.Equal("Tỷ đồng", s.Cell("D9").GetString());
        Assert.Equal("", s.Cell("D14").GetString());
        Assert.Equal("Thực hiện kỳ báo cáo", s.Cell("E8").GetString());
        Assert.Equal("So với cùng kỳ (%) (tự tính)", s.Cell("G8").GetString());
    }

    [Fact]
    public void Input_cells_are_unlocked_and_validated_labels_locked_and_the_sheet_protected()
    {
        using XLWorkbook workbook = Open(Template);
        IXLWorksheet s = workbook.Worksheet(FormWorkbookRequest.DefaultSheetName);
        Assert.True(s.IsProtected);
        Assert.False(s.Cell("E9").Style.Protection.Locked);
        Assert.False(s.Cell("F9").Style.Protection.Locked);
        Assert.False(s.Cell("H9").Style.Protection.Locked);
        Assert.True(s.Cell("G9").Style.Protection.Locked);
        Assert.True(s.Cell("B9").Style.Protection.Locked);
        Assert.True(s.Cell("C9").Style.Protection.Locked);
        Assert.True(s.Cell("G9").HasFormula);
        Assert.Equal(XLAllowedValues.WholeNumber, s.Cell("E11").DataValidation.AllowedValues);
        Assert.Equal("0", s.Cell("E11").DataValidation.MinValue);
        Assert.Equal(XLAllowedValues.Decimal, s.Cell("E9").DataValidation.AllowedValues);
        Assert.Equal(XLAllowedValues.TextLength, s.Cell("E14").DataValidation.AllowedValues);
    }

    [Fact]
    public void Widths_are_explicit_panes_frozen_and_the_page_printable()
    {
        using XLWorkbook workbook = Open(Template);
        IXLWorksheet s = workbook.Worksheet(FormWorkbookRequest.DefaultSheetName);
        Assert.True(s.Column(3).Width >= 50);
        Assert.True(s.Column(5).Width >= 15);
        Assert.Equal((8, 4), (s.SheetView.SplitRow, s.SheetView.SplitColumn));
        Assert.Equal((7, 8), (s.PageSetup.FirstRowToRepeatAtTop, s.PageSetup.LastRowToRepeatAtTop));
    }

    [Fact]
    public void The_metadata_sheet_is_very_hidden_protected_and_records_form_unit_period_and_checksum()
    {
        using XLWorkbook workbook = Open(Template);
        IXLWorksheet meta = workbook.Worksheet(FormLayout.MetadataSheetName);
        Assert.Equal(XLWorksheetVisibility.VeryHidden, meta.Visibility);
        Assert.True(meta.IsProtected);
        var entries = Enumerable.Range(1, 7).ToDictionary(r => meta.Cell(r, 1).GetString(), r => meta.Cell(r, 2).GetString());
        Assert.Equal(TestCatalogue.FormCode, entries["formCode"]);
        Assert.Equal("2026.1", entries["formVersion"]);
        Assert.Equal(TestCatalogue.Unit, entries["unitCode"]);
        Assert.Equal("2026-M03", entries["periods"]);
        Assert.Matches("^[0-9a-f]{64}$", entries["checksum"]);
    }

    [Fact]
    public void A_range_of_periods_puts_each_period_side_by_side_and_imports_back()
    {
        var unit = new ReportingUnit("00004", "Phường Ba Đình", ReportingUnitKind.Commune, "01", communeType: CommuneType.Phuong);
        FormWorkbookRequest request = FormWorkbookRequest.ForRange(TestCatalogue.Form, unit, ReportingPeriod.Month(2025, 11), ReportingPeriod.Month(2026, 2));
        Assert.Equal(4, request.Periods.Count);
        byte[] template = new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(request);
        byte[] filled = WorkbookFiller.Fill(template, s =>
        {
            // Four columns per period (this period, same period last year, growth, note): E, I, M, Q hold "this period".
            foreach ((string column, int k) in new[] { ("E", 0), ("I", 1), ("M", 2), ("Q", 3) })
            {
                s.Cell($"{column}9").SetValue(100m + k);
                s.Cell($"{column}11").SetValue(k);
                s.Cell($"{column}12").SetValue(1000 + k);
            }
        });
        KtxhResult<FormImport> result = new FormWorkbookImporter(TestCatalogue.Catalogue).Import(filled, new FormImportExpectation { Periods = request.Periods });
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal([100m, 101m, 102m, 103m], result.Value.Values.Where(v => v.IndicatorCode == "THU_NS").OrderBy(v => v.Period).Select(v => v.Value!.Value));
        Assert.Equal(request.Periods, result.Value.Values.Where(v => v.IndicatorCode == "DAN_SO").OrderBy(v => v.Period).Select(v => v.Period));
    }

    [Theory]
    [InlineData("Biểu/01")]
    [InlineData("")]
    [InlineData("_ktxh")]
    [InlineData("Một tên trang tính dài hơn ba mươi mốt ký tự")]
    public void A_sheet_name_Excel_refuses_is_a_programmer_error(string name)
    {
        Assert.Throws<ArgumentException>(() => new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request with { SheetName = name }));
    }

    [Fact]
    public void Control_characters_in_names_are_dropped_not_written_into_broken_xml()
    {
        byte[] bytes = new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request with { UnitName = "Phường\u0001 Ba Đình" });
        using XLWorkbook workbook = Open(bytes);
        Assert.Equal("00004 – Phường Ba Đình", workbook.Worksheet(FormWorkbookRequest.DefaultSheetName).Cell("C3").GetString());
    }

    [Fact]
    public void No_period_is_a_programmer_error()
    {
        Assert.Throws<ArgumentException>(() => new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request with { Periods = [] }));
    }
}
