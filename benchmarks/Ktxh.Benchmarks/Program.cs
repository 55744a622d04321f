using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*'
// Peak memory of one Excel path in its own process: see Excel/peak-rss.sh.
if (args.Length > 0 && args[0] == "excel-rss")
{
    return Ktxh.Benchmarks.Excel.ExcelPeakMemory.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point holder for the benchmark switcher.</summary>
public partial class Program;
