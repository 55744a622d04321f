using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// One accepted plan target: an indicator's target for a unit (and disaggregation) for a year or a five-year plan
/// period, taken from the accepted revision of a <see cref="SubmissionKind.PlanTarget"/> submission. Immutable.
/// </summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="UnitCode">The reporting unit the target is for.</param>
/// <param name="Disaggregation">The canonical disaggregation key (empty for the total).</param>
/// <param name="Period">The target's period: a year (<see cref="PlanTargetKind.Yearly"/>) or a multi-year plan
/// period (<see cref="PlanTargetKind.PlanPeriod"/>).</param>
/// <param name="Kind">Yearly or five-year.</param>
/// <param name="Value">The target value, exact.</param>
/// <param name="Source">The plan submission it comes from.</param>
/// <param name="AcceptedAt">When that submission's revision was accepted (the latest wins when two plans give the
/// same target).</param>
public sealed record PlanTarget(string IndicatorCode, string UnitCode, string Disaggregation, ReportingPeriod Period, PlanTargetKind Kind,
    decimal Value, SubmissionId Source, Instant AcceptedAt);
