namespace Ktxh.Indicators;

/// <summary>
/// The maturity of a figure: estimate, then preliminary, then official. Ordered: <c>Estimate &lt; Preliminary &lt; Official</c>.
/// </summary>
/// <remarks>
/// An information product states its "mức độ hoàn chỉnh của thông tin (số liệu ước tính, sơ bộ hay chính thức)"
/// (seed 003, Điều 9.3c); Decree 62/2024/NĐ-CP keeps the same three levels. The same indicator and period is revised
/// through these levels and every level is kept.
/// </remarks>
public enum Maturity
{
    /// <summary>Ước tính: an estimate made before the period's data is complete.</summary>
    Estimate = 1,

    /// <summary>Sơ bộ: a preliminary figure from incomplete but real data.</summary>
    Preliminary = 2,

    /// <summary>Chính thức: the official figure.</summary>
    Official = 3,
}
