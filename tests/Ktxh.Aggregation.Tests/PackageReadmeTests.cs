using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation.Tests;

/// <summary>The package README's example, run, with each claim in its comments checked.</summary>
public class PackageReadmeTests
{
    [Fact]
    public void The_README_example_holds()
    {
        var asOf = new LocalDate(2026, 1, 1);
        AggregationEngine engine = AggregationEngine.Create(
            IndicatorCatalogue.BuiltIn,
            ReportingUnitDirectory.Vietnam.AsOf(asOf),
            asOf,
            new AggregationOptions { CoverageMode = CoverageMode.Flag, WeekAssignment = WeekAssignment.Majority });

        AggregationResult result = engine.Aggregate(new[]
        {
            new AggregationInput("HNM.CTK.06.002", "00004", ReportingPeriod.Month(2026, 1), 10.5m, Maturity.Preliminary),
            new AggregationInput("HNM.CTK.06.002", "00008", ReportingPeriod.Month(2026, 1), 4000m, MeasureUnitCode: "M2"),
        });

        Assert.True(result.TryGet("HNM.CTK.06.002", "01", ReportingPeriod.Quarter(2026, 1), out Aggregate q));
        Assert.Equal(new Coverage(2, 126), q.Coverage);
        Assert.Equal(Maturity.Preliminary, q.Maturity);
        Assert.True(q.Flags.HasFlag(AggregateFlags.PartialCoverage));
        Assert.Equal(2, result.Explain(q).Inputs.Count);

        ReportRow row = result.Report("HNM.CTK.06.002", "01", ReportingPeriod.Month(2026, 1), yearlyTarget: 1200m);
        Assert.Equal(q.Value, row.ThisPeriod);
        Assert.NotNull(row.PercentOfYearlyTarget);
    }
}
