using Ktxh.Indicators;

namespace Ktxh.Indicators.Tests;

public class AggregationRuleFitTests
{
    [Theory]
    [InlineData(ValueKind.Amount, AggregationMethod.Sum, true)]
    [InlineData(ValueKind.Amount, AggregationMethod.Average, false)]
    [InlineData(ValueKind.Amount, AggregationMethod.Ratio, false)]
    [InlineData(ValueKind.Stock, AggregationMethod.Sum, true)]
    [InlineData(ValueKind.Stock, AggregationMethod.Last, false)]
    [InlineData(ValueKind.Count, AggregationMethod.Sum, true)]
    [InlineData(ValueKind.Count, AggregationMethod.Count, true)]
    [InlineData(ValueKind.Percentage, AggregationMethod.Sum, false)]
    [InlineData(ValueKind.Percentage, AggregationMethod.Average, false)]
    [InlineData(ValueKind.Percentage, AggregationMethod.Ratio, true)]
    [InlineData(ValueKind.Percentage, AggregationMethod.WeightedAverage, true)]
    [InlineData(ValueKind.Rate, AggregationMethod.Sum, false)]
    [InlineData(ValueKind.Rate, AggregationMethod.Ratio, true)]
    [InlineData(ValueKind.Average, AggregationMethod.Sum, false)]
    [InlineData(ValueKind.Average, AggregationMethod.Ratio, true)]
    [InlineData(ValueKind.Index, AggregationMethod.Sum, false)]
    [InlineData(ValueKind.Index, AggregationMethod.WeightedAverage, true)]
    [InlineData(ValueKind.Level, AggregationMethod.Max, true)]
    [InlineData(ValueKind.Level, AggregationMethod.Sum, false)]
    [InlineData(ValueKind.Text, AggregationMethod.None, true)]
    [InlineData(ValueKind.Text, AggregationMethod.Last, false)]
    [InlineData(ValueKind.Text, AggregationMethod.Count, false)]
    public void Across_units(ValueKind kind, AggregationMethod method, bool fits) =>
        Assert.Equal(fits, AggregationRuleFit.FitsAcrossUnits(kind, method));

    [Theory]
    [InlineData(ValueKind.Amount, AggregationMethod.Sum, true)]
    [InlineData(ValueKind.Amount, AggregationMethod.Last, true)]
    [InlineData(ValueKind.Amount, AggregationMethod.Average, false)]
    [InlineData(ValueKind.Stock, AggregationMethod.Last, true)]
    [InlineData(ValueKind.Stock, AggregationMethod.Sum, false)]
    [InlineData(ValueKind.Stock, AggregationMethod.DayWeightedAverage, true)]
    [InlineData(ValueKind.Count, AggregationMethod.Sum, true)]
    [InlineData(ValueKind.Percentage, AggregationMethod.Sum, false)]
    [InlineData(ValueKind.Percentage, AggregationMethod.Ratio, true)]
    [InlineData(ValueKind.Percentage, AggregationMethod.Last, true)]
    [InlineData(ValueKind.Rate, AggregationMethod.Average, false)]
    [InlineData(ValueKind.Index, AggregationMethod.Average, true)]
    [InlineData(ValueKind.Index, AggregationMethod.Sum, false)]
    [InlineData(ValueKind.Level, AggregationMethod.Last, true)]
    [InlineData(ValueKind.Text, AggregationMethod.None, true)]
    [InlineData(ValueKind.Text, AggregationMethod.Last, false)]
    public void Across_time(ValueKind kind, AggregationMethod method, bool fits) =>
        Assert.Equal(fits, AggregationRuleFit.FitsAcrossTime(kind, method));

    [Fact]
    public void Nothing_non_additive_is_ever_summed_and_none_always_fits()
    {
        foreach (ValueKind kind in Enum.GetValues<ValueKind>())
        {
            Assert.True(AggregationRuleFit.FitsAcrossUnits(kind, AggregationMethod.None));
            Assert.True(AggregationRuleFit.FitsAcrossTime(kind, AggregationMethod.None));
            Assert.Equal(AggregationRuleFit.IsAdditive(kind), AggregationRuleFit.FitsAcrossUnits(kind, AggregationMethod.Sum));
            Assert.True(AggregationRuleFit.FitsAcrossUnits(kind, AggregationRuleFit.DefaultAcrossUnits(kind).Method));
            Assert.True(AggregationRuleFit.FitsAcrossTime(kind, AggregationRuleFit.DefaultAcrossTime(kind).Method));
        }
    }

    [Theory]
    [InlineData(ValueKind.Amount, AggregationMethod.Sum, AggregationMethod.Sum)]
    [InlineData(ValueKind.Stock, AggregationMethod.Sum, AggregationMethod.Last)]
    [InlineData(ValueKind.Count, AggregationMethod.Sum, AggregationMethod.Sum)]
    [InlineData(ValueKind.Percentage, AggregationMethod.None, AggregationMethod.None)]
    [InlineData(ValueKind.Text, AggregationMethod.None, AggregationMethod.None)]
    public void Defaults_by_value_kind(ValueKind kind, AggregationMethod units, AggregationMethod time)
    {
        var indicator = new Indicator { Code = "X", NameVi = "X", ValueKind = kind };
        Assert.Equal(units, indicator.AcrossUnits.Method);
        Assert.Equal(time, indicator.AcrossTime.Method);
    }

    [Fact]
    public void Rules_list_their_referenced_codes()
    {
        Assert.Equal(["N", "D"], AggregationRule.Ratio("N", "D", 100m).ReferencedCodes);
        Assert.Equal(["W"], AggregationRule.Weighted("W").ReferencedCodes);
        Assert.Equal(["A", "B"], AggregationRule.FromFormula("A / B").ReferencedCodes);
        Assert.Empty(AggregationRule.Sum.ReferencedCodes);
    }
}
