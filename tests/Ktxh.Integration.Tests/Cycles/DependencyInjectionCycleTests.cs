using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ktxh.Integration.Tests.Cycles;

/// <summary>A host registers the packages with their <c>AddKtxh…</c> extensions and composes them.</summary>
public class DependencyInjectionCycleTests
{
    [Fact]
    public void A_host_resolves_the_shared_objects_once_and_composes_them()
    {
        ServiceCollection services = new();
        services.AddKtxhPeriods().AddKtxhIndicators();
        services.AddKtxhPeriods().AddKtxhIndicators(); // repeated calls compose (IOptions) and add no second service (TryAdd)
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        WorkingCalendar calendar = provider.GetRequiredService<WorkingCalendar>();
        IndicatorCatalogue catalogue = provider.GetRequiredService<IndicatorCatalogue>();
        Assert.Same(WorkingCalendar.VietnamCivilService, calendar);
        Assert.Same(catalogue, provider.GetRequiredService<IndicatorCatalogue>());
        Assert.Equal(IndicatorCatalogue.BuiltIn.Count, catalogue.Count);
        Assert.NotNull(provider.GetRequiredService<CutoffConvention>());
        Assert.NotNull(provider.GetRequiredService<MeasureUnitRegistry>());
        Assert.Single(services, d => d.ServiceType == typeof(WorkingCalendar));
        Assert.Single(services, d => d.ServiceType == typeof(IndicatorCatalogue));

        // The resolved objects work together: a deadline on the resolved calendar, a roll-up on the resolved catalogue.
        Deadline deadline = DeadlineRule.Parse("day-of-month-after:15").Resolve(ReportingPeriod.Parse("2026-M01"), calendar, provider.GetRequiredService<CutoffConvention>());
        Assert.Equal(new LocalDate(2026, 2, 23), deadline.Effective);
        ReportingPeriod january = ReportingPeriod.Parse("2026-M01");
        AggregationResult result = AggregationEngine.Create(catalogue, ReportingUnitDirectory.Vietnam.AsOf(new LocalDate(2026, 1, 31)), new LocalDate(2026, 1, 31))
            .Aggregate([new AggregationInput("HNM.CTK.09.002", "00004", january, 1.5m), new AggregationInput("HNM.CTK.09.002", "00025", january, 2.25m)]);
        Assert.Equal(3.75m, result.ValueOf("HNM.CTK.09.002", "01", january));
    }

    [Fact]
    public void The_registered_engine_aggregates_on_the_registered_catalogue()
    {
        ServiceCollection services = new();
        services.AddKtxhPeriods().AddKtxhIndicators().AddKtxhAggregation(r => r.AsOf = new LocalDate(2026, 1, 31));
        services.AddKtxhAggregation(r => r.EngineOptions = r.EngineOptions with { WeekAssignment = WeekAssignment.EndDate }); // composes with the first
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        AggregationEngine engine = provider.GetRequiredService<AggregationEngine>();
        Assert.Same(engine, provider.GetRequiredService<AggregationEngine>());
        Assert.Equal(new LocalDate(2026, 1, 31), engine.AsOf);              // the first call's setting
        Assert.Equal(WeekAssignment.EndDate, engine.Options.WeekAssignment); // and the second's
        Assert.Same(provider.GetRequiredService<IndicatorCatalogue>(), engine.Catalogue);
        ReportingPeriod january = ReportingPeriod.Parse("2026-M01");
        AggregationResult result = engine.Aggregate([new AggregationInput("HNM.CTK.09.002", "00004", january, 1.5m), new AggregationInput("HNM.CTK.09.002", "00025", january, 2.25m)]);
        Assert.Equal(3.75m, result.ValueOf("HNM.CTK.09.002", "01", january));
        Assert.Equal(3.75m, result.ValueOf("HNM.CTK.09.002", "VN", january));

        // The registered validator finds an of-which row above its parent.
        Validator validator = provider.GetRequiredService<Validator>();
        IReadOnlyList<ValidationFinding> findings = validator.Validate(
            [new AggregationInput("HNM.STC.01.001", "01", january, 32.6m), new AggregationInput("HNM.STC.01.002", "01", january, 35.6m)], null);
        Assert.Contains(findings, f => f.RuleCode == "OF_WHICH" && f.Severity == ValidationSeverity.Error);
    }
}
