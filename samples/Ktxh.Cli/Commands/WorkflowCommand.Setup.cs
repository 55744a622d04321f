using System.CommandLine;
using System.Globalization;
using System.Text;
using Ktxh.Cli.Cycle;
using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Workflow;
using NodaTime;
using NodaTime.Text;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Indicators.Forms;

namespace Ktxh.Cli.Commands;

/// <summary><c>ktxh workflow init</c> and <c>ktxh workflow assign</c>.</summary>
internal sealed partial class WorkflowCommand
{
    private const string DefaultDeadlineRule = "day-of-month-after:12";

    private Command InitCommand()
    {
        var common = new Common();
        var province = new Option<string>("--province") { Description = "The province that assigns and receives (2-digit code after 1/7/2025), e.g. 37.", Required = true };
        var year = new Option<int>("--year") { Description = "The year of the cycle.", Required = true };
        var forms = new Option<string?>("--forms") { Description = "The forms of the cycle, comma separated (default: every form of the built-in catalogue)." };
        var units = new Option<string?>("--units") { Description = "The units in scope, comma separated (default: every commune of the province on the last day of the year)." };
        var actors = new Option<FileInfo?>("--actors") { Description = "Extra accounts, CSV user,unit,roles[,forms] (roles and forms joined by '+', e.g. DataEntry+Approver)." };
        var command = new Command("init", "Create (or migrate) the cycle's SQLite file and record the set-up and the accounts.") { province, year, forms, units, actors };
        common.AddTo(command, actorRequired: null);
        command.SetAction(parse => Guarded(() =>
        {
            KtxhResult<IClock> clock = CycleClock.Resolve(parse.GetValue(common.At));
            if (!clock.Success)
            {
                return Fail(InvalidInput, clock.Errors);
            }

            int y = parse.GetValue(year);
            if (y is < 2000 or > 2100)
            {
                return Fail(InvalidInput, $"--year: năm {y} ngoài khoảng 2000–2100", $"--year: year {y} is outside 2000–2100");
            }

            string code = parse.GetValue(province)!.Trim();
            AdministrativeHierarchy hierarchy = cli.Get<ReportingUnitDirectory>().AsOf(new LocalDate(y, 12, 31));
            if (hierarchy.Find(code) is not { Kind: ReportingUnitKind.Province })
            {
                return Fail(InvalidInput, $"--province: không có tỉnh mã '{code}' năm {y}", $"--province: no province with code '{code}' in {y}");
            }

            string[] communes = hierarchy.CommunesOf(code).Select(u => u.Code).ToArray();
            string[] scope = communes;
            if (parse.GetValue(units) is { } list)
            {
                scope = Split(list);
                string[] unknown = scope.Where(u => !communes.Contains(u, StringComparer.Ordinal)).ToArray();
                if (scope.Length == 0 || unknown.Length > 0)
                {
                    return Fail(InvalidInput, $"--units: không phải xã của tỉnh {code}: {string.Join(", ", unknown)}", $"--units: not communes of province {code}: {string.Join(", ", unknown)}");
                }
            }

            IndicatorCatalogue catalogue = cli.Get<IndicatorCatalogue>();
            string[] formCodes = catalogue.Forms.Select(f => f.Code).ToArray();
            if (parse.GetValue(forms) is { } formList)
            {
                formCodes = Split(formList);
                string[] unknown = formCodes.Where(f => !catalogue.TryGetForm(f, out _)).ToArray();
                if (formCodes.Length == 0 || unknown.Length > 0)
                {
                    return Fail(InvalidInput, $"--forms: danh mục không có biểu {string.Join(", ", unknown)}", $"--forms: the catalogue has no form {string.Join(", ", unknown)}");
                }

                formCodes = formCodes.Select(f => catalogue.GetForm(f).Code).ToArray();
            }

            var setup = new CycleSetup(code, y, formCodes.Distinct(StringComparer.Ordinal).ToArray(), scope.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray());
            var accounts = setup.BuiltInAccounts().ToList();
            if (parse.GetValue(actors) is { } actorsFile)
            {
                KtxhResult<IReadOnlyList<Actor>> extra = ReadActors(actorsFile, setup, accounts.Select(a => a.UserName).ToHashSet(StringComparer.Ordinal));
                if (!extra.Success)
                {
                    return Fail(InvalidInput, extra.Errors);
                }

                accounts.AddRange(extra.Value);
            }

            string path = parse.GetValue(common.Db)!;
            string createdAt = InstantPattern.ExtendedIso.Format(clock.Value.GetCurrentInstant());
            KtxhResult<CycleFile> created = CycleFile.Create(path, setup, accounts, createdAt);
            if (!created.Success)
            {
                return Fail(created.Errors[0].Code == "AlreadyInitialised" ? Refused : InvalidInput, created.Errors);
            }

            cli.Out.WriteLine($"Đã khởi tạo / initialised {path}: tỉnh / province {code}, năm / year {y}, {setup.Forms.Count} biểu / forms, {setup.Units.Count} đơn vị / units, {accounts.Count} tài khoản / accounts.");
            cli.Out.WriteLine($"Tài khoản / accounts: tonghop_{code} (tổng hợp / aggregator); nhaplieu_<xã>, lanhdao_<xã>, vanthu_<xã> (nhập liệu, phê duyệt, gửi / data entry, approver, sender).");
            return 0;
        }));
        return command;
    }

    private static KtxhResult<IReadOnlyList<Actor>> ReadActors(FileInfo file, CycleSetup setup, HashSet<string> taken)
    {
        var errors = new List<KtxhError>();
        var actors = new List<Actor>();
        if (!file.Exists)
        {
            return KtxhResult<IReadOnlyList<Actor>>.ForError(new KtxhError("FileNotFound", ErrorLocation.None.WithSource(file.Name),
                $"Không tìm thấy tệp '{file.FullName}'", $"File '{file.FullName}' not found"));
        }

        string[] lines = File.ReadAllLines(file.FullName, Encoding.UTF8);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || (i == 0 && line.StartsWith("user", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            ErrorLocation at = ErrorLocation.AtLine(i + 1).WithSource(file.Name);
            string[] cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length is < 3 or > 4)
            {
                errors.Add(new KtxhError("FieldCount", at, "Cần 3 hoặc 4 cột: user,unit,roles[,forms]", "Expected 3 or 4 columns: user,unit,roles[,forms]"));
                continue;
            }

            WorkflowRole roles = WorkflowRole.None;
            foreach (string role in cells[2].Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse(role, ignoreCase: true, out WorkflowRole r) || !Enum.IsDefined(r) || int.TryParse(role, out _))
                {
                    errors.Add(new KtxhError("InvalidRole", at with { Field = "roles" }, $"Vai trò '{role}' không hợp lệ (DataEntry, Approver, Sender, Aggregator, Administrator, Viewer)",
                        $"Role '{role}' is not valid (DataEntry, Approver, Sender, Aggregator, Administrator, Viewer)"));
                    continue;
                }

                roles |= r;
            }

            if (cells[1] != setup.Province && !setup.Units.Contains(cells[1], StringComparer.Ordinal))
            {
                errors.Add(new KtxhError("UnknownUnit", at with { Field = "unit" }, $"Đơn vị '{cells[1]}' không thuộc chu trình", $"Unit '{cells[1]}' is not in the cycle"));
                continue;
            }

            if (cells[0].Length == 0 || !taken.Add(cells[0]))
            {
                errors.Add(new KtxhError("DuplicateAccount", at with { Field = "user" }, $"Tài khoản '{cells[0]}' trống hoặc trùng", $"Account '{cells[0]}' is empty or repeated"));
                continue;
            }

            string[] forms = cells.Length == 4 ? cells[3].Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            actors.Add(new Actor(cells[0], cells[1], roles, forms));
        }

        return errors.Count > 0 ? KtxhResult<IReadOnlyList<Actor>>.ForErrors(errors) : KtxhResult.ForValue<IReadOnlyList<Actor>>(actors);
    }

    private Command AssignCommand()
    {
        var common = new Common();
        var form = new Option<string?>("--form") { Description = "The form (default: the cycle's only form)." };
        var periods = new Option<string>("--periods") { Description = "The periods, comma separated (e.g. 2026-M10,2026-M11).", Required = true };
        var units = new Option<string>("--units") { Description = "The units, comma separated, or 'all' (default: all units in scope).", DefaultValueFactory = _ => "all" };
        var rule = new Option<string?>("--deadline-rule") { Description = $"The deadline rule when the form has none (default {DefaultDeadlineRule}); moved to a working day by the calendar." };
        var command = new Command("assign", "Assign a form to units for periods (giao biểu), with deadlines from the working calendar.") { form, periods, units, rule };
        common.AddTo(command, actorRequired: true);
        command.SetAction(parse => WithSession(parse, common, s =>
        {
            if (!TryForm(s, parse.GetValue(form), out ReportForm? reportForm) || !TryPeriods(parse.GetValue(periods)!, out ReportingPeriod[] list, "--periods")
                || !TryUnits(s, parse.GetValue(units), out string[] unitCodes))
            {
                return InvalidInput;
            }

            foreach (ReportingPeriod w in list.Where(p => p.Type != reportForm!.PeriodType || p.Year != s.Setup.Year).Take(1))
            {
                return Fail(InvalidInput, $"--periods: kỳ {w.Id} không phải kỳ {reportForm!.PeriodType} của năm {s.Setup.Year} (biểu {reportForm.Code})",
                    $"--periods: {w.Id} is not a {reportForm!.PeriodType} period of {s.Setup.Year} (form {reportForm.Code})");
            }

            DeadlineRule deadlineRule;
            if (reportForm!.Deadline is { } own && parse.GetValue(rule) is null)
            {
                deadlineRule = own;
            }
            else
            {
                KtxhResult<DeadlineRule> parsed = DeadlineRule.ParseWithResult(parse.GetValue(rule) ?? DefaultDeadlineRule);
                if (!parsed.Success)
                {
                    return Fail(InvalidInput, parsed.Errors.Select(e => e with { Location = e.Location.WithField("--deadline-rule") }));
                }

                deadlineRule = parsed.Value;
            }

            var assignments = new List<Assignment>();
            foreach (ReportingPeriod period in list)
            {
                Deadline deadline = deadlineRule.Resolve(period, s.Engine.Calendar, reportForm.Cutoff ?? CutoffConvention.Decree09);
                foreach (string unit in unitCodes)
                {
                    assignments.Add(new Assignment(new SubmissionId(reportForm.Code, unit, period), s.Setup.Province, deadline.Effective, deadline.Nominal)
                    {
                        DeadlineRuleId = deadline.Rule.Id,
                    });
                }
            }

            if (AssignAll(s, assignments) is var code and not 0)
            {
                return code;
            }

            var dues = assignments.Select(a => (a.Submission.Period, a.DueDate)).Distinct()
                .Select(d => $"{d.Period.Id} → {d.DueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
            cli.Out.WriteLine($"Đã giao / assigned {reportForm.Code} cho / to {unitCodes.Length} đơn vị / units, {list.Length} kỳ / periods ({assignments.Count} báo cáo / submissions); hạn / due: {string.Join(", ", dues)}.");
            return 0;
        }));
        return command;
    }

    /// <summary>Assigns every submission, or none: each must be new and the acting account the province's aggregator
    /// or administrator; on any refusal every reason is printed and nothing is written.</summary>
    private int AssignAll(Session s, IReadOnlyList<Assignment> assignments)
    {
        Actor actor = s.Acting;
        var errors = new List<KtxhError>();
        foreach (Assignment assignment in assignments)
        {
            if (s.Engine.Store.ReadStreamAsync(assignment.Submission.StreamId).AsTask().GetAwaiter().GetResult().Count > 0)
            {
                errors.Add(KtxhError.Create(WorkflowErrorCode.AlreadyAssigned, ErrorLocation.AtField(assignment.Submission.StreamId),
                    $"Báo cáo {assignment.Submission} đã được giao", $"Submission {assignment.Submission} is already assigned"));
            }
        }

        if (!actor.HasAny(WorkflowRole.Aggregator | WorkflowRole.Administrator) || actor.UnitCode != s.Setup.Province)
        {
            errors.Insert(0, KtxhError.Create(WorkflowErrorCode.RoleMissing, ErrorLocation.AtField("--as"),
                $"{actor} không thể giao biểu: chỉ tài khoản tổng hợp hoặc quản trị của tỉnh {s.Setup.Province} được giao",
                $"{actor} cannot assign: only an aggregator or administrator account of province {s.Setup.Province} assigns"));
        }

        if (errors.Count > 0)
        {
            return Fail(Refused, errors);
        }

        foreach (Assignment a in assignments)
        {
            KtxhResult<Submission> done = s.Engine.AssignAsync(actor, a, CommandId(a.Submission, 0, WorkflowTrigger.Assign, actor.UserName)).GetAwaiter().GetResult();
            if (!done.Success)
            {
                return Fail(Refused, done.Errors);
            }
        }

        return 0;
    }

    private static string[] Split(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private bool TryForm(Session s, string? code, out ReportForm? form)
    {
        form = null;
        IndicatorCatalogue catalogue = cli.Get<IndicatorCatalogue>();
        if (code is null)
        {
            if (s.Setup.Forms.Count != 1)
            {
                Fail(InvalidInput, $"--form: chu trình có {s.Setup.Forms.Count} biểu, hãy chọn một", $"--form: the cycle has {s.Setup.Forms.Count} forms, name one");
                return false;
            }

            code = s.Setup.Forms[0];
        }

        if (!catalogue.TryGetForm(code.Trim(), out ReportForm found) || !s.Setup.Forms.Contains(found.Code, StringComparer.Ordinal))
        {
            Fail(InvalidInput, $"--form: biểu '{code}' không thuộc chu trình này", $"--form: form '{code}' is not in this cycle");
            return false;
        }

        form = found;
        return true;
    }

    private bool TryPeriods(string text, out ReportingPeriod[] periods, string option = "--period")
    {
        var list = new List<ReportingPeriod>();
        foreach (string id in Split(text))
        {
            if (!ReportingPeriod.TryParse(id, out ReportingPeriod p))
            {
                periods = [];
                Fail(InvalidInput, $"{option}: kỳ '{id}' không hợp lệ (ví dụ 2026-M10, 2026-Q3)", $"{option}: period '{id}' is not valid (e.g. 2026-M10, 2026-Q3)");
                return false;
            }

            list.Add(p);
        }

        periods = list.Distinct().ToArray();
        if (periods.Length == 0)
        {
            Fail(InvalidInput, $"{option}: chưa nêu kỳ nào", $"{option}: no period given");
            return false;
        }

        return true;
    }

    /// <summary>The units named (comma list or <c>all</c>); each must be in the cycle's scope.</summary>
    private bool TryUnits(Session s, string? text, out string[] units)
    {
        units = [];
        if (text is null)
        {
            if (s.Actor is { } a && s.Setup.Units.Contains(a.UnitCode, StringComparer.Ordinal))
            {
                units = [a.UnitCode];
                return true;
            }

            Fail(InvalidInput, "--unit: hãy nêu đơn vị (mã xã, danh sách cách nhau bởi dấu phẩy, hoặc all)", "--unit: name the units (commune codes, comma separated, or all)");
            return false;
        }

        if (text.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            units = [.. s.Setup.Units];
            return true;
        }

        units = Split(text).Distinct(StringComparer.Ordinal).ToArray();
        string[] unknown = units.Where(u => !s.Setup.Units.Contains(u, StringComparer.Ordinal)).ToArray();
        if (units.Length == 0 || unknown.Length > 0)
        {
            Fail(InvalidInput, $"--unit: đơn vị không thuộc chu trình: {string.Join(", ", unknown)}", $"--unit: units not in the cycle: {string.Join(", ", unknown)}");
            return false;
        }

        return true;
    }
}
