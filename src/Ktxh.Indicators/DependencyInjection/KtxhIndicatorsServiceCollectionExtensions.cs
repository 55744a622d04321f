using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ktxh.Indicators;

/// <summary>Registers Ktxh.Indicators in a service collection.</summary>
public static class KtxhIndicatorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in <see cref="IndicatorCatalogue"/>, the <see cref="MeasureUnitRegistry"/> and a
    /// <see cref="DataValueValidator"/> as singletons. Uses <c>TryAdd</c>: a later call does not replace what an
    /// earlier call (or the host) registered.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddKtxhIndicators(this IServiceCollection services) => services.AddKtxhIndicators(_ => { });

    /// <summary>Registers Ktxh.Indicators with options (catalogue source: built-in, a JSON file or a JSON stream).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; called once, immediately.</param>
    /// <returns>The same service collection.</returns>
    /// <remarks>The catalogue is loaded when first resolved; an invalid catalogue throws <see cref="KtxhException"/> then.</remarks>
    public static IServiceCollection AddKtxhIndicators(this IServiceCollection services, Action<KtxhIndicatorsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new KtxhIndicatorsOptions();
        configure(options);
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => sp.GetRequiredService<KtxhIndicatorsOptions>().MeasureUnits ?? MeasureUnitRegistry.Default);
        services.TryAddSingleton(sp => sp.GetRequiredService<KtxhIndicatorsOptions>().LoadCatalogue(sp.GetRequiredService<MeasureUnitRegistry>()));
        services.TryAddSingleton(sp => new DataValueValidator(sp.GetRequiredService<IndicatorCatalogue>(), sp.GetRequiredService<MeasureUnitRegistry>()));
        return services;
    }
}
