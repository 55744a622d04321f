using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Ktxh.Indicators;

namespace Ktxh.Excel.Tests;

/// <summary>The ClosedXML and the streaming report writers: the same layout, text kept as text, printable, valid Open XML.</summary>
public class ReportWriterTests
{
    private static readonly FormColumn[] Columns =
    [
        new(FormColumnKind.ThisPeriod, FormColumnMode.Entered),
        new(FormColumnKind.CumulativeYearToDate, FormColumnMode.Computed),
        new(FormColumnKind.GrowthPercent, FormColumnMode.Computed),
    ];

    internal static ReportDocument Sample => new()
    {
        Title = "BÁO CÁO KINH TẾ - XÃ HỘI THÁNG 3/2026",
        Subtitle = "Tỉnh Ninh Bình – số liệu chính thức",
        Groups = [new ReportColumnGroup("00004", "Phường Ba Đình"), new ReportColumnGroup("00008", "Phường Ngọc Hà")],
        Columns = Columns,
        Rows =
        [
            new ReportRow { IndicatorCode = "00123", Label = "Thu ngân sách", UnitName = "Tỷ đồng", Precision = 2, Values = [1234.5m, 3000.25m, 105.12m, 10m, null, -3.5m] },
            new ReportRow { IndicatorCode = "THU.01", Label = "=SUM(A1:A9)", Level = 1, IsOfWhich = true, UnitName = "Tỷ đồng", Precision = 2, Values = [800m, 2000m, 99.9m, 5m, 7m, 8m] },
            new ReportRow { IndicatorCode = "+84", Label = "@người", UnitName = "-", Precision = 0, Values = [12m, 30m, 120m, 0m, 0m, null] },
        ],
    };

    public static TheoryData<string> Writers => new() { "closedxml", "streaming" };

    private static byte[] Write(string writer, ReportDocument report) =>
        writer == "closedxml" ? new ReportWorkbookWriter().Write(report) : new StreamingReportWriter().Write(report);

    [Theory]
    [MemberData(nameof(Writers))]
    public void Values_texts_and_codes_are_written_as_given(string writer)
    {
        byte[] bytes = Write(writer, Sample);
        using StreamingCellSource reader = StreamingCellSource.Open(bytes);
        var cells = reader.ReadGrid("Báo cáo", 20, 20);
        string? Text(string a) => CellAddress.TryParse(a, out int r, out int c) && cells.TryGetValue((r, c), out RawCell cell) && cell.Type != "n" ? cell.Raw : null;
        decimal? Number(string a) => CellAddress.TryParse(a, out int r, out int c) && cells.TryGetValue((r, c), out RawCell cell) && cell.Type == "n" ? decimal.Parse(cell.Raw!, System.Globalization.CultureInfo.InvariantCulture) : null;

        Assert.Equal("00123", Text("B5"));
        Assert.Equal("+84", Text("B7"));
        Assert.Equal("Trong đó: =SUM(A1:A9)", Text("C6"));
        Assert.Equal("@người", Text("C7"));
        Assert.Equal("-", Text("D7"));
        Assert.Equal("Phường Ba Đình", Text("E3"));
        Assert.Equal("Phường Ngọc Hà", Text("H3"));
        Assert.Equal("Thực hiện kỳ báo cáo", Text("E4"));
        Assert.Equal(1234.5m, Number("E5"));
        Assert.Equal(-3.5m, Number("J5"));
        Assert.Null(Number("I5"));
        Assert.Null(Number("J7"));
        Assert.All(cells.Values, c => Assert.False(c.HasFormula));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void The_sheet_is_frozen_printable_and_formatted_by_precision(string writer)
    {
        using var workbook = new XLWorkbook(new MemoryStream(Write(writer, Sample)));
        IXLWorksheet sheet = workbook.Worksheet("Báo cáo");
        Assert.Equal((4, 4), (sheet.SheetView.SplitRow, sheet.SheetView.SplitColumn));
        Assert.Equal(XLPageOrientation.Landscape, sheet.PageSetup.PageOrientation);
        Assert.Equal((3, 4), (sheet.PageSetup.FirstRowToRepeatAtTop, sheet.PageSetup.LastRowToRepeatAtTop));
        Assert.Equal("#,##0.00", sheet.Cell("E5").Style.NumberFormat.Format);
        Assert.Equal("#,##0.0", sheet.Cell("G5").Style.NumberFormat.Format);
        Assert.Equal("#,##0", sheet.Cell("E7").Style.NumberFormat.Format);
        Assert.True(sheet.Column(3).Width > 40);
        Assert.Equal(3, sheet.Cell("E3").MergedRange().ColumnCount());
    }

    [Fact]
    public void The_streaming_package_is_valid_Open_XML()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(new StreamingReportWriter().Write(Sample)), false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Control_characters_are_dropped_not_written_into_broken_xml(string writer)
    {
        ReportDocument report = Sample with { Title = "Báo cáo\u0001\u0007 tháng\uD800" };
        byte[] bytes = Write(writer, report);
        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal("Báo cáo tháng", workbook.Worksheet(1).Cell("A1").GetString());
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_values_is_a_programmer_error()
    {
        ReportDocument bad = Sample with { Rows = [Sample.Rows[0] with { Values = [1m] }] };
        Assert.Throws<ArgumentException>(() => new ReportWorkbookWriter().Write(bad));
        Assert.Throws<ArgumentException>(() => new StreamingReportWriter().Write(bad));
    }
}
