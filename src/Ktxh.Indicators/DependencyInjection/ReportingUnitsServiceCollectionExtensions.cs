using Ktxh.Indicators.ReportingUnits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ktxh.Indicators;

/// <summary>Registers the reporting-unit directory in a dependency-injection container.</summary>
public static class ReportingUnitsServiceCollectionExtensions
{
    /// <summary>Registers the built-in directory of Viet Nam; see
    /// <see cref="AddKtxhReportingUnits(IServiceCollection, Action{KtxhReportingUnitsOptions})"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddKtxhReportingUnits(this IServiceCollection services) => services.AddKtxhReportingUnits(_ => { });

    /// <summary>
    /// Registers <see cref="KtxhReportingUnitsOptions"/> (through <c>IOptions</c>: every call's
    /// <paramref name="configure"/> applies, in order, so the extensions of several calls add up) and, as singletons, the
    /// <see cref="IAdministrativeUnitSource"/> (<see cref="BuiltInAdministrativeUnitSource"/>) and the
    /// <see cref="ReportingUnitDirectory"/>: the registered source's directory with the options' extensions. Services
    /// are added with <c>TryAdd</c>: a source or directory the host registered before wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (e.g. <c>o =&gt; o.Extend(b =&gt; b.AddAgency(…))</c>).</param>
    /// <returns>The same service collection.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>The directory is built when first resolved; when the source fails or the extended data is invalid,
    /// resolving it throws <see cref="KtxhException"/> with every error.</remarks>
    public static IServiceCollection AddKtxhReportingUnits(this IServiceCollection services, Action<KtxhReportingUnitsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<KtxhReportingUnitsOptions>().Configure(configure);
        services.TryAddSingleton<IAdministrativeUnitSource>(BuiltInAdministrativeUnitSource.Instance);
        services.TryAddSingleton(CreateDirectory);
        return services;
    }

    private static ReportingUnitDirectory CreateDirectory(IServiceProvider provider)
    {
        KtxhReportingUnitsOptions options = provider.GetRequiredService<IOptions<KtxhReportingUnitsOptions>>().Value;
        ReportingUnitDirectory directory = provider.GetRequiredService<IAdministrativeUnitSource>().Load().Value;
        if (options.Extensions.Count == 0)
        {
            return directory;
        }

        ReportingUnitDirectoryBuilder builder = directory.ToBuilder();
        foreach (Action<ReportingUnitDirectoryBuilder> extend in options.Extensions)
        {
            extend(builder);
        }

        return builder.BuildResult().Value;
    }
}
