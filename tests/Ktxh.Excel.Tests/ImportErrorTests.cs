using ClosedXML.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Excel.Tests;

/// <summary>One case per error kind: the code and the cell it is reported at, and that the workbook yields no values.</summary>
public class ImportErrorTests
{
    private const string Sheet = FormWorkbookRequest.DefaultSheetName;
    private static readonly byte[] Template = new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request);
    private static readonly byte[] Valid = WorkbookFiller.Fill(Template, WorkbookFiller.Valid);

    private static KtxhResult<FormImport> Import(byte[] workbook, FormImportExpectation? expected = null, KtxhExcelOptions? options = null) =>
        new FormWorkbookImporter(TestCatalogue.Catalogue, options).Import(workbook, expected ?? TestCatalogue.Expected);

    private static byte[] With(Action<IXLWorksheet> change) => WorkbookFiller.Fill(Valid, change);

    public static TheoryData<string, ExcelErrorCode, string, string> CellCases => new()
    {
        { "text in a numeric cell", ExcelErrorCode.NotANumber, Sheet, "E9" },
        { "negative count", ExcelErrorCode.NegativeValue, Sheet, "E11" },
        { "fractional count", ExcelErrorCode.NotAWholeNumber, Sheet, "E11" },
        { "negative amount", ExcelErrorCode.NegativeValue, Sheet, "F9" },
        { "negative stock typed as Vietnamese text", ExcelErrorCode.NegativeValue, Sheet, "E12" },
        { "required value missing", ExcelErrorCode.RequiredValueMissing, Sheet, "E12" },
        { "boolean in a numeric cell", ExcelErrorCode.NotANumber, Sheet, "E13" },
        { "code cell edited", ExcelErrorCode.LayoutChanged, Sheet, "B11" },
        { "text too long", ExcelErrorCode.TextTooLong, Sheet, "E14" },
        { "of-which exceeds its parent", ExcelErrorCode.HierarchyMismatch, Sheet, "E10" },
    };

    private static byte[] Case(string name) => name switch
    {
        "text in a numeric cell" => With(s => s.Cell("E9").SetValue("khoảng một nghìn")),
        "negative count" => With(s => s.Cell("E11").SetValue(-3)),
        "fractional count" => With(s => s.Cell("E11").SetValue(2.5m)),
        "negative amount" => With(s => s.Cell("F9").SetValue(-1m)),
        "negative stock typed as Vietnamese text" => With(s => s.Cell("E12").SetValue("-1.234")),
        "required value missing" => With(s => s.Cell("E12").Clear(XLClearOptions.Contents)),
        "boolean in a numeric cell" => With(s => s.Cell("E13").SetValue(true)),
        "code cell edited" => With(s => s.Cell("B11").SetValue("DN_KHAC")),
        "text too long" => With(s => s.Cell("E14").SetValue(new string('a', 4001))),
        "of-which exceeds its parent" => With(s => s.Cell("E10").SetValue(2000m)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(CellCases))]
    public void Each_cell_problem_is_reported_at_its_cell_and_no_value_is_returned(string name, ExcelErrorCode code, string sheet, string cell)
    {
        KtxhResult<FormImport> result = Import(Case(name));
        Assert.False(result.Success);
        KtxhError error = Assert.Single(result.Errors);
        Assert.True(error.Is(code), $"{name}: {error}");
        Assert.Equal(sheet, error.Location.Sheet);
        Assert.Equal(cell, error.Location.Cell);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageVi));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
        Assert.Null(result.GetValueOrDefault(null!));
    }

    [Fact]
    public void Valid_workbook_gives_every_value_typed_and_no_warning()
    {
        KtxhResult<FormImport> result = Import(Valid);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Empty(result.Value.Warnings);
        Assert.Equal(TestCatalogue.Unit, result.Value.UnitCode);
        Assert.Equal([TestCatalogue.March], result.Value.Periods);
        Assert.All(result.Value.Values, v => Assert.Equal(TestCatalogue.March, v.Period));
        Assert.Equal(7, result.Value.Values.Count);
    }

    public static TheoryData<string, decimal> VietnameseTexts => new()
    {
        { "1.234,5", 1234.5m },
        { "1.234", 1234m },
        { "1 234 567,25", 1234567.25m },
        { "12,5", 12.5m },
        { "1234.5", 1234.5m },
        { "  7  ", 7m },
        { "0", 0m },
    };

    [Theory]
    [MemberData(nameof(VietnameseTexts))]
    public void Numbers_typed_as_Vietnamese_text_are_understood(string typed, decimal expected)
    {
        KtxhResult<FormImport> result = Import(With(s =>
        {
            s.Cell("E9").SetValue(typed);
            s.Cell("E10").Clear(XLClearOptions.Contents); // its of-which part, which must not exceed it
        }));
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(expected, result.Value.Values.Single(v => v.IndicatorCode == "THU_NS" && v.Column == FormColumnKind.ThisPeriod).Value);
    }

    [Fact]
    public void Empty_is_not_zero()
    {
        FormImport empty = Import(With(s => s.Cell("E10").Clear(XLClearOptions.Contents))).Value;
        FormImport zero = Import(With(s => s.Cell("E10").SetValue(0m))).Value;
        Assert.DoesNotContain(empty.Values, v => v.IndicatorCode == "THU_NS_THUE");
        Assert.Equal(0m, Assert.Single(zero.Values, v => v.IndicatorCode == "THU_NS_THUE").Value);
    }

    [Fact]
    public void A_note_becomes_the_comment_of_the_row_value()
    {
        FormImport imported = Import(With(s => s.Cell("H9").SetValue("Số ước tính"))).Value;
        Assert.Equal("Số ước tính", imported.Values.Single(v => v.IndicatorCode == "THU_NS" && v.Column == FormColumnKind.ThisPeriod).Comment);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        byte[] workbook = With(s =>
        {
            s.Cell("E9").SetValue("abc");
            s.Cell("E11").SetValue(-1);
            s.Cell("E12").Clear(XLClearOptions.Contents);
        });
        KtxhResult<FormImport> result = Import(workbook, FormImportExpectation.For(TestCatalogue.FormCode, "99999", TestCatalogue.March.Next()));
        Assert.Equal(
            ["C3:UnitMismatch", "C4:PeriodMismatch", "E9:NotANumber", "E11:NegativeValue", "E12:RequiredValueMissing"],
            result.Errors.Select(e => $"{e.Location.Cell}:{e.Code}"));
    }

    [Fact]
    public void Wrong_unit_and_period_are_reported_at_the_header()
    {
        KtxhResult<FormImport> unit = Import(Valid, FormImportExpectation.For(TestCatalogue.FormCode, "00007", TestCatalogue.March));
        KtxhResult<FormImport> period = Import(Valid, FormImportExpectation.For(TestCatalogue.FormCode, TestCatalogue.Unit, ReportingPeriod.Month(2026, 2)));
        Assert.Equal("C3", Assert.Single(unit.Errors, e => e.Is(ExcelErrorCode.UnitMismatch)).Location.Cell);
        Assert.Equal("C4", Assert.Single(period.Errors, e => e.Is(ExcelErrorCode.PeriodMismatch)).Location.Cell);
    }

    [Fact]
    public void Another_form_than_the_one_assigned_is_refused()
    {
        KtxhError error = Assert.Single(Import(Valid, new FormImportExpectation { FormCode = "002.T/BCC-XA" }).Errors);
        Assert.True(error.Is(ExcelErrorCode.WrongForm));
        Assert.Equal((FormLayout.MetadataSheetName, "B2"), (error.Location.Sheet, error.Location.Cell));
    }

    [Fact]
    public void Template_of_an_older_form_version_is_refused()
    {
        IndicatorCatalogue newer = Revise(TestCatalogue.Catalogue, f => new ReportForm
        {
            Code = f.Code, NameVi = f.NameVi, Version = "2026.2", PeriodType = f.PeriodType, Rows = f.Rows, Columns = f.Columns,
        });
        KtxhError error = Assert.Single(new FormWorkbookImporter(newer).Import(Valid).Errors);
        Assert.True(error.Is(ExcelErrorCode.OutdatedTemplate), error.ToString());
        Assert.Equal("B3", error.Location.Cell);
    }

    [Fact]
    public void Template_whose_layout_changed_under_the_same_version_is_refused_by_checksum()
    {
        IndicatorCatalogue altered = Revise(TestCatalogue.Catalogue, f => new ReportForm
        {
            Code = f.Code, NameVi = f.NameVi, Version = f.Version, PeriodType = f.PeriodType, Rows = f.Rows.Reverse().Where(r => !r.IsOfWhich).ToArray(), Columns = f.Columns,
        });
        KtxhError error = Assert.Single(new FormWorkbookImporter(altered).Import(Valid).Errors);
        Assert.True(error.Is(ExcelErrorCode.OutdatedTemplate), error.ToString());
        Assert.Equal("B7", error.Location.Cell);
    }

    [Fact]
    public void A_renamed_form_sheet_is_refused()
    {
        byte[] renamed = WorkbookFiller.Edit(Valid, wb => wb.Worksheet(Sheet).Name = "Sheet1");
        KtxhError error = Assert.Single(Import(renamed).Errors);
        Assert.True(error.Is(ExcelErrorCode.NotAFormWorkbook), error.ToString());
    }

    [Fact]
    public void A_workbook_without_metadata_is_not_a_form_workbook()
    {
        byte[] plain = WorkbookFiller.Edit(Valid, wb => wb.Worksheet(FormLayout.MetadataSheetName).Delete());
        Assert.True(Assert.Single(Import(plain).Errors).Is(ExcelErrorCode.NotAFormWorkbook));
    }

    [Fact]
    public void A_formula_is_refused_by_default_with_its_cached_value_and_never_evaluated()
    {
        byte[] workbook = Xlsx.EditPart(Valid, Xlsx.FormSheetPart, x => Xlsx.ReplaceCell(x, "E9", "<x:c r=\"E9\"><x:f>1000+234.5</x:f><x:v>1234.5</x:v></x:c>"));
        KtxhError error = Assert.Single(Import(workbook).Errors);
        Assert.True(error.Is(ExcelErrorCode.FormulaInInputCell));
        Assert.Equal("E9", error.Location.Cell);
        Assert.Contains("1234.5", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void With_UseCachedValue_a_formula_gives_its_cached_value_and_a_warning()
    {
        // The cached value deliberately disagrees with the formula: only an evaluation would give 2.
        byte[] workbook = Xlsx.EditPart(Valid, Xlsx.FormSheetPart, x => Xlsx.ReplaceCell(x, "E9", "<x:c r=\"E9\"><x:f>1+1</x:f><x:v>777</x:v></x:c>"));
        KtxhResult<FormImport> result = Import(workbook, options: new KtxhExcelOptions { Formulas = FormulaPolicy.UseCachedValue });
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(777m, result.Value.Values.Single(v => v.IndicatorCode == "THU_NS" && v.Column == FormColumnKind.ThisPeriod).Value);
        KtxhError warning = Assert.Single(result.Value.Warnings);
        Assert.Equal(("E9", true), (warning.Location.Cell, warning.Is(ExcelErrorCode.FormulaInInputCell)));
    }

    [Fact]
    public void Bounds_from_options_are_checked_again_on_import()
    {
        var options = new KtxhExcelOptions { Bounds = i => i.Code == "TL_GN" ? new ValueBounds(0m, 100m) : ValueBounds.For(i) };
        byte[] template = new FormWorkbookGenerator(TestCatalogue.Catalogue, options: options).Generate(TestCatalogue.Request);
        byte[] filled = WorkbookFiller.Fill(template, s =>
        {
            WorkbookFiller.Valid(s);
            s.Cell("E13").SetValue(150m);
        });
        KtxhError error = Assert.Single(Import(filled, options: options).Errors);
        Assert.True(error.Is(ExcelErrorCode.OutOfBounds));
        Assert.Equal("E13", error.Location.Cell);
    }

    [Fact]
    public void Doubles_stored_by_a_spreadsheet_are_read_to_15_significant_digits()
    {
        byte[] workbook = Xlsx.EditPart(Valid, Xlsx.FormSheetPart, x => Xlsx.ReplaceCell(x, "E13", "<x:c r=\"E13\"><x:v>0.30000000000000004</x:v></x:c>"));
        Assert.Equal(0.3m, Import(workbook).Value.Values.Single(v => v.IndicatorCode == "TL_GN").Value);
    }

    private static IndicatorCatalogue Revise(IndicatorCatalogue catalogue, Func<ReportForm, ReportForm> change)
    {
        var builder = new IndicatorCatalogueBuilder().WithVersion(catalogue.Version);
        builder.AddRange(catalogue.Indicators);
        foreach (ReportForm f in catalogue.Forms)
        {
            builder.AddForm(change(f));
        }

        return builder.Build();
    }
}
