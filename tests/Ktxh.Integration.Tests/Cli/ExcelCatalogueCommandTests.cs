using ClosedXML.Excel;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh excel catalogue export|import</c> and <c>ktxh excel progress</c> end to end: the built-in catalogue to a
/// workbook and back to the same JSON; a workbook with a mistake refused with the cell named and nothing written; the
/// progress sheet of the demo cycle.
/// </summary>
[Collection("Console")]
public sealed class ExcelCatalogueCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Export()
    {
        string path = temp.File("danh-muc.xlsx");
        CliResult result = CliRunner.Run("excel", "catalogue", "export", "--out", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        return path;
    }

    [Fact]
    public void The_built_in_catalogue_goes_to_a_workbook_and_back_to_the_same_json()
    {
        string workbook = Export();
        string json = temp.File("danh-muc.json");
        CliResult import = CliRunner.Run("excel", "catalogue", "import", "--file", workbook, "--out", json);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("449", import.Stdout, StringComparison.Ordinal);

        string builtIn = temp.File("built-in.json");
        Assert.Equal(0, CliRunner.Run("catalogue", "export", builtIn).ExitCode);
        Assert.Equal(File.ReadAllText(builtIn), File.ReadAllText(json));
    }

    [Fact]
    public void A_workbook_with_mistakes_is_refused_with_each_cell_named_and_nothing_written()
    {
        string workbook = Export();
        using (var book = new XLWorkbook(workbook))
        {
            IXLWorksheet sheet = book.Worksheet("Chỉ tiêu");
            sheet.Cell("D2").SetValue("TRIEU_DONG");
            sheet.Cell("G3").SetValue("hai");
            book.Save();
        }

        string json = temp.File("danh-muc.json");
        CliResult import = CliRunner.Run("excel", "catalogue", "import", "--file", workbook, "--out", json);

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("'Chỉ tiêu'!D2: [UnknownUnit]", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("'Chỉ tiêu'!G3: [NotANumber]", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("2 lỗi", import.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(json));
    }

    [Fact]
    public void The_progress_sheet_of_the_demo_cycle_lists_every_commune()
    {
        string path = temp.File("tien-do.xlsx");
        CliResult result = CliRunner.Run("excel", "progress", "--out", path);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("on time 125", result.Stdout, StringComparison.Ordinal);

        using var book = new XLWorkbook(path);
        IXLWorksheet sheet = book.Worksheet("Tiến độ");
        Assert.Equal(129, sheet.Column(8).CellsUsed().Count(c => c.Address.RowNumber > 5 && c.GetString().Length > 0));
        Assert.Single(sheet.Column(8).CellsUsed(), c => c.GetString() == "Chưa gửi (quá hạn)");
    }

    [Fact]
    public void A_file_that_is_not_a_workbook_is_refused_bilingually()
    {
        string path = temp.Write("not.xlsx", "code,name");
        CliResult result = CliRunner.Run("excel", "catalogue", "import", "--file", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("[NotAWorkbook]", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Not an Excel file", result.Stderr, StringComparison.Ordinal);
    }
}
