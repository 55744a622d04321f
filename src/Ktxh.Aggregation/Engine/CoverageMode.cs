namespace Ktxh.Aggregation;

/// <summary>What becomes of an aggregate whose coverage (units that reported of units expected) is below the threshold.</summary>
public enum CoverageMode
{
    /// <summary>The value is produced; the coverage travels with it but no flag is raised.</summary>
    Produce = 0,

    /// <summary>The value is produced and flagged <see cref="AggregateFlags.PartialCoverage"/> (the default).</summary>
    Flag = 1,

    /// <summary>The value is withheld (missing) and flagged <see cref="AggregateFlags.Withheld"/> and
    /// <see cref="AggregateFlags.PartialCoverage"/>; the coverage is still reported.</summary>
    Withhold = 2,
}
