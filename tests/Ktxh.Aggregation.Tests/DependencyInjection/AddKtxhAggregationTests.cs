using Ktxh.Indicators;
using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Ktxh.Aggregation.Tests;

/// <summary><c>AddKtxhAggregation</c> as a host uses it: alone, repeated, and over the host's own directory.</summary>
public class AddKtxhAggregationTests
{
    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void It_works_alone_and_passes_validation_on_build_and_scopes()
    {
        using ServiceProvider sp = new ServiceCollection().AddKtxhAggregation().BuildServiceProvider(Strict);
        AggregationEngine engine = sp.GetRequiredService<AggregationEngine>();
        Assert.Same(sp.GetRequiredService<IndicatorCatalogue>(), engine.Catalogue);
        Assert.Equal(IndicatorCatalogue.BuiltIn.Count, engine.Catalogue.Count);
        Assert.Equal(ReportingUnitDirectory.TwoLevelReformDate, engine.AsOf);
        Assert.Equal(ReportingUnitDirectory.Vietnam.AsOf(engine.AsOf).Units.Count, engine.Units.Count);
        Assert.Same(engine.Catalogue, sp.GetRequiredService<Validator>().Catalogue);
        using IServiceScope scope = sp.CreateScope();
        Assert.Same(engine, scope.ServiceProvider.GetRequiredService<AggregationEngine>());
    }

    [Fact]
    public void Repeated_calls_compose_in_order()
    {
        var first = ValidationRule.Create("R1", "A", RuleOperator.LessOrEqual, "B", ValidationSeverity.Warning, "vi", "en");
        var second = ValidationRule.Create("R2", "B", RuleOperator.LessOrEqual, "C", ValidationSeverity.Error, "vi", "en");
        var asOf = new LocalDate(2026, 1, 31);
        IServiceCollection services = new ServiceCollection()
            .AddKtxhAggregation(o =>
            {
                o.AsOf = asOf;
                o.Rules.Add(first);
                o.EngineOptions = new AggregationOptions { CoverageMode = CoverageMode.Withhold };
            })
            .AddKtxhAggregation(o =>
            {
                o.Rules.Add(second);
                o.EngineOptions = o.EngineOptions with { WeekAssignment = WeekAssignment.EndDate };
            });
        using ServiceProvider sp = services.BuildServiceProvider(Strict);

        AggregationEngine engine = sp.GetRequiredService<AggregationEngine>();
        Assert.Equal(asOf, engine.AsOf);
        Assert.Equal(CoverageMode.Withhold, engine.Options.CoverageMode);
        Assert.Equal(WeekAssignment.EndDate, engine.Options.WeekAssignment);
        Assert.Equal([first, second], sp.GetRequiredService<Validator>().Rules);
        Assert.Equal([first, second], sp.GetRequiredService<IOptions<KtxhAggregationOptions>>().Value.Rules);
        Assert.Single(services, d => d.ServiceType == typeof(AggregationEngine));
        Assert.Single(services, d => d.ServiceType == typeof(Validator));
        Assert.Single(services, d => d.ServiceType == typeof(IndicatorCatalogue));
    }

    [Fact]
    public void The_engine_uses_the_directory_the_host_registered()
    {
        const string agency = "SXD.TEST";
        IServiceCollection services = new ServiceCollection()
            .AddKtxhReportingUnits(o => o.Extend(b => b.AddAgency(agency, "Sở Thử nghiệm", "01", ReportingUnitDirectory.TwoLevelReformDate)))
            .AddKtxhAggregation(o => o.AsOf = new LocalDate(2026, 1, 31));
        using ServiceProvider sp = services.BuildServiceProvider(Strict);

        AggregationEngine engine = sp.GetRequiredService<AggregationEngine>();
        Assert.Contains(new HierarchyUnit(agency, "01", HierarchyRole.Agency), engine.Units);
        Assert.Equal(ReportingUnitDirectory.Vietnam.AsOf(engine.AsOf).Units.Count + 1, engine.Units.Count);

        // A value the agency reports is accepted and rolls up to its province (the built-in directory rejects it).
        ReportingPeriod january = ReportingPeriod.Month(2026, 1);
        const string retail = "HNM.CTK.09.002";
        AggregationResult result = engine.Aggregate([new AggregationInput(retail, agency, january, 7m)]);
        Assert.Empty(result.Rejected);
        Assert.Equal(7m, result.ValueOf(retail, agency, january));
        AggregationResult builtIn = AggregationEngine.Create(IndicatorCatalogue.BuiltIn, ReportingUnitDirectory.Vietnam.AsOf(engine.AsOf), engine.AsOf)
            .Aggregate([new AggregationInput(retail, agency, january, 7m)]);
        Assert.Single(builtIn.Rejected);
    }

    [Fact]
    public void A_catalogue_registered_by_hand_without_a_unit_registry_still_validates_on_build()
    {
        var services = new ServiceCollection();
        services.AddSingleton(IndicatorCatalogue.BuiltIn);
        services.AddKtxhAggregation();
        using ServiceProvider sp = services.BuildServiceProvider(Strict);
        Assert.Same(MeasureConverter.Default, sp.GetRequiredService<IMeasureConverter>());
        Assert.Same(IndicatorCatalogue.BuiltIn, sp.GetRequiredService<AggregationEngine>().Catalogue);
    }

    /// <summary>A host's own store: a two-indicator catalogue (T, of which T3; tỷ đồng) built in code.</summary>
    private sealed class HostCatalogueSource : IIndicatorCatalogueSource
    {
        public string VersionId => "host-db 42";

        public KtxhResult<IndicatorCatalogue> Load()
        {
            var b = new IndicatorCatalogueBuilder().WithVersion("host-db 42");
            b.Add(new Indicator { Code = "T", NameVi = "Vốn", ValueKind = ValueKind.Amount, MeasureUnitCode = "VND_BN", Periods = [PeriodType.Month] });
            b.Add(new Indicator { Code = "T3", NameVi = "Trong đó: vốn nhà nước", ValueKind = ValueKind.Amount, MeasureUnitCode = "VND_BN", Periods = [PeriodType.Month], Relation = IndicatorRelation.OfWhichOf("T") });
            return b.BuildResult();
        }
    }

    [Fact]
    public void The_engine_and_validator_use_the_catalogue_source_the_host_implements()
    {
        IServiceCollection services = new ServiceCollection()
            .AddSingleton<IIndicatorCatalogueSource>(new HostCatalogueSource())
            .AddKtxhAggregation(o => o.AsOf = new LocalDate(2026, 1, 31));
        using ServiceProvider sp = services.BuildServiceProvider(Strict);

        AggregationEngine engine = sp.GetRequiredService<AggregationEngine>();
        Assert.Equal("host-db 42", engine.Catalogue.Version);
        Assert.Equal(["T", "T3"], engine.Catalogue.Indicators.Select(i => i.Code).Order().ToArray());
        Assert.Same(engine.Catalogue, sp.GetRequiredService<Validator>().Catalogue);

        // The engine knows the host's indicators (the built-in catalogue rejects them) and the validator its relation,
        // comparing in the parent's unit: 1,200,000,000,000 đồng is more than 1,000 tỷ đồng.
        ReportingPeriod january = ReportingPeriod.Month(2026, 1);
        AggregationResult result = engine.Aggregate([new AggregationInput("T", "00004", january, 1_000m)]);
        Assert.Empty(result.Rejected);
        IReadOnlyList<ValidationFinding> findings = sp.GetRequiredService<Validator>().Validate(
            [new AggregationInput("T", "00004", january, 1_000m), new AggregationInput("T3", "00004", january, 1_200_000_000_000m, MeasureUnitCode: "VND")]);
        Assert.Equal("OF_WHICH", Assert.Single(findings).RuleCode);
    }

    [Fact]
    public void A_null_argument_is_a_programmer_error()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddKtxhAggregation());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddKtxhAggregation(null!));
    }
}
