using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Engines;
using DuckDB.NET.Data;
using Ktxh.Aggregation;
using Ktxh.Periods;

namespace Ktxh.Benchmarks.Aggregation;

/// <summary>
/// The full roll-up at national scale — across units (commune → province → nation) and across time (month → quarter,
/// half-year, nine months, year, every year-to-date) — by the Ktxh engine, by DuckDB (GROUP BY ROLLUP on the same
/// data, loaded beforehand) and by a plain LINQ implementation, in the same run.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*NationalRollup*'</c>.
/// <c>Provinces = 34</c> is the national scale (3,321 communes × 300 indicators × 12 months ≈ 12 million values);
/// <c>Provinces = 3</c> a smaller one. All three produce the same aggregates (value sums exact in decimal; DuckDB in
/// DECIMAL(18,3) with exact 128-bit sums).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class NationalRollupBenchmark
{
    private NationalData _data = null!;
    private AggregationEngine _engine = null!;
    private DuckDBConnection _duck = null!;

    /// <summary>How many provinces (of 34) the data covers: 3 and 34 unless the environment variable
    /// <c>KTXH_BENCH_PROVINCES</c> lists others (e.g. <c>34</c> to run the national scale alone).</summary>
    [ParamsSource(nameof(Scales))]
    public int Provinces { get; set; }

    /// <summary>The scales measured.</summary>
    public static IEnumerable<int> Scales =>
        (Environment.GetEnvironmentVariable("KTXH_BENCH_PROVINCES") ?? "3,34")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One launch, one warm-up, three measured iterations of one invocation each, in process (the data set
    /// is built once per scale; an out-of-process job would rebuild it and the boilerplate per run on this 2-core box).</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)));
    }

    /// <summary>Builds the data, the engine and the DuckDB table.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = new NationalData(Provinces, 300);
        _engine = AggregationEngine.Create(_data.Catalogue, _data.Units, NationalData.AsOf);
        Console.WriteLine($"// inputs: {_data.Inputs.Length:N0} values, {_data.InputBytes / 1048576.0:N0} MiB as AggregationInput[]");
        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        Exec("CREATE TABLE facts(indicator VARCHAR, province VARCHAR, commune VARCHAR, month INTEGER, value DECIMAL(18,3))");
        Exec("CREATE TABLE indicators(indicator VARCHAR, is_stock BOOLEAN)");
        Exec("CREATE TABLE targets(month INTEGER, target VARCHAR)");
        using (DuckDBAppender a = _duck.CreateAppender("indicators"))
        {
            for (int i = 0; i < _data.IndicatorCodes.Length; i++)
            {
                a.CreateRow().AppendValue(_data.IndicatorCodes[i]).AppendValue(_data.IsStock[i]).EndRow();
            }
        }

        using (DuckDBAppender a = _duck.CreateAppender("targets"))
        {
            foreach (ReportingPeriod m in _data.Months)
            {
                foreach (ReportingPeriod t in NationalData.TargetsOf(m))
                {
                    a.CreateRow().AppendValue(m.Start.Month).AppendValue(t.Id).EndRow();
                }
            }
        }

        var provinceOf = _data.Communes.ToDictionary(c => c.Code, c => c.ParentCode!);
        using (DuckDBAppender a = _duck.CreateAppender("facts"))
        {
            foreach (AggregationInput x in _data.Inputs)
            {
                a.CreateRow().AppendValue(x.IndicatorCode).AppendValue(provinceOf[x.UnitCode]).AppendValue(x.UnitCode)
                    .AppendValue(x.Period.Start.Month).AppendValue((decimal?)x.Value).EndRow();
            }
        }
    }

    /// <summary>Closes DuckDB.</summary>
    [GlobalCleanup]
    public void Cleanup() => _duck.Dispose();

    /// <summary>The Ktxh engine: every aggregate with coverage, maturity and flags.</summary>
    /// <returns>The number of aggregates produced.</returns>
    [Benchmark(Baseline = true)]
    public long Ktxh()
    {
        AggregationResult r = _engine.Aggregate(_data.Inputs);
        long n = 0;
        foreach (Aggregate a in r.Aggregates())
        {
            n++;
        }

        return n;
    }

    /// <summary>DuckDB: the same roll-up as one GROUP BY ROLLUP query (sums for amounts, the last month for stocks),
    /// results read back into .NET.</summary>
    /// <returns>The number of aggregates produced.</returns>
    [Benchmark]
    public long DuckDb()
    {
        const string sql = """
            WITH u AS (
              SELECT indicator, province, commune, month, SUM(value) AS v, COUNT(*) AS n
              FROM facts GROUP BY indicator, month, ROLLUP(province, commune)
            )
            SELECT u.indicator, u.province, u.commune, t.target,
                   CASE WHEN i.is_stock THEN arg_max(u.v, u.month) ELSE SUM(u.v) END AS value,
                   CASE WHEN i.is_stock THEN arg_max(u.n, u.month) ELSE MIN(u.n) END AS reported
            FROM u JOIN targets t ON u.month = t.month JOIN indicators i ON i.indicator = u.indicator
            GROUP BY u.indicator, u.province, u.commune, t.target, i.is_stock
            """;
        using DuckDBCommand cmd = _duck.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        long n = 0;
        while (reader.Read())
        {
            _ = reader.GetDecimal(4);
            n++;
        }

        return n;
    }

    /// <summary>Plain LINQ: group the leaves by unit ancestor and month, then by target period.</summary>
    /// <returns>The number of aggregates produced.</returns>
    [Benchmark]
    public long Linq()
    {
        var provinceOf = _data.Communes.ToDictionary(c => c.Code, c => c.ParentCode!);
        var stock = _data.IndicatorCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => _data.IsStock[x.i]);
        var byUnitMonth = _data.Inputs
            .SelectMany(x => new[] { x.UnitCode, provinceOf[x.UnitCode], "VN" }.Select(u => (x.IndicatorCode, Unit: u, x.Period, x.Value)))
            .GroupBy(x => (x.IndicatorCode, x.Unit, x.Period))
            .Select(g => (g.Key.IndicatorCode, g.Key.Unit, g.Key.Period, Value: g.Sum(x => x.Value)));
        long n = 0;
        foreach (var g in byUnitMonth
            .SelectMany(x => NationalData.TargetsOf(x.Period).Select(t => (x.IndicatorCode, x.Unit, Target: t, x.Period, x.Value)))
            .GroupBy(x => (x.IndicatorCode, x.Unit, x.Target)))
        {
            decimal v = stock[g.Key.IndicatorCode] ? g.MaxBy(x => x.Period).Value : g.Sum(x => x.Value);
            n += v == decimal.MinValue ? 0 : 1;
        }

        return n;
    }

    private void Exec(string sql)
    {
        using DuckDBCommand cmd = _duck.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
