namespace Ktxh.Indicators;

/// <summary>
/// Where an indicator catalogue comes from (modelled on NodaTime's <c>IDateTimeZoneSource</c> and Ktxh.Periods'
/// <c>ICalendarDecisionSource</c>): the built-in catalogue (<see cref="BuiltInIndicatorCatalogueSource"/>), a JSON file
/// or stream (<see cref="JsonIndicatorCatalogueSource"/>), or a host's own store (a database, say) by implementing
/// this one interface. Register one in a service collection before
/// <see cref="KtxhIndicatorsServiceCollectionExtensions.AddKtxhIndicators(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhIndicatorsOptions})"/>
/// and the container's <see cref="IndicatorCatalogue"/> is the one it loads.
/// </summary>
/// <remarks>Implementations must be thread-safe; <see cref="Load"/> may be called more than once.</remarks>
public interface IIndicatorCatalogueSource
{
    /// <summary>
    /// Identifies the version of the data (for logs, and for a host that checks which catalogue it runs on), such as
    /// <c>ktxh-builtin HNM-IOC-2023</c> or a file name.
    /// </summary>
    string VersionId { get; }

    /// <summary>Loads the catalogue.</summary>
    /// <returns>The catalogue, or every error found, each located and in Vietnamese and English.</returns>
    KtxhResult<IndicatorCatalogue> Load();
}
