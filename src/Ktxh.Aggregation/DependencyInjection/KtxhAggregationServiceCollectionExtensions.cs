using Ktxh.Indicators;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Indicators.ReportingUnits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ktxh.Aggregation;

/// <summary>Registration of the aggregation engine and the validator in a service collection.</summary>
public static class KtxhAggregationServiceCollectionExtensions
{
    /// <summary>Registers an <see cref="AggregationEngine"/> and a <see cref="Validator"/> with the default options;
    /// see <see cref="AddKtxhAggregation(IServiceCollection, Action{KtxhAggregationOptions})"/>.</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddKtxhAggregation(this IServiceCollection services) => services.AddKtxhAggregation(_ => { });

    /// <summary>
    /// Registers an <see cref="AggregationEngine"/> (built once, over the container's <see cref="IndicatorCatalogue"/>
    /// and <see cref="ReportingUnitDirectory"/>, so units and agencies a host registers are in the hierarchy; each period
    /// is aggregated on the units in force in it, <see cref="KtxhAggregationOptions.AsOf"/> giving today's units), an <see cref="IMeasureConverter"/> over the container's
    /// <see cref="MeasureUnitRegistry"/> and a <see cref="Validator"/>, as singletons.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; registered with <c>Configure</c>, so several calls compose (each
    /// call's configuration runs, in order, on the same <see cref="KtxhAggregationOptions"/>).</param>
    /// <returns>The same services.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>
    /// Services are added with <c>TryAdd</c>: what a host registered first wins. <c>AddKtxhIndicators()</c> and
    /// <c>AddKtxhReportingUnits()</c> are called (they compose with the host's own calls, before or after), so the
    /// registration works alone and passes <c>ValidateOnBuild</c> and <c>ValidateScopes</c>. A host that serves its own
    /// catalogue or directory registers its <see cref="IIndicatorCatalogueSource"/> or
    /// <see cref="IAdministrativeUnitSource"/> (or the catalogue or directory itself) before this call.
    /// </remarks>
    public static IServiceCollection AddKtxhAggregation(this IServiceCollection services, Action<KtxhAggregationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.Configure(configure);

        // Both register through IOptions and TryAdd: a host's own registrations, before or after, still apply.
        services.AddKtxhIndicators();
        services.AddKtxhReportingUnits();

        // The built-in units share the one default converter (and its cache of resolved unit texts).
        services.TryAddSingleton<IMeasureConverter>(sp =>
            sp.GetService<MeasureUnitRegistry>() is { } registry && !ReferenceEquals(registry, MeasureUnitRegistry.Default)
                ? new MeasureConverter(registry)
                : MeasureConverter.Default);
        services.TryAddSingleton(sp =>
        {
            KtxhAggregationOptions options = sp.GetRequiredService<IOptions<KtxhAggregationOptions>>().Value;
            return AggregationEngine.Create(
                sp.GetRequiredService<IndicatorCatalogue>(),
                sp.GetRequiredService<ReportingUnitDirectory>(), // each period on the units in force in it
                options.AsOf,
                options.EngineOptions,
                sp.GetRequiredService<IMeasureConverter>());
        });
        services.TryAddSingleton(sp =>
        {
            KtxhAggregationOptions options = sp.GetRequiredService<IOptions<KtxhAggregationOptions>>().Value;
            return new Validator(sp.GetRequiredService<IndicatorCatalogue>(), options.Rules, options.ValidatorOptions, sp.GetService<MeasureUnitRegistry>());
        });
        return services;
    }
}
