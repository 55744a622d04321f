namespace Ktxh.Periods;

/// <summary>How a <see cref="CutoffRule"/> computes a window.</summary>
public enum CutoffRuleKind
{
    /// <summary>The window is the period itself (the statistical regime, TT 20/2024/TT-BKHĐT).</summary>
    Calendar = 1,

    /// <summary>
    /// The window runs from day N of the month before the period's first month to day N − 1 of its last month
    /// (Decree 09/2019/NĐ-CP Art. 12 with N = 15).
    /// </summary>
    DayOfMonth = 2,
}
