using Ktxh.Aggregation;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

public class ReconciliationTests
{
    [Fact]
    public void A_typed_total_is_compared_with_the_computed_one_and_explained()
    {
        AggregationResult computed = World.Engine().Aggregate([World.In("A", "00001", World.M(1), 10), World.In("A", "00002", World.M(1), 5)]);
        IReadOnlyList<Discrepancy> d = Reconciler.Compare([World.In("A", "01", World.M(1), 16), World.In("A", "VN", World.M(1), 15)], computed);
        Discrepancy x = Assert.Single(d);
        Assert.Equal("01", x.UnitCode);
        Assert.Equal(DiscrepancyKind.Different, x.Kind);
        Assert.Equal(16m, x.Reported);
        Assert.Equal(15m, x.Other);
        Assert.Equal(1m, x.Difference);
        Assert.Equal(2, x.Explanation!.Inputs.Count);
    }

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(1.0, 0)]
    public void The_tolerance_is_per_indicator(decimal tolerance, int expected)
    {
        AggregationResult computed = World.Engine().Aggregate([World.In("A", "00001", World.M(1), 10)]);
        Assert.Equal(expected, Reconciler.Compare([World.In("A", "01", World.M(1), 11)], computed, code => code == "A" ? tolerance : 0m).Count);
    }

    [Fact]
    public void Two_sources_are_compared_key_by_key_including_one_sided_values()
    {
        AggregationInput[] ours = [World.In("A", "01", World.M(1), 10), World.In("A", "02", World.M(1), 7)];
        AggregationInput[] theirs = [World.In("A", "01", World.M(1), 10), World.In("A", "01", World.M(2), 3)];
        IReadOnlyList<Discrepancy> d = Reconciler.Compare(ours, theirs);
        Assert.Equal(2, d.Count);
        Assert.Contains(d, x => x.Kind == DiscrepancyKind.MissingOnOtherSide && x.UnitCode == "02");
        Assert.Contains(d, x => x.Kind == DiscrepancyKind.MissingOnThisSide && x.Period == World.M(2));
    }
}
