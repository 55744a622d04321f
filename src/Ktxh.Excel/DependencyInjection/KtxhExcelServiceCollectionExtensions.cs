using Ktxh.Indicators.MeasureUnits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ktxh.Excel;

/// <summary>Registers Ktxh.Excel in a service collection.</summary>
public static class KtxhExcelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FormWorkbookGenerator"/>, <see cref="FormWorkbookImporter"/>, <see cref="HistoryWorkbookGenerator"/>,
    /// <see cref="HistoryWorkbookImporter"/>, <see cref="ReportWorkbookWriter"/>, <see cref="StreamingReportWriter"/>,
    /// <see cref="ProgressSheetWriter"/>, <see cref="CatalogueWorkbookWriter"/> and <see cref="CatalogueWorkbookImporter"/>
    /// as singletons, configured through <see cref="IOptions{TOptions}"/> of
    /// <see cref="KtxhExcelOptions"/>. They use the <see cref="IndicatorCatalogue"/> and <see cref="MeasureUnitRegistry"/> the
    /// host registered (<c>AddKtxhIndicators</c>), or the built-in ones when none is registered. Uses <c>TryAdd</c>, so
    /// repeated calls are harmless and their <paramref name="configure"/> actions compose.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options (limits, formula policy, maturity, bounds), or <see langword="null"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddKtxhExcel(this IServiceCollection services, Action<KtxhExcelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(sp => new FormWorkbookGenerator(
            sp.GetService<IndicatorCatalogue>() ?? IndicatorCatalogue.BuiltIn,
            sp.GetService<MeasureUnitRegistry>(),
            sp.GetRequiredService<IOptions<KtxhExcelOptions>>().Value));
        services.TryAddSingleton(sp => new FormWorkbookImporter(
            sp.GetService<IndicatorCatalogue>() ?? IndicatorCatalogue.BuiltIn,
            sp.GetRequiredService<IOptions<KtxhExcelOptions>>().Value));
        services.TryAddSingleton(sp => new HistoryWorkbookGenerator(
            sp.GetService<IndicatorCatalogue>() ?? IndicatorCatalogue.BuiltIn,
            sp.GetService<MeasureUnitRegistry>(),
            sp.GetRequiredService<IOptions<KtxhExcelOptions>>().Value));
        services.TryAddSingleton(sp => new HistoryWorkbookImporter(
            sp.GetService<IndicatorCatalogue>() ?? IndicatorCatalogue.BuiltIn,
            sp.GetRequiredService<IOptions<KtxhExcelOptions>>().Value));
        services.TryAddSingleton<ReportWorkbookWriter>();
        services.TryAddSingleton<ProgressSheetWriter>();
        services.TryAddSingleton(sp => new CatalogueWorkbookWriter(sp.GetService<MeasureUnitRegistry>(), sp.GetRequiredService<IOptions<KtxhExcelOptions>>().Value));
        services.TryAddSingleton(sp => new CatalogueWorkbookImporter(sp.GetService<MeasureUnitRegistry>(), sp.GetRequiredService<IOptions<KtxhExcelOptions>>().Value));
        services.TryAddSingleton<StreamingReportWriter>();
        return services;
    }
}
