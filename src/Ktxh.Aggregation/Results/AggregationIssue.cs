namespace Ktxh.Aggregation;

/// <summary>Why an input was not used, or why an indicator was left out, in Vietnamese and English.</summary>
/// <param name="InputIndex">The 0-based position of the input concerned, or −1 when the issue is about an indicator.</param>
/// <param name="IndicatorCode">The indicator concerned.</param>
/// <param name="UnitCode">The reporting unit concerned, if any.</param>
/// <param name="PeriodId">The period concerned, if any.</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record AggregationIssue(int InputIndex, string IndicatorCode, string? UnitCode, string? PeriodId, string MessageVi, string MessageEn)
{
    /// <inheritdoc />
    public override string ToString()
    {
        string where = InputIndex >= 0 ? $"#{InputIndex} " : string.Empty;
        return $"{where}{IndicatorCode} {UnitCode} {PeriodId}: {MessageVi} / {MessageEn}".Replace("  ", " ", StringComparison.Ordinal);
    }
}
