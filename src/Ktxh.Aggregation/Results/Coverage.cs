namespace Ktxh.Aggregation;

/// <summary>How many of the reporting units expected under an aggregate actually reported (for a period longer than
/// the inputs', a unit counts only if it reported every sub-period that has data).</summary>
/// <param name="Reported">The units that reported.</param>
/// <param name="Expected">The units expected to report.</param>
public readonly record struct Coverage(int Reported, int Expected)
{
    /// <summary>Whether every expected unit reported.</summary>
    public bool IsComplete => Reported >= Expected;

    /// <summary>The reported share, 0 to 1 (1 when nothing was expected).</summary>
    public decimal Share => Expected == 0 ? 1m : (decimal)Reported / Expected;

    /// <inheritdoc />
    public override string ToString() => $"{Reported}/{Expected}";
}
