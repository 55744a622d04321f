using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Benchmarks.Calendar;

/// <summary>
/// <see cref="WorkingCalendar"/> against the usual hand-written peer: a <see cref="HashSet{T}"/> of
/// <see cref="DateOnly"/> days off (plus one of Saturdays worked) and a day-by-day loop. Same days, same run.
/// Each benchmark processes 1,000 inputs spread over 2020–2030. This class: AddWorkingDays, ± <see cref="Days"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WorkingCalendarBenchmarks
{
    private const int Inputs = 1000;
    private readonly WorkingCalendar _calendar = WorkingCalendar.VietnamCivilService;
    private NaiveHolidayCalendar _naive = null!;
    private LocalDate[] _dates = null!;
    private DateOnly[] _dateOnlys = null!;
    private int[] _counts = null!;

    /// <summary>The number of working days moved by the AddWorkingDays benchmarks.</summary>
    [Params(5, 60, 250)]
    public int Days { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260101);
        var start = new LocalDate(2020, 1, 1);
        _dates = Enumerable.Range(0, Inputs).Select(_ => start.PlusDays(random.Next(0, 365 * 10))).ToArray();
        _dateOnlys = _dates.Select(d => new DateOnly(d.Year, d.Month, d.Day)).ToArray();
        _counts = Enumerable.Range(0, Inputs).Select(i => i % 2 == 0 ? Days : -Days).ToArray();
        _naive = NaiveHolidayCalendar.From(_calendar, 2019, 2032);
        // Warm both: our calendar computes its years on first use.
        foreach (LocalDate d in _dates)
        {
            _calendar.AddWorkingDays(d, Days);
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("AddWorkingDays")]
    public int AddWorkingDays_HashSetLoop()
    {
        int sum = 0;
        for (int i = 0; i < _dateOnlys.Length; i++)
        {
            sum += _naive.AddWorkingDays(_dateOnlys[i], _counts[i]).DayNumber;
        }

        return sum;
    }

    [Benchmark, BenchmarkCategory("AddWorkingDays")]
    public int AddWorkingDays_Ktxh()
    {
        int sum = 0;
        for (int i = 0; i < _dates.Length; i++)
        {
            sum += _calendar.AddWorkingDays(_dates[i], _counts[i]).Day;
        }

        return sum;
    }
}

/// <summary><see cref="WorkingCalendar.IsWorkingDay"/> against a hash set of days off, 1,000 dates over 2020–2030.</summary>
[MemoryDiagnoser]
public class WorkingCalendarIsWorkingDayBenchmarks
{
    private readonly WorkingCalendar _calendar = WorkingCalendar.VietnamCivilService;
    private NaiveHolidayCalendar _naive = null!;
    private LocalDate[] _dates = null!;
    private DateOnly[] _dateOnlys = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20260101);
        var start = new LocalDate(2020, 1, 1);
        _dates = Enumerable.Range(0, 1000).Select(_ => start.PlusDays(random.Next(0, 365 * 10))).ToArray();
        _dateOnlys = _dates.Select(d => new DateOnly(d.Year, d.Month, d.Day)).ToArray();
        _naive = NaiveHolidayCalendar.From(_calendar, 2019, 2032);
        foreach (LocalDate d in _dates)
        {
            _calendar.IsWorkingDay(d);
        }
    }

    [Benchmark(Baseline = true)]
    public int IsWorkingDay_HashSet()
    {
        int working = 0;
        foreach (DateOnly d in _dateOnlys)
        {
            working += _naive.IsWorkingDay(d) ? 1 : 0;
        }

        return working;
    }

    [Benchmark]
    public int IsWorkingDay_Ktxh()
    {
        int working = 0;
        foreach (LocalDate d in _dates)
        {
            working += _calendar.IsWorkingDay(d) ? 1 : 0;
        }

        return working;
    }

}

/// <summary>The peer: holidays in a hash set, weekends by day of week, moves day by day.</summary>
internal sealed class NaiveHolidayCalendar
{
    private readonly HashSet<DateOnly> _daysOff;
    private readonly HashSet<DateOnly> _saturdaysWorked;

    private NaiveHolidayCalendar(HashSet<DateOnly> daysOff, HashSet<DateOnly> saturdaysWorked)
    {
        _daysOff = daysOff;
        _saturdaysWorked = saturdaysWorked;
    }

    public static NaiveHolidayCalendar From(WorkingCalendar calendar, int firstYear, int lastYear)
    {
        var off = new HashSet<DateOnly>();
        var worked = new HashSet<DateOnly>();
        for (int year = firstYear; year <= lastYear; year++)
        {
            foreach (DayOff d in calendar.DaysOff(year))
            {
                off.Add(new DateOnly(d.Date.Year, d.Date.Month, d.Date.Day));
            }

            foreach (MakeUpWorkingDay w in calendar.MakeUpWorkingDays(year))
            {
                worked.Add(new DateOnly(w.Date.Year, w.Date.Month, w.Date.Day));
            }
        }

        return new NaiveHolidayCalendar(off, worked);
    }

    public bool IsWorkingDay(DateOnly date) =>
        _saturdaysWorked.Contains(date) ||
        (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_daysOff.Contains(date));

    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        int step = days >= 0 ? 1 : -1;
        int remaining = Math.Abs(days);
        while (remaining > 0)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return date;
    }
}
