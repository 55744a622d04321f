using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Ktxh.Periods.Tests.Periods;

/// <summary>The laws of reporting periods, checked on generated periods and by full sweeps over dates.</summary>
public class ReportingPeriodPropertyTests
{
    private static readonly PeriodType[] PartitionKinds =
        [PeriodType.Week, PeriodType.HalfMonth, PeriodType.Month, PeriodType.Quarter, PeriodType.HalfYear, PeriodType.Year];

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public bool Parse_of_the_identifier_gives_back_the_period(ReportingPeriod p) =>
        ReportingPeriod.Parse(p.Id) == p && ReportingPeriod.TryParse(p.Id, out var q) && q == p;

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public bool Next_and_Previous_are_inverse(ReportingPeriod p)
    {
        bool ok = true;
        if (p.Year > 3 && p.End.Year < 9990)
        {
            ok &= p.Previous().Next() == p && p.Next().Previous() == p;
            ok &= p.Next() > p && p.Previous() < p;
            ok &= p.Next().Type == p.Type && p.Next().WeekRule == p.WeekRule;
        }

        return ok;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public void Consecutive_periods_of_partition_kinds_are_adjacent(ReportingPeriod p)
    {
        if ((ReportingPeriod.IsPartitionKind(p.Type) || p.Type == PeriodType.MultiYear) && p.End.Year < 9990)
        {
            Assert.Equal(p.End.PlusDays(1), p.Next().Start);
            Assert.Equal(p.Start.PlusDays(-1), p.Year > 3 ? p.Previous().End : p.Start.PlusDays(-1));
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public void Iso_interval_round_trips(ReportingPeriod p)
    {
        string interval = p.ToIsoInterval();
        Assert.Equal(p, ReportingPeriod.ParseIsoInterval(interval, p.Type, p.WeekRule).GetValueOrThrow());
        var inferred = ReportingPeriod.ParseIsoInterval(interval, weekRule: p.WeekRule).GetValueOrThrow();
        Assert.Equal((p.Start, p.End), (inferred.Start, inferred.End));
        if (p.Type != PeriodType.YearToDate)
        {
            Assert.Equal(p, inferred);
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public void Dhis2_round_trips_where_dhis2_has_the_kind(ReportingPeriod p)
    {
        var dhis2 = p.ToDhis2();
        bool dhis2HasKind = p.Type is PeriodType.Month or PeriodType.Quarter or PeriodType.HalfYear or PeriodType.Year
            || (p.Type == PeriodType.Week && p.WeekRule.MinDaysInFirstWeek == 4
                && p.WeekRule.FirstDayOfWeek is IsoDayOfWeek.Monday or IsoDayOfWeek.Wednesday or IsoDayOfWeek.Thursday or IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
        Assert.Equal(dhis2HasKind, dhis2.Success);
        if (dhis2.Success)
        {
            Assert.Equal(p, ReportingPeriod.ParseDhis2(dhis2.Value).GetValueOrThrow());
        }
        else
        {
            Assert.Contains("DHIS2", dhis2.Error!.Value.MessageEn, StringComparison.Ordinal);
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public void Sub_periods_partition_their_parent(ReportingPeriod p)
    {
        foreach (var kind in PartitionKinds.Where(k => k != PeriodType.Week))
        {
            var subs = p.SubPeriods(kind);
            if (subs.Count == 0)
            {
                continue;
            }

            // The parent is aligned to the kind when its first and last days are the first and last days of periods of that kind.
            bool aligned = ReportingPeriod.Containing(p.Start, kind).Start == p.Start && ReportingPeriod.Containing(p.End, kind).End == p.End;
            for (int i = 1; i < subs.Count; i++)
            {
                Assert.Equal(subs[i - 1].End.PlusDays(1), subs[i].Start);
            }

            Assert.All(subs, s => Assert.True(p.Contains(s) && s.Type == kind));
            if (aligned)
            {
                Assert.Equal(p.LengthInDays, subs.Sum(s => s.LengthInDays));
            }
            else
            {
                Assert.True(subs[0].Start > p.Start || subs[^1].End < p.End, $"{p.Id} by {kind}");
            }
        }
    }

    // Every generated case is a year (the generic period generator made 8 of 9 cases vacuous).
    [Property(MaxTest = 300)]
    public Property Weeks_by_anchor_day_of_a_year_are_its_week_year() =>
        Prop.ForAll(Arb.From(Gen.Choose(3, ReportingPeriod.MaxWeekYear - 1)), year =>
        {
            var weeks = ReportingPeriod.CalendarYear(year).SubPeriods(PeriodType.Week);
            return weeks.Count is 52 or 53
                && weeks.All(w => w.Year == year)
                && weeks.Select(w => w.WeekNumber).SequenceEqual(Enumerable.Range(1, weeks.Count));
        });

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public bool Containing_any_day_of_a_period_gives_the_period(ReportingPeriod p, PositiveInt offset)
    {
        var day = p.Start.PlusDays(offset.Get % p.LengthInDays);
        return p.Type switch
        {
            PeriodType.YearToDate => ReportingPeriod.Containing(p.End, p.Type) == p,
            PeriodType.MultiYear => ReportingPeriod.MultiYearContaining(day, p.End.Year - p.Start.Year + 1, p.Start.Year) == p,
            PeriodType.Week => ReportingPeriod.Containing(day, p.Type, p.WeekRule) == p,
            _ => ReportingPeriod.Containing(day, p.Type) == p,
        };
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public bool Same_period_previous_year_is_a_year_earlier(ReportingPeriod p)
    {
        if (p.Year < 20)
        {
            return true;
        }

        var q = p.SamePeriodPreviousYear();
        return p.Type switch
        {
            PeriodType.Week => q.Year == p.Year - 1 && q.WeekNumber == Math.Min(p.WeekNumber, Arbitraries.WeeksIn(p.Year - 1, p.WeekRule)),
            PeriodType.MultiYear => q == p.Previous(),
            _ => q.Type == p.Type && q.Start == p.Start.PlusYears(-1) && q.End == p.End.PlusYears(-1)
                 || (q.Type == p.Type && q.Start == p.Start.PlusYears(-1) && p.End.Month == 2 && q.End == new LocalDate(q.End.Year, 2, DateTime.DaysInMonth(q.End.Year, 2))),
        };
    }

    [Fact]
    public void Every_date_from_1999_to_2031_lies_in_exactly_one_period_of_each_partition_kind()
    {
        var from = new LocalDate(1999, 1, 1);
        var to = new LocalDate(2031, 12, 31);
        foreach (var kind in PartitionKinds)
        {
            var periods = ReportingPeriod.EnumerateBetween(from, to, kind).ToList();
            Assert.True(periods[0].Contains(from) && periods[^1].Contains(to));
            int i = 0;
            for (var d = from; d <= to; d = d.PlusDays(1))
            {
                while (!periods[i].Contains(d))
                {
                    i++;
                }

                // Exactly one: the previous and the next period do not hold the day.
                if (i > 0 && periods[i - 1].Contains(d))
                {
                    Assert.Fail($"{d} in {periods[i - 1].Id} and {periods[i].Id}");
                }

                if (i < periods.Count - 1 && periods[i + 1].Contains(d))
                {
                    Assert.Fail($"{d} in {periods[i].Id} and {periods[i + 1].Id}");
                }
                Assert.Equal(periods[i], ReportingPeriod.Containing(d, kind));
            }
        }
    }

    [Fact]
    public void Cumulative_kinds_hold_dates_as_defined()
    {
        for (var d = new LocalDate(2023, 1, 1); d <= new LocalDate(2026, 12, 31); d = d.PlusDays(1))
        {
            var ytds = Enumerable.Range(1, 12).Select(m => ReportingPeriod.YearToDate(d.Year, m)).Where(p => p.Contains(d)).ToList();
            Assert.Equal(13 - d.Month, ytds.Count); // a day of month m lies in the year-to-date through m, …, through December
            Assert.Equal(ReportingPeriod.YearToDate(d.Year, d.Month), ReportingPeriod.Containing(d, PeriodType.YearToDate));
            Assert.Equal(d.Month <= 9, ReportingPeriod.NineMonths(d.Year).Contains(d));
            Assert.Equal(d.Month <= 9, ReportingPeriod.TryContaining(d, PeriodType.NineMonths, out _));
            Assert.Equal(ReportingPeriod.MultiYear(2021, 2025).Contains(d) ? "2021-2025" : "2026-2030", ReportingPeriod.Containing(d, PeriodType.MultiYear).Id);
        }
    }
}
