using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Aggregation.Engine;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 10: the cursor walks every aggregate in the order of <see cref="AggregationResult.Aggregates"/>, each
/// column as <see cref="AggregationResult.TryGet"/> finds it, without an object per aggregate.</summary>
public class AggregateCursorTests
{
    /// <summary>The rows as the result lists them, found one by one with <see cref="AggregationResult.TryGet"/>: series in
    /// output order, periods in order, units from the top down, the cells that are listed.</summary>
    private static List<Aggregate> Reference(AggregationResult result)
    {
        var rows = new List<Aggregate>();
        UnitTree tree = result.Engine.Tree;
        foreach (SeriesResult r in result.SeriesInOutputOrder())
        {
            SeriesPlan plan = result.Plans[r.Series];
            foreach (int l in result.LocalSlotsInOrder(r))
            {
                foreach (int row in result.UnitsInPreOrder)
                {
                    int u = r.Rows.UnitOf[row];
                    if (AggregationResult.IsListed(r, l, row, plan.AcrossUnits != Rule.None))
                    {
                        Assert.True(result.TryGet(plan.IndicatorCode, tree.Codes[u], result.Slots.Spans[r.Slots[l]], out Aggregate a, plan.Disaggregation));
                        rows.Add(a);
                    }
                }
            }
        }

        return rows;
    }

    private static List<Aggregate> Walk(AggregationResult result)
    {
        var rows = new List<Aggregate>();
        AggregateCursor c = result.GetCursor();
        while (c.MoveNext())
        {
            Aggregate a = c.Current;
            Assert.Equal(a.Value, c.HasValue ? c.Value : null);
            rows.Add(new Aggregate(c.IndicatorCode, c.Disaggregation, c.UnitCode, c.Period, c.Value, c.Coverage, c.Maturity, c.Flags));
            Assert.Equal(a, rows[^1]);
        }

        Assert.False(c.MoveNext());
        return rows;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 80)]
    public Property The_cursor_lists_the_aggregates_of_the_result_in_order(Dataset data)
    {
        AggregationInput[] inputs = [.. data.Inputs.Select((x, i) => data.Seed % 3 == 0 && i % 4 == 1 ? x with { Disaggregation = "GT=NU" } : x)];
        AggregationResult result = World.Engine().Aggregate(inputs);
        List<Aggregate> walked = Walk(result);
        Assert.Equal(Reference(result), walked);
        Assert.Equal(result.Aggregates(), walked);
        return true.ToProperty()
            .Classify(walked.Any(a => a.Disaggregation is not null), "disaggregated")
            .Collect(walked.Count < 50 ? "<50 rows" : walked.Count < 500 ? "<500 rows" : "500+ rows");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 15)]
    public Property On_a_file_spanning_the_reform_the_cursor_lists_the_put_together_rows(ReformDataset data)
    {
        AggregationResult result = ReformTests.Engine.Aggregate(data.Inputs);
        List<Aggregate> walked = Walk(result);
        Assert.Equal(result.Aggregates(), walked);
        return true.ToProperty().Classify(result.IsComposite, "put together from several runs");
    }

    [Fact]
    public void Every_flag_fits_below_the_internal_bits_of_a_16_bit_cell()
    {
        int all = 0;
        foreach (AggregateFlags f in Enum.GetValues<AggregateFlags>())
        {
            all |= (int)f;
        }

        Assert.Equal(0, all & SeriesResult.Internal);
        Assert.True((all | SeriesResult.Internal) <= ushort.MaxValue);
    }

    [Fact]
    public void A_default_or_empty_cursor_has_no_aggregate()
    {
        AggregateCursor none = default;
        Assert.False(none.MoveNext());
        AggregateCursor empty = World.Engine().Aggregate([]).GetCursor();
        Assert.False(empty.MoveNext());
        Assert.Throws<InvalidOperationException>(() => empty.IndicatorCode);
    }

    [Fact]
    public void Walking_the_cursor_allocates_nothing_per_aggregate()
    {
        AggregationInput[] inputs = [.. Enumerable.Range(0, 600).Select(i => World.In("A", World.Communes[i % 5], World.M(1 + (i % 12)), i, dis: (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        AggregationResult result = World.Engine().Aggregate(inputs);
        AggregateCursor warm = result.GetCursor();
        while (warm.MoveNext())
        {
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        AggregateCursor c = result.GetCursor();
        int rows = 0;
        decimal total = 0;
        while (c.MoveNext())
        {
            rows++;
            total += c.HasValue ? c.Value!.Value : 0;
            _ = c.Coverage;
            _ = c.Flags;
            _ = c.Period;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(rows > 1000, $"{rows} rows");
        // A few small arrays per series (the order of its periods), nothing per aggregate.
        int series = result.Aggregates().Select(a => (a.IndicatorCode, a.Disaggregation)).Distinct().Count();
        Assert.True(allocated <= 2048 + (256 * series), $"{allocated} bytes for {rows} rows of {series} series");
        Assert.Equal(result.Aggregates().Sum(a => a.Value ?? 0), total);
    }
}
