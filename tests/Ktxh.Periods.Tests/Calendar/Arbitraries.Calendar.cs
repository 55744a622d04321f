using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Ktxh.Periods.Tests;

/// <summary>FsCheck generators for the working calendar.</summary>
public static partial class Arbitraries
{
    private static readonly LocalDate CalendarGenStart = new(2018, 1, 1);

    /// <summary>A date in 2018–2029: the official years 2020–2026 and forecast years around them.</summary>
    public static Arbitrary<CalendarDate> CalendarDate() =>
        Gen.Choose(0, Period.DaysBetween(CalendarGenStart, new LocalDate(2029, 12, 31)))
            .Select(offset => new CalendarDate(CalendarGenStart.PlusDays(offset)))
            .ToArbitrary();

    /// <summary>A signed number of working days, mostly small, sometimes over a year.</summary>
    public static Arbitrary<WorkingDayCount> WorkingDayCount() =>
        Gen.Frequency(
                (6, Gen.Choose(-30, 30)),
                (3, Gen.Choose(-300, 300)),
                (1, Gen.Choose(-2000, 2000)))
            .Select(n => new WorkingDayCount(n))
            .ToArbitrary();
}

/// <summary>A date around the official years of the working calendar.</summary>
public readonly record struct CalendarDate(LocalDate Date);

/// <summary>A signed number of working days to move.</summary>
public readonly record struct WorkingDayCount(int Value);
