using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

public class RollupTests
{
    private static readonly AggregationEngine Engine = World.Engine();

    [Fact]
    public void Amounts_are_summed_up_the_hierarchy_and_across_time()
    {
        var inputs = new List<AggregationInput>();
        for (int m = 1; m <= 12; m++)
        {
            inputs.Add(World.In("A", "00001", World.M(m), m));
            inputs.Add(World.In("A", "00004", World.M(m), 10m * m));
        }

        AggregationResult r = Engine.Aggregate(inputs);
        Assert.Equal(1m, r.ValueOf("A", "01", World.M(1)));
        Assert.Equal(11m, r.ValueOf("A", "VN", World.M(1)));
        Assert.Equal(6m + 60m, r.ValueOf("A", "VN", ReportingPeriod.Quarter(2026, 1)));
        Assert.Equal(21m + 210m, r.ValueOf("A", "VN", ReportingPeriod.HalfYear(2026, 1)));
        Assert.Equal(45m + 450m, r.ValueOf("A", "VN", ReportingPeriod.NineMonths(2026)));
        Assert.Equal(78m, r.ValueOf("A", "01", ReportingPeriod.CalendarYear(2026)));
        Assert.Equal(15m * 11m, r.ValueOf("A", "VN", ReportingPeriod.YearToDate(2026, 5)));
    }

    [Theory]
    [InlineData("A", 1, 2, 3, 6)]       // sum
    [InlineData("MX", 1, 7, 3, 7)]      // max
    [InlineData("AV", 1, 2, 6, 3)]      // average of the communes
    public void Unit_rules_apply_across_units(string indicator, int v1, int v2, int v3, int expected)
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In(indicator, "00001", World.M(1), v1),
            World.In(indicator, "00002", World.M(1), v2),
            World.In(indicator, "00003", World.M(1), v3),
        ]);
        Assert.Equal(expected, r.ValueOf(indicator, "01", World.M(1)));
    }

    [Fact]
    public void Stocks_take_the_last_month_over_time_and_sum_over_units()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("S", "00001", World.M(1), 100), World.In("S", "00002", World.M(1), 50),
            World.In("S", "00001", World.M(2), 110), World.In("S", "00002", World.M(2), 55),
            World.In("S", "00001", World.M(3), 120), World.In("S", "00002", World.M(3), 60),
        ]);
        Assert.Equal(180m, r.ValueOf("S", "01", ReportingPeriod.Quarter(2026, 1)));
        Assert.Equal(165m, r.ValueOf("S", "01", ReportingPeriod.YearToDate(2026, 2)));
    }

    [Fact]
    public void A_ratio_is_the_ratio_of_the_sums_never_the_mean_of_the_percentages()
    {
        // Commune 1: 9/10 = 90 %; commune 2: 10/100 = 10 %. Mean of percentages: 50 %; the right answer: 19/110.
        AggregationResult r = Engine.Aggregate(
        [
            World.In("N", "00001", World.M(1), 9), World.In("D", "00001", World.M(1), 10),
            World.In("N", "00002", World.M(1), 10), World.In("D", "00002", World.M(1), 100),
            World.In("R", "00001", World.M(1), 90), World.In("R", "00002", World.M(1), 10),
        ]);
        Assert.Equal(Math.Round(19m * 100m / 110m, 20), r.ValueOf("R", "01", World.M(1)));
        Assert.Equal(90m, r.ValueOf("R", "00001", World.M(1)));
    }

    [Fact]
    public void A_zero_denominator_gives_a_missing_value_with_a_flag()
    {
        AggregationResult r = Engine.Aggregate([World.In("N", "00001", World.M(1), 5), World.In("D", "00001", World.M(1), 0)]);
        Assert.True(r.TryGet("R", "00001", World.M(1), out Aggregate a));
        Assert.Null(a.Value);
        Assert.True(a.Flags.HasFlag(AggregateFlags.DivisionByZero));
    }

    [Fact]
    public void Formulas_are_evaluated_on_aggregated_operands()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 10), World.In("A1", "00001", World.M(1), 4),
            World.In("A", "00002", World.M(1), 20), World.In("A1", "00002", World.M(1), 5),
        ]);
        Assert.Equal(21m, r.ValueOf("F", "01", World.M(1)));
        Assert.Equal(21m, r.ValueOf("F", "01", ReportingPeriod.Quarter(2026, 1)));
    }

    [Fact]
    public void Weighted_average_weights_each_unit_by_the_weight_indicator()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("WP", "00001", World.M(1), 10), World.In("D", "00001", World.M(1), 1),
            World.In("WP", "00002", World.M(1), 20), World.In("D", "00002", World.M(1), 3),
        ]);
        Assert.Equal(17.5m, r.ValueOf("WP", "01", World.M(1)));
    }

    [Fact]
    public void Day_weighted_average_weights_months_by_their_days()
    {
        // January 31 days at 10, February 28 days at 20.
        AggregationResult r = Engine.Aggregate([World.In("AV", "00001", World.M(1), 10), World.In("AV", "00001", World.M(2), 20)]);
        Assert.Equal(Math.Round(((31m * 10m) + (28m * 20m)) / 59m, 20), r.ValueOf("AV", "00001", ReportingPeriod.YearToDate(2026, 2)));
    }

    [Fact]
    public void Values_in_another_unit_are_converted_before_adding()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 1.5m),                       // tỷ đồng
            World.In("A", "00002", World.M(1), 250m, measure: "VND_M"),    // triệu đồng = 0.25 tỷ
        ]);
        Assert.Equal(1.75m, r.ValueOf("A", "01", World.M(1)));
        Assert.True(r.TryGet("A", "01", World.M(1), out Aggregate a));
        Assert.True(a.Flags.HasFlag(AggregateFlags.Converted));
    }

    [Fact]
    public void A_value_in_an_incompatible_unit_is_rejected_not_added()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 1m),
            World.In("A", "00002", World.M(1), 250m, measure: "TONNE"),
        ]);
        Assert.Equal(1m, r.ValueOf("A", "01", World.M(1)));
        AggregationIssue issue = Assert.Single(r.Rejected);
        Assert.Equal(1, issue.InputIndex);
        Assert.Contains("TONNE", issue.MessageEn, StringComparison.Ordinal);
        Assert.Contains("TONNE", issue.MessageVi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CoverageMode.Produce, true, false)]
    [InlineData(CoverageMode.Flag, true, true)]
    [InlineData(CoverageMode.Withhold, false, true)]
    public void Partial_coverage_follows_the_policy(CoverageMode mode, bool hasValue, bool flagged)
    {
        AggregationEngine engine = World.Engine(new AggregationOptions { CoverageMode = mode });
        AggregationResult r = engine.Aggregate([World.In("A", "00001", World.M(1), 1), World.In("A", "00002", World.M(1), 2)]);
        Assert.True(r.TryGet("A", "01", World.M(1), out Aggregate a));
        Assert.Equal(new Coverage(2, 3), a.Coverage);
        Assert.Equal(hasValue, a.Value.HasValue);
        Assert.Equal(flagged, a.Flags.HasFlag(AggregateFlags.PartialCoverage));
        Assert.True(r.TryGet("A", "VN", World.M(1), out Aggregate nation));
        Assert.Equal(new Coverage(2, 5), nation.Coverage);
    }

    [Fact]
    public void A_threshold_lets_nearly_complete_aggregates_through()
    {
        AggregationEngine engine = World.Engine(new AggregationOptions { CoverageMode = CoverageMode.Withhold, CoverageThreshold = 0.6m });
        AggregationResult r = engine.Aggregate([World.In("A", "00001", World.M(1), 1), World.In("A", "00002", World.M(1), 2), World.In("A", "00004", World.M(1), 4)]);
        Assert.Equal(3m, r.ValueOf("A", "01", World.M(1)));   // 2 of 3
        Assert.Null(r.ValueOf("A", "02", World.M(1)));        // 1 of 2
    }

    [Fact]
    public void A_quarter_counts_only_units_that_reported_every_month()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 1), World.In("A", "00001", World.M(2), 1), World.In("A", "00001", World.M(3), 1),
            World.In("A", "00002", World.M(1), 1), World.In("A", "00002", World.M(3), 1),
        ]);
        Assert.True(r.TryGet("A", "01", ReportingPeriod.Quarter(2026, 1), out Aggregate q));
        Assert.Equal(1, q.Coverage.Reported);
        Assert.Equal(5m, q.Value);
    }

    [Fact]
    public void A_year_with_missing_months_is_flagged_incomplete()
    {
        AggregationResult r = Engine.Aggregate([World.In("A", "00001", World.M(1), 1)]);
        Assert.True(r.TryGet("A", "00001", ReportingPeriod.CalendarYear(2026), out Aggregate y));
        Assert.True(y.Flags.HasFlag(AggregateFlags.IncompletePeriod));
        Assert.True(r.TryGet("A", "00001", ReportingPeriod.YearToDate(2026, 1), out Aggregate ytd));
        Assert.False(ytd.Flags.HasFlag(AggregateFlags.IncompletePeriod));
    }

    [Fact]
    public void An_aggregate_is_as_mature_as_its_least_mature_input()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 1, Maturity.Official),
            World.In("A", "00002", World.M(1), 1, Maturity.Estimate),
            World.In("A", "00001", World.M(2), 1, Maturity.Preliminary),
        ]);
        Assert.True(r.TryGet("A", "01", World.M(1), out Aggregate a));
        Assert.Equal(Maturity.Estimate, a.Maturity);
        Assert.True(r.TryGet("A", "00001", ReportingPeriod.Quarter(2026, 1), out Aggregate q));
        Assert.Equal(Maturity.Preliminary, q.Maturity);
    }

    [Fact]
    public void The_latest_revision_is_used_unless_a_ceiling_is_set()
    {
        AggregationInput[] inputs =
        [
            World.In("A", "00001", World.M(1), 10, Maturity.Estimate),
            World.In("A", "00001", World.M(1), 12, Maturity.Official),
            World.In("A", "00001", World.M(1), 11, Maturity.Preliminary),
        ];
        AggregationResult latest = Engine.Aggregate(inputs);
        Assert.True(latest.TryGet("A", "00001", World.M(1), out Aggregate a));
        Assert.Equal(12m, a.Value);
        Assert.True(a.Flags.HasFlag(AggregateFlags.Revised));
        AggregationResult preliminary = World.Engine(new AggregationOptions { Revisions = new RevisionPolicy(Maturity.Preliminary) }).Aggregate(inputs);
        Assert.Equal(11m, preliminary.ValueOf("A", "00001", World.M(1)));
    }

    [Theory]
    [InlineData(WeekAssignment.Majority, 4)]    // 2026-W18 runs Mon 27/4 – Sun 3/5: Thursday 30/4 is in April
    [InlineData(WeekAssignment.StartDate, 4)]
    [InlineData(WeekAssignment.EndDate, 5)]
    public void A_week_that_straddles_two_months_goes_whole_to_one_month(WeekAssignment policy, int month)
    {
        AggregationEngine engine = World.Engine(new AggregationOptions { WeekAssignment = policy });
        AggregationResult r = engine.Aggregate([World.In("A", "00001", ReportingPeriod.Week(2026, 18), 7)]);
        Assert.Equal(7m, r.ValueOf("A", "00001", World.M(month)));
        Assert.Null(r.ValueOf("A", "00001", World.M(month == 4 ? 5 : 4)));
    }

    [Fact]
    public void Majority_assignment_puts_a_week_where_four_of_its_days_are()
    {
        // 2026-W22: Mon 25/5 – Sun 31/5, wholly in May; 2026-W27: Mon 29/6 – Sun 5/7: Thursday 2/7, so July.
        AggregationResult r = Engine.Aggregate([World.In("A", "00001", ReportingPeriod.Week(2026, 27), 1)]);
        Assert.Equal(1m, r.ValueOf("A", "00001", World.M(7)));
        Assert.Equal(1m, r.ValueOf("A", "00001", ReportingPeriod.Quarter(2026, 3)));
    }

    [Fact]
    public void Text_and_not_aggregable_indicators_are_left_out_with_the_reason()
    {
        AggregationResult r = Engine.Aggregate([new AggregationInput("T", "00001", World.M(1), 0m)]);
        AggregationIssue omitted = Assert.Single(r.Omitted);
        Assert.Equal("T", omitted.IndicatorCode);
        Assert.False(r.TryGet("T", "01", World.M(1), out _));
    }

    [Fact]
    public void Unknown_indicators_and_units_are_rejected_with_their_position()
    {
        AggregationResult r = Engine.Aggregate([World.In("ZZZ", "00001", World.M(1), 1), World.In("A", "99999", World.M(1), 1)]);
        Assert.Equal([0, 1], r.Rejected.Select(x => x.InputIndex));
    }

    [Fact]
    public void An_agency_reports_at_its_province()
    {
        AggregationResult r = Engine.Aggregate([World.In("A", "01-STC", World.M(1), 5), World.In("A", "00004", World.M(1), 1)]);
        Assert.True(r.TryGet("A", "01", World.M(1), out Aggregate p));
        Assert.Equal(5m, p.Value);
        Assert.Equal(1 + 3, p.Coverage.Expected); // the agency and the three communes
    }

    [Fact]
    public void Every_aggregate_explains_its_inputs()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 1, Maturity.Estimate),
            World.In("A", "00001", World.M(1), 2),
            World.In("A", "00002", World.M(2), 3000, measure: "VND_M"),
            World.In("A", "00004", World.M(1), 100),
        ]);
        Assert.True(r.TryGet("A", "01", ReportingPeriod.Quarter(2026, 1), out Aggregate q));
        AggregateExplanation e = r.Explain(q);
        Assert.Equal(3, e.Inputs.Count);
        Assert.Equal(q.Value, e.Inputs.Where(i => i.Used).Sum(i => i.Value));
        ExplainedInput converted = Assert.Single(e.Inputs, i => i.EnteredUnit == "VND_M");
        Assert.Equal(3m, converted.Value);
        Assert.False(Assert.Single(e.Inputs, i => i.Maturity == Maturity.Estimate).Used);
    }

    [Fact]
    public void A_ratio_explains_itself_by_its_operands()
    {
        AggregationResult r = Engine.Aggregate([World.In("N", "00001", World.M(1), 1), World.In("D", "00001", World.M(1), 4)]);
        Assert.True(r.TryGet("R", "01", World.M(1), out Aggregate a));
        AggregateExplanation e = r.Explain(a);
        Assert.Equal(["N", "D"], e.Operands.Select(o => o.IndicatorCode));
        Assert.Equal(25m, a.Value);
    }

    [Fact]
    public void Report_columns_compare_with_last_year_the_previous_period_the_total_and_the_target()
    {
        var inputs = new List<AggregationInput>();
        foreach (int year in new[] { 2025, 2026 })
        {
            for (int m = 1; m <= 3; m++)
            {
                inputs.Add(World.In("A", "00001", World.M(m, year), year == 2025 ? 10 : 11));
                inputs.Add(World.In("A", "00002", World.M(m, year), 30));
            }
        }

        AggregationEngine engine = AggregationEngine.Create(World.Catalogue, World.Units, new NodaTime.LocalDate(2025, 1, 1));
        AggregationResult r = engine.Aggregate(inputs);
        ReportRow row = r.Report("A", "00001", World.M(3), yearlyTarget: 132m);
        Assert.Equal(11m, row.ThisPeriod);
        Assert.Equal(33m, row.Cumulative);
        Assert.Equal(10m, row.SamePeriodLastYear);
        Assert.Equal(110m, row.IndexOverSamePeriodLastYear);
        Assert.Equal(1m, row.ChangeOverSamePeriodLastYear);
        Assert.Equal(100m, row.IndexOverPreviousPeriod);
        Assert.Equal(Math.Round(1100m / 41m, 20), row.ShareOfTotal); // quotients: 20 places, half to even
        Assert.Equal(25m, row.PercentOfYearlyTarget);
    }

    [Fact]
    public void Disaggregations_are_aggregated_separately()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 1, dis: "GT=NAM"),
            World.In("A", "00002", World.M(1), 2, dis: "GT=NAM"),
            World.In("A", "00001", World.M(1), 5),
        ]);
        Assert.Equal(3m, r.ValueOf("A", "01", World.M(1), "GT=NAM"));
        Assert.Equal(5m, r.ValueOf("A", "01", World.M(1)));
    }

    [Fact]
    public void A_month_and_a_quarter_of_the_same_indicator_are_not_both_added()
    {
        AggregationResult r = Engine.Aggregate([World.In("A", "00001", World.M(1), 1), World.In("A", "00002", ReportingPeriod.Quarter(2026, 1), 9)]);
        Assert.Single(r.Rejected);
        Assert.Equal(1m, r.ValueOf("A", "01", ReportingPeriod.Quarter(2026, 1)));
    }
}

public class PartialRuleTests
{
    private static readonly Ktxh.Indicators.IndicatorCatalogue Catalogue = Build();

    private static Ktxh.Indicators.IndicatorCatalogue Build()
    {
        var b = new Ktxh.Indicators.IndicatorCatalogueBuilder();
        Ktxh.Periods.PeriodType[] monthly = [Ktxh.Periods.PeriodType.Month];
        b.Add(new Ktxh.Indicators.Indicator { Code = "P", NameVi = "Dân số", ValueKind = Ktxh.Indicators.ValueKind.Stock, MeasureUnitCode = "PERSON", Periods = monthly });
        b.Add(new Ktxh.Indicators.Indicator { Code = "B", NameVi = "Số trẻ sinh", ValueKind = Ktxh.Indicators.ValueKind.Count, MeasureUnitCode = "PERSON", Periods = monthly });
        b.Add(new Ktxh.Indicators.Indicator
        {
            Code = "GR", NameVi = "Tỷ lệ sinh", ValueKind = Ktxh.Indicators.ValueKind.Rate, MeasureUnitCode = "PERMILLE", Periods = monthly,
            AcrossUnits = Ktxh.Indicators.AggregationRule.Weighted("P"), AcrossTime = Ktxh.Indicators.AggregationRule.None,
        });
        b.Add(new Ktxh.Indicators.Indicator
        {
            Code = "BR", NameVi = "Tỷ suất sinh", ValueKind = Ktxh.Indicators.ValueKind.Rate, MeasureUnitCode = "PERMILLE", Periods = monthly,
            AcrossUnits = Ktxh.Indicators.AggregationRule.Ratio("B", "P", 1000m), AcrossTime = Ktxh.Indicators.AggregationRule.Last,
        });
        b.Add(new Ktxh.Indicators.Indicator
        {
            Code = "LV", NameVi = "Mức", ValueKind = Ktxh.Indicators.ValueKind.Level, MeasureUnitCode = "METRE", Periods = monthly,
            AcrossUnits = Ktxh.Indicators.AggregationRule.None, AcrossTime = Ktxh.Indicators.AggregationRule.Last,
        });
        return b.Build();
    }

    private static readonly AggregationEngine Engine = AggregationEngine.Create(Catalogue, World.Units, World.AsOf);

    [Fact]
    public void Not_aggregable_over_time_still_rolls_up_across_units_in_the_input_periods()
    {
        AggregationResult r = Engine.Aggregate([World.In("GR", "00001", World.M(1), 10), World.In("P", "00001", World.M(1), 100), World.In("GR", "00002", World.M(1), 20), World.In("P", "00002", World.M(1), 300)]);
        Assert.Equal(17.5m, r.ValueOf("GR", "01", World.M(1)));
        Assert.False(r.TryGet("GR", "01", Ktxh.Periods.ReportingPeriod.Quarter(2026, 1), out _));
        Assert.Empty(r.Omitted);
    }

    [Fact]
    public void Not_aggregable_across_units_still_rolls_over_time_at_each_unit()
    {
        AggregationResult r = Engine.Aggregate([World.In("LV", "00001", World.M(1), 3), World.In("LV", "00001", World.M(2), 4)]);
        Assert.Equal(4m, r.ValueOf("LV", "00001", Ktxh.Periods.ReportingPeriod.Quarter(2026, 1)));
        Assert.False(r.TryGet("LV", "01", World.M(1), out _));
        Assert.DoesNotContain(r.Aggregates(), a => a.IndicatorCode == "LV" && a.UnitCode == "01");
    }

    [Fact]
    public void A_ratio_across_units_with_a_last_value_over_time_takes_the_last_months_ratio()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("B", "00001", World.M(1), 1), World.In("P", "00001", World.M(1), 1000),
            World.In("B", "00001", World.M(2), 3), World.In("P", "00001", World.M(2), 1000),
            World.In("B", "00002", World.M(2), 1), World.In("P", "00002", World.M(2), 1000),
        ]);
        Assert.Equal(2m, r.ValueOf("BR", "01", World.M(2)));
        Assert.Equal(2m, r.ValueOf("BR", "01", Ktxh.Periods.ReportingPeriod.Quarter(2026, 1)));
    }
}
