using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 14 §1 (wrong before, each example a test) and §2 (each rule decided, one test each), and issue 9's
/// question on the maturity of a derived row with an operand missing.</summary>
public class DerivedRulesTests
{
    private static readonly AggregationEngine Engine = FamilyWorld.Engine();
    private static readonly AggregationEngine WorldEngine = World.Engine(new AggregationOptions { MaxDegreeOfParallelism = 1 });
    private static readonly ReportingPeriod Year = ReportingPeriod.CalendarYear(2026);
    private static readonly ReportingPeriod Q1 = ReportingPeriod.Quarter(2026, 1);

    private static AggregationInput In(string ind, string unit, ReportingPeriod p, decimal v, Maturity m = Maturity.Official, string? measure = null) =>
        World.In(ind, unit, p, v, m, measure);

    private static Aggregate Get(AggregationResult r, string ind, string unit, ReportingPeriod p)
    {
        Assert.True(r.TryGet(ind, unit, p, out Aggregate a), $"no row {ind} {unit} {p.Id}");
        Assert.Contains(r.Aggregates(), x => x.IndicatorCode == ind && x.UnitCode == unit && x.Period == p);
        return a;
    }

    // ---- §1 wrong before ----

    [Fact]
    public void A_zero_denominator_row_is_written_even_when_the_unit_missed_a_sub_period()
    {
        ReportingPeriod s1 = ReportingPeriod.HalfYear(2026, 1);
        ReportingPeriod s2 = ReportingPeriod.HalfYear(2026, 2);
        AggregationResult r = WorldEngine.Aggregate(
        [
            In("N", "00001", s1, 5), In("D", "00001", s1, 0),
            In("N", "00002", s2, 7), In("D", "00002", s2, 3),
        ]);
        Aggregate y = Get(r, "R", "00001", Year);
        Assert.Null(y.Value);
        Assert.True(y.Flags.HasFlag(AggregateFlags.DivisionByZero));
        Assert.False(y.Flags.HasFlag(AggregateFlags.NoData));
        Assert.Equal(12m * 100m / 3m, Get(r, "R", "01", Year).Value!.Value, 18);
    }

    [Fact]
    public void A_unit_that_reported_a_weighted_average_without_its_weight_gets_its_row_saying_what_is_missing()
    {
        AggregationResult r = Engine.Aggregate(
        [
            In("PR", "00001", World.M(1), 10, Maturity.Preliminary), In("P", "00001", World.M(1), 3),
            In("PR", "00002", World.M(1), 40), In("P", "00003", World.M(1), 5),
        ]);
        Aggregate own = Get(r, "PR", "00002", World.M(1));
        Assert.Null(own.Value);
        Assert.Equal(AggregateFlags.MissingInput, own.Flags);
        Assert.Equal(Maturity.Official, own.Maturity); // its own line's
        Assert.Equal(0, own.Coverage.Reported);

        // The province: the units with both value and weight; the unit without is not counted as reported.
        Aggregate province = Get(r, "PR", "01", World.M(1));
        Assert.Equal(10m, province.Value);
        Assert.True(province.Flags.HasFlag(AggregateFlags.MissingInput));
        Assert.True(province.Flags.HasFlag(AggregateFlags.PartialCoverage));
        Assert.Equal(1, province.Coverage.Reported);
        Assert.Equal(Maturity.Preliminary, province.Maturity);
        AggregationIssue message = Assert.Single(r.Omitted, o => o.IndicatorCode == "PR");
        Assert.Equal("00002", message.UnitCode);
        Assert.Contains("'P'", message.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void A_province_whose_units_all_lack_the_weight_has_a_row_without_value()
    {
        AggregationResult r = Engine.Aggregate([In("PR", "00004", World.M(1), 40), In("P", "00001", World.M(1), 5)]);
        Aggregate province = Get(r, "PR", "02", World.M(1));
        Assert.Null(province.Value);
        Assert.Equal(AggregateFlags.MissingInput, province.Flags);
        Aggregate quarter = Get(r, "PR", "00004", Q1);
        Assert.Null(quarter.Value);
        Assert.True(quarter.Flags.HasFlag(AggregateFlags.MissingInput));
        Assert.False(quarter.Flags.HasFlag(AggregateFlags.NoData));
    }

    [Theory]
    [InlineData("TE")]
    [InlineData("AT")]
    [InlineData("LO")]
    [InlineData("HI")]
    [InlineData("CN")]
    [InlineData("LV")]
    [InlineData("AR")]
    public void Incomplete_period_of_a_time_rule_depends_only_on_the_series_own_inputs(string indicator)
    {
        AggregationInput[] own = [In(indicator, "00001", World.M(1), 1), In(indicator, "00001", World.M(2), 2), In(indicator, "00001", World.M(3), 3)];
        AggregationInput[] others =
        [
            In("Q", "00001", ReportingPeriod.HalfMonth(2026, 1, 1), 5),
            In("P", "00001", ReportingPeriod.Week(2026, 6), 5),
            In("HI", "00002", World.M(4), 1),
        ];
        Aggregate alone = Get(Engine.Aggregate(own), indicator, "00001", Q1);
        Aggregate mixed = Get(Engine.Aggregate([.. others, .. own]), indicator, "00001", Q1);
        Assert.False(alone.Flags.HasFlag(AggregateFlags.IncompletePeriod));
        Assert.Equal(alone, mixed);
    }

    // ---- §2 decided ----

    [Fact]
    public void A_derived_row_is_written_wherever_one_operand_has_input_whether_or_not_the_other_has_data_elsewhere()
    {
        // Q at 00001 only; AR at 00002 only: each commune gets a Y row, MissingInput, no value.
        AggregationResult r = Engine.Aggregate([In("Q", "00001", World.M(1), 5), In("AR", "00002", World.M(1), 2)]);
        foreach (string u in new[] { "00001", "00002" })
        {
            Aggregate y = Get(r, "Y", u, World.M(1));
            Assert.Null(y.Value);
            Assert.Equal(AggregateFlags.MissingInput, y.Flags);
        }

        // The other operand has no data anywhere: the same row.
        Aggregate alone = Get(Engine.Aggregate([In("Q", "00001", World.M(1), 5)]), "Y", "00001", World.M(1));
        Assert.Null(alone.Value);
        Assert.Equal(AggregateFlags.MissingInput, alone.Flags);
        Assert.Equal(0, alone.Coverage.Reported);
        Assert.DoesNotContain(r.Aggregates(), a => a.IndicatorCode == "Y" && a.UnitCode == "00003");
    }

    [Fact]
    public void A_derived_row_with_an_operand_missing_keeps_the_maturity_of_the_operand_present()
    {
        // Issue 9's open question: yes, the least mature operand that has a value; empty only when none has.
        AggregationResult r = Engine.Aggregate([In("Q", "00001", World.M(1), 5, Maturity.Estimate)]);
        Aggregate y = Get(r, "Y", "00001", World.M(1));
        Assert.Null(y.Value);
        Assert.Equal(Maturity.Estimate, y.Maturity);
        Aggregate gap = Get(r, "Y", "02", World.M(1));
        Assert.True(gap.Flags.HasFlag(AggregateFlags.NoData));
        Assert.Null(gap.Maturity);
    }

    [Fact]
    public void A_ratio_above_the_units_is_of_the_operands_totals_and_flags_a_coverage_mismatch()
    {
        AggregationResult r = Engine.Aggregate(
        [
            In("Q", "00001", World.M(1), 60), In("AR", "00001", World.M(1), 10),
            In("Q", "00002", World.M(1), 30),
            In("AR", "00003", World.M(1), 5),
            In("Q", "00004", World.M(1), 8), In("AR", "00004", World.M(1), 2),
        ]);
        Aggregate p1 = Get(r, "Y", "01", World.M(1));
        Assert.Equal(90m * 10m / 15m, p1.Value);
        Assert.True(p1.Flags.HasFlag(AggregateFlags.CoverageMismatch));
        Aggregate p2 = Get(r, "Y", "02", World.M(1));
        Assert.Equal(40m, p2.Value);
        Assert.False(p2.Flags.HasFlag(AggregateFlags.CoverageMismatch));
        Assert.True(Get(r, "Y", "VN", World.M(1)).Flags.HasFlag(AggregateFlags.CoverageMismatch));
        Assert.False(Get(r, "Y", "00001", World.M(1)).Flags.HasFlag(AggregateFlags.CoverageMismatch));
    }

    [Fact]
    public void A_ratio_over_time_takes_each_operand_by_its_own_time_rule_a_stock_at_its_last_value()
    {
        AggregationResult r = Engine.Aggregate(
        [
            In("Q", "00001", World.M(1), 10), In("Q", "00001", World.M(2), 20), In("Q", "00001", World.M(3), 30),
            In("AR", "00001", World.M(1), 4), In("AR", "00001", World.M(3), 6),
        ]);
        Assert.Equal(60m * 10m / 6m, Get(r, "Y", "00001", Q1).Value);
        Assert.Null(Get(r, "Y", "00001", World.M(2)).Value); // no area in February: MissingInput
    }

    [Fact]
    public void Count_keeps_a_units_own_figure_counts_units_above_and_counts_sub_periods_over_time()
    {
        AggregationResult r = Engine.Aggregate(
        [
            In("CN", "00001", World.M(1), 10), In("CN", "00002", World.M(1), 7), In("CN", "00001", World.M(2), 3),
            In("CS", "00001", World.M(1), 10), In("CS", "00002", World.M(1), 7), In("CS", "00001", World.M(2), 3),
        ]);
        Assert.Equal(10m, Get(r, "CN", "00001", World.M(1)).Value);
        Assert.Equal(2m, Get(r, "CN", "01", World.M(1)).Value);
        Assert.Equal(1m, Get(r, "CN", "01", World.M(2)).Value);
        Assert.Equal(2m, Get(r, "CN", "00001", Q1).Value); // two months with a value
        Assert.Equal(2m, Get(r, "CN", "01", Q1).Value);
        Assert.Equal(3m, Get(r, "CS", "01", Q1).Value); // counts of units summed over months: 2 + 1
    }

    [Fact]
    public void Averages_over_time_use_the_sub_periods_with_data_and_flag_the_gap()
    {
        AggregationResult r = Engine.Aggregate(
        [
            In("TE", "00001", World.M(1), 10), In("TE", "00001", World.M(2), 40),
            In("AT", "00001", World.M(1), 10), In("AT", "00001", World.M(3), 40),
        ]);
        Aggregate te = Get(r, "TE", "00001", Q1);
        Assert.Equal(((10m * 31) + (40m * 28)) / 59m, te.Value!.Value, 18);
        Assert.True(te.Flags.HasFlag(AggregateFlags.IncompletePeriod));
        Aggregate at = Get(r, "AT", "00001", Q1);
        Assert.Equal(25m, at.Value);
        Assert.True(at.Flags.HasFlag(AggregateFlags.IncompletePeriod));
    }

    [Fact]
    public void A_weighted_average_over_time_weights_each_sub_period_by_its_weight()
    {
        AggregationResult r = Engine.Aggregate(
        [
            In("PR", "00001", World.M(1), 10), In("P", "00001", World.M(1), 1),
            In("PR", "00002", World.M(1), 20), In("P", "00002", World.M(1), 3),
            In("PR", "00001", World.M(2), 40), In("P", "00001", World.M(2), 4),
        ]);
        // January province: (10·1 + 20·3) / 4 = 17.5; quarter: (17.5·4 + 40·4) / 8 = 28.75.
        Assert.Equal(17.5m, Get(r, "PR", "01", World.M(1)).Value);
        Assert.Equal(28.75m, Get(r, "PR", "01", Q1).Value);
        Assert.Equal(34m, Get(r, "PR", "00001", Q1).Value); // (10·1 + 40·4) / 5
    }

    [Fact]
    public void A_rule_none_across_units_has_rows_only_at_the_units_that_reported()
    {
        AggregationResult r = Engine.Aggregate([In("NU", "00001", World.M(1), 4), In("NU", "00001", World.M(2), 8), In("NL", "00001", World.M(1), 1)]);
        Assert.Equal(6m, Get(r, "NU", "00001", Q1).Value);
        Assert.False(r.TryGet("NU", "01", World.M(1), out _));
        Assert.DoesNotContain(r.Aggregates(), a => a.IndicatorCode == "NU" && a.UnitCode is "01" or "VN");
        Assert.DoesNotContain(r.Aggregates(), a => a.IndicatorCode == "NL");
        Assert.Contains(r.Omitted, o => o.IndicatorCode == "NL");
    }

    [Fact]
    public void A_monthly_numerator_over_a_yearly_denominator_is_computed_where_both_have_aggregates()
    {
        AggregationResult r = Engine.Aggregate(
        [
            In("Q", "00001", World.M(1), 10), In("Q", "00001", World.M(7), 30),
            In("AY", "00001", Year, 200),
        ]);
        Aggregate year = Get(r, "YM", "00001", Year);
        Assert.Equal(20m, year.Value);
        Aggregate month = Get(r, "YM", "00001", World.M(1));
        Assert.Null(month.Value);
        Assert.True(month.Flags.HasFlag(AggregateFlags.MissingInput));
    }

    [Fact]
    public void The_same_indicator_at_two_levels_is_reconciled_not_counted_twice()
    {
        AggregationResult r = WorldEngine.Aggregate(
        [
            In("A", "00001", World.M(1), 1), In("A", "00002", World.M(1), 2),
            In("A", "01", World.M(1), 10),
            In("A", "00004", World.M(1), 5),
        ]);
        Aggregate province = Get(r, "A", "01", World.M(1));
        Assert.Equal(10m, province.Value);                       // its own figure, not 13
        Assert.Equal(new Coverage(4, 4), province.Coverage);     // its own figure covers its communes and itself
        Assert.False(province.Flags.HasFlag(AggregateFlags.PartialCoverage));
        Assert.Equal(1m, r.ValueOf("A", "00001", World.M(1)));   // the communes keep their rows
        Assert.Equal(15m, r.ValueOf("A", "VN", World.M(1)));     // 10 + 5
        AggregationIssue note = Assert.Single(r.Omitted, o => o.IndicatorCode == "A");
        Assert.Equal(("01", "2026-M01"), (note.UnitCode, note.PeriodId));
        Assert.Contains("own figure 10, its units aggregate to 3 (difference 7)", note.MessageEn, StringComparison.Ordinal);

        // Over time the province's figures are its own months' figures.
        Assert.Equal(10m, r.ValueOf("A", "01", Q1));
    }

    [Fact]
    public void Before_the_2025_reform_districts_are_a_level_between_communes_and_province()
    {
        HierarchyUnit[] units =
        [
            new("VN", null, HierarchyRole.Nation), new("01", "VN", HierarchyRole.Province),
            new("001", "01", HierarchyRole.District), new("002", "01", HierarchyRole.District),
            new("00001", "001", HierarchyRole.Commune), new("00002", "001", HierarchyRole.Commune), new("00003", "002", HierarchyRole.Commune),
        ];
        AggregationEngine engine = FamilyWorld.Engine(units: units);
        AggregationResult r = engine.Aggregate(
        [
            In("Q", "00001", World.M(1), 10), In("AR", "00001", World.M(1), 2),
            In("Q", "00002", World.M(1), 20), In("AR", "00002", World.M(1), 3),
        ]);
        Assert.Equal(30m, r.ValueOf("Q", "001", World.M(1)));
        Assert.Equal(60m, r.ValueOf("Y", "001", World.M(1)));
        Assert.Equal(60m, r.ValueOf("Y", "01", World.M(1)));
        Aggregate gap = Get(r, "Q", "002", World.M(1)); // a district none of whose communes reported: a gap row
        Assert.True(gap.Flags.HasFlag(AggregateFlags.NoData));
        Assert.Equal(new Coverage(2, 3), Get(r, "Q", "01", World.M(1)).Coverage);
    }

    [Fact]
    public void A_derived_row_whose_operand_was_converted_is_flagged_converted()
    {
        AggregationResult r = Engine.Aggregate([In("Q", "00001", World.M(1), 5000, measure: "KG"), In("AR", "00001", World.M(1), 2)]);
        Assert.Equal(5m, r.ValueOf("Q", "00001", World.M(1)));
        foreach (string u in new[] { "00001", "01", "VN" })
        {
            Assert.True(Get(r, "Y", u, World.M(1)).Flags.HasFlag(AggregateFlags.Converted), u);
            Assert.True(Get(r, "Y", u, Q1).Flags.HasFlag(AggregateFlags.Converted), u);
        }

        Assert.False(Get(r, "Y", "02", World.M(1)).Flags.HasFlag(AggregateFlags.Converted));
    }

    [Theory]
    [InlineData("1", "3", "3.33333333333333333333")] // × 10
    [InlineData("2", "3", "6.66666666666666666667")]
    [InlineData("1", "4", "2.5")] // trailing zeros removed
    [InlineData("-2", "3", "-6.66666666666666666667")]
    [InlineData("0.000000000000000000000015", "0.01", "0.00000000000000000002")] // a tie: half to even, up
    [InlineData("0.000000000000000000000025", "0.01", "0.00000000000000000002")] // a tie: half to even, down
    [InlineData("79228162514264337593543950335", "0.1", null)] // beyond decimal's range: no value, Overflow
    public void A_quotient_is_rounded_once_half_to_even_to_twenty_places(string q, string ar, string? expected)
    {
        decimal num = decimal.Parse(q, System.Globalization.CultureInfo.InvariantCulture);
        decimal den = decimal.Parse(ar, System.Globalization.CultureInfo.InvariantCulture);
        Aggregate y = Get(Engine.Aggregate([In("Q", "00001", World.M(1), num), In("AR", "00001", World.M(1), den)]), "Y", "00001", World.M(1));
        Assert.Equal(expected, y.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected is null, y.Flags.HasFlag(AggregateFlags.Overflow));
    }

    [Fact]
    public void Averages_and_formulas_round_their_quotients_the_same_way()
    {
        AggregationResult r = Engine.Aggregate(
        [
            In("AT", "00001", World.M(1), 1), In("AT", "00002", World.M(1), 1), In("AT", "00003", World.M(1), 2),
            In("Q", "00001", World.M(1), 2), In("P", "00001", World.M(1), 3),
        ]);
        Assert.Equal(1.33333333333333333333m, r.ValueOf("AT", "01", World.M(1)));
        Assert.Equal(0.66666666666666666667m, r.ValueOf("FX", "00001", World.M(1)));
    }
}
