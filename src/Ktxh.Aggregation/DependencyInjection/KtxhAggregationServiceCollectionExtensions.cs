using Ktxh.Indicators;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Ktxh.Aggregation;

/// <summary>What <see cref="KtxhAggregationServiceCollectionExtensions.AddKtxhAggregation(IServiceCollection, Action{KtxhAggregationRegistration})"/> registers.</summary>
public sealed class KtxhAggregationRegistration
{
    /// <summary>The date of the administrative hierarchy the engine is built on (default: 1/7/2025, the two-level reform).</summary>
    public LocalDate AsOf { get; set; } = ReportingUnitDirectory.TwoLevelReformDate;

    /// <summary>The engine's options.</summary>
    public AggregationOptions Options { get; set; } = AggregationOptions.Default;

    /// <summary>Declared validation rules.</summary>
    public IList<ValidationRule> Rules { get; } = [];

    /// <summary>The validator's options.</summary>
    public ValidatorOptions ValidatorOptions { get; set; } = ValidatorOptions.Default;
}

/// <summary>Registration of the aggregation engine and the validator in a service collection.</summary>
public static class KtxhAggregationServiceCollectionExtensions
{
    /// <summary>Registers an <see cref="AggregationEngine"/> (built once, over the registered
    /// <see cref="IndicatorCatalogue"/> and the built-in administrative units) and a <see cref="Validator"/> as
    /// singletons. Uses <c>TryAdd</c>: repeated calls are harmless. Register the catalogue first
    /// (<c>AddKtxhIndicators</c>).</summary>
    /// <param name="services">The services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddKtxhAggregation(this IServiceCollection services) => services.AddKtxhAggregation(_ => { });

    /// <summary>Registers the engine and the validator with options.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same services.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddKtxhAggregation(this IServiceCollection services, Action<KtxhAggregationRegistration> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var registration = new KtxhAggregationRegistration();
        configure(registration);
        services.TryAddSingleton(registration);
        services.TryAddSingleton(sp => AggregationEngine.Create(
            sp.GetRequiredService<IndicatorCatalogue>(),
            ReportingUnitDirectory.Vietnam.AsOf(registration.AsOf),
            registration.AsOf,
            registration.Options));
        services.TryAddSingleton(sp => new Validator(sp.GetRequiredService<IndicatorCatalogue>(), registration.Rules, registration.ValidatorOptions));
        return services;
    }
}
