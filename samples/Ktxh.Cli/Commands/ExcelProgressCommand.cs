using System.CommandLine;
using Ktxh.Cli.Demo;
using Ktxh.Cli.Excel;
using Ktxh.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Indicators.Forms;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh excel progress --out tien-do.xlsx</c>: the aggregator's progress and timeliness sheet, composed from
/// Ktxh.Workflow's progress report. The CLI keeps no workflow database yet, so the report is the one of the demo's
/// in-memory cycle (<c>--province</c>, <c>--period</c>, <c>--seed</c> as for <c>ktxh demo</c>).
/// </summary>
internal sealed class ExcelProgressCommand(CliContext cli)
{
    public Command Create()
    {
        var province = new Option<string>("--province") { Description = "The province of the demo cycle (default 37).", DefaultValueFactory = _ => "37" };
        var period = new Option<string>("--period") { Description = "The monthly period of the demo cycle (default 2026-M10).", DefaultValueFactory = _ => "2026-M10" };
        var seed = new Option<int>("--seed") { Description = "The seed of the demo cycle's data.", DefaultValueFactory = _ => 2026 };
        var output = new Option<FileInfo>("--out") { Description = "The progress workbook to write (.xlsx).", Required = true };
        var command = new Command("progress", "Write the aggregator's progress and timeliness sheet (tiến độ gửi báo cáo) of the demo cycle.") { province, period, seed, output };
        command.SetAction(parse =>
        {
            KtxhResult<ReportingPeriod> parsed = ReportingPeriod.ParseWithResult(parse.GetValue(period));
            if (!parsed.TryGetValue(out ReportingPeriod month) || month.Type != PeriodType.Month)
            {
                cli.Error.WriteLine("--period phải là một tháng, ví dụ 2026-M10. / --period must be a month, e.g. 2026-M10.");
                return KtxhCli.InvalidInput;
            }

            string code = parse.GetValue(province)!;
            AdministrativeHierarchy hierarchy = cli.Get<ReportingUnitDirectory>().AsOf(month.End);
            if (hierarchy.Find(code) is not { Kind: ReportingUnitKind.Province } unit)
            {
                cli.Error.WriteLine($"Không có tỉnh mã '{code}' / No province with code '{code}'");
                return KtxhCli.InvalidInput;
            }

            DemoOutcome outcome = new DemoCycle(TextWriter.Null, cli.Services) { WriteExcel = false }.Run(code, month, parse.GetValue(seed));
            var progress = outcome.Workflow.Progress;
            string? formName = cli.Get<IndicatorCatalogue>().TryGetForm(progress.FormCode, out ReportForm form) ? form.NameVi : null;
            ProgressSheet sheet = WorkflowProgressSheet.From(progress, $"{unit.Code} – {unit.NameVi}", c => hierarchy.Find(c)?.NameVi, formName);
            FileInfo target = parse.GetValue(output)!;
            AtomicFile.Write(target.FullName, new ProgressSheetWriter().Write(sheet));
            IReadOnlyDictionary<ProgressStatus, int> counts = sheet.CountByStatus;
            cli.Out.WriteLine($"{progress.FormCode} {month.Id}: {sheet.Rows.Count} đơn vị / units; đúng hạn / on time {counts[ProgressStatus.OnTime]}, "
                + $"trễ / late {counts[ProgressStatus.Late]}, chưa gửi / missing {counts[ProgressStatus.Missing]} → {target.FullName}");
            return 0;
        });
        return command;
    }
}
