using FsCheck;
using FsCheck.Fluent;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Periods.Tests;

/// <summary>FsCheck generators for the lunar calendar.</summary>
public static partial class Arbitraries
{
    /// <summary>Any gregorian date in the supported lunar range.</summary>
    public static Arbitrary<LunarRangeDate> LunarRangeDate()
    {
        LocalDate min = VietnameseLunarCalendar.MinDate;
        int span = Period.DaysBetween(min, VietnameseLunarCalendar.MaxDate);
        return Gen.Choose(0, span).Select(offset => new LunarRangeDate(min.PlusDays(offset))).ToArbitrary();
    }

    /// <summary>Any four numbers for a lunar date, most of them near or inside the valid range, some far outside.</summary>
    public static Arbitrary<AnyLunarDate> AnyLunarDate()
    {
        Gen<int> year = Gen.Frequency(
            (8, Gen.Choose(VietnameseLunarCalendar.MinYear, VietnameseLunarCalendar.MaxYear)),
            (1, Gen.Choose(VietnameseLunarCalendar.MinYear - 5, VietnameseLunarCalendar.MinYear - 1)),
            (1, Gen.Choose(VietnameseLunarCalendar.MaxYear + 1, VietnameseLunarCalendar.MaxYear + 5)),
            (1, ArbMap.Default.GeneratorFor<int>()));
        Gen<int> month = Gen.Frequency((9, Gen.Choose(1, 12)), (1, Gen.Choose(-2, 15)));
        Gen<int> day = Gen.Frequency((9, Gen.Choose(1, 30)), (1, Gen.Choose(-2, 33)));
        Gen<bool> leap = Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)));
        return (from y in year from m in month from d in day from l in leap select new AnyLunarDate(new LunarDate(y, m, d, l)))
            .ToArbitrary();
    }
}

/// <summary>A gregorian date inside <see cref="VietnameseLunarCalendar.MinDate"/>..<see cref="VietnameseLunarCalendar.MaxDate"/>.</summary>
public readonly record struct LunarRangeDate(LocalDate Date);

/// <summary>A lunar date that may or may not exist.</summary>
public readonly record struct AnyLunarDate(LunarDate Date);
