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
/// half-year, nine months, year, every year-to-date) — by the Ktxh engine, by DuckDB (<see cref="FairDuckDbQuery"/>:
/// one GROUPING SETS pass, months side by side, UNPIVOT, integer keys, table loaded beforehand) and by a plain LINQ
/// implementation, in the same run.
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*NationalRollup*'</c>.
/// 62 monthly flow indicators × the communes of <c>Provinces</c> provinces × 12 months (34: 3,321 communes, 2.47 M
/// values, the 89 MiB CSV of <c>Aggregation/whole-process.sh</c>). Before timing, the setup checks that the engine and
/// DuckDB give the same value, reported units, expected units and maturity for every aggregate with a value (an
/// order-free fingerprint over all of them, and their count).
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class NationalRollupBenchmark
{
    private NationalData _data = null!;
    private AggregationEngine _engine = null!;
    private DuckDBConnection _duck = null!;
    private string _sql = null!;

    /// <summary>How many provinces (of 34) the data covers: 3 and 34 unless the environment variable
    /// <c>KTXH_BENCH_PROVINCES</c> lists others (e.g. <c>34</c> to run the national scale alone).</summary>
    [ParamsSource(nameof(Scales))]
    public int Provinces { get; set; }

    /// <summary>The scales measured.</summary>
    public static IEnumerable<int> Scales =>
        (Environment.GetEnvironmentVariable("KTXH_BENCH_PROVINCES") ?? "3,34")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => int.Parse(x, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One launch, one warm-up, five measured iterations of one invocation each, in process (the data set
    /// is built once per scale).</summary>
    private sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(5)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(60), logOutput: true)));
    }

    /// <summary>Builds the data, the engine and the DuckDB tables, and checks both give the same aggregates.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _data = new NationalData(Provinces, 62);
        _engine = AggregationEngine.Create(_data.Catalogue, _data.Units, NationalData.AsOf);
        Console.WriteLine($"// inputs: {_data.Inputs.Length:N0} values, {_data.InputBytes / 1048576.0:N0} MiB as AggregationInput[]");
        _duck = new DuckDBConnection("DataSource=:memory:");
        _duck.Open();
        Exec("CREATE TABLE facts(ind INTEGER, prov INTEGER, commune INTEGER, month INTEGER, value DECIMAL(18,3), mat TINYINT)");
        Exec("CREATE TABLE provinces(prov INTEGER, expected INTEGER)");
        string[] provinceCodes = _data.AllCommunes.Select(c => c.Province).Distinct().Order(StringComparer.Ordinal).ToArray();
        var provinceId = provinceCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        string[] communeCodes = _data.AllCommunes.Select(c => c.Commune).Order(StringComparer.Ordinal).ToArray();
        var communeId = communeCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var provinceOf = _data.AllCommunes.ToDictionary(c => c.Commune, c => provinceId[c.Province]);
        var indicatorId = _data.IndicatorCodes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        using (DuckDBAppender a = _duck.CreateAppender("provinces"))
        {
            foreach (var g in _data.AllCommunes.GroupBy(c => c.Province))
            {
                a.CreateRow().AppendValue(provinceId[g.Key]).AppendValue(g.Count()).EndRow();
            }
        }

        using (DuckDBAppender a = _duck.CreateAppender("facts"))
        {
            foreach (AggregationInput x in _data.Inputs)
            {
                a.CreateRow().AppendValue(indicatorId[x.IndicatorCode]).AppendValue(provinceOf[x.UnitCode]).AppendValue(communeId[x.UnitCode])
                    .AppendValue(x.Period.Start.Month).AppendValue((decimal?)x.Value).AppendValue((sbyte)x.Maturity).EndRow();
            }
        }

        _sql = FairDuckDbQuery.Rollup("facts", "provinces");

        // The same outputs, checked before timing.
        var ktxh = new Fingerprint();
        foreach (Aggregate a in _engine.Aggregate(_data.Inputs).Aggregates())
        {
            if (a.Value is decimal v)
            {
                ktxh.Add(a.IndicatorCode, a.UnitCode, a.Period.Id, v, a.Coverage.Reported, a.Coverage.Expected, (int)a.Maturity!.Value);
            }
        }

        var duck = new Fingerprint();
        using (DuckDBCommand cmd = _duck.CreateCommand())
        {
            cmd.CommandText = _sql;
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                string unit = !r.IsDBNull(2) ? communeCodes[r.GetInt32(2)] : !r.IsDBNull(1) ? provinceCodes[r.GetInt32(1)] : "VN";
                duck.Add(_data.IndicatorCodes[r.GetInt32(0)], unit, r.GetString(3), r.GetDecimal(4), (int)Convert.ToInt64(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(6), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(7), System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Console.WriteLine($"// check: Ktxh {ktxh}; DuckDB {duck}");
        if (!ktxh.Equals(duck))
        {
            throw new InvalidOperationException($"Ktxh and DuckDB differ: {ktxh} vs {duck}");
        }
    }

    /// <summary>Closes DuckDB.</summary>
    [GlobalCleanup]
    public void Cleanup() => _duck.Dispose();

    /// <summary>The Ktxh engine: every aggregate with coverage, maturity and flags, enumerated.</summary>
    /// <returns>The number of aggregates produced.</returns>
    [Benchmark(Baseline = true)]
    public long Ktxh()
    {
        AggregationResult r = _engine.Aggregate(_data.Inputs);
        long n = 0;
        foreach (Aggregate a in r.Aggregates())
        {
            n += a.Value is null ? 0 : 1;
        }

        return n;
    }

    /// <summary>The Ktxh engine, every aggregate walked with the allocation-free cursor
    /// (<see cref="AggregationResult.GetCursor"/>: columns read in place, no <see cref="Aggregate"/> per row).</summary>
    /// <returns>The number of aggregates with a value.</returns>
    [Benchmark]
    public long KtxhCursor()
    {
        AggregateCursor c = _engine.Aggregate(_data.Inputs).GetCursor();
        long n = 0;
        while (c.MoveNext())
        {
            n += c.HasValue ? 1 : 0;
        }

        return n;
    }

    /// <summary>The Ktxh engine alone (the aggregates computed, not enumerated).</summary>
    /// <returns>The number of series.</returns>
    [Benchmark]
    public long KtxhEngine() => _engine.Aggregate(_data.Inputs).Periods.Count;

    /// <summary>The Ktxh engine and the CSV of every aggregate, written to a null stream.</summary>
    /// <returns>The number of rows.</returns>
    [Benchmark]
    public long KtxhCsv() => AggregationCsv.WriteAggregates(Stream.Null, _engine.Aggregate(_data.Inputs));

    /// <summary>DuckDB: the roll-up query (<see cref="FairDuckDbQuery"/>), every row read back into .NET.</summary>
    /// <returns>The number of aggregates produced.</returns>
    [Benchmark]
    public long DuckDb()
    {
        using DuckDBCommand cmd = _duck.CreateCommand();
        cmd.CommandText = _sql;
        using var reader = cmd.ExecuteReader();
        long n = 0;
        while (reader.Read())
        {
            n += reader.GetDecimal(4) == decimal.MinValue ? 0 : 1;
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
