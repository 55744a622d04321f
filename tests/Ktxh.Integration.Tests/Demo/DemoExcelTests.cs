using Ktxh.Cli.Demo;
using Ktxh.Excel;
using Ktxh.Integration.Tests.Cli;
using Ktxh.Periods;

namespace Ktxh.Integration.Tests.Demo;

/// <summary>The demo's Excel step: workbooks per commune, one refused with cell-addressed errors then corrected, the report and the progress sheet.</summary>
public sealed class DemoExcelTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_demo_fills_imports_refuses_then_accepts_and_writes_the_report_and_progress_sheet()
    {
        using var writer = new StringWriter();
        var cycle = new DemoCycle(writer, Ktxh.Cli.KtxhCli.Services) { ExcelDirectory = temp.Path };
        cycle.Run("37", ReportingPeriod.Parse("2026-M10"), 2026);
        DemoExcelOutcome excel = Assert.IsType<DemoExcelOutcome>(cycle.Excel);
        string text = writer.ToString();

        Assert.Equal(DemoExcel.Communes, excel.Workbooks.Count);
        Assert.Equal(5 * DemoExcel.Communes, excel.ValuesImported);
        Assert.Equal(
            [ExcelErrorCode.NotANumber, ExcelErrorCode.NegativeValue, ExcelErrorCode.RequiredValueMissing],
            excel.Refused.Select(e => (ExcelErrorCode)e.CodeValue!).Order().ToArray());
        Assert.All(excel.Refused, e => Assert.Equal("Biểu 01", e.Location.Sheet));
        Assert.All(excel.Workbooks.Append(Path.GetFileName(excel.ReportPath)).Append(Path.GetFileName(excel.ProgressPath)),
            f => Assert.True(File.Exists(Path.Combine(temp.Path, f)), f));
        Assert.Contains("'Biểu 01'!E", text, StringComparison.Ordinal);
        Assert.Contains("bị từ chối", text, StringComparison.Ordinal);
        Assert.Contains(temp.Path, text, StringComparison.Ordinal);
    }
}
