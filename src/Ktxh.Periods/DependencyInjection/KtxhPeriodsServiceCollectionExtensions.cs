using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ktxh.Periods;

/// <summary>Registers the Ktxh.Periods services in a host's service collection.</summary>
public static class KtxhPeriodsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WorkingCalendar.VietnamCivilService"/> as the <see cref="WorkingCalendar"/> and
    /// <see cref="CutoffConvention.Calendar"/> as the <see cref="CutoffConvention"/>, as singletons. Calling it again
    /// changes nothing (<c>TryAdd</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddKtxhPeriods(this IServiceCollection services) => services.AddKtxhPeriods(_ => { });

    /// <summary>
    /// Registers the <see cref="WorkingCalendar"/> and the <see cref="CutoffConvention"/> chosen in
    /// <paramref name="configure"/>, as singletons (both are immutable and thread-safe). Registrations made before
    /// win (<c>TryAdd</c>), so calling it again changes nothing.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="configure"/> set a null value.</exception>
    public static IServiceCollection AddKtxhPeriods(this IServiceCollection services, Action<KtxhPeriodsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new KtxhPeriodsOptions();
        configure(options);
        ArgumentNullException.ThrowIfNull(options.Calendar, "options.Calendar");
        ArgumentNullException.ThrowIfNull(options.CutoffConvention, "options.CutoffConvention");
        services.TryAddSingleton(options.Calendar);
        services.TryAddSingleton(options.CutoffConvention);
        return services;
    }
}
