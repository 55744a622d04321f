using System.Diagnostics;
using Ktxh.Excel;

namespace Ktxh.Benchmarks.Excel;

/// <summary>
/// One path of the national Excel case in a process of its own, so that <c>/usr/bin/time -v</c> measures its peak
/// resident memory (BenchmarkDotNet's memory diagnoser counts allocations, not the peak). Usage:
/// <c>Ktxh.Benchmarks excel-rss prepare FILE</c> (writes the import workbook), then
/// <c>excel-rss baseline|export-closedxml|export-streaming|import-closedxml|import-streaming FILE</c>; see
/// <c>peak-rss.sh</c> beside this file. The baseline holds the inputs only (the report document and the file's bytes).
/// </summary>
internal static class ExcelPeakMemory
{
    public static int Run(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: excel-rss prepare|baseline|export-closedxml|export-streaming|import-closedxml|import-streaming FILE");
            return 2;
        }

        string mode = args[0], file = args[1];
        var data = new ExcelNationalData();
        if (mode == "prepare")
        {
            File.WriteAllBytes(file, data.BuildImportWorkbook());
            Console.WriteLine($"prepare: {new FileInfo(file).Length:N0} bytes");
            return 0;
        }

        ReportDocument report = data.BuildReport();
        byte[] workbook = File.ReadAllBytes(file);
        var watch = Stopwatch.StartNew();
        long result = mode switch
        {
            "baseline" => report.Rows.Count + workbook.Length,
            "export-closedxml" => new ReportWorkbookWriter().Write(report).LongLength,
            "export-streaming" => StreamingExport(report),
            "import-closedxml" => data.Importer(WorkbookReadEngine.ClosedXml).Import(workbook).Value.Values.Count,
            "import-streaming" => data.Importer(WorkbookReadEngine.Streaming).Import(workbook).Value.Values.Count,
            _ => -1,
        };
        if (result < 0)
        {
            Console.Error.WriteLine($"unknown mode '{mode}'");
            return 2;
        }

        Console.WriteLine($"{mode}: {result:N0} in {watch.Elapsed.TotalSeconds:F2} s");
        return 0;
    }

    private static long StreamingExport(ReportDocument report)
    {
        using var output = new MemoryStream();
        new StreamingReportWriter().Write(report, output);
        return output.Length;
    }
}
