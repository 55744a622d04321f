using ClosedXML.Excel;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh excel template|import|report</c> end to end: a commune's workbook for the built-in form CTK.01 (population,
/// yearly), filled, imported into the values CSV <c>ktxh aggregate</c> takes, aggregated and exported as a report; a
/// workbook with a mistake is refused with the cell named and no CSV written.
/// </summary>
[Collection("Console")]
public sealed class ExcelCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Template()
    {
        string path = temp.File("ctk01.xlsx");
        CliResult result = CliRunner.Run("excel", "template", "--form", "CTK.01", "--unit", "00004", "--unit-name", "Phường Ba Đình", "--period", "2025", "--out", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        return path;
    }

    private static void Fill(string path, Action<IXLWorksheet> fill)
    {
        using (var workbook = new XLWorkbook(path))
        {
            fill(workbook.Worksheet("Biểu 01"));
            workbook.Save();
        }
    }

    [Fact]
    public void A_filled_workbook_becomes_values_then_an_aggregate_then_a_report()
    {
        string workbook = Template();
        Fill(workbook, s =>
        {
            s.Cell("E9").SetValue("15.230,5");
            s.Cell("E10").SetValue(1.2m);
        });
        string values = temp.File("values.csv");
        CliResult import = CliRunner.Run("excel", "import", "--file", workbook, "--form", "CTK.01", "--unit", "00004", "--period", "2025", "--out", values);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal(
            ["indicator,unit,period,value,maturity", "HNM.CTK.01.001,00004,2025,15230.5,official", "HNM.CTK.01.002,00004,2025,1.2,official"],
            File.ReadAllLines(values));

        string aggregates = temp.File("aggregates.csv");
        CliResult aggregate = CliRunner.Run("aggregate", "--values", values, "--out", aggregates);
        Assert.True(aggregate.ExitCode == 0, aggregate.ToString());
        string report = temp.File("report.xlsx");
        CliResult export = CliRunner.Run("excel", "report", "--aggregates", aggregates, "--period", "2025", "--out", report);
        Assert.True(export.ExitCode == 0, export.ToString());
        using var written = new XLWorkbook(report);
        Assert.Equal("HNM.CTK.01.001", written.Worksheet(1).Cell("B5").GetString());
    }

    [Fact]
    public void A_workbook_with_a_mistake_is_refused_with_its_cell_and_writes_nothing()
    {
        string workbook = Template();
        Fill(workbook, s =>
        {
            s.Cell("E9").SetValue("khoảng 15 nghìn");
            s.Cell("E10").SetValue(1.2m);
        });
        string values = temp.File("values.csv");
        CliResult import = CliRunner.Run("excel", "import", "--file", workbook, "--out", values);
        Assert.Equal(2, import.ExitCode);
        Assert.Contains("'Biểu 01'!E9: [NotANumber]", import.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(values));
    }

    [Fact]
    public void A_workbook_for_another_unit_is_refused_at_the_header()
    {
        CliResult import = CliRunner.Run("excel", "import", "--file", Template(), "--unit", "00008");
        Assert.Equal(2, import.ExitCode);
        Assert.Contains("'Biểu 01'!C3: [UnitMismatch]", import.Stderr, StringComparison.Ordinal);
    }
}
