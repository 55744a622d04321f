using System.CommandLine;
using System.Text;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Workflow;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.DataValues;

namespace Ktxh.Cli.Commands;

/// <summary><c>ktxh workflow submit|approve|reject|send|accept|return|reopen</c>: lifecycle steps on submissions.</summary>
internal sealed partial class WorkflowCommand
{
    /// <summary>The submissions a step acts on: <c>--form</c>, <c>--period</c> and <c>--unit</c>.</summary>
    private sealed class Targets
    {
        public Option<string?> Form { get; } = new("--form") { Description = "The form (default: the cycle's only form)." };

        public Option<string> Period { get; } = new("--period") { Description = "The period(s), comma separated (e.g. 2026-M10).", Required = true };

        public Option<string?> Unit { get; } = new("--unit") { Description = "The unit(s), comma separated, or 'all' (default: the acting account's own unit)." };

        public Option<bool> Plan { get; } = new("--plan") { Description = "Act on the plan-target submissions (kế hoạch) of the years in --period (e.g. --period 2026) instead of a form's reports." };

        public void AddTo(Command command)
        {
            command.Options.Add(Plan);
            command.Options.Add(Form);
            command.Options.Add(Period);
            command.Options.Add(Unit);
        }
    }

    private Command TransitionCommand(string name, string description, WorkflowTrigger trigger, bool reasonRequired)
    {
        var common = new Common();
        var targets = new Targets();
        var reason = new Option<string?>("--reason") { Description = "The reason (required to reject or return).", Required = reasonRequired };
        var command = new Command(name, description) { reason };
        targets.AddTo(command);
        common.AddTo(command, actorRequired: true);
        command.SetAction(parse => WithSession(parse, common, s =>
            TryTargets(s, parse, targets, out SubmissionId[] ids) ? Step(s, ids, trigger, parse.GetValue(reason)) : InvalidInput));
        return command;
    }

    private Command ReopenCommand()
    {
        var common = new Common();
        var targets = new Targets();
        var reason = new Option<string?>("--reason") { Description = "The reason: required to request a reopening, optional to grant (the request's reason is kept)." };
        var grant = new Option<bool>("--grant") { Description = "The province's aggregator grants the unit's request (back to draft in a new revision)." };
        var command = new Command("reopen", "Reopen an accepted report: the unit's leader requests it with a reason; the aggregator grants it with --grant.") { reason, grant };
        targets.AddTo(command);
        common.AddTo(command, actorRequired: true);
        command.SetAction(parse => WithSession(parse, common, s =>
        {
            bool granting = parse.GetValue(grant);
            string? why = parse.GetValue(reason);
            if (!granting && why is null)
            {
                return Fail(InvalidInput, "--reason: phải nêu lý do đề nghị mở lại", "--reason: a reopening request needs a reason");
            }

            return TryTargets(s, parse, targets, out SubmissionId[] ids)
                ? Step(s, ids, granting ? WorkflowTrigger.GrantReopen : WorkflowTrigger.RequestReopen, why)
                : InvalidInput;
        }));
        return command;
    }

    private Command SubmitCommand()
    {
        var common = new Common();
        var form = new Option<string?>("--form") { Description = "The form the values belong to (default: the cycle's form that lists each value's indicator)." };
        var values = new Option<FileInfo>("--values") { Description = "The values CSV of 'ktxh aggregate' (docs/aggregation-csv.md): indicator,unit,period,value[,disaggregation,maturity,unit_of_measure].", Required = true };
        var draft = new Option<bool>("--draft") { Description = "Only save the values as the draft revision; do not submit them to the leader." };
        var command = new Command("submit", "Enter values from a CSV as the draft revision of their submissions and submit them for approval (nhập liệu, trình duyệt).") { form, values, draft };
        common.AddTo(command, actorRequired: true);
        command.SetAction(parse => WithSession(parse, common, s =>
        {
            FileInfo file = parse.GetValue(values)!;
            if (!TryReadValues(file, out AggregationInputs? inputs))
            {
                return InvalidInput;
            }

            ReportForm? only = null;
            if (parse.GetValue(form) is { } code && !TryForm(s, code, out only))
            {
                return InvalidInput;
            }

            IndicatorCatalogue catalogue = cli.Get<IndicatorCatalogue>();
            ReportForm[] forms = only is not null ? [only] : s.Setup.Forms.Select(f => catalogue.TryGetForm(f, out ReportForm rf) ? rf : null).OfType<ReportForm>().ToArray();
            var errors = new List<KtxhError>();
            var groups = new Dictionary<SubmissionId, List<DataValue>>();
            for (int i = 0; i < inputs!.Count; i++)
            {
                AggregationInput v = inputs[i];
                ErrorLocation at = inputs.LocationOf(i);
                if (!s.Setup.Units.Contains(v.UnitCode, StringComparer.Ordinal))
                {
                    errors.Add(new KtxhError("UnknownUnit", at with { Field = "unit" }, $"Đơn vị '{v.UnitCode}' không thuộc chu trình", $"Unit '{v.UnitCode}' is not in the cycle"));
                    continue;
                }

                ReportForm[] owners = forms.Where(f => f.Rows.Any(r => r.IndicatorCode == v.IndicatorCode)).ToArray();
                if (owners.Length != 1)
                {
                    errors.Add(new KtxhError(owners.Length == 0 ? "UnknownIndicator" : "AmbiguousForm", at with { Field = "indicator" },
                        owners.Length == 0 ? $"Chỉ tiêu '{v.IndicatorCode}' không có trong biểu nào của chu trình" : $"Chỉ tiêu '{v.IndicatorCode}' có trong nhiều biểu; hãy nêu --form",
                        owners.Length == 0 ? $"Indicator '{v.IndicatorCode}' is on no form of the cycle" : $"Indicator '{v.IndicatorCode}' is on several forms; name --form"));
                    continue;
                }

                DataValue value = DataValue.Number(v.IndicatorCode, v.UnitCode, v.Period, v.Value, v.Maturity) with
                {
                    MeasureUnitCode = v.MeasureUnitCode,
                    Disaggregation = v.Disaggregation is { } d ? DisaggregationKey.Parse(d) : DisaggregationKey.Total,
                };
                var id = new SubmissionId(owners[0].Code, v.UnitCode, v.Period);
                (groups.TryGetValue(id, out var list) ? list : groups[id] = []).Add(value);
            }

            if (errors.Count > 0)
            {
                return Fail(InvalidInput, errors);
            }

            if (groups.Count == 0)
            {
                return Fail(InvalidInput, $"Tệp '{file.Name}' không có giá trị nào", $"File '{file.Name}' has no values");
            }

            var contents = groups.ToDictionary(g => g.Key, g => new SubmissionContent(g.Value));
            int code2 = Step(s, [.. groups.Keys.OrderBy(k => k.StreamId, StringComparer.Ordinal)], WorkflowTrigger.EnterValues, null, contents, quiet: !parse.GetValue(draft));
            if (code2 != 0 || parse.GetValue(draft))
            {
                return code2;
            }

            return Step(s, [.. groups.Keys.OrderBy(k => k.StreamId, StringComparer.Ordinal)], WorkflowTrigger.SubmitForApproval, null);
        }));
        return command;
    }

    private bool TryTargets(Session s, ParseResult parse, Targets targets, out SubmissionId[] ids)
    {
        ids = [];
        if (parse.GetValue(targets.Plan))
        {
            return TryPlanTargets(s, parse.GetValue(targets.Form), parse.GetValue(targets.Period)!, parse.GetValue(targets.Unit), out ids);
        }

        if (!TryForm(s, parse.GetValue(targets.Form), out ReportForm? form) || !TryPeriods(parse.GetValue(targets.Period)!, out ReportingPeriod[] periods)
            || !TryUnits(s, parse.GetValue(targets.Unit), out string[] units))
        {
            return false;
        }

        ids = [.. periods.SelectMany(p => units.Select(u => new SubmissionId(form!.Code, u, p)))];
        return true;
    }

    /// <summary>
    /// Checks <paramref name="trigger"/> on every submission with the engine's dry run
    /// (<see cref="WorkflowEngine.CheckAsync"/>: the lifecycle table, its guards, locks, the entry window), then
    /// executes the same commands; if any is refused, nothing is written and every reason is printed.
    /// </summary>
    private int Step(Session s, SubmissionId[] ids, WorkflowTrigger trigger, string? reason, IReadOnlyDictionary<SubmissionId, SubmissionContent>? contents = null,
        bool quiet = false)
    {
        Actor actor = s.Acting;
        var errors = new List<KtxhError>();
        var commands = new List<Ktxh.Workflow.WorkflowCommand>(ids.Length);
        foreach (SubmissionId id in ids)
        {
            KtxhResult<Submission> loaded = s.Engine.GetAsync(id).GetAwaiter().GetResult();
            if (!loaded.TryGetValue(out Submission? submission))
            {
                errors.AddRange(loaded.Errors);
                continue;
            }

            // The version the check saw: a change by another process before the write is then a conflict.
            var command = new Ktxh.Workflow.WorkflowCommand(CommandId(id, submission.Version, trigger, actor.UserName), id, actor, trigger)
            {
                Reason = reason,
                Content = contents?.GetValueOrDefault(id),
                ExpectedVersion = submission.Version,
            };
            KtxhResult<Submission> check = s.Engine.CheckAsync(command).GetAwaiter().GetResult();
            if (!check.Success)
            {
                errors.AddRange(check.Errors);
                continue;
            }

            commands.Add(command);
        }

        if (errors.Count > 0)
        {
            return Fail(Refused, errors);
        }

        var done = new List<Submission>();
        foreach (Ktxh.Workflow.WorkflowCommand command in commands)
        {
            KtxhResult<Submission> result = s.Engine.ExecuteAsync(command).GetAwaiter().GetResult();
            if (!result.Success)
            {
                // Only reachable when another process changed a submission between the check and the write.
                return Fail(Refused, result.Errors);
            }

            done.Add(result.Value);
        }

        if (!quiet)
        {
            foreach (Submission x in done)
            {
                cli.Out.WriteLine($"{x.Id}: {RoleNames.Vietnamese(x.State)} / {x.State}, bản / revision {x.CurrentRevision?.Number ?? 0}, phiên bản / version {x.Version}");
            }
        }

        return 0;
    }
}
