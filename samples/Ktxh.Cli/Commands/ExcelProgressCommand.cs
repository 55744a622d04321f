using System.CommandLine;
using Ktxh.Cli.Cycle;
using Ktxh.Cli.Demo;
using Ktxh.Cli.Excel;
using Ktxh.Cli.Files;
using Ktxh.Excel;
using Ktxh.Indicators;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using Ktxh.Workflow;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh excel progress --out tien-do.xlsx</c>: the aggregator's progress and timeliness sheet, composed from
/// Ktxh.Workflow's progress report. With <c>--db</c> the report is the one of a workflow SQLite file made by
/// <c>ktxh workflow init</c> (<c>--form</c>, <c>--period</c>, <c>--at</c> as for <c>ktxh workflow progress</c>; the
/// receiving unit is the file's province); without it, the one of the demo's in-memory cycle (<c>--province</c>,
/// <c>--period</c>, <c>--seed</c> as for <c>ktxh demo</c>).
/// </summary>
/// <remarks>Exit codes: 0 written; 2 invalid input (options, a missing, damaged or not initialised file, a form not in
/// the cycle, a period with nothing assigned), with a message in Vietnamese and English on stderr and nothing on stdout.</remarks>
internal sealed class ExcelProgressCommand(CliContext cli)
{
    private const string DemoPeriod = "2026-M10";

    public Command Create()
    {
        var province = new Option<string>("--province") { Description = "The province of the demo cycle (default 37).", DefaultValueFactory = _ => "37" };
        var period = new Option<string?>("--period") { Description = $"The period (default {DemoPeriod} for the demo; with --db, the form's only assigned period)." };
        var seed = new Option<int>("--seed") { Description = "The seed of the demo cycle's data.", DefaultValueFactory = _ => 2026 };
        var db = new Option<FileInfo?>("--db") { Description = "A workflow SQLite file made by 'ktxh workflow init': write its progress instead of the demo's." };
        var form = new Option<string?>("--form") { Description = "With --db: the form (default the cycle's only form)." };
        var at = new Option<string?>("--at") { Description = $"With --db: the time the progress is taken at instead of the real clock (as for 'ktxh workflow progress'); also env {CycleClock.EnvironmentVariable}." };
        var output = new Option<FileInfo>("--out") { Description = "The progress workbook to write (.xlsx).", Required = true };
        var command = new Command("progress", "Write the aggregator's progress and timeliness sheet (tiến độ gửi báo cáo) of a workflow file (--db) or of the demo cycle.")
        {
            province, period, seed, db, form, at, output,
        };
        command.SetAction(parse =>
        {
            FileInfo target = parse.GetValue(output)!;
            if (!OutputFile.Check(cli, "--out", target, ("--db", parse.GetValue(db))))
            {
                return KtxhCli.InvalidInput;
            }

            if (parse.GetValue(db) is { } dbFile)
            {
                return FromDatabase(dbFile.FullName, parse.GetValue(form), parse.GetValue(period), parse.GetValue(at), target);
            }

            if (parse.GetValue(form) is not null || parse.GetValue(at) is not null)
            {
                return Fail("--form và --at chỉ dùng cùng --db", "--form and --at are only used with --db");
            }

            KtxhResult<ReportingPeriod> parsed = ReportingPeriod.ParseWithResult(parse.GetValue(period) ?? DemoPeriod);
            if (!parsed.TryGetValue(out ReportingPeriod month) || month.Type != PeriodType.Month)
            {
                cli.Error.WriteLine("--period phải là một tháng, ví dụ 2026-M10. / --period must be a month, e.g. 2026-M10.");
                return KtxhCli.InvalidInput;
            }

            string code = parse.GetValue(province)!;
            AdministrativeHierarchy hierarchy = cli.Get<ReportingUnitDirectory>().AsOf(month.End);
            if (hierarchy.Find(code) is not { Kind: ReportingUnitKind.Province } unit)
            {
                cli.Error.WriteLine($"--province: không có tỉnh mã '{CliText.Shorten(code)}' / --province: no province with code '{CliText.Shorten(code)}'");
                return KtxhCli.InvalidInput;
            }

            DemoOutcome outcome = new DemoCycle(TextWriter.Null, cli.Services) { WriteExcel = false }.Run(code, month, parse.GetValue(seed));
            return Write(outcome.Workflow.Progress, $"{unit.Code} – {unit.NameVi}", hierarchy, target);
        });
        return command;
    }

    /// <summary>The progress of one form and period of a workflow file, as <c>ktxh workflow progress</c> reads it.</summary>
    private int FromDatabase(string path, string? formText, string? periodText, string? atText, FileInfo target)
    {
        try
        {
            KtxhResult<IClock> clock = CycleClock.Resolve(atText);
            if (!clock.Success)
            {
                return Fail(clock.Errors);
            }

            KtxhResult<CycleFile> opened = CycleFile.Open(path);
            if (!opened.TryGetValue(out CycleFile? file))
            {
                return Fail(opened.Errors);
            }

            CycleSetup setup = file.Setup;
            string? formCode = formText?.Trim();
            if (formCode is null)
            {
                if (setup.Forms.Count != 1)
                {
                    return Fail($"--form: chu trình có {setup.Forms.Count} biểu, hãy chọn một", $"--form: the cycle has {setup.Forms.Count} forms, name one");
                }

                formCode = setup.Forms[0];
            }

            IndicatorCatalogue catalogue = cli.Get<IndicatorCatalogue>();
            if (!catalogue.TryGetForm(formCode, out ReportForm reportForm) || !setup.Forms.Contains(reportForm.Code, StringComparer.Ordinal))
            {
                return Fail($"--form: biểu '{formCode}' không thuộc chu trình này", $"--form: form '{formCode}' is not in this cycle");
            }

            var engine = new WorkflowEngine(file.Store, clock.Value, new WorkflowEngineOptions { Calendar = cli.Get<WorkingCalendar>() });
            var entries = engine.Store.QueryAsync(new SubmissionQuery { ReceivingUnitCode = setup.Province, FormCode = reportForm.Code }).AsTask().GetAwaiter().GetResult();
            ReportingPeriod[] assigned = [.. entries.Select(e => e.Submission.Period).Distinct().OrderBy(p => p.Start)];
            ReportingPeriod chosen;
            if (periodText is null)
            {
                if (assigned.Length != 1)
                {
                    return Fail($"--period: biểu {reportForm.Code} đã giao cho {assigned.Length} kỳ, hãy chọn một", $"--period: form {reportForm.Code} is assigned for {assigned.Length} periods, name one");
                }

                chosen = assigned[0];
            }
            else if (!ReportingPeriod.TryParse(periodText.Trim(), out chosen))
            {
                return Fail($"--period: kỳ '{periodText}' không hợp lệ (ví dụ 2026-M10, 2026-Q3)", $"--period: period '{periodText}' is not valid (e.g. 2026-M10, 2026-Q3)");
            }
            else if (!assigned.Contains(chosen))
            {
                return Fail($"--period: biểu {reportForm.Code} chưa được giao cho kỳ {chosen.Id} trong tệp này", $"--period: form {reportForm.Code} is not assigned for period {chosen.Id} in this file");
            }

            ProgressReport progress = new WorkflowReports(engine).ProgressAsync(setup.Province, reportForm.Code, chosen).GetAwaiter().GetResult();
            AdministrativeHierarchy hierarchy = cli.Get<ReportingUnitDirectory>().AsOf(chosen.End);
            string receiving = hierarchy.Find(setup.Province) is { } province ? $"{province.Code} – {province.NameVi}" : setup.Province;
            return Write(progress, receiving, hierarchy, target);
        }
        catch (SqliteException ex)
        {
            return Fail($"--db: tệp không phải cơ sở dữ liệu chu trình dùng được (mã lỗi SQLite {ex.SqliteErrorCode})", $"--db: the file is not a usable cycle database (SQLite error code {ex.SqliteErrorCode})");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail("--db: không đọc được tệp (không có quyền hoặc tệp đang bị khóa)", "--db: the file cannot be read (no permission or the file is locked)");
        }
        finally
        {
            // The store pools its connections; the command leaves no handle on the file behind it.
            SqliteConnection.ClearAllPools();
        }
    }

    private int Write(ProgressReport progress, string receivingUnit, AdministrativeHierarchy hierarchy, FileInfo target)
    {
        string? formName = cli.Get<IndicatorCatalogue>().TryGetForm(progress.FormCode, out ReportForm form) ? form.NameVi : null;
        ProgressSheet sheet = WorkflowProgressSheet.From(progress, receivingUnit, c => hierarchy.Find(c)?.NameVi, formName);
        if (!OutputFile.TryWrite(cli, "--out", target, new ProgressSheetWriter().Write(sheet)))
        {
            return KtxhCli.InvalidInput;
        }

        IReadOnlyDictionary<ProgressStatus, int> counts = sheet.CountByStatus;
        cli.Out.WriteLine($"{progress.FormCode} {progress.Period.Id}: {sheet.Rows.Count} đơn vị / units; đúng hạn / on time {counts[ProgressStatus.OnTime]}, "
            + $"trễ / late {counts[ProgressStatus.Late]}, chưa gửi / missing {counts[ProgressStatus.Missing]} → {target.FullName}");
        return 0;
    }

    private int Fail(IEnumerable<KtxhError> errors)
    {
        foreach (KtxhError e in errors)
        {
            cli.Error.WriteLine(e);
        }

        return KtxhCli.InvalidInput;
    }

    private int Fail(string vi, string en)
    {
        cli.Error.WriteLine($"{vi} / {en}");
        return KtxhCli.InvalidInput;
    }
}
