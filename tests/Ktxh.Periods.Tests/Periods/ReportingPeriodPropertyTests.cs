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

    [Property(MaxTest = 500)]
    public Property Next_and_Previous_are_inverse() =>
        Prop.ForAll(Arb.From(Arbitraries.PeriodsIncludingTheEnds), NextAndPreviousAreInverse);

    [Property(MaxTest = 500)]
    public Property Consecutive_periods_of_partition_kinds_are_adjacent() =>
        Prop.ForAll(Arb.From(Arbitraries.PeriodsIncludingTheEnds), ConsecutivePeriodsAreAdjacent);

    private static Property NextAndPreviousAreInverse(ReportingPeriod p)
    {
        ReportingPeriod? previous = OrNone(p.Previous);
        ReportingPeriod? next = OrNone(p.Next);
        if (previous is { } a)
        {
            Assert.Equal(p, a.Next());
            Assert.True(a < p, $"{a} < {p}");
            Assert.Equal((p.Type, p.WeekRule), (a.Type, a.WeekRule));
        }
        else
        {
            Assert.True(PreviousLiesBeforeTheRange(p), $"{p} has a previous period in the range");
        }

        if (next is { } b)
        {
            Assert.Equal(p, b.Previous());
            Assert.True(b > p, $"{b} > {p}");
            Assert.Equal((p.Type, p.WeekRule), (b.Type, b.WeekRule));
        }
        else
        {
            Assert.True(NextLiesAfterTheRange(p), $"{p} has a next period in the range");
        }

        return true.ToProperty()
            .Classify(previous is null, "first period of the range (no previous)")
            .Classify(next is null, "last period of the range (no next)")
            .Collect(p.Type);
    }

    private static Property ConsecutivePeriodsAreAdjacent(ReportingPeriod p)
    {
        bool partition = ReportingPeriod.IsPartitionKind(p.Type) || p.Type == PeriodType.MultiYear;
        ReportingPeriod? previous = OrNone(p.Previous);
        ReportingPeriod? next = OrNone(p.Next);
        if (partition)
        {
            // Periods of a partition kind tile the time line: no gap, no overlap.
            Assert.True(next is null || next.Value.Start == p.End.PlusDays(1), $"{p} then {next}");
            Assert.True(previous is null || previous.Value.End == p.Start.PlusDays(-1), $"{previous} then {p}");
        }
        else
        {
            // Nine months and years to date overlap or leave gaps; they still end later, one after the other.
            Assert.True(next is null || next.Value.End > p.End, $"{p} then {next}");
            Assert.True(previous is null || previous.Value.End < p.End, $"{previous} then {p}");
        }

        Assert.True(next is not null || NextLiesAfterTheRange(p), $"{p} has a next period in the range");
        Assert.True(previous is not null || PreviousLiesBeforeTheRange(p), $"{p} has a previous period in the range");
        return true.ToProperty()
            .Classify(partition, "partition kind")
            .Classify(previous is null || next is null, "at an end of the range")
            .Collect(p.Type);
    }

    // The documented exception of Next and Previous: the period lies outside the supported years.
    private static ReportingPeriod? OrNone(Func<ReportingPeriod> shift)
    {
        try
        {
            return shift();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int SpanInYears(ReportingPeriod p) => p.End.Year - p.Start.Year + 1;

    private static bool PreviousLiesBeforeTheRange(ReportingPeriod p) => p.Start.Year - SpanInYears(p) < ReportingPeriod.MinYear;

    private static bool NextLiesAfterTheRange(ReportingPeriod p) =>
        p.End.Year + SpanInYears(p) > (p.Type == PeriodType.Week ? ReportingPeriod.MaxWeekYear : ReportingPeriod.MaxYear);

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
            Assert.Contains("DHIS2", dhis2.Errors[0].MessageEn, StringComparison.Ordinal);
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
