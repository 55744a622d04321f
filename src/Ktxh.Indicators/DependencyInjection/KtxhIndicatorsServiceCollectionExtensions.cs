using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.MeasureUnits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ktxh.Indicators;

/// <summary>Registers Ktxh.Indicators in a service collection.</summary>
public static class KtxhIndicatorsServiceCollectionExtensions
{
    /// <summary>Registers the built-in catalogue and the default units; see
    /// <see cref="AddKtxhIndicators(IServiceCollection, Action{KtxhIndicatorsOptions})"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddKtxhIndicators(this IServiceCollection services) => services.AddKtxhIndicators(_ => { });

    /// <summary>
    /// Registers <see cref="KtxhIndicatorsOptions"/> (through <c>IOptions</c>: every call's <paramref name="configure"/>
    /// applies, in order, so calls compose) and, as singletons, the <see cref="MeasureUnitRegistry"/>
    /// (<see cref="KtxhIndicatorsOptions.MeasureUnits"/>), the <see cref="IIndicatorCatalogueSource"/> (the options'
    /// source, by default <see cref="BuiltInIndicatorCatalogueSource"/>), the <see cref="IndicatorCatalogue"/> loaded from
    /// the registered source, and a <see cref="DataValueValidator"/>. Services are added with <c>TryAdd</c>: a source,
    /// registry or catalogue the host registered before wins (a host serves its own catalogue by registering its
    /// <see cref="IIndicatorCatalogueSource"/>), and a second call adds no second registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The catalogue is loaded when first resolved; a source that fails throws <see cref="KtxhException"/>
    /// then, with every error.</remarks>
    public static IServiceCollection AddKtxhIndicators(this IServiceCollection services, Action<KtxhIndicatorsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<KtxhIndicatorsOptions>().Configure(configure);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<KtxhIndicatorsOptions>>().Value.MeasureUnits ?? MeasureUnitRegistry.Default);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<KtxhIndicatorsOptions>>().Value.CreateSource(sp.GetRequiredService<MeasureUnitRegistry>()));
        services.TryAddSingleton(sp => sp.GetRequiredService<IIndicatorCatalogueSource>().Load().Value);
        services.TryAddSingleton(sp => new DataValueValidator(sp.GetRequiredService<IndicatorCatalogue>(), sp.GetRequiredService<MeasureUnitRegistry>()));
        return services;
    }
}
