using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ktxh.Excel;

namespace Ktxh.Benchmarks.Excel;

/// <summary>
/// The national Excel case (<see cref="ExcelNationalData"/>: 3,321 communes × 100 indicators): the report exported by
/// ClosedXML (<see cref="ReportWorkbookWriter"/>) against the SAX writer (<see cref="StreamingReportWriter"/>), and a
/// workbook of the same size imported by the ClosedXML engine against the streaming engine
/// (<see cref="WorkbookReadEngine"/>), in the same run. Peak memory of each path in its own process:
/// <c>benchmarks/Ktxh.Benchmarks/Excel/peak-rss.sh</c>.
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*ExcelNational*'</c>. The size
/// is fixed by <see cref="NationalExcelConfig"/>: one warm-up and three measured iterations of one invocation each, in
/// process with a one-hour limit (an invocation takes seconds to minutes on a loaded machine; the default in-process
/// limit stopped <c>ExportClosedXml</c>, and the default pilot stage ran it dozens of times).</remarks>
[MemoryDiagnoser]
[Config(typeof(NationalExcelConfig))]
public class ExcelNationalBenchmark
{
    private ExcelNationalData _data = null!;
    private ReportDocument _report = null!;
    private byte[] _workbook = null!;

    /// <summary>Builds the data and the import workbook.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = new ExcelNationalData();
        _report = _data.BuildReport();
        _workbook = _data.BuildImportWorkbook();
        Console.WriteLine($"// {_data.Units.Length:N0} communes × {ExcelNationalData.IndicatorCount} indicators; import workbook {_workbook.Length:N0} bytes");
    }

    /// <summary>The report through ClosedXML's in-memory model.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Export")]
    public long ExportClosedXml() => new ReportWorkbookWriter().Write(_report).LongLength;

    /// <summary>The report through the SAX writer.</summary>
    [Benchmark]
    [BenchmarkCategory("Export")]
    public long ExportStreaming()
    {
        using var output = new MemoryStream();
        new StreamingReportWriter().Write(_report, output);
        return output.Length;
    }

    /// <summary>The import workbook read by the ClosedXML engine.</summary>
    [Benchmark]
    [BenchmarkCategory("Import")]
    public int ImportClosedXml() => _data.Importer(WorkbookReadEngine.ClosedXml).Import(_workbook).Value.Values.Count;

    /// <summary>The import workbook read by the streaming engine.</summary>
    [Benchmark]
    [BenchmarkCategory("Import")]
    public int ImportStreaming() => _data.Importer(WorkbookReadEngine.Streaming).Import(_workbook).Value.Values.Count;

    /// <summary>One launch, one warm-up, three measured iterations of one invocation each, in process (the inputs are
    /// built once; no generated project to build on a 2-core machine), with a one-hour limit per benchmark.</summary>
    private sealed class NationalExcelConfig : ManualConfig
    {
        public NationalExcelConfig() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)));
    }
}
