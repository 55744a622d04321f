using Ktxh.Indicators;

namespace Ktxh.Aggregation;

/// <summary>How an <see cref="AggregationEngine"/> treats partial coverage, weeks, revisions and units of measure.</summary>
/// <remarks>Immutable once given to an engine (init-only properties); safe to share.</remarks>
public sealed record AggregationOptions
{
    /// <summary>The default options: flag partial coverage, weeks to the month of their majority, latest revision.</summary>
    public static AggregationOptions Default { get; } = new();

    /// <summary>What to do with an aggregate whose coverage is below <see cref="CoverageThreshold"/>.</summary>
    public CoverageMode CoverageMode { get; init; } = CoverageMode.Flag;

    /// <summary>The share of expected units (0 to 1) an aggregate needs to escape <see cref="CoverageMode"/>; 1 (the
    /// default) means anything short of complete.</summary>
    public decimal CoverageThreshold { get; init; } = 1m;

    /// <summary>How weeks that straddle two months are counted (see <see cref="Aggregation.WeekAssignment"/>).</summary>
    public WeekAssignment WeekAssignment { get; init; } = WeekAssignment.Majority;

    /// <summary>Which revision of an input is used.</summary>
    public RevisionPolicy Revisions { get; init; } = RevisionPolicy.Latest;

    /// <summary>The most threads one run uses (default: the processor count).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Which reporting units are expected to report an indicator (indicator code, unit), or null to infer it: every
    /// commune (every province) once one commune (province) reported the indicator, and for agencies the agencies that
    /// reported it in some period of the run.
    /// </summary>
    public Func<string, HierarchyUnit, bool>? ExpectedReporters { get; init; }

    /// <summary>
    /// Whether series are aggregated on today's units (the engine's <see cref="AggregationEngine.AsOf"/>) by remapping
    /// the lines of older units first (<see cref="HistoricalRemapper"/>: whole merges and part transfers with known
    /// shares; a line that cannot be remapped without guessing is rejected with the reason), instead of aggregating each
    /// period on the units in force in it (the default). Applies to engines built from a
    /// <see cref="Ktxh.Indicators.ReportingUnits.ReportingUnitDirectory"/>; an engine built on one hierarchy has no older
    /// units to remap.
    /// </summary>
    public bool OnCurrentUnits { get; init; }

    /// <summary>Whether the result grid has a row for every unit of the hierarchy instead of only the units that occur
    /// (tests compare the two; the output is the same).</summary>
    internal bool FullGrid { get; init; }
}
