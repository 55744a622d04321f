using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ktxh.Periods;

/// <summary>Registers the Ktxh.Periods services in a host's service collection.</summary>
public static class KtxhPeriodsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the defaults: <see cref="BuiltInCalendarDecisionSource"/> as the <see cref="ICalendarDecisionSource"/>,
    /// <see cref="WorkingCalendar.VietnamCivilService"/> as the <see cref="WorkingCalendar"/> and
    /// <see cref="CutoffConvention.Calendar"/> as the <see cref="CutoffConvention"/>; see
    /// <see cref="AddKtxhPeriods(IServiceCollection, Action{KtxhPeriodsOptions})"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddKtxhPeriods(this IServiceCollection services) => services.AddKtxhPeriods(_ => { });

    /// <summary>
    /// Registers <see cref="KtxhPeriodsOptions"/> (through <c>IOptions</c>: every call's <paramref name="configure"/>
    /// applies, in order, so calls compose) and, as singletons, the <see cref="ICalendarDecisionSource"/> (the built-in
    /// decisions), the <see cref="WorkingCalendar"/> (<see cref="KtxhPeriodsOptions.Calendar"/>, or the civil-service
    /// calendar built from the registered source) and the <see cref="CutoffConvention"/>. Services are added with
    /// <c>TryAdd</c>: a source, calendar or convention the host registered before wins, and a second call adds no
    /// second registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Resolving the calendar throws <see cref="KtxhException"/> when the registered source's decisions are
    /// invalid, and resolving the options throws <see cref="OptionsValidationException"/> when
    /// <see cref="KtxhPeriodsOptions.CutoffConvention"/> was set to null.</remarks>
    public static IServiceCollection AddKtxhPeriods(this IServiceCollection services, Action<KtxhPeriodsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<KtxhPeriodsOptions>()
            .Configure(configure)
            .Validate(o => o.CutoffConvention is not null,
                "KtxhPeriodsOptions.CutoffConvention không được null / KtxhPeriodsOptions.CutoffConvention must not be null.");
        services.TryAddSingleton<ICalendarDecisionSource>(BuiltInCalendarDecisionSource.Instance);
        services.TryAddSingleton(CreateCalendar);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<KtxhPeriodsOptions>>().Value.CutoffConvention);
        return services;
    }

    private static WorkingCalendar CreateCalendar(IServiceProvider provider)
    {
        KtxhPeriodsOptions options = provider.GetRequiredService<IOptions<KtxhPeriodsOptions>>().Value;
        if (options.Calendar is { } calendar)
        {
            return calendar;
        }

        ICalendarDecisionSource source = provider.GetRequiredService<ICalendarDecisionSource>();
        return ReferenceEquals(source, BuiltInCalendarDecisionSource.Instance)
            ? WorkingCalendar.VietnamCivilService
            : WorkingCalendar.CreateBuilder().WithDecisionSource(source).Build();
    }
}
