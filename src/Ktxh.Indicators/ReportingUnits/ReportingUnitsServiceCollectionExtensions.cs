using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ktxh.Indicators;

/// <summary>Registers the reporting-unit directory in a dependency-injection container.</summary>
public static class ReportingUnitsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReportingUnitDirectory"/> as a singleton: the built-in directory of Viet Nam
    /// (<see cref="ReportingUnitDirectory.Vietnam"/>), optionally extended by <paramref name="configure"/> (e.g. to
    /// register agencies under provinces). <c>TryAdd</c>: a second call does not replace the first registration.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Adds units, agencies or successions to a builder that starts from the built-in data; <see langword="null"/> for the built-in data as is.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>When the configured data is invalid, resolving the directory throws <see cref="InvalidOperationException"/> listing every problem.</remarks>
    public static IServiceCollection AddKtxhReportingUnits(this IServiceCollection services, Action<ReportingUnitDirectoryBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(_ =>
        {
            if (configure is null)
            {
                return ReportingUnitDirectory.Vietnam;
            }

            ReportingUnitDirectoryBuilder builder = ReportingUnitDirectory.Vietnam.ToBuilder();
            configure(builder);
            return builder.Build();
        });
        return services;
    }
}
