using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Ktxh.Integration.Tests;

/// <summary>A gregorian date in the CLI's whole supported range, 1900–2199.</summary>
/// <param name="Value">The date.</param>
public readonly record struct CliDate(LocalDate Value);

/// <summary>FsCheck generators for the CLI tests.</summary>
public static partial class Arbitraries
{
    private static readonly LocalDate CliFirst = new(1900, 1, 1);

    /// <summary>Any date of 1900–2199.</summary>
    public static Arbitrary<CliDate> CliDate() =>
        Gen.Choose(0, Period.DaysBetween(CliFirst, new LocalDate(2199, 12, 31)))
            .Select(offset => new CliDate(CliFirst.PlusDays(offset)))
            .ToArbitrary();
}
