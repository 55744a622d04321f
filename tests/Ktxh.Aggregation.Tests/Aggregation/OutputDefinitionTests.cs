using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 9 §4: every output defined: row order, maturity of rows without input.</summary>
public class OutputDefinitionTests
{
    private static readonly AggregationEngine Engine = World.Engine(new AggregationOptions { MaxDegreeOfParallelism = 1 });

    [Fact]
    public void A_disaggregated_series_follows_its_indicators_totals_not_the_end_of_the_file()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 1),
            World.In("N", "00001", World.M(1), 2),
            World.In("A", "00001", World.M(1), 3, dis: "GT=NU"),
        ]);
        string[] keys = r.Aggregates().Select(a => a.IndicatorCode + "/" + a.Disaggregation).ToArray();
        string[] blocks = keys.Where((k, i) => i == 0 || keys[i - 1] != k).ToArray();
        // R (N over D) and F (A − A1) are derived from indicators with input: they follow, grouped the same way.
        Assert.Equal(["A/", "A/GT=NU", "N/", "R/", "F/", "F/GT=NU"], blocks);
    }

    /// <summary>Rows are grouped by indicator (each indicator in one block, its total before its disaggregations), and a
    /// row without any input (flagged NoData; or, for an indicator that reads no other, no unit reported) has no
    /// maturity. A weighted-average row whose weight is missing (MissingInput) keeps its own line's (issue 14).</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
    public Property Rows_are_grouped_by_indicator_and_a_row_without_input_has_no_maturity(MixedDataset data)
    {
        AggregationInput[] inputs = data.Inputs.Select((x, i) => i % 4 == 0 ? x with { Disaggregation = "GT=NU" } : x).ToArray();
        Aggregate[] rows = Engine.Aggregate(inputs).Aggregates().ToArray();
        string[] indicatorBlocks = rows.Select(a => a.IndicatorCode).Where((k, i) => i == 0 || rows[i - 1].IndicatorCode != k).ToArray();
        Assert.Equal(indicatorBlocks.Distinct().Count(), indicatorBlocks.Length);
        foreach (IGrouping<string, Aggregate> g in rows.GroupBy(a => a.IndicatorCode))
        {
            bool[] disaggregated = g.Select(a => a.Disaggregation is not null).ToArray();
            Assert.True(disaggregated.SkipWhile(d => !d).All(d => d), $"{g.Key}: a total after a disaggregation");
        }

        int without = 0;
        string[] derived = ["R", "F"];
        foreach (Aggregate a in rows.Where(a => a.Flags.HasFlag(AggregateFlags.NoData) || (a.Coverage.Reported == 0 && a.Value is null && !derived.Contains(a.IndicatorCode) && !a.Flags.HasFlag(AggregateFlags.MissingInput))))
        {
            without++;
            Assert.True(a.Maturity is null, a.ToString());
        }

        return true.ToProperty().Collect(without == 0 ? "no row without input" : "rows without input");
    }
}
