using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Ktxh.Integration.Tests;

/// <summary>A gregorian date in the CLI's whole supported range, 1900–2199.</summary>
/// <param name="Value">The date.</param>
public readonly record struct CliDate(LocalDate Value);

/// <summary>A gregorian date the lunar calendar converts and the CLI accepts (1900-01-31–2199-12-31).</summary>
/// <param name="Value">The date.</param>
public readonly record struct CliLunarDate(LocalDate Value);

/// <summary>FsCheck generators for the CLI tests.</summary>
public static partial class Arbitraries
{
    private static readonly LocalDate CliFirst = new(1900, 1, 1);

    /// <summary>Any date of 1900–2199.</summary>
    public static Arbitrary<CliDate> CliDate() =>
        Gen.Choose(0, Period.DaysBetween(CliFirst, new LocalDate(2199, 12, 31)))
            .Select(offset => new CliDate(CliFirst.PlusDays(offset)))
            .ToArbitrary();

    /// <summary>Any date of the lunar calendar's range within 1900–2199: the 30 days of January 1900 before the first
    /// lunar month of the table are refused by <c>ktxh lunar</c> (a test of their own), not converted.</summary>
    public static Arbitrary<CliLunarDate> CliLunarDate() =>
        Gen.Choose(0, Period.DaysBetween(Ktxh.Periods.VietnameseLunarCalendar.MinDate, new LocalDate(2199, 12, 31)))
            .Select(offset => new CliLunarDate(Ktxh.Periods.VietnameseLunarCalendar.MinDate.PlusDays(offset)))
            .ToArbitrary();
}
