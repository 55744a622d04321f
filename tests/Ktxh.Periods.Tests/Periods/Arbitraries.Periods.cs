using FsCheck;
using FsCheck.Fluent;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Periods.Tests;

/// <summary>FsCheck generators for reporting periods.</summary>
public static partial class Arbitraries
{
    /// <summary>Week rules: mostly ISO, sometimes any first day and minimal days.</summary>
    public static Gen<WeekRule> WeekRules { get; } = Gen.Frequency(
        (3, Gen.Constant(WeekRule.Iso)),
        (2, from day in Gen.Choose(1, 7)
            from min in Gen.Choose(1, 7)
            select new WeekRule((IsoDayOfWeek)day, min)));

    /// <summary>Years: mostly recent, sometimes near the ends of the supported range.</summary>
    public static Gen<int> PeriodYears { get; } = Gen.Frequency(
        (8, Gen.Choose(1990, 2060)),
        (1, Gen.Choose(2, 9980)),
        (1, Gen.Elements(2, 3, 9980, 9990)));

    /// <summary>Any reporting period of any kind.</summary>
    public static Gen<ReportingPeriod> ReportingPeriods { get; } =
        from type in Gen.Elements(Enum.GetValues<PeriodType>())
        from year in PeriodYears
        from month in Gen.Choose(1, 12)
        from n in Gen.Choose(1, 4)
        from week in Gen.Choose(1, 53)
        from rule in WeekRules
        from length in Gen.Choose(2, 6)
        select type switch
        {
            PeriodType.Week => ReportingPeriod.Week(year, Math.Min(week, WeeksIn(year, rule)), rule),
            PeriodType.HalfMonth => ReportingPeriod.HalfMonth(year, month, ((n - 1) % 2) + 1),
            PeriodType.Month => ReportingPeriod.Month(year, month),
            PeriodType.Quarter => ReportingPeriod.Quarter(year, n),
            PeriodType.HalfYear => ReportingPeriod.HalfYear(year, ((n - 1) % 2) + 1),
            PeriodType.NineMonths => ReportingPeriod.NineMonths(year),
            PeriodType.Year => ReportingPeriod.CalendarYear(year),
            PeriodType.YearToDate => ReportingPeriod.YearToDate(year, month),
            _ => ReportingPeriod.MultiYear(year, year + length - 1),
        };

    /// <summary>The first and the last period of each kind in the supported range (year 1, year 9999, week-year 9998).</summary>
    public static Gen<ReportingPeriod> PeriodsAtTheEnds { get; } =
        from type in Gen.Elements(Enum.GetValues<PeriodType>())
        from first in Gen.Elements(true, false)
        from month in Gen.Choose(1, 12)
        from rule in WeekRules
        from length in Gen.Choose(2, 6)
        select first
            ? type switch
            {
                PeriodType.Week => ReportingPeriod.Week(ReportingPeriod.MinYear, 1, rule),
                PeriodType.HalfMonth => ReportingPeriod.HalfMonth(ReportingPeriod.MinYear, 1, 1),
                PeriodType.Month => ReportingPeriod.Month(ReportingPeriod.MinYear, 1),
                PeriodType.Quarter => ReportingPeriod.Quarter(ReportingPeriod.MinYear, 1),
                PeriodType.HalfYear => ReportingPeriod.HalfYear(ReportingPeriod.MinYear, 1),
                PeriodType.NineMonths => ReportingPeriod.NineMonths(ReportingPeriod.MinYear),
                PeriodType.Year => ReportingPeriod.CalendarYear(ReportingPeriod.MinYear),
                PeriodType.YearToDate => ReportingPeriod.YearToDate(ReportingPeriod.MinYear, month),
                _ => ReportingPeriod.MultiYear(ReportingPeriod.MinYear, ReportingPeriod.MinYear + length - 1),
            }
            : type switch
            {
                PeriodType.Week => LastWeek(rule),
                PeriodType.HalfMonth => ReportingPeriod.HalfMonth(ReportingPeriod.MaxYear, 12, 2),
                PeriodType.Month => ReportingPeriod.Month(ReportingPeriod.MaxYear, 12),
                PeriodType.Quarter => ReportingPeriod.Quarter(ReportingPeriod.MaxYear, 4),
                PeriodType.HalfYear => ReportingPeriod.HalfYear(ReportingPeriod.MaxYear, 2),
                PeriodType.NineMonths => ReportingPeriod.NineMonths(ReportingPeriod.MaxYear),
                PeriodType.Year => ReportingPeriod.CalendarYear(ReportingPeriod.MaxYear),
                PeriodType.YearToDate => ReportingPeriod.YearToDate(ReportingPeriod.MaxYear, month),
                _ => ReportingPeriod.MultiYear(ReportingPeriod.MaxYear - length + 1, ReportingPeriod.MaxYear),
            };

    /// <summary>Any period, one in four at an end of the supported range (for the laws of navigation).</summary>
    public static Gen<ReportingPeriod> PeriodsIncludingTheEnds { get; } =
        Gen.Frequency((3, ReportingPeriods), (1, PeriodsAtTheEnds));

    private static ReportingPeriod LastWeek(WeekRule rule)
    {
        ReportingPeriod week = ReportingPeriod.Week(ReportingPeriod.MaxWeekYear, 52, rule);
        ReportingPeriod.TryParse(week.Id.Replace("-W52", "-W53", StringComparison.Ordinal), out ReportingPeriod week53);
        return week53.IsDefault ? week : week53;
    }

    /// <summary>The number of weeks of a week-year under a rule, measured through the public API.</summary>
    internal static int WeeksIn(int year, WeekRule rule) =>
        ReportingPeriod.Week(year + 1, 1, rule).Previous().WeekNumber;

    /// <summary>The arbitrary for reporting periods (owned by the periods topic).</summary>
    public static Arbitrary<ReportingPeriod> ReportingPeriodArbitrary() => Arb.From(ReportingPeriods);
}
