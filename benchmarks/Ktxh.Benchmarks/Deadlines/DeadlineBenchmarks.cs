using BenchmarkDotNet.Attributes;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Benchmarks.Deadlines;

/// <summary>
/// Resolving the monthly deadlines of 2020–2030 ("day 15 of the next month", moved off days off) with
/// <see cref="DeadlineRule.Resolve"/> against a naive peer: a <see cref="HashSet{T}"/> of the same days off and a
/// day-by-day loop over <see cref="DateOnly"/>. The peer computes only the effective date (no explanation, no
/// Saturdays worked), so it is the floor a richer answer is measured against.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    private readonly WorkingCalendar _calendar = WorkingCalendar.VietnamCivilService;
    private readonly DeadlineRule _rule = DeadlineRule.DayOfMonthAfterPeriod(15);
    private ReportingPeriod[] _periods = [];
    private HashSet<DateOnly> _daysOff = [];

    [GlobalSetup]
    public void Setup()
    {
        _periods = Enumerable.Range(2020, 11)
            .SelectMany(y => Enumerable.Range(1, 12).Select(m => ReportingPeriod.Month(y, m)))
            .ToArray();
        _daysOff = Enumerable.Range(2020, 12)
            .SelectMany(_calendar.DaysOff)
            .Select(d => new DateOnly(d.Date.Year, d.Date.Month, d.Date.Day))
            .ToHashSet();
        // Warm the calendar's lazily built year tables so that both sides measure lookups only.
        foreach (var period in _periods)
        {
            _rule.Resolve(period, _calendar);
        }
    }

    [Benchmark(Baseline = true, Description = "naive HashSet + day loop")]
    public int Naive()
    {
        int sum = 0;
        foreach (var period in _periods)
        {
            var nominal = new DateOnly(period.End.Year, period.End.Month, 1).AddMonths(1).AddDays(14);
            var day = nominal;
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || _daysOff.Contains(day))
            {
                day = day.AddDays(1);
            }

            sum += day.DayNumber;
        }

        return sum;
    }

    [Benchmark(Description = "DeadlineRule.Resolve (with explanation)")]
    public int Ktxh()
    {
        int sum = 0;
        foreach (var period in _periods)
        {
            sum += _rule.Resolve(period, _calendar).Effective.Day;
        }

        return sum;
    }

    [Benchmark(Description = "WorkingCalendar.NextWorkingDayOnOrAfter only")]
    public int KtxhEffectiveOnly()
    {
        int sum = 0;
        foreach (var period in _periods)
        {
            var nominal = new LocalDate(period.End.Year, period.End.Month, 1).PlusMonths(1).PlusDays(14);
            sum += _calendar.NextWorkingDayOnOrAfter(nominal).Day;
        }

        return sum;
    }
}
