using Ktxh.Periods;

namespace Ktxh.Workflow;

/// <summary>
/// One line of the "% of plan" columns (% so với kế hoạch) for an indicator, unit and disaggregation in a period:
/// the actual value, the yearly and five-year targets, and the percentage of each, as plain values a report writer
/// (Ktxh.Excel's report column <see cref="Ktxh.Indicators.Forms.FormColumnKind.PercentOfTarget"/>) or the CLI takes
/// without knowing the workflow. Immutable.
/// </summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="UnitCode">The reporting unit.</param>
/// <param name="Disaggregation">The canonical disaggregation key (empty for the total).</param>
/// <param name="Period">The period reported.</param>
/// <param name="Actual">The actual value compared (see <see cref="PlanCompletion"/> for which one), or null.</param>
/// <param name="YearlyTarget">The target of the period's year, or null.</param>
/// <param name="PercentOfYearlyTarget">Actual ÷ yearly target × 100, rounded (see <see cref="PlanCompletion"/>), or null.</param>
/// <param name="YearlyStatus">Why <paramref name="PercentOfYearlyTarget"/> is or is not given.</param>
/// <param name="PlanPeriodTarget">The target of the five-year plan containing the period's year, or null.</param>
/// <param name="PercentOfPlanPeriodTarget">Actual ÷ five-year target × 100, rounded, or null.</param>
/// <param name="PlanPeriodStatus">Why <paramref name="PercentOfPlanPeriodTarget"/> is or is not given.</param>
public sealed record PlanCompletionRow(
    string IndicatorCode,
    string UnitCode,
    string Disaggregation,
    ReportingPeriod Period,
    decimal? Actual,
    decimal? YearlyTarget,
    decimal? PercentOfYearlyTarget,
    PlanCompletionStatus YearlyStatus,
    decimal? PlanPeriodTarget,
    decimal? PercentOfPlanPeriodTarget,
    PlanCompletionStatus PlanPeriodStatus);
