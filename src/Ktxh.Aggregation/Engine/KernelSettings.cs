namespace Ktxh.Aggregation.Engine;

/// <summary>The settings one kernel run uses.</summary>
internal sealed class KernelSettings
{
    /// <summary>The highest maturity an input may have to be used (3 = official, i.e. every input).</summary>
    public byte MaturityCeiling { get; init; } = 3;

    public CoverageMode CoverageMode { get; init; } = CoverageMode.Flag;

    /// <summary>The share of expected units below which the coverage mode applies (1 = anything short of complete).</summary>
    public decimal CoverageThreshold { get; init; } = 1m;

    /// <summary>For each series, the expected reporting units (true per unit index), or null to infer them.</summary>
    public Func<int, bool[]?>? ExpectedUnits { get; init; }

    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
