using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Excel;

/// <summary>
/// Whether a unit met its deadline, as the progress sheet shows it. The same five outcomes as a workflow's timeliness
/// (seed 002 "002-hanoi-ktxh-system-regulation.txt" Điều 19.4: units that do not report, or report late, are reported to
/// the People's Committee); this package does not reference Ktxh.Workflow, so a host maps its own status onto this one.
/// </summary>
public enum ProgressStatus
{
    /// <summary>Chưa đến hạn: not sent, and the deadline has not passed.</summary>
    NotYetDue = 1,

    /// <summary>Đúng hạn: sent on or before the deadline.</summary>
    OnTime = 2,

    /// <summary>Trễ hạn: sent after the deadline.</summary>
    Late = 3,

    /// <summary>Chưa gửi (quá hạn): not sent, and the deadline has passed.</summary>
    Missing = 4,

    /// <summary>Không tính: cancelled or withdrawn, not counted.</summary>
    NotApplicable = 5,
}

/// <summary>One unit's line of a <see cref="ProgressSheet"/>. Immutable.</summary>
public sealed record ProgressSheetRow
{
    /// <summary>Gets the reporting unit's code (written as text: leading zeros kept).</summary>
    public required string UnitCode { get; init; }

    /// <summary>Gets the reporting unit's name, if known.</summary>
    public string? UnitName { get; init; }

    /// <summary>Gets the state of the unit's report in words (such as "Đã tiếp nhận"), as the host names it.</summary>
    public required string State { get; init; }

    /// <summary>Gets when the report was sent, in the reporting system's local time, or <see langword="null"/> when it was not.</summary>
    public LocalDateTime? SentAt { get; init; }

    /// <summary>Gets the effective deadline (moved off rest days and holidays), if any.</summary>
    public LocalDate? Deadline { get; init; }

    /// <summary>Gets the working days late (a late report: up to the day sent; a missing one: up to the sheet's day); 0 otherwise.</summary>
    public int WorkingDaysLate { get; init; }

    /// <summary>Gets whether the unit met its deadline.</summary>
    public required ProgressStatus Status { get; init; }

    /// <summary>Gets a note (a reason for returning, a contact), if any.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// The progress and timeliness sheet of an aggregator for one form and period (seed 002 Điều 10.2: the aggregator follows
/// every unit's progress and exports per-unit statistics): one row per unit and the totals per status. A neutral input:
/// a host (the CLI) composes it from Ktxh.Workflow's progress report; this package does not reference Ktxh.Workflow.
/// Immutable.
/// </summary>
public sealed record ProgressSheet
{
    /// <summary>Gets the title (default "TIẾN ĐỘ VÀ TÌNH HÌNH GỬI BÁO CÁO").</summary>
    public string Title { get; init; } = "TIẾN ĐỘ VÀ TÌNH HÌNH GỬI BÁO CÁO";

    /// <summary>Gets the form's code.</summary>
    public required string FormCode { get; init; }

    /// <summary>Gets the form's name, if known.</summary>
    public string? FormName { get; init; }

    /// <summary>Gets the reporting period.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>Gets the aggregating unit (code and name as it should be printed).</summary>
    public required string ReceivingUnit { get; init; }

    /// <summary>Gets the day the sheet describes.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Gets the rows, one per reporting unit, in the order they are printed.</summary>
    public required IReadOnlyList<ProgressSheetRow> Rows { get; init; }

    /// <summary>Gets the sheet name (default "Tiến độ").</summary>
    public string SheetName { get; init; } = "Tiến độ";

    /// <summary>Gets the number of units per status (every status present, zero when none).</summary>
    public IReadOnlyDictionary<ProgressStatus, int> CountByStatus =>
        Enum.GetValues<ProgressStatus>().ToDictionary(s => s, s => Rows.Count(r => r.Status == s));

    /// <summary>
    /// Gets on-time reports as a share of those due (on time, late and missing), rounded to 4 decimals, or
    /// <see langword="null"/> when none is due yet.
    /// </summary>
    public decimal? OnTimeRate
    {
        get
        {
            int onTime = Rows.Count(r => r.Status == ProgressStatus.OnTime);
            int due = Rows.Count(r => r.Status is ProgressStatus.OnTime or ProgressStatus.Late or ProgressStatus.Missing);
            return due == 0 ? null : decimal.Round((decimal)onTime / due, 4);
        }
    }

    /// <summary>The Vietnamese words for a status, as printed in the sheet.</summary>
    /// <param name="status">The status.</param>
    /// <returns>"Đúng hạn", "Trễ hạn", "Chưa gửi (quá hạn)", "Chưa đến hạn" or "Không tính".</returns>
    public static string Vietnamese(ProgressStatus status) => status switch
    {
        ProgressStatus.OnTime => "Đúng hạn",
        ProgressStatus.Late => "Trễ hạn",
        ProgressStatus.Missing => "Chưa gửi (quá hạn)",
        ProgressStatus.NotYetDue => "Chưa đến hạn",
        ProgressStatus.NotApplicable => "Không tính",
        _ => status.ToString(),
    };
}
