namespace Ktxh.Workflow;

/// <summary>
/// The kind of report a submission is (Decree 09/2019/NĐ-CP Art. 4; QĐ 690/QĐ-UBND 2025 Điều 13–14, seed 002
/// "002-hanoi-ktxh-system-regulation.txt"). Every kind goes through the same lifecycle.
/// </summary>
public enum SubmissionKind
{
    /// <summary>A periodic report (báo cáo định kỳ) of an assigned form.</summary>
    Periodic = 1,

    /// <summary>A thematic report (báo cáo chuyên đề), requested with its own deadline.</summary>
    Thematic = 2,

    /// <summary>An ad hoc report (báo cáo đột xuất), requested by the aggregating unit with its own deadline
    /// (seed 002 Điều 14.3).</summary>
    AdHoc = 3,

    /// <summary>Plan targets (lập, đăng ký, giao chỉ tiêu kế hoạch): yearly or five-year targets per indicator and
    /// unit (seed 002; seed 001 "001-quang-nam-statistics-strategy-plan.txt").</summary>
    PlanTarget = 4,
}
