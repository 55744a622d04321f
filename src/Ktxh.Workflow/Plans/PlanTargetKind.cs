namespace Ktxh.Workflow;

/// <summary>Which plan a target belongs to (giao chỉ tiêu kế hoạch: seed 002 "002-hanoi-ktxh-system-regulation.txt";
/// seed 001 "001-quang-nam-statistics-strategy-plan.txt").</summary>
public enum PlanTargetKind
{
    /// <summary>Kế hoạch năm: the target of one calendar year (a value of column
    /// <see cref="Ktxh.Indicators.Forms.FormColumnKind.YearlyTarget"/> for a year period).</summary>
    Yearly = 1,

    /// <summary>Kế hoạch giai đoạn: the target of the five-year plan (a value of column
    /// <see cref="Ktxh.Indicators.Forms.FormColumnKind.PlanPeriodTarget"/> for a multi-year period, e.g. 2026–2030).</summary>
    PlanPeriod = 2,
}
