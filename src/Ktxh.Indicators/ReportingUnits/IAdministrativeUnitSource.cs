namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// Where the directory of administrative and reporting units comes from (modelled on NodaTime's
/// <c>IDateTimeZoneSource</c>): the built-in directory (<see cref="BuiltInAdministrativeUnitSource"/>), the compact
/// tab-separated format of the built-in data (<see cref="TsvAdministrativeUnitSource"/>, for newer official tables), or
/// a host's own store by implementing this one interface. Register one in a service collection before
/// <see cref="ReportingUnitsServiceCollectionExtensions.AddKtxhReportingUnits(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhReportingUnitsOptions})"/>
/// and the container's <see cref="ReportingUnitDirectory"/> is built from it.
/// </summary>
/// <remarks>Implementations must be thread-safe; <see cref="Load"/> may be called more than once.</remarks>
public interface IAdministrativeUnitSource
{
    /// <summary>Identifies the version of the data, such as <c>ktxh-builtin admin-units-vn 2025-07-01</c> or a file name.</summary>
    string VersionId { get; }

    /// <summary>Loads the directory.</summary>
    /// <returns>The directory, or every error found, each located and in Vietnamese and English.</returns>
    KtxhResult<ReportingUnitDirectory> Load();
}
