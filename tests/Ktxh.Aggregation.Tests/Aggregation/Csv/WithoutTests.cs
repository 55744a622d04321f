using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators.ReportingUnits;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 10: <see cref="AggregationInputs.Without"/> leaves inputs out of a file's inputs and keeps the rest in
/// columns (one bad line must not send a national file down the engine's slow path). The result must be the list
/// filter, input by input and line by line; its columns those of the file read without the lines left out; and its
/// aggregation that of the filtered inputs given one by one.</summary>
public class WithoutTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 80)]
    public Property Without_is_the_list_filter_and_aggregates_as_the_filtered_inputs(EngineFile file, int seed, bool earlyLine)
    {
        // Sometimes a line of another year (before the 2025 reform) among them: left out, it must not move the era.
        string[] lines = file.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var random = new Random(seed);
        if (earlyLine)
        {
            List<string> body = [.. lines.Skip(1)];
            body.Insert(random.Next(body.Count + 1), "A,00004,2024-M06,7,official,,");
            lines = [lines[0], .. body];
        }

        AggregationInputs inputs = Read(string.Concat(lines.Select(l => l + "\n")));
        double share = random.NextDouble();
        int[] drop = [.. Enumerable.Range(0, inputs.Count).Where(_ => random.NextDouble() < share)];
        int[] given = [.. drop, .. drop.Take(2)]; // duplicates are fine
        var dropped = new HashSet<int>(drop);
        int[] kept = [.. Enumerable.Range(0, inputs.Count).Where(i => !dropped.Contains(i))];

        AggregationInputs without = inputs.Without(given.Reverse());

        Assert.Equal("v.csv", without.Source);
        Assert.Equal(kept.Select(i => inputs[i]), without);
        Assert.Equal(kept.Select(i => inputs.Lines[i]), without.Lines);
        for (int k = 0; k < kept.Length; k++)
        {
            Assert.Equal(inputs.LocationOf(kept[k]), without.LocationOf(k));
        }

        // The columns are those of the file read without the lines (lines apart): the same distinct codes and periods
        // in the same order, the optional columns only when a line kept needs them.
        AggregationInputs reread = Read(lines[0] + "\n" + string.Concat(kept.Select(i => lines[i + 1] + "\n")));
        Assert.Equal(reread, without);
        Assert.Equal(reread.IndicatorCodes, without.IndicatorCodes);
        Assert.Equal(reread.UnitCodes, without.UnitCodes);
        Assert.Equal(reread.Periods, without.Periods);
        Assert.Equal(reread.Disaggregations, without.Disaggregations);
        Assert.Equal(reread.MeasureUnits, without.MeasureUnits);
        Assert.Equal(reread.DisaggregationIds is null, without.DisaggregationIds is null);
        Assert.Equal(reread.MeasureIds is null, without.MeasureIds is null);
        Assert.Equal(reread.LatestPeriodEnd(_ => true), without.LatestPeriodEnd(_ => true));

        // Aggregated: the result of the filtered inputs given one by one (the engine's row path), issues indexed in the
        // collection aggregated.
        AggregationInput[] rows = [.. kept.Select(i => inputs[i])];
        AggregationEngine[] engines =
        [
            World.Engine(),
            AggregationEngine.Create(World.Catalogue, ReportingUnitDirectory.Vietnam, new NodaTime.LocalDate(2026, 3, 31)),
        ];
        foreach (AggregationEngine engine in engines)
        {
            AggregationResult byColumns = engine.Aggregate(without);
            AggregationResult byRows = engine.Aggregate(rows);
            Assert.Equal(Csv(byRows), Csv(byColumns));
            Assert.Equal(byRows.Rejected, byColumns.Rejected);
            Assert.Equal(byRows.Omitted, byColumns.Omitted);
        }

        return true.ToProperty()
            .Classify(drop.Length == 0, "nothing left out")
            .Classify(drop.Length > 0 && kept.Length == 0, "everything left out")
            .Classify(earlyLine, "a line of 2024");
    }

    /// <summary>Across segments of 2^16 inputs: lines left out at a segment's end and the next one's start, the file's
    /// first and last lines (the lines kept are then still consecutive: no line column), and enough for the unit ids to
    /// be wider in the file than in the inputs kept.</summary>
    [Theory]
    [InlineData("none")]
    [InlineData("first")]
    [InlineData("last")]
    [InlineData("border")]
    [InlineData("wide-units")]
    [InlineData("every-third")]
    [InlineData("all")]
    public void Inputs_across_segments_read_back_as_filtered(string which)
    {
        const int count = 140_000;
        var csv = new StringBuilder("indicator,unit,period,value,maturity,disaggregation\n");
        for (int i = 0; i < count; i++)
        {
            // Units U0–U99 everywhere, U100–U69999 on every 7th line: the file's unit ids are ints.
            string unit = i % 7 == 0 ? "U" + (100 + (i % 70_000)) : "U" + (i % 100);
            csv.Append("I").Append(i % 3).Append(',').Append(unit).Append(",2026-M0").Append(1 + (i % 3)).Append(',')
                .Append(i).Append(".5,official,").Append(i == 70_001 ? "GT=NU" : string.Empty).Append('\n');
        }

        AggregationInputs inputs = Read(csv.ToString());
        IEnumerable<int> drop = which switch
        {
            "none" => [],
            "first" => [0],
            "last" => [count - 1],
            "border" => [65_534, 65_535, 65_536, 131_071, 131_072],
            "wide-units" => Enumerable.Range(0, count).Where(i => i % 7 == 0),
            "every-third" => Enumerable.Range(0, count).Where(i => i % 3 == 1),
            _ => Enumerable.Range(0, count),
        };
        var dropped = new HashSet<int>(drop);
        int[] kept = [.. Enumerable.Range(0, count).Where(i => !dropped.Contains(i))];

        AggregationInputs without = inputs.Without(drop);

        Assert.Equal(kept.Length, without.Count);
        Assert.Equal(kept.Select(i => inputs[i]), without);
        Assert.Equal(kept.Select(i => i + 2), without.Lines);
        Assert.Equal(which is "none" or "first" or "last" or "all", without.LineNumbers is null);
        Assert.Equal(kept.Contains(70_001), without.DisaggregationIds is not null);
        int segments = (kept.Length + AggregationInputs.SegmentMask) >> AggregationInputs.SegmentShift;
        Assert.Equal(segments, without.Values.Length);
        Assert.Equal(segments, without.IndicatorIds.Length);
        Assert.Equal(segments, without.UnitIds.Length);
        Assert.Equal(segments, without.Maturities.Length);
        Assert.Equal(which == "wide-units" ? 100 : kept.Select(i => inputs[i].UnitCode).Distinct().Count(), without.UnitCodes.Length);
        if (which == "none")
        {
            Assert.Same(inputs, without);
        }
    }

    /// <summary>The engine's fast path on the result: staged from the columns and, every line kept accepted in series
    /// order, the result's value column lent to the engine (not copied), where the file with its bad line is copied.</summary>
    [Fact]
    public void The_engine_borrows_the_value_column_of_the_inputs_kept()
    {
        AggregationInputs inputs = Read("indicator,unit,period,value\nA,00001,2026-M01,1\nA,00002,2026-M01,2\nA,99999,2026-M01,5\nA,00001,2026-M02,3\n");
        AggregationInputs without = inputs.Without([2]);
        AggregationEngine engine = World.Engine();

        Assert.NotSame(inputs.Values, ValuesOf(engine.Aggregate(inputs)));
        Assert.Same(without.Values, ValuesOf(engine.Aggregate(without)));
        Assert.Equal(Csv(engine.Aggregate(inputs)), Csv(engine.Aggregate(without)));

        static object? ValuesOf(AggregationResult result)
        {
            const System.Reflection.BindingFlags Private = System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;
            var obs = (Engine.Observations)typeof(AggregationResult).GetField("_obs", Private)!.GetValue(result)!;
            return typeof(Engine.ValueColumn).GetField("_segments", Private)!.GetValue(obs.Value);
        }
    }

    [Fact]
    public void Arguments_are_checked()
    {
        AggregationInputs inputs = Read("indicator,unit,period,value\nA,00001,2026-M01,1\nA,00002,2026-M01,2\n");
        Assert.Throws<ArgumentNullException>(() => inputs.Without(null!));
        foreach (int bad in new[] { -1, 2, int.MaxValue, int.MinValue })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => inputs.Without([0, bad]));
            Assert.Equal("indexes", e.ParamName);
            Assert.Equal(bad, e.ActualValue);
            Assert.Contains("(0 to 1)", e.Message, StringComparison.Ordinal);
        }

        AggregationInputs none = Read("indicator,unit,period,value\n");
        Assert.Contains("there are no inputs", Assert.Throws<ArgumentOutOfRangeException>(() => none.Without([0])).Message, StringComparison.Ordinal);
        Assert.Same(none, none.Without([]));

        AggregationInputs second = inputs.Without([0, 0]);
        Assert.Equal(new[] { inputs[1] }, second);
        Assert.Equal(new ErrorLocation { Source = "v.csv", Line = 3 }, second.LocationOf(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => second.LocationOf(1));
        Assert.Empty(inputs.Without([1, 0]));
        Assert.Equal(2, inputs.Count); // unchanged
    }

    private static AggregationInputs Read(string text) =>
        AggregationCsv.ReadInputs(new MemoryStream(Encoding.UTF8.GetBytes(text)), "v.csv").Value;

    private static string Csv(AggregationResult result)
    {
        var text = new StringWriter();
        AggregationCsv.WriteAggregates(text, result);
        return text.ToString();
    }
}
