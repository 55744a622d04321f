namespace Ktxh.Workflow;

/// <summary>What the "% of plan" cell of a <see cref="PlanCompletionRow"/> holds.</summary>
public enum PlanCompletionStatus
{
    /// <summary>Both the actual value and a non-zero target are known: the percentage is given.</summary>
    Computed = 1,

    /// <summary>No accepted target for the indicator, unit and disaggregation: no percentage (the cell stays empty).</summary>
    NoTarget = 2,

    /// <summary>The target is zero: a percentage of zero has no meaning, none is given (the cell stays empty; the
    /// actual and the target are still shown).</summary>
    ZeroTarget = 3,

    /// <summary>A target exists but no actual value was reported for the period: no percentage.</summary>
    NoActual = 4,
}
