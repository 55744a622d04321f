using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Benchmarks.Lunar;

/// <summary>
/// Vietnamese lunar conversions (<see cref="VietnameseLunarCalendar"/>, a lookup in precomputed month starts)
/// against .NET's <see cref="ChineseLunisolarCalendar"/> (the peer; Chinese rules, UTC+8), both directions,
/// over the same 4,096 days spread across 1901–2100.
/// Run: dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*LunarConversion*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LunarConversionBenchmarks
{
    private const int Count = 4096;

    private readonly ChineseLunisolarCalendar chinese = new();
    private LocalDate[] dates = [];
    private DateTime[] dateTimes = [];
    private LunarDate[] lunarDates = [];
    private (int Year, int Month, int Day)[] chineseDates = [];

    /// <summary>Picks the days and their lunar dates in both calendars; warms up the lunar table.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260217);
        var first = new LocalDate(1901, 3, 1);
        int span = Period.DaysBetween(first, new LocalDate(2100, 12, 31));
        dates = Enumerable.Range(0, Count).Select(_ => first.PlusDays(random.Next(span))).ToArray();
        dateTimes = dates.Select(d => d.ToDateTimeUnspecified()).ToArray();
        lunarDates = dates.Select(VietnameseLunarCalendar.FromGregorian).ToArray();
        chineseDates = dateTimes.Select(d => (chinese.GetYear(d), chinese.GetMonth(d), chinese.GetDayOfMonth(d))).ToArray();
    }

    /// <summary>Peer: gregorian → Chinese lunar (year, month, day).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    [BenchmarkCategory("FromGregorian")]
    public int ChineseLunisolar_FromGregorian()
    {
        int sum = 0;
        foreach (DateTime date in dateTimes)
        {
            sum += chinese.GetYear(date) + chinese.GetMonth(date) + chinese.GetDayOfMonth(date);
        }

        return sum;
    }

    /// <summary>Ours: gregorian → Vietnamese lunar date.</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("FromGregorian")]
    public int Vietnamese_FromGregorian()
    {
        int sum = 0;
        foreach (LocalDate date in dates)
        {
            LunarDate lunar = VietnameseLunarCalendar.FromGregorian(date);
            sum += lunar.Year + lunar.Month + lunar.Day;
        }

        return sum;
    }

    /// <summary>Peer: Chinese lunar (year, month, day) → gregorian.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Count)]
    [BenchmarkCategory("ToGregorian")]
    public long ChineseLunisolar_ToGregorian()
    {
        long sum = 0;
        foreach ((int year, int month, int day) in chineseDates)
        {
            sum += chinese.ToDateTime(year, month, day, 0, 0, 0, 0).Ticks;
        }

        return sum;
    }

    /// <summary>Ours: Vietnamese lunar date → gregorian (validated).</summary>
    [Benchmark(OperationsPerInvoke = Count)]
    [BenchmarkCategory("ToGregorian")]
    public long Vietnamese_ToGregorian()
    {
        long sum = 0;
        foreach (LunarDate lunar in lunarDates)
        {
            sum += VietnameseLunarCalendar.ToGregorian(lunar).Day;
        }

        return sum;
    }
}
