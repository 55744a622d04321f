using Ktxh.Aggregation;
using Ktxh.Indicators;
using Microsoft.Extensions.DependencyInjection;

namespace Ktxh.Aggregation.Tests;

public class EngineSharingTests
{
    [Fact]
    public void One_engine_serves_many_threads_with_identical_results()
    {
        AggregationEngine engine = World.Engine();
        AggregationInput[] inputs = World.Communes
            .SelectMany(c => Enumerable.Range(1, 12).SelectMany(m => new[]
            {
                World.In("A", c, World.M(m), m + c.Length),
                World.In("N", c, World.M(m), m),
                World.In("D", c, World.M(m), 10 + m),
                World.In("A", c, World.M(m), m * 1000, measure: "VND_M"),
            }))
            .ToArray();
        List<Aggregate> expected = engine.Aggregate(inputs).Aggregates().ToList();
        var results = new List<Aggregate>[8];
        Parallel.For(0, results.Length, i => results[i] = engine.Aggregate(inputs).Aggregates().ToList());
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void The_engine_and_validator_are_singletons_and_repeated_registrations_compose()
    {
        var services = new ServiceCollection();
        services.AddSingleton(World.Catalogue);
        services.AddKtxhAggregation();
        services.AddKtxhAggregation(o => o.EngineOptions = new AggregationOptions { CoverageMode = CoverageMode.Withhold });
        using ServiceProvider sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        AggregationEngine engine = sp.GetRequiredService<AggregationEngine>();
        Assert.Same(engine, sp.GetRequiredService<AggregationEngine>());
        Assert.Equal(CoverageMode.Withhold, engine.Options.CoverageMode); // the second call's configuration applies too
        Assert.Same(World.Catalogue, engine.Catalogue);                    // the host's catalogue, not the built-in one
        Assert.Same(sp.GetRequiredService<Validator>(), sp.GetRequiredService<Validator>());
        Assert.True(engine.Units.Count > 3000);
        Assert.Single(services, d => d.ServiceType == typeof(AggregationEngine));
    }
}
