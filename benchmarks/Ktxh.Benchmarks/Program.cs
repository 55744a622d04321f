using BenchmarkDotNet.Running;

// Run with: dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*'
// The size of a workflow file: dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- store-size [--scope national] [--forms N]
if (args is ["store-size", ..])
{
    return Ktxh.Benchmarks.Stores.StoreSize.Run(args[1..]);
}

// The same cycle on each store, one after another (the national cycle on PostgreSQL is too long for BenchmarkDotNet):
// dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- store-cycle [--scope national] [--stores InMemory,PostgreSql]
if (args is ["store-cycle", ..])
{
    return Ktxh.Benchmarks.Stores.StoreCycleRun.Run(args[1..]);
}

// The workflow cycle with a stopwatch and allocation counts (Ktxh and Stateless alternately), or one cycle under callgrind:
// dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- workflow-profile [--forms N] [--rounds R] [--side both|ktxh|stateless]
if (args is ["workflow-profile", ..])
{
    return Ktxh.Benchmarks.Workflow.WorkflowCycleProfile.Run(args[1..]);
}

// Peak memory of one Excel path in its own process: see Excel/peak-rss.sh.
if (args is ["excel-rss", ..])
{
    return Ktxh.Benchmarks.Excel.ExcelPeakMemory.Run(args[1..]);
}

// The whole-process aggregation pair (ktxh aggregate vs a DuckDB job on the same CSV): see Aggregation/whole-process.sh.
if (args is ["aggregate-data", ..])
{
    return Ktxh.Benchmarks.Aggregation.WholeProcess.Generate(args[1..]);
}

if (args is ["aggregate-duckdb", ..])
{
    return Ktxh.Benchmarks.Aggregation.WholeProcess.DuckDb(args[1..]);
}

if (args is ["aggregate-compare", ..])
{
    return Ktxh.Benchmarks.Aggregation.WholeProcess.Compare(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

/// <summary>Entry point holder for the benchmark switcher.</summary>
public partial class Program;
