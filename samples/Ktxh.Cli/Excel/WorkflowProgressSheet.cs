using Ktxh.Excel;
using Ktxh.Workflow;
using NodaTime;

namespace Ktxh.Cli.Excel;

/// <summary>
/// Composes Ktxh.Workflow's progress report into Ktxh.Excel's neutral progress sheet (Ktxh.Excel does not reference
/// Ktxh.Workflow; the host maps one onto the other): states in Vietnamese, sent times in the engine's time zone, the
/// timeliness status one to one.
/// </summary>
internal static class WorkflowProgressSheet
{
    /// <summary>Maps a progress report onto the sheet.</summary>
    /// <param name="report">The workflow's progress report.</param>
    /// <param name="receivingUnit">The aggregating unit as printed (code and name).</param>
    /// <param name="unitName">Names a reporting unit by code (null when unknown).</param>
    /// <param name="formName">The form's name, if known.</param>
    /// <param name="zone">The time zone sent times are shown in (the engine's, Asia/Ho_Chi_Minh by default).</param>
    public static ProgressSheet From(ProgressReport report, string receivingUnit, Func<string, string?> unitName, string? formName, DateTimeZone? zone = null)
    {
        zone ??= DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];
        return new ProgressSheet
        {
            FormCode = report.FormCode,
            FormName = formName,
            Period = report.Period,
            ReceivingUnit = receivingUnit,
            AsOf = report.AsOf,
            Rows = report.Rows.Select(r => new ProgressSheetRow
            {
                UnitCode = r.UnitCode,
                UnitName = unitName(r.UnitCode),
                State = StateVi(r.State),
                SentAt = r.SentAt?.InZone(zone).LocalDateTime,
                Deadline = r.Timeliness.DueDate,
                WorkingDaysLate = r.Timeliness.WorkingDaysLate,
                Status = Status(r.Timeliness.Status),
                Note = r.Revision > 1 ? $"Bản sửa đổi {r.Revision}" : null,
            }).ToArray(),
        };
    }

    /// <summary>The Vietnamese words for a submission state (seed 002 Điều 10–11: nhập liệu, phê duyệt, gửi, tiếp nhận).</summary>
    public static string StateVi(SubmissionState state) => state switch
    {
        SubmissionState.NotStarted => "Chưa nhập",
        SubmissionState.Draft => "Đang nhập",
        SubmissionState.AwaitingApproval => "Chờ phê duyệt",
        SubmissionState.Approved => "Đã phê duyệt, chờ gửi",
        SubmissionState.Sent => "Đã gửi",
        SubmissionState.Received => "Đã tiếp nhận, chờ duyệt",
        SubmissionState.Accepted => "Đã tiếp nhận",
        SubmissionState.ReopenRequested => "Đề nghị mở lại",
        SubmissionState.Cancelled => "Đã hủy giao",
        SubmissionState.Withdrawn => "Đã rút",
        _ => state.ToString(),
    };

    private static ProgressStatus Status(TimelinessStatus status) => status switch
    {
        TimelinessStatus.OnTime => ProgressStatus.OnTime,
        TimelinessStatus.Late => ProgressStatus.Late,
        TimelinessStatus.Missing => ProgressStatus.Missing,
        TimelinessStatus.NotYetDue => ProgressStatus.NotYetDue,
        _ => ProgressStatus.NotApplicable,
    };
}
