namespace Ktxh.Excel;

/// <summary>
/// The inclusive bounds of an indicator's values, used for the data validation of input cells and checked again on
/// import (a spreadsheet's validation is advisory: a pasted value bypasses it). Immutable.
/// </summary>
/// <param name="Min">The smallest value allowed, or <see langword="null"/> for none.</param>
/// <param name="Max">The largest value allowed, or <see langword="null"/> for none.</param>
/// <param name="WholeNumbers">Whether only whole numbers are allowed (counts).</param>
public readonly record struct ValueBounds(decimal? Min = null, decimal? Max = null, bool WholeNumbers = false)
{
    /// <summary>Gets bounds that allow every number.</summary>
    public static ValueBounds None => default;

    /// <summary>Gets bounds that allow zero and positive numbers.</summary>
    public static ValueBounds NonNegative => new(0m);

    /// <summary>
    /// The default bounds from the catalogue's description of an indicator: counts are whole and non-negative
    /// (births, enterprises); amounts and stocks are non-negative (an output, a population); percentages, rates,
    /// averages, indices and levels are unbounded (growth may be negative, an index may exceed 100).
    /// </summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>The bounds.</returns>
    public static ValueBounds For(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.ValueKind switch
        {
            ValueKind.Count => new ValueBounds(0m, null, WholeNumbers: true),
            ValueKind.Amount or ValueKind.Stock => NonNegative,
            _ => None,
        };
    }

    /// <summary>Tells whether a value lies within the bounds (whole-number rule included).</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when it is allowed.</returns>
    public bool Contains(decimal value) =>
        (Min is null || value >= Min) && (Max is null || value <= Max) && (!WholeNumbers || value == decimal.Truncate(value));
}
