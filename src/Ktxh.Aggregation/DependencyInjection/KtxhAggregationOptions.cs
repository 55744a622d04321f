using Ktxh.Indicators;
using Ktxh.Indicators.ReportingUnits;
using NodaTime;

namespace Ktxh.Aggregation;

/// <summary>
/// The options of the aggregation engine and validator a container builds
/// (<see cref="KtxhAggregationServiceCollectionExtensions.AddKtxhAggregation(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhAggregationOptions})"/>),
/// read through <c>IOptions&lt;KtxhAggregationOptions&gt;</c>: every call's configuration is applied in order.
/// </summary>
public sealed class KtxhAggregationOptions
{
    /// <summary>The date of today's units (default: 1/7/2025, the two-level reform): the engine's <see cref="AggregationEngine.Units"/> and the
    /// units <see cref="AggregationOptions.OnCurrentUnits"/> maps onto; each period is aggregated on the units in force in it.</summary>
    public LocalDate AsOf { get; set; } = ReportingUnitDirectory.TwoLevelReformDate;

    /// <summary>The engine's options.</summary>
    public AggregationOptions EngineOptions { get; set; } = AggregationOptions.Default;

    /// <summary>Declared validation rules; each configuration may add its own.</summary>
    public IList<ValidationRule> Rules { get; } = [];

    /// <summary>The validator's options.</summary>
    public ValidatorOptions ValidatorOptions { get; set; } = ValidatorOptions.Default;
}
