using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

public class RollupProperties
{
    private static readonly AggregationEngine Engine = World.Engine(new AggregationOptions { MaxDegreeOfParallelism = 1 });

    private static bool Agrees(decimal? engine, decimal? reference) => engine == reference;

    /// <summary>A year-to-date of an indicator is produced only through a month in which that indicator has data
    /// (issue 9 §1: never another indicator's); for a ratio, both operands. Every other period the inputs roll up to is
    /// always produced.</summary>
    private static bool Produced(Dataset data, ReportingPeriod p, params string[] indicators) =>
        p.Type != PeriodType.YearToDate
        || indicators.All(ind => data.Inputs.Any(i => i.IndicatorCode == ind && i.Period.End.Month == p.End.Month));

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public void A_sum_roll_up_equals_the_sum_of_the_leaves_at_every_level_and_period(Dataset data)
    {
        AggregationResult r = Engine.Aggregate(data.Inputs);
        List<AggregationInput> latest = Reference.Latest(data.Inputs);
        foreach (ReportingPeriod p in Reference.Periods2026())
        {
            foreach (string u in Reference.AllUnits)
            {
                Assert.True(Agrees(r.ValueOf("A", u, p), Produced(data, p, "A") ? Reference.Sum(latest, "A", u, p) : null), $"A {u} {p.Id}");
                Assert.True(Agrees(r.ValueOf("S", u, p), Produced(data, p, "S") ? Reference.Last(latest, "S", u, p) : null), $"S {u} {p.Id}");
                Assert.True(Agrees(r.ValueOf("MX", u, p), Produced(data, p, "MX") ? Reference.Max(latest, "MX", u, p) : null), $"MX {u} {p.Id}");
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public void The_result_does_not_depend_on_the_order_of_the_inputs(Dataset data)
    {
        var shuffled = data.Inputs.ToArray();
        new Random(data.Seed).Shuffle(shuffled);
        AggregationResult a = Engine.Aggregate(data.Inputs);
        AggregationResult b = Engine.Aggregate(shuffled);
        var left = a.Aggregates().OrderBy(x => (x.IndicatorCode, x.UnitCode, x.Period)).ToList();
        var right = b.Aggregates().OrderBy(x => (x.IndicatorCode, x.UnitCode, x.Period)).ToList();
        Assert.Equal(left, right);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public Property Months_to_year_equals_months_to_quarters_to_year(Dataset data)
    {
        AggregationResult r = Engine.Aggregate(data.Inputs);
        // The year-to-date through the last month with data of A covers every input of A: it equals the year. Later
        // year-to-dates (e.g. YTD-M12 when A has no December data) are not produced for A at all.
        ReportingPeriod ytd12 = ReportingPeriod.YearToDate(2026, 12);
        AggregationInput[] ofA = data.Inputs.Where(i => i.IndicatorCode == "A").ToArray();
        ReportingPeriod? lastYtd = ofA.Length == 0 ? null : ReportingPeriod.YearToDate(2026, ofA.Max(i => i.Period.End.Month));
        if (lastYtd is { } last)
        {
            Assert.True(r.TryGet("A", "VN", last, out _));
        }

        ReportingPeriod year = ReportingPeriod.CalendarYear(2026);
        ReportingPeriod[] quarters = Enumerable.Range(1, 4).Select(q => ReportingPeriod.Quarter(2026, q)).ToArray();
        ReportingPeriod[] halves = [ReportingPeriod.HalfYear(2026, 1), ReportingPeriod.HalfYear(2026, 2)];
        foreach (string u in Reference.AllUnits)
        {
            decimal?[] qa = quarters.Select(q => r.ValueOf("A", u, q)).ToArray();
            decimal? sumOfQuarters = qa.All(v => v is null) ? null : qa.Sum(v => v ?? 0m);
            Assert.Equal(r.ValueOf("A", u, year), sumOfQuarters);
            decimal?[] ha = halves.Select(h => r.ValueOf("A", u, h)).ToArray();
            Assert.Equal(r.ValueOf("A", u, year), ha.All(v => v is null) ? null : ha.Sum(v => v ?? 0m));
            if (lastYtd is { } through)
            {
                Assert.Equal(r.ValueOf("A", u, year), r.ValueOf("A", u, through));
            }
            else
            {
                Assert.Null(r.ValueOf("A", u, year)); // no inputs: no year either
            }

            if (lastYtd != ytd12)
            {
                Assert.Null(r.ValueOf("A", u, ytd12));
            }

            // Stocks: the year's value is the last quarter with data; maxima: the max of the quarters.
            decimal? lastQuarter = quarters.Select(q => r.ValueOf("S", u, q)).LastOrDefault(v => v is not null);
            Assert.Equal(r.ValueOf("S", u, year), lastQuarter);
            decimal?[] qm = quarters.Select(q => r.ValueOf("MX", u, q)).Where(v => v is not null).ToArray();
            Assert.Equal(r.ValueOf("MX", u, year), qm.Length == 0 ? null : qm.Max());
        }

        return true.ToProperty()
            .Classify(lastYtd is null, "no inputs of A")
            .Classify(lastYtd == ytd12, "A has December data: YTD-M12 is the year")
            .Classify(lastYtd is not null && lastYtd != ytd12, "A ends before December: no YTD-M12")
            .Collect(data.Inputs.Count switch { 0 => "0 inputs", <= 10 => "1-10 inputs", <= 50 => "11-50 inputs", _ => "51+ inputs" });
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public void A_ratio_aggregate_equals_the_sum_of_numerators_over_the_sum_of_denominators(Dataset data)
    {
        AggregationResult r = Engine.Aggregate(data.Inputs);
        List<AggregationInput> latest = Reference.Latest(data.Inputs);
        foreach (ReportingPeriod p in Reference.Periods2026().Where(p => Produced(data, p, "N", "D")))
        {
            foreach (string u in Reference.AllUnits)
            {
                decimal? num = Reference.Sum(latest, "N", u, p);
                decimal? den = Reference.Sum(latest, "D", u, p);
                decimal? expected = num is null || den is null || den == 0m ? null : Math.Round(num.Value * 100m / den.Value, 20, MidpointRounding.ToEven);
                Assert.Equal(expected, r.ValueOf("R", u, p));
                if (num is not null && den == 0m)
                {
                    Assert.True(r.TryGet("R", u, p, out Aggregate a) && a.Flags.HasFlag(AggregateFlags.DivisionByZero));
                }
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public void Entering_values_in_another_unit_of_measure_does_not_change_a_total(Dataset data)
    {
        // A is in tỷ đồng; the same amounts entered in triệu đồng (× 1000) or nghìn tỷ (÷ 1000) give the same totals.
        AggregationInput[] converted = data.Inputs
            .Select((x, i) => x.IndicatorCode != "A" ? x : (i % 3) switch
            {
                0 => x with { Value = x.Value * 1000m, MeasureUnitCode = "VND_M" },
                1 => x with { Value = x.Value / 1000m, MeasureUnitCode = "VND_TN" },
                _ => x,
            })
            .ToArray();
        AggregationResult a = Engine.Aggregate(data.Inputs);
        AggregationResult b = Engine.Aggregate(converted);
        Assert.Empty(b.Rejected);
        foreach (ReportingPeriod p in Reference.Periods2026())
        {
            foreach (string u in Reference.AllUnits)
            {
                Assert.Equal(a.ValueOf("A", u, p), b.ValueOf("A", u, p));
            }
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 40)]
    public void Coverage_never_exceeds_what_was_expected_and_maturity_is_the_least_input(Dataset data)
    {
        AggregationResult r = Engine.Aggregate(data.Inputs);
        List<AggregationInput> latest = Reference.Latest(data.Inputs);
        foreach (Aggregate a in r.Aggregates().Where(a => a.IndicatorCode == "A"))
        {
            Assert.InRange(a.Coverage.Reported, 0, a.Coverage.Expected);
            var under = latest.Where(x => x.IndicatorCode == "A" && Reference.IsUnder(x.UnitCode, a.UnitCode) && a.Period.Contains(x.Period)).ToList();
            Assert.Equal(under.Count == 0 ? null : under.Min(x => x.Maturity), a.Maturity);
        }
    }
}
