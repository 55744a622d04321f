using System.CommandLine;
using System.Globalization;
using System.Text;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.Forms;
using Ktxh.Periods;
using Ktxh.Workflow;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh workflow plan assign|submit</c>: plan targets (lập, đăng ký, giao chỉ tiêu kế hoạch) as submissions of
/// their own kind (<see cref="SubmissionKind.PlanTarget"/>) with the same lifecycle as a report; the other steps take
/// <c>--plan</c>. The accepted targets feed the "% of plan" column (<see cref="WorkflowReports.PlanTargetsAsync"/>,
/// <c>ktxh excel report --plan-db</c>).
/// </summary>
internal sealed partial class WorkflowCommand
{
    /// <summary>The form code of the plan-target submissions the CLI creates: one per unit and year (KH = kế hoạch).</summary>
    internal const string PlanForm = "KH";

    private Command PlanCommand() => new("plan", "Plan targets (kế hoạch): yearly and five-year targets per indicator and unit, a submission of their own kind with the same lifecycle (approve, send, accept… take --plan).")
    {
        PlanAssignCommand(),
        PlanSubmitCommand(),
    };

    private static SubmissionId PlanId(string unit, int year) => new(PlanForm, unit, ReportingPeriod.Year(year), SubmissionKind.PlanTarget);

    private Command PlanAssignCommand()
    {
        var common = new Common();
        var year = new Option<int>("--year") { Description = "The plan year (e.g. 2026).", Required = true };
        var due = new Option<string>("--due") { Description = "The deadline for registering the targets (yyyy-MM-dd); a rest day or holiday moves to the next working day.", Required = true };
        var units = new Option<string>("--units") { Description = "The units, comma separated, or 'all' (default: all units in scope).", DefaultValueFactory = _ => "all" };
        var command = new Command("assign", "The province asks units for their plan targets of a year (giao lập kế hoạch): one plan submission per unit.") { year, due, units };
        common.AddTo(command, actorRequired: true);
        command.SetAction(parse => WithSession(parse, common, s =>
        {
            if (!TryPlanYear(parse.GetValue(year), out int y) || !TryUnits(s, parse.GetValue(units), out string[] unitCodes))
            {
                return InvalidInput;
            }

            string text = parse.GetValue(due)!.Trim();
            ParseResult<LocalDate> date = LocalDatePattern.Iso.Parse(text);
            if (!date.Success || date.Value.Year is < 2000 or > 2100)
            {
                return Fail(InvalidInput, $"--due: ngày '{text}' không hợp lệ (yyyy-MM-dd, ví dụ 2026-01-15)", $"--due: date '{text}' is not valid (yyyy-MM-dd, e.g. 2026-01-15)");
            }

            LocalDate effective = s.Engine.Calendar.NextWorkingDayOnOrAfter(date.Value);
            var assignments = unitCodes.Select(u => new Assignment(PlanId(u, y), s.Setup.Province, effective, date.Value) { Title = $"Kế hoạch năm {y}" }).ToArray();
            if (AssignAll(s, assignments) is var code and not 0)
            {
                return code;
            }

            cli.Out.WriteLine($"Đã giao lập kế hoạch / plan targets requested: năm / year {y}, {unitCodes.Length} đơn vị / units; hạn / due {effective.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.");
            return 0;
        }));
        return command;
    }

    private Command PlanSubmitCommand()
    {
        var common = new Common();
        var year = new Option<int>("--year") { Description = "The plan year (e.g. 2026).", Required = true };
        var values = new Option<FileInfo>("--values") { Description = "The targets, in the values CSV of 'ktxh aggregate': indicator,unit,period,value[,disaggregation,maturity,unit_of_measure]; period = the year for a yearly target, the plan period (2026-2030) for a five-year target.", Required = true };
        var draft = new Option<bool>("--draft") { Description = "Only save the targets as the draft revision; do not submit them to the leader." };
        var command = new Command("submit", "Enter plan targets from a CSV as the draft revision of each unit's plan for the year and submit them for approval (đăng ký chỉ tiêu kế hoạch).") { year, values, draft };
        common.AddTo(command, actorRequired: true);
        command.SetAction(parse => WithSession(parse, common, s =>
        {
            if (!TryPlanYear(parse.GetValue(year), out int y))
            {
                return InvalidInput;
            }

            FileInfo file = parse.GetValue(values)!;
            if (!TryReadValues(file, out AggregationInputs? inputs))
            {
                return InvalidInput;
            }

            IndicatorCatalogue catalogue = cli.Get<IndicatorCatalogue>();
            ReportingPeriod yearPeriod = ReportingPeriod.Year(y);
            var errors = new List<KtxhError>();
            var groups = new SortedDictionary<string, List<DataValue>>(StringComparer.Ordinal);
            for (int i = 0; i < inputs!.Count; i++)
            {
                AggregationInput v = inputs[i];
                ErrorLocation at = inputs.LocationOf(i);
                if (!s.Setup.Units.Contains(v.UnitCode, StringComparer.Ordinal))
                {
                    errors.Add(new KtxhError("UnknownUnit", at with { Field = "unit" }, $"Đơn vị '{v.UnitCode}' không thuộc chu trình", $"Unit '{v.UnitCode}' is not in the cycle"));
                    continue;
                }

                if (!catalogue.TryGet(v.IndicatorCode, out Indicator indicator))
                {
                    errors.Add(new KtxhError("UnknownIndicator", at with { Field = "indicator" }, $"Danh mục không có chỉ tiêu '{v.IndicatorCode}'", $"The catalogue has no indicator '{v.IndicatorCode}'"));
                    continue;
                }

                // A year's own value is its yearly target; the plan period containing the year carries the five-year target.
                FormColumnKind? column = v.Period == yearPeriod ? FormColumnKind.YearlyTarget
                    : v.Period.Type == PeriodType.MultiYear && v.Period.Start <= yearPeriod.Start && yearPeriod.End <= v.Period.End ? FormColumnKind.PlanPeriodTarget
                    : null;
                if (column is null)
                {
                    errors.Add(new KtxhError("NotAPlanPeriod", at with { Field = "period" },
                        $"Kỳ '{v.Period.Id}' không phải năm {y} (chỉ tiêu năm) hay giai đoạn kế hoạch chứa năm {y} (chỉ tiêu 5 năm, ví dụ {ReportingPeriod.Containing(new LocalDate(y, 1, 1), PeriodType.MultiYear).Id})",
                        $"Period '{v.Period.Id}' is neither the year {y} (yearly target) nor a plan period containing {y} (five-year target, e.g. {ReportingPeriod.Containing(new LocalDate(y, 1, 1), PeriodType.MultiYear).Id})"));
                    continue;
                }

                DataValue target = DataValue.Number(indicator.Code, v.UnitCode, v.Period, v.Value, v.Maturity) with
                {
                    Column = column.Value,
                    MeasureUnitCode = v.MeasureUnitCode,
                    Disaggregation = v.Disaggregation is { } d ? DisaggregationKey.Parse(d) : DisaggregationKey.Total,
                };
                (groups.TryGetValue(v.UnitCode, out var list) ? list : groups[v.UnitCode] = []).Add(target);
            }

            if (errors.Count > 0)
            {
                return Fail(InvalidInput, errors);
            }

            if (groups.Count == 0)
            {
                return Fail(InvalidInput, $"Tệp '{file.Name}' không có chỉ tiêu nào", $"File '{file.Name}' has no targets");
            }

            SubmissionId[] ids = [.. groups.Keys.Select(u => PlanId(u, y))];
            var contents = groups.ToDictionary(g => PlanId(g.Key, y), g => new SubmissionContent(g.Value));
            int entered = Step(s, ids, WorkflowTrigger.EnterValues, null, contents, quiet: !parse.GetValue(draft));
            return entered != 0 || parse.GetValue(draft) ? entered : Step(s, ids, WorkflowTrigger.SubmitForApproval, null);
        }));
        return command;
    }

    private bool TryPlanYear(int year, out int y)
    {
        y = year;
        if (year is < 2000 or > 2100)
        {
            Fail(InvalidInput, $"--year: năm {year} ngoài khoảng 2000–2100", $"--year: year {year} is outside 2000–2100");
            return false;
        }

        return true;
    }

    /// <summary>The plan submissions a step acts on: the years in <c>--period</c>, the units in <c>--unit</c>.</summary>
    private bool TryPlanTargets(Session s, string? form, string period, string? unit, out SubmissionId[] ids)
    {
        ids = [];
        if (form is not null)
        {
            Fail(InvalidInput, "--form: không dùng cùng --plan (kế hoạch không thuộc biểu nào của chu trình)", "--form: not with --plan (plans belong to no form of the cycle)");
            return false;
        }

        if (!TryPeriods(period, out ReportingPeriod[] periods) || !TryUnits(s, unit, out string[] units))
        {
            return false;
        }

        foreach (ReportingPeriod p in periods.Where(p => p.Type != PeriodType.Year).Take(1))
        {
            Fail(InvalidInput, $"--period: kế hoạch theo năm; '{p.Id}' không phải một năm (ví dụ 2026)", $"--period: plans are yearly; '{p.Id}' is not a year (e.g. 2026)");
            return false;
        }

        ids = [.. periods.SelectMany(p => units.Select(u => PlanId(u, p.Year)))];
        return true;
    }
}
