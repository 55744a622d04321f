using Ktxh.Indicators;
using Ktxh.Indicators.Forms;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// Makes assignments (giao biểu) with their deadlines: a year of periodic forms for a list of units, ad hoc and
/// thematic requests with their own deadline, and plan targets (yearly and five-year). Deadlines come from each
/// form's <see cref="DeadlineRule"/> and the working calendar (Ktxh.Periods); a deadline on a rest day or holiday
/// moves to the next working day (QĐ 690/QĐ-UBND 2025 Điều 14.2, seed 002 "002-hanoi-ktxh-system-regulation.txt").
/// Thread-safe.
/// </summary>
public sealed class AssignmentPlanner
{
    /// <summary>Creates a planner.</summary>
    /// <param name="calendar">The working calendar; the Vietnamese civil service calendar when null.</param>
    public AssignmentPlanner(WorkingCalendar? calendar = null) => Calendar = calendar ?? WorkingCalendar.VietnamCivilService;

    /// <summary>The working calendar.</summary>
    public WorkingCalendar Calendar { get; }

    /// <summary>
    /// Every assignment of a year: for each unit, each form that applies to it, each period of the form's type in the
    /// year, with the deadline of the form's rule and cut-off convention.
    /// </summary>
    /// <param name="year">The year.</param>
    /// <param name="forms">The forms (each needs a deadline rule and a period type with a yearly schedule).</param>
    /// <param name="units">The units and whom they report to.</param>
    /// <param name="regime">The regime of the assignments (<see cref="Assignment.Regime"/>).</param>
    /// <returns>The assignments ordered by unit, form and period, or every form that cannot be assigned.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public KtxhResult<IReadOnlyList<Assignment>> ForYear(int year, IEnumerable<ReportForm> forms, IEnumerable<AssignedUnit> units,
        string regime = WorkflowPolicy.DefaultName)
    {
        ArgumentNullException.ThrowIfNull(forms);
        ArgumentNullException.ThrowIfNull(units);
        var errors = new List<KtxhError>();
        var schedules = new List<(ReportForm Form, IReadOnlyList<ScheduleEntry> Entries)>();
        foreach (ReportForm form in forms)
        {
            ErrorLocation at = ErrorLocation.AtField(form.Code);
            if (form.Deadline is not { } rule)
            {
                errors.Add(KtxhError.Create(WorkflowErrorCode.FormNotAssignable, at,
                    $"Biểu {form.Code} không có quy tắc thời hạn.", $"Form {form.Code} has no deadline rule."));
                continue;
            }

            if (form.PeriodType == PeriodType.MultiYear)
            {
                errors.Add(KtxhError.Create(WorkflowErrorCode.FormNotAssignable, at,
                    $"Biểu {form.Code} theo kỳ nhiều năm: giao bằng PlanTargets.", $"Form {form.Code} is multi-year: assign it with PlanTargets."));
                continue;
            }

            try
            {
                schedules.Add((form, ReportingSchedule.For(year, form.PeriodType, rule, Calendar, form.Cutoff)));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                errors.Add(KtxhError.Create(WorkflowErrorCode.FormNotAssignable, at,
                    $"Biểu {form.Code}: không tính được thời hạn năm {year} (ngoài phạm vi của lịch làm việc, hoặc quy tắc hạn không áp dụng cho kỳ {form.PeriodType}).",
                    $"Form {form.Code}: no deadlines for {year} (outside the working calendar's range, or the deadline rule does not apply to {form.PeriodType} periods)."));
            }
        }

        if (errors.Count > 0)
        {
            return KtxhResult<IReadOnlyList<Assignment>>.ForErrors(errors);
        }

        var list = new List<Assignment>();
        foreach (AssignedUnit unit in units.OrderBy(u => u.UnitCode, StringComparer.Ordinal))
        {
            foreach (var (form, entries) in schedules.OrderBy(s => s.Form.Code, StringComparer.Ordinal))
            {
                if (unit.FormCodes is { } only && !only.Contains(form.Code))
                {
                    continue;
                }

                foreach (ScheduleEntry entry in entries)
                {
                    list.Add(new Assignment(new SubmissionId(form.Code, unit.UnitCode, entry.Period), unit.ReceivingUnitCode,
                        entry.Deadline.Effective, entry.Deadline.Nominal)
                    { DeadlineRuleId = entry.Deadline.Rule.Id, Regime = regime });
                }
            }
        }

        return KtxhResult.ForValue<IReadOnlyList<Assignment>>(list);
    }

    /// <summary>
    /// An ad hoc or thematic request (seed 002 Điều 14.3: ad hoc reports follow the aggregating unit's request) with
    /// its own deadline, moved to the next working day when it is not one.
    /// </summary>
    /// <param name="requestCode">The request's code (used as the form code).</param>
    /// <param name="title">The request's title.</param>
    /// <param name="unitCode">The reporting unit.</param>
    /// <param name="receivingUnitCode">The requesting unit.</param>
    /// <param name="period">The period the request covers.</param>
    /// <param name="due">The deadline set by the request.</param>
    /// <param name="kind"><see cref="SubmissionKind.AdHoc"/> or <see cref="SubmissionKind.Thematic"/>.</param>
    /// <param name="regime">The regime.</param>
    /// <returns>The assignment.</returns>
    /// <exception cref="ArgumentException">The kind is not ad hoc or thematic, or a code is invalid.</exception>
    public Assignment Request(string requestCode, string title, string unitCode, string receivingUnitCode, ReportingPeriod period, LocalDate due,
        SubmissionKind kind = SubmissionKind.AdHoc, string regime = WorkflowPolicy.DefaultName)
    {
        if (kind is not (SubmissionKind.AdHoc or SubmissionKind.Thematic))
        {
            throw new ArgumentException("Chỉ báo cáo đột xuất hoặc chuyên đề. / Ad hoc or thematic only.", nameof(kind));
        }

        return new Assignment(new SubmissionId(requestCode, unitCode, period, kind), receivingUnitCode, Calendar.NextWorkingDayOnOrAfter(due), due)
        { Title = title, Regime = regime };
    }

    /// <summary>
    /// The assignment of plan targets (lập, đăng ký, giao chỉ tiêu kế hoạch) for a year or a five-year plan period
    /// (seed 002; seed 001 "001-quang-nam-statistics-strategy-plan.txt"): a submission of kind
    /// <see cref="SubmissionKind.PlanTarget"/> with the same lifecycle as a report.
    /// </summary>
    /// <param name="formCode">The plan form's code.</param>
    /// <param name="unitCode">The unit registering targets.</param>
    /// <param name="receivingUnitCode">The unit that approves the targets.</param>
    /// <param name="period">A year (<c>2026</c>) or a multi-year plan period (<c>2026-2030</c>).</param>
    /// <param name="due">The deadline for registering, moved to the next working day when it is not one.</param>
    /// <param name="regime">The regime.</param>
    /// <returns>The assignment, or <see cref="WorkflowErrorCode.InvalidArgument"/> when the period is neither.</returns>
    public KtxhResult<Assignment> PlanTargets(string formCode, string unitCode, string receivingUnitCode, ReportingPeriod period, LocalDate due,
        string regime = WorkflowPolicy.DefaultName)
    {
        if (period.Type is not (PeriodType.Year or PeriodType.MultiYear))
        {
            return KtxhResult<Assignment>.ForError(KtxhError.Create(WorkflowErrorCode.InvalidArgument, ErrorLocation.AtField(period.Id),
                $"Chỉ tiêu kế hoạch giao theo năm hoặc giai đoạn nhiều năm, không theo kỳ {period.Id}.",
                $"Plan targets are for a year or a multi-year period, not {period.Id}."));
        }

        return KtxhResult.ForValue(new Assignment(new SubmissionId(formCode, unitCode, period, SubmissionKind.PlanTarget), receivingUnitCode,
            Calendar.NextWorkingDayOnOrAfter(due), due) { Regime = regime });
    }
}
