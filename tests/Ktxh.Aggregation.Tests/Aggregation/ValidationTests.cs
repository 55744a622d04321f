using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

public class ValidationTests
{
    private static readonly Validator Validator = new(World.Catalogue);

    [Theory]
    [InlineData(10, 4, false)]
    [InlineData(10, 10, false)]
    [InlineData(10, 10.001, true)]
    public void Of_which_rows_must_not_exceed_their_parent(decimal parent, decimal child, bool flagged)
    {
        IReadOnlyList<ValidationFinding> f = Validator.Validate([World.In("A", "00001", World.M(1), parent), World.In("A1", "00001", World.M(1), child)]);
        Assert.Equal(flagged, f.Any(x => x.RuleCode == "OF_WHICH"));
        if (flagged)
        {
            ValidationFinding finding = f.Single(x => x.RuleCode == "OF_WHICH");
            Assert.Equal(ValidationSeverity.Error, finding.Severity);
            Assert.Equal("00001", finding.UnitCode);
            Assert.Equal(World.M(1), finding.Period);
            Assert.Contains(finding.Values, v => v.Key == "A1" && v.Value == child);
        }
    }

    [Theory]
    [InlineData("A", -1, "NEGATIVE")]
    [InlineData("S", -5, "NEGATIVE")]
    [InlineData("R", 100.5, "BOUNDS")]
    [InlineData("R", -0.1, "BOUNDS")]
    public void Signs_and_bounds_are_checked(string indicator, decimal value, string rule)
    {
        IReadOnlyList<ValidationFinding> f = Validator.Validate([World.In(indicator, "00001", World.M(1), value)]);
        Assert.Contains(f, x => x.RuleCode == rule && x.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void Components_must_add_up_to_their_parent_within_the_catalogue_tolerance()
    {
        var b = new IndicatorCatalogueBuilder().WithComponentTolerance(0.5m);
        b.Add(new Indicator { Code = "T", NameVi = "Tổng", ValueKind = ValueKind.Amount, MeasureUnitCode = "VND_BN", Periods = [PeriodType.Month] });
        b.Add(new Indicator { Code = "T1", NameVi = "Phần 1", ValueKind = ValueKind.Amount, MeasureUnitCode = "VND_BN", Periods = [PeriodType.Month], Relation = IndicatorRelation.ComponentOf("T") });
        b.Add(new Indicator { Code = "T2", NameVi = "Phần 2", ValueKind = ValueKind.Amount, MeasureUnitCode = "VND_BN", Periods = [PeriodType.Month], Relation = IndicatorRelation.ComponentOf("T") });
        var v = new Validator(b.Build());
        Assert.DoesNotContain(v.Validate([World.In("T", "x", World.M(1), 10), World.In("T1", "x", World.M(1), 4), World.In("T2", "x", World.M(1), 6.4m)]), f => f.RuleCode == "COMPONENTS");
        Assert.Contains(v.Validate([World.In("T", "x", World.M(1), 10), World.In("T1", "x", World.M(1), 4), World.In("T2", "x", World.M(1), 6.6m)]), f => f.RuleCode == "COMPONENTS");
    }

    [Fact]
    public void Required_values_must_be_present()
    {
        var v = new Validator(World.Catalogue, options: new ValidatorOptions { Required = ["A", "S"] });
        ValidationFinding f = Assert.Single(v.Validate([World.In("A", "00001", World.M(1), 1)]));
        Assert.Equal("REQUIRED", f.RuleCode);
        Assert.Contains("S", f.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RuleOperator.LessOrEqual, 5, 10, false)]
    [InlineData(RuleOperator.LessOrEqual, 11, 10, true)]
    [InlineData(RuleOperator.Equal, 10, 10, false)]
    [InlineData(RuleOperator.Equal, 9, 10, true)]
    [InlineData(RuleOperator.NotEqual, 10, 10, true)]
    [InlineData(RuleOperator.Greater, 10, 10, true)]
    [InlineData(RuleOperator.GreaterOrEqual, 10, 10, false)]
    [InlineData(RuleOperator.Less, 9, 10, false)]
    public void Declared_rules_compare_two_expressions(RuleOperator op, decimal n, decimal d, bool violated)
    {
        var rule = ValidationRule.Create("N_LE_D", "N", op, "D", ValidationSeverity.Warning, "Số người có BHYT vượt dân số", "Insured exceed population");
        var v = new Validator(World.Catalogue, [rule]);
        IReadOnlyList<ValidationFinding> f = v.Validate([World.In("N", "00001", World.M(1), n), World.In("D", "00001", World.M(1), d)]);
        Assert.Equal(violated, f.Any(x => x.RuleCode == "N_LE_D" && x.Kind == FindingKind.Declared && x.Severity == ValidationSeverity.Warning));
    }

    [Theory]
    [InlineData(MissingValueStrategy.SkipIfAnyValueMissing, false)]
    [InlineData(MissingValueStrategy.NeverSkip, true)]          // N = 5 > D = 0
    [InlineData(MissingValueStrategy.SkipIfAllValuesMissing, true)]
    public void The_missing_value_strategy_decides_whether_a_rule_runs(MissingValueStrategy strategy, bool violated)
    {
        var rule = ValidationRule.Create("N_LE_D", "N", RuleOperator.LessOrEqual, "D", ValidationSeverity.Error, "vi", "en", strategy);
        var v = new Validator(World.Catalogue, [rule]);
        Assert.Equal(violated, v.Validate([World.In("N", "00001", World.M(1), 5)]).Any(x => x.RuleCode == "N_LE_D"));
    }

    [Theory]
    [InlineData(RuleOperator.CompulsoryPair, true, false, true)]
    [InlineData(RuleOperator.CompulsoryPair, true, true, false)]
    [InlineData(RuleOperator.ExclusivePair, true, true, true)]
    [InlineData(RuleOperator.ExclusivePair, true, false, false)]
    public void Pairs_are_compulsory_or_exclusive(RuleOperator op, bool hasN, bool hasD, bool violated)
    {
        var rule = ValidationRule.Create("PAIR", "N", op, "D", ValidationSeverity.Error, "vi", "en");
        var v = new Validator(World.Catalogue, [rule]);
        var values = new List<AggregationInput>();
        if (hasN)
        {
            values.Add(World.In("N", "00001", World.M(1), 1));
        }

        if (hasD)
        {
            values.Add(World.In("D", "00001", World.M(1), 1));
        }

        Assert.Equal(violated, v.Validate(values).Any(x => x.RuleCode == "PAIR"));
    }

    [Fact]
    public void Outliers_are_found_against_the_units_own_history_and_never_corrected()
    {
        AggregationInput[] history = Enumerable.Range(1, 11).Select(m => World.In("A", "00001", World.M(m), 100 + (m % 3))).ToArray();
        AggregationInput spike = World.In("A", "00001", World.M(12), 500);
        IReadOnlyList<ValidationFinding> f = Validator.Validate([spike], history);
        Assert.Contains(f, x => x.RuleCode == "OUTLIER_Z" && x.Kind == FindingKind.Outlier);
        Assert.Contains(f, x => x.RuleCode == "OUTLIER_MODIFIED_Z");
        Assert.Contains(f.First().Values, v => v.Key == "A" && v.Value == 500m);
        Assert.DoesNotContain(Validator.Validate([World.In("A", "00001", World.M(12), 101)], history), x => x.Kind == FindingKind.Outlier);
    }

    [Fact]
    public void The_decimal_square_root_is_exact_for_squares()
    {
        Assert.Equal(12m, Validator.Sqrt(144m));
        Assert.Equal(0.3m, Validator.Sqrt(0.09m));
    }
}
