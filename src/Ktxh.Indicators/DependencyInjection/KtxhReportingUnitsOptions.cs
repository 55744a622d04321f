using Ktxh.Indicators.ReportingUnits;

namespace Ktxh.Indicators;

/// <summary>
/// What <see cref="ReportingUnitsServiceCollectionExtensions.AddKtxhReportingUnits(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhReportingUnitsOptions})"/>
/// registers. Read through <c>IOptions&lt;KtxhReportingUnitsOptions&gt;</c>, so every call's <c>configure</c> applies,
/// in order: the extensions of several calls add up. Configure at start-up; not thread-safe while being configured.
/// </summary>
public sealed class KtxhReportingUnitsOptions
{
    /// <summary>Changes applied, in order, to a builder that starts from the registered source's directory (e.g. a
    /// province's agencies); empty by default.</summary>
    public IList<Action<ReportingUnitDirectoryBuilder>> Extensions { get; } = [];

    /// <summary>Adds a change to the directory (e.g. <c>b =&gt; b.AddAgency("SXD", "Sở Xây dựng", "01")</c>).</summary>
    /// <param name="extend">Adds units, agencies or successions.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="extend"/> is null.</exception>
    public KtxhReportingUnitsOptions Extend(Action<ReportingUnitDirectoryBuilder> extend)
    {
        ArgumentNullException.ThrowIfNull(extend);
        Extensions.Add(extend);
        return this;
    }
}
