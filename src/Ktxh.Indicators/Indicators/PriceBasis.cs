namespace Ktxh.Indicators;

/// <summary>The price basis of a monetary value: current prices, or comparable prices of a base year.</summary>
/// <remarks>
/// Values at comparable prices carry a base year (2010, moving to 2020 with the base-year change planned in the
/// 2021–2030 statistics strategy, seed 001); values at current prices do not.
/// </remarks>
public enum PriceBasis
{
    /// <summary>Not a monetary value, or the price basis does not apply.</summary>
    NotApplicable = 0,

    /// <summary>Giá hiện hành: current prices.</summary>
    Current = 1,

    /// <summary>Giá so sánh 2010: comparable prices of base year 2010.</summary>
    Comparable2010 = 2,

    /// <summary>Giá so sánh 2020: comparable prices of base year 2020.</summary>
    Comparable2020 = 3,
}
