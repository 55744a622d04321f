using BenchmarkDotNet.Attributes;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Benchmarks.Periods;

/// <summary>
/// ReportingPeriod.Containing against the hand-written peer (<see cref="NaivePeriods"/>: NodaTime's ISO week-year
/// rule and date adjusters) over 1,000 dates. Run: <c>--filter '*PeriodsContaining*'</c>.
/// </summary>
[MemoryDiagnoser]
public class PeriodsContainingBenchmarks
{
    private LocalDate[] _dates = [];

    /// <summary>The kind of period looked up.</summary>
    [Params(PeriodType.Week, PeriodType.Month, PeriodType.Quarter)]
    public PeriodType Type { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260723);
        _dates = Enumerable.Range(0, 1000).Select(_ => new LocalDate(2000, 1, 1).PlusDays(random.Next(0, 40 * 365))).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Containing_naive()
    {
        int sum = 0;
        foreach (var d in _dates)
        {
            sum += NaivePeriods.Containing(d, Type).Start.Day;
        }

        return sum;
    }

    [Benchmark]
    public int Containing_ktxh()
    {
        int sum = 0;
        foreach (var d in _dates)
        {
            sum += ReportingPeriod.Containing(d, Type).Start.Day;
        }

        return sum;
    }

}

/// <summary>
/// ReportingPeriod.Parse against a regular-expression parser (<see cref="NaivePeriods"/>) over 1,000 identifiers of
/// every kind. Run: <c>--filter '*PeriodsParse*'</c>.
/// </summary>
[MemoryDiagnoser]
public class PeriodsParseBenchmarks
{
    private string[] _ids = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260723);
        var dates = Enumerable.Range(0, 1000).Select(_ => new LocalDate(2000, 1, 1).PlusDays(random.Next(0, 40 * 365))).ToArray();
        var kinds = Enum.GetValues<PeriodType>();
        _ids = dates.Select((d, i) => kinds[i % kinds.Length] switch
        {
            PeriodType.NineMonths => ReportingPeriod.NineMonths(d.Year),
            PeriodType.MultiYear => ReportingPeriod.Containing(d, PeriodType.MultiYear),
            var k => ReportingPeriod.Containing(d, k),
        }).Select(p => p.Id).ToArray();
    }

    [Benchmark(Baseline = true)]
    public int Parse_naive_regex()
    {
        int sum = 0;
        foreach (string id in _ids)
        {
            sum += NaivePeriods.Parse(id).Start.Day;
        }

        return sum;
    }

    [Benchmark]
    public int Parse_ktxh()
    {
        int sum = 0;
        foreach (string id in _ids)
        {
            sum += ReportingPeriod.Parse(id).Start.Day;
        }

        return sum;
    }
}
