using FsCheck;
using FsCheck.Fluent;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Periods.Tests;

/// <summary>FsCheck generators for deadline rules.</summary>
public static partial class Arbitraries
{
    /// <summary>Any deadline rule, with parameters across their whole ranges.</summary>
    public static Gen<DeadlineRule> DeadlineRules { get; } = Gen.OneOf(
        from day in Gen.Choose(1, 31)
        from months in Gen.Choose(1, 12)
        select DeadlineRule.DayOfMonthAfterPeriod(day, months),
        Gen.Choose(1, 31).Select(DeadlineRule.DayOfLastMonthOfPeriod),
        Gen.Choose(1, 60).Select(DeadlineRule.WorkingDaysAfterCutoff),
        Gen.Choose(0, 366).Select(DeadlineRule.CalendarDaysAfterPeriod),
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, CalendarSystem.Iso.GetDaysInMonth(2024, month))
        from years in Gen.Choose(1, 10)
        select DeadlineRule.FixedDateInLaterYear(month, day, years),
        from days in Gen.Choose(0, 3650)
        select DeadlineRule.ExplicitDate(new LocalDate(2020, 1, 1).PlusDays(days)));

    /// <summary>Months, quarters, half-years, years and 9-month periods around the years of official calendar data.</summary>
    public static Gen<ReportingPeriod> DeadlinePeriods { get; } =
        from year in Gen.Choose(2019, 2035)
        from kind in Gen.Choose(0, 4)
        from n in Gen.Choose(1, 12)
        select kind switch
        {
            0 => ReportingPeriod.Month(year, n),
            1 => ReportingPeriod.Quarter(year, ((n - 1) % 4) + 1),
            2 => ReportingPeriod.HalfYear(year, ((n - 1) % 2) + 1),
            3 => ReportingPeriod.CalendarYear(year),
            _ => ReportingPeriod.NineMonths(year),
        };

    /// <summary>The arbitrary for deadline rules.</summary>
    public static Arbitrary<DeadlineRule> DeadlineRuleArbitrary() => Arb.From(DeadlineRules);
}
