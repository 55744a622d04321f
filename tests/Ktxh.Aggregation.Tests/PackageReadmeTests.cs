using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
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

    [Fact]
    public void The_README_csv_example_holds()
    {
        using var reader = new StringReader("indicator,unit,period,value\nA,00001,2026-M01,1\nA,00001,2026-13,1\n");
        KtxhResult<AggregationInputs> read = AggregationCsv.ReadInputs(reader, "values.csv");
        Assert.False(read.TryGetValue(out AggregationInputs? inputs));
        Assert.Null(inputs);
        Assert.StartsWith("values.csv, dòng 3, cột 3, trường 'period' / ", Assert.Single(read.Errors).ToString());
    }

    [Fact]
    public void The_README_registration_example_holds()
    {
        ValidationRule myRule = ValidationRule.Create("R", "A", RuleOperator.LessOrEqual, "B", ValidationSeverity.Warning, "vi", "en");
        var services = new ServiceCollection();
        services.AddKtxhReportingUnits(o => o.Extend(b => b.AddAgency("SXD", "Sở Xây dựng", "01")))
                .AddKtxhAggregation(o => o.AsOf = new LocalDate(2026, 1, 31))
                .AddKtxhAggregation(o => o.Rules.Add(myRule));
        using var provider = services.BuildServiceProvider();
        AggregationEngine registered = provider.GetRequiredService<AggregationEngine>();
        Assert.Equal(new LocalDate(2026, 1, 31), registered.AsOf);
        Assert.Contains(registered.Units, u => u.Code == "SXD" && u.ParentCode == "01");
        Assert.Equal([myRule], provider.GetRequiredService<Validator>().Rules);
    }
}
