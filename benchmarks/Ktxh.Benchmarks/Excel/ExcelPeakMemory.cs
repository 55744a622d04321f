using System.Diagnostics;
using Ktxh.Excel;

namespace Ktxh.Benchmarks.Excel;

/// <summary>
/// One path of the national Excel case in a process of its own, so that <c>/usr/bin/time -v</c> measures its peak
/// resident memory (BenchmarkDotNet's memory diagnoser counts allocations, not the peak). Usage:
/// <c>Ktxh.Benchmarks excel-rss export-closedxml|export-streaming|import-closedxml|import-streaming</c>; see
/// <c>peak-rss.sh</c> beside this file.
/// </summary>
internal static class ExcelPeakMemory
{
    public static int Run(string[] args)
    {
        string mode = args.Length > 0 ? args[0] : string.Empty;
        var data = new ExcelNationalData();
        byte[] workbook = data.ImportWorkbook;
        var report = data.Report;
        GC.Collect();
        long before = Process.GetCurrentProcess().WorkingSet64;
        var watch = Stopwatch.StartNew();
        long result = mode switch
        {
            "setup" => 0,
            "export-closedxml" => new ReportWorkbookWriter().Write(report).LongLength,
            "export-streaming" => StreamingExport(report),
            "import-closedxml" => data.Importer(WorkbookReadEngine.ClosedXml).Import(workbook).Value.Values.Count,
            "import-streaming" => data.Importer(WorkbookReadEngine.Streaming).Import(workbook).Value.Values.Count,
            _ => -1,
        };
        if (result < 0)
        {
            Console.Error.WriteLine("usage: excel-rss export-closedxml|export-streaming|import-closedxml|import-streaming");
            return 2;
        }

        Console.WriteLine($"{mode}: {result:N0} ({(mode.StartsWith("export", StringComparison.Ordinal) ? "bytes" : "values")}) in {watch.Elapsed.TotalSeconds:F2} s; working set after setup {before / 1048576} MB");
        return 0;
    }

    private static long StreamingExport(ReportDocument report)
    {
        using var output = new MemoryStream();
        new StreamingReportWriter().Write(report, output);
        return output.Length;
    }
}
