using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ktxh.Indicators.Tests;

public class CatalogueRulesTests
{
    private static DataValidationReport Validate(params DataValue[] values) => new DataValueValidator(RelationSet.Catalogue).Validate(values);

    [Theory]
    [InlineData("500000000000", false)] // 500 tỷ đồng under a parent of 1,000 tỷ đồng
    [InlineData("1000000000000", false)]
    [InlineData("1200000000000", true)] // 1,200 tỷ đồng
    public void An_of_which_value_entered_in_dong_is_compared_with_its_parent_in_ty_dong(string dong, bool flagged)
    {
        decimal amount = decimal.Parse(dong, System.Globalization.CultureInfo.InvariantCulture);
        DataValidationReport report = Validate(
            DataValue.Number("T", "SO-TC", RelationSet.Period, 1_000m),
            DataValue.Number("T3", "SO-TC", RelationSet.Period, amount) with { MeasureUnitCode = "VND" });
        Assert.Equal(flagged, !report.IsValid);
        if (flagged)
        {
            DataValueProblem problem = Assert.Single(report.Problems);
            Assert.Equal(DataValueProblemCode.OfWhichExceedsParent, problem.Code);
            Assert.Equal("values[1].value", problem.Location);
            Assert.Contains("1200", problem.MessageEn, StringComparison.Ordinal); // reported in the parent's unit
        }
    }

    public static TheoryData<decimal, string?, decimal, string?, RelationCheckOutcome> OfWhichCases => new()
    {
        { 1_000m, "VND_BN", 500_000_000_000m, "VND", RelationCheckOutcome.Holds },
        { 1_000m, "VND_BN", 1_200_000_000_000m, "VND", RelationCheckOutcome.Violated },
        { 1_000m, "VND_BN", 1_000_000m, "VND_M", RelationCheckOutcome.Holds },
        { 1_000m, "VND_BN", 1_000_001m, "VND_M", RelationCheckOutcome.Violated },
        { 1_000m, "Tỷ đồng", 999_999m, "triệu đồng", RelationCheckOutcome.Holds },
        { 1_000m, "VND_BN", 1m, "TONNE", RelationCheckOutcome.NotComparable },
        { 1_000m, "VND_BN", 1m, null, RelationCheckOutcome.NotComparable },
        { 5m, null, 6m, null, RelationCheckOutcome.Violated },
        { 5m, "NO_SUCH_UNIT", 6m, "VND", RelationCheckOutcome.NotComparable },
    };

    [Theory]
    [MemberData(nameof(OfWhichCases))]
    public void Of_which_is_compared_after_exact_conversion(decimal parent, string? parentUnit, decimal part, string? partUnit, RelationCheckOutcome expected)
    {
        RelationCheck check = CatalogueRules.CheckOfWhich(parent, parentUnit, part, partUnit);
        Assert.Equal(expected, check.Outcome);
        Assert.Equal(expected == RelationCheckOutcome.NotComparable, check.Parent is null);
    }

    [Fact]
    public void Components_are_summed_in_the_unit_compared_in_and_the_tolerance_is_in_that_unit()
    {
        RelationCheck ok = CatalogueRules.CheckComponents(10m, "VND_BN", [(4_000m, "VND_M"), (6_400_000_000m, "VND")], 0.5m, "VND_BN");
        Assert.Equal(RelationCheckOutcome.Holds, ok.Outcome);
        Assert.Equal(10.4m, ok.Parts);
        RelationCheck bad = CatalogueRules.CheckComponents(10_000m, "VND_M", [(4m, "VND_BN"), (6.6m, "VND_BN")], 0.5m, "VND_BN");
        Assert.Equal(RelationCheckOutcome.Violated, bad.Outcome);
        Assert.Equal(10m, bad.Parent);
        Assert.Equal(RelationCheckOutcome.NotComparable, CatalogueRules.CheckComponents(10m, "VND_BN", [(4m, "VND_BN"), (6m, "KG")], 0.5m).Outcome);
        Assert.Throws<ArgumentOutOfRangeException>(() => CatalogueRules.CheckComponents(1m, null, [], -1m));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public Property Reentering_every_value_in_another_money_unit_never_changes_the_findings(RelationSet set)
    {
        DataValidationReport before = new DataValueValidator(RelationSet.Catalogue).Validate(set.InCatalogueUnit());
        DataValidationReport after = new DataValueValidator(RelationSet.Catalogue).Validate(set.Reentered());
        string[] Shape(DataValidationReport r) => r.Problems.Select(p => $"{p.Code} {p.Location}").ToArray();
        return Shape(before).SequenceEqual(Shape(after)).Label($"before: {string.Join(", ", Shape(before))}; after: {string.Join(", ", Shape(after))}")
            .Classify(before.IsValid, "valid")
            .Classify(before.Problems.Any(p => p.Code == DataValueProblemCode.ComponentSumMismatch), "components broken")
            .Classify(before.Problems.Any(p => p.Code == DataValueProblemCode.OfWhichExceedsParent), "of-which broken");
    }
}
