using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using Sylvan.Data.Csv;

namespace Ktxh.Benchmarks.Aggregation;

/// <summary>
/// Reading the benchmark CSV (62 monthly flow indicators; 34 provinces: 2.47 M lines, 89 MiB) into
/// <see cref="AggregationInput"/>s: Ktxh's UTF-8 reader (<see cref="AggregationCsv.ReadInputs(Stream, string?)"/>:
/// located bilingual errors, exact decimals refused when they would round; chunks of the file read on every core into
/// columns of interned ids) against Sylvan.Data.Csv, a maintained fast
/// CSV library, doing the same conversion from its character spans (codes and periods looked up without a string per
/// field, <c>decimal.TryParse</c> on the span; no located errors, no exactness check). Issue 10: we keep our reader
/// only if it is faster.
/// </summary>
/// <remarks>Run: <c>KTXH_BENCH_PROVINCES=34 dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*CsvReadBenchmark*'</c>.</remarks>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class CsvReadBenchmark
{
    private byte[] _csv = [];

    /// <summary>How many provinces (of 34) the data covers.</summary>
    [ParamsSource(nameof(Scales))]
    public int Provinces { get; set; }

    /// <summary>The scales measured (<c>KTXH_BENCH_PROVINCES</c>, default 3 and 34).</summary>
    public static IEnumerable<int> Scales => NationalRollupBenchmark.Scales;

    private sealed class Config : ManualConfig
    {
        public Config() =>
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(7)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
    }

    /// <summary>Writes the CSV in memory and checks both readers give the same inputs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _csv = new NationalData(Provinces, 62).ToCsv();
        Console.WriteLine($"// CSV: {_csv.Length / 1048576.0:N1} MiB");
        AggregationInput[] ours = Ktxh().ToArray();
        AggregationInput[] theirs = Sylvan();
        if (!ours.SequenceEqual(theirs))
        {
            throw new InvalidOperationException("The readers differ");
        }
    }

    /// <summary>Ktxh's UTF-8 reader.</summary>
    /// <returns>The inputs.</returns>
    [Benchmark(Baseline = true)]
    public AggregationInputs Ktxh() => AggregationCsv.ReadInputs(new MemoryStream(_csv, writable: false), "values.csv").Value;

    /// <summary>Sylvan.Data.Csv, converting from its spans.</summary>
    /// <returns>The inputs.</returns>
    [Benchmark]
    public AggregationInput[] Sylvan()
    {
        using var text = new StreamReader(new MemoryStream(_csv, writable: false));
        using CsvDataReader csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 16 });
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        var periods = new Dictionary<string, ReportingPeriod>(StringComparer.Ordinal);
        var periodLookup = periods.GetAlternateLookup<ReadOnlySpan<char>>();
        var inputs = new List<AggregationInput>();
        int ci = csv.GetOrdinal("indicator"), cu = csv.GetOrdinal("unit"), cp = csv.GetOrdinal("period"), cv = csv.GetOrdinal("value"), cm = csv.GetOrdinal("maturity");
        while (csv.Read())
        {
            string indicator = Intern(csv.GetFieldSpan(ci), lookup, pool);
            string unit = Intern(csv.GetFieldSpan(cu), lookup, pool);
            ReadOnlySpan<char> p = csv.GetFieldSpan(cp);
            if (!periodLookup.TryGetValue(p, out ReportingPeriod period))
            {
                period = ReportingPeriod.Parse(p.ToString());
                periods[p.ToString()] = period;
            }

            decimal value = decimal.Parse(csv.GetFieldSpan(cv), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            Maturity maturity = csv.GetFieldSpan(cm) switch
            {
                "estimate" => Maturity.Estimate,
                "preliminary" => Maturity.Preliminary,
                _ => Maturity.Official,
            };
            inputs.Add(new AggregationInput(indicator, unit, period, value, maturity));
        }

        return inputs.ToArray();
    }

    private static string Intern(ReadOnlySpan<char> s, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup, Dictionary<string, string> pool)
    {
        if (!lookup.TryGetValue(s, out string? v))
        {
            v = s.ToString();
            pool[v] = v;
        }

        return v;
    }
}
