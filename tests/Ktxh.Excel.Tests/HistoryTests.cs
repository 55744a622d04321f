using ClosedXML.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Excel.Tests;

/// <summary>
/// History workbooks: many units and periods at once. Layout of the test workbook: 3 units × the 6 rows of the test form
/// (unit 00004 on rows 6–11, 00008 on 12–17, 00025 on 18–23; in each block THU_NS, THU_NS_THUE, DN_MOI, DAN_SO, TL_GN,
/// DANH_GIA), years 2020–2024 in columns F–J, period ids on row 5.
/// </summary>
public class HistoryTests
{
    internal const string Sheet = HistoryWorkbookRequest.DefaultSheetName;
    internal static readonly HistoryUnit[] Units = [new("00004", "Phường Ba Đình"), new("00008", "Phường Ngọc Hà"), new("00025", "Xã Thử Nghiệm")];
    internal static readonly ReportingPeriod[] Years = [.. Enumerable.Range(2020, 5).Select(ReportingPeriod.CalendarYear)];
    internal static HistoryWorkbookRequest Request => HistoryWorkbookRequest.ForRange(TestCatalogue.Form, Units, Years[0], Years[^1]);
    internal static readonly byte[] Template = new HistoryWorkbookGenerator(TestCatalogue.Catalogue).Generate(Request);
    internal static readonly byte[] Valid = WorkbookFiller.Fill(Template, FillValid, Sheet);

    public static TheoryData<WorkbookReadEngine> Engines => [WorkbookReadEngine.Streaming, WorkbookReadEngine.ClosedXml];

    /// <summary>Every unit, every year: THU_NS, THU_NS_THUE (of which), DN_MOI, DAN_SO, a note in 2024.</summary>
    internal static void FillValid(IXLWorksheet s)
    {
        for (int u = 0; u < Units.Length; u++)
        {
            int top = 6 + (u * 6);
            for (int p = 0; p < Years.Length; p++)
            {
                int column = 6 + p;
                s.Cell(top, column).SetValue(1000m + (u * 100) + p + 0.25m);
                s.Cell(top + 1, column).SetValue(500m + p);
                s.Cell(top + 2, column).SetValue(10 + u + p);
                s.Cell(top + 3, column).SetValue(15_000 + (u * 1000) + p);
            }

            s.Cell(top + 5, 10).SetValue("Số liệu năm 2024 là ước tính");
        }
    }

    private static KtxhResult<HistoryImport> Import(byte[] workbook, WorkbookReadEngine engine = WorkbookReadEngine.Streaming, HistoryImportExpectation? expected = null) =>
        new HistoryWorkbookImporter(TestCatalogue.Catalogue, new KtxhExcelOptions { ReadEngine = engine }).Import(workbook, expected);

    [Theory]
    [MemberData(nameof(Engines))]
    public void A_filled_history_workbook_gives_every_unit_and_year(WorkbookReadEngine engine)
    {
        KtxhResult<HistoryImport> result = Import(Valid, engine, new HistoryImportExpectation { FormCode = TestCatalogue.FormCode, UnitCodes = ["00004", "00008", "00025"], Periods = Years });
        Assert.True(result.Success, string.Join("\n", result.Errors));
        HistoryImport import = result.Value;
        Assert.Equal(["00004", "00008", "00025"], import.UnitCodes);
        Assert.Equal(Years, import.Periods);
        Assert.Equal((3 * 5 * 4) + 3, import.Values.Count);
        DataValue v = Assert.Single(import.Values, v => v.ReportingUnitCode == "00008" && v.IndicatorCode == "THU_NS" && v.Period == Years[3]);
        Assert.Equal(1103.25m, v.Value);
        Assert.Equal(FormColumnKind.ThisPeriod, v.Column);
        Assert.Equal("Số liệu năm 2024 là ước tính", Assert.Single(import.Values, v => v.ReportingUnitCode == "00025" && v.IndicatorCode == "DANH_GIA").Text);
        Assert.Empty(import.Warnings);
    }

    [Fact]
    public void The_empty_template_imports_to_no_values_and_empty_is_not_zero()
    {
        KtxhResult<HistoryImport> empty = Import(Template);
        Assert.True(empty.Success, string.Join("\n", empty.Errors));
        Assert.Empty(empty.Value.Values);

        KtxhResult<HistoryImport> zero = Import(WorkbookFiller.Fill(Template, s => s.Cell("H8").SetValue(0), Sheet));
        Assert.Equal(0m, Assert.Single(zero.Value.Values).Value);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void Values_given_to_the_generator_come_back_exactly(WorkbookReadEngine engine)
    {
        DataValue[] known =
        [
            DataValue.Number("THU_NS", "00004", Years[0], 1234.56m),
            DataValue.Number("DN_MOI", "00008", Years[4], 0m),
            DataValue.Number("TL_GN", "00025", Years[2], -12.5m),
            DataValue.OfText("DANH_GIA", "00008", Years[1], "=không phải công thức"),
            DataValue.Number("THU_NS", "99999", Years[0], 1m), // not a unit of the workbook: ignored by the generator
        ];
        byte[] workbook = new HistoryWorkbookGenerator(TestCatalogue.Catalogue).Generate(Request with { Values = known });
        KtxhResult<HistoryImport> result = Import(workbook, engine);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(
            known[..4].Select(v => (v.IndicatorCode, v.ReportingUnitCode, v.Period, v.Value, v.Text)).OrderBy(x => x.ToString()),
            result.Value.Values.Select(v => (v.IndicatorCode, v.ReportingUnitCode, v.Period, v.Value, v.Text)).OrderBy(x => x.ToString()));
    }

    public static TheoryData<string, ExcelErrorCode, string> ErrorCases => new()
    {
        { "unknown unit", ExcelErrorCode.UnknownUnit, "A12" },
        { "unit code missing", ExcelErrorCode.UnknownUnit, "A13" },
        { "unassigned unit", ExcelErrorCode.UnknownUnit, "A18" },
        { "unknown indicator", ExcelErrorCode.UnknownIndicator, "C8" },
        { "unknown period", ExcelErrorCode.UnknownPeriod, "F5" },
        { "unassigned period", ExcelErrorCode.UnknownPeriod, "J5" },
        { "period twice", ExcelErrorCode.UnknownPeriod, "G5" },
        { "duplicate row", ExcelErrorCode.DuplicateRow, "C9" },
        { "negative count", ExcelErrorCode.NegativeValue, "H8" },
        { "text in a numeric cell", ExcelErrorCode.NotANumber, "I15" },
        { "formula", ExcelErrorCode.FormulaInInputCell, "F9" },
        { "of-which exceeds its parent", ExcelErrorCode.HierarchyMismatch, "F13" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Each_mistake_is_reported_at_its_cell_and_no_value_is_given(string name, ExcelErrorCode code, string cell)
    {
        HistoryImportExpectation? expected = name switch
        {
            "unassigned unit" => new HistoryImportExpectation { UnitCodes = ["00004", "00008"] },
            "unassigned period" => new HistoryImportExpectation { Periods = Years[..4] },
            _ => null,
        };
        byte[] workbook = WorkbookFiller.Fill(Valid, s =>
        {
            switch (name)
            {
                case "unknown unit": s.Cell("A12").SetValue("99999"); break;
                case "unit code missing": s.Cell("A13").Clear(XLClearOptions.Contents); break;
                case "unknown indicator": s.Cell("C8").SetValue("KHONG_CO"); break;
                case "unknown period": s.Cell("F5").SetValue("2019"); break;
                case "period twice": s.Cell("G5").SetValue("2020"); break;
                case "duplicate row": s.Cell("C9").SetValue("DN_MOI"); break;
                case "negative count": s.Cell("H8").SetValue(-1); break;
                case "text in a numeric cell": s.Cell("I15").SetValue("khoảng 15 nghìn"); break;
                case "formula": s.Cell("F9").FormulaA1 = "1+1"; break;
                case "of-which exceeds its parent": s.Cell("F13").SetValue(5000m); break;
            }
        }, Sheet);

        foreach (WorkbookReadEngine engine in new[] { WorkbookReadEngine.Streaming, WorkbookReadEngine.ClosedXml })
        {
            KtxhResult<HistoryImport> result = Import(workbook, engine, expected);
            Assert.False(result.Success, name);
            Assert.False(result.TryGetValue(out _));
            KtxhError error = Assert.Single(result.Errors, e => e.Is(code) && e.Location.Cell == cell);
            Assert.Equal(Sheet, error.Location.Sheet);
            Assert.NotEmpty(error.MessageVi);
            Assert.NotEmpty(error.MessageEn);
        }
    }

    [Fact]
    public void Rows_are_found_by_their_codes_so_deleted_blocks_and_blank_rows_do_not_matter()
    {
        byte[] workbook = WorkbookFiller.Fill(Valid, s =>
        {
            s.Rows(12, 17).Delete(); // unit 00008 removed
            s.Row(8).Clear(XLClearOptions.Contents); // a blank row inside unit 00004
        }, Sheet);
        KtxhResult<HistoryImport> result = Import(workbook);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Equal(["00004", "00025"], result.Value.UnitCodes);
        Assert.DoesNotContain(result.Value.Values, v => v.ReportingUnitCode == "00004" && v.IndicatorCode == "DN_MOI");
        Assert.Equal(1000.25m, result.Value.Values.Single(v => v.ReportingUnitCode == "00004" && v.IndicatorCode == "THU_NS" && v.Period == Years[0]).Value);
    }

    [Fact]
    public void Template_checks_refuse_a_form_workbook_and_an_altered_unit_list()
    {
        byte[] form = new FormWorkbookGenerator(TestCatalogue.Catalogue).Generate(TestCatalogue.Request);
        KtxhResult<HistoryImport> notHistory = Import(form);
        Assert.Contains(notHistory.Errors, e => e.Is(ExcelErrorCode.NotAFormWorkbook) && e.Location.Sheet == FormLayout.MetadataSheetName && e.Location.Cell == "B1");

        byte[] altered = WorkbookFiller.Edit(Valid, w => w.Worksheet(FormLayout.MetadataSheetName).Cell("D2").SetValue("00009"));
        Assert.Contains(Import(altered).Errors, e => e.Is(ExcelErrorCode.OutdatedTemplate));

        KtxhResult<HistoryImport> wrongForm = Import(Valid, expected: new HistoryImportExpectation { FormCode = "002.T/KHAC" });
        Assert.Contains(wrongForm.Errors, e => e.Is(ExcelErrorCode.WrongForm));

        // And the form importer refuses a history workbook.
        Assert.Contains(new FormWorkbookImporter(TestCatalogue.Catalogue).Import(Valid).Errors, e => e.Is(ExcelErrorCode.NotAFormWorkbook));
    }

    [Fact]
    public void Past_the_error_limit_the_rest_are_counted_in_one_error()
    {
        HistoryUnit[] many = [.. Enumerable.Range(1, 250).Select(i => new HistoryUnit(i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture), $"Xã {i}"))];
        DataValue[] negative = [.. many.SelectMany(u => Years.Select(y => DataValue.Number("DN_MOI", u.Code, y, -1m)))];
        byte[] workbook = new HistoryWorkbookGenerator(TestCatalogue.Catalogue).Generate(HistoryWorkbookRequest.ForRange(TestCatalogue.Form, many, Years[0], Years[^1]) with { Values = negative });
        KtxhResult<HistoryImport> result = Import(workbook);
        Assert.Equal(HistoryWorkbookImporter.MaxReportedErrors + 1, result.Errors.Count);
        KtxhError last = result.Errors[^1];
        Assert.True(last.Is(ExcelErrorCode.TooManyErrors));
        Assert.Contains("250", last.MessageEn, StringComparison.Ordinal); // 1,250 negative counts, 250 beyond the list
    }

    [Fact]
    public void The_generator_refuses_duplicate_units_and_no_periods()
    {
        var generator = new HistoryWorkbookGenerator(TestCatalogue.Catalogue);
        Assert.Throws<ArgumentException>(() => generator.Generate(Request with { Units = [Units[0], Units[0]] }));
        Assert.Throws<ArgumentException>(() => generator.Generate(Request with { Periods = [] }));
        Assert.Throws<ArgumentException>(() => generator.Generate(Request with { SheetName = "a/b" }));
    }

    [Fact]
    public void The_sheet_is_protected_with_unlocked_input_cells_and_the_metadata_sheet_very_hidden()
    {
        using var workbook = new XLWorkbook(new MemoryStream(Template));
        IXLWorksheet sheet = workbook.Worksheet(Sheet);
        Assert.True(sheet.IsProtected);
        Assert.False(sheet.Cell("F6").Style.Protection.Locked);
        Assert.True(sheet.Cell("A6").Style.Protection.Locked);
        Assert.Equal("00004", sheet.Cell("A6").GetString());
        Assert.Equal("2020", sheet.Cell("F5").GetString());
        Assert.Equal("Năm 2020", sheet.Cell("F4").GetString());
        Assert.Equal(XLWorksheetVisibility.VeryHidden, workbook.Worksheet(FormLayout.MetadataSheetName).Visibility);
        Assert.NotEmpty(sheet.DataValidations);
    }
}
