using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace Ktxh.Indicators.Tests;

/// <summary>A day between 2000-01-01 and 2035-12-31 (wrapped so it does not collide with other topics' LocalDate generators).</summary>
public readonly record struct UnitsDay(LocalDate Value);

/// <summary>Generators for the reporting-unit tests.</summary>
public static partial class Arbitraries
{
    /// <summary>Days spread over both sides of the 2025-07-01 reform, with the boundary days themselves over-represented.</summary>
    public static Arbitrary<UnitsDay> UnitsDays() =>
        Gen.Frequency(
                (8, Gen.Choose(0, 13149).Select(d => new LocalDate(2000, 1, 1).PlusDays(d))),
                (1, Gen.Elements(new LocalDate(2025, 6, 30), new LocalDate(2025, 7, 1))))
            .Select(d => new UnitsDay(d))
            .ToArbitrary();
}
