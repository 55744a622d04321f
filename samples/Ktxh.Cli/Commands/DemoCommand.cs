using System.CommandLine;
using System.Text;
using Ktxh.Cli.Demo;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh demo [--province 37] [--period 2026-M10] [--seed 2026] [--dir ktxh-demo]</c>: the demo reporting cycle on
/// the built-in catalogue, calendar and administrative units (the main job); its workflow runs on
/// <c>&lt;dir&gt;/workflow.db</c>, which <c>ktxh workflow … --db</c> reads afterwards. Exit code 0 when every total checks out and the audit chain verifies, 1 otherwise,
/// 2 for invalid options.
/// </summary>
internal sealed class DemoCommand(CliContext cli)
{
    public Command Create()
    {
        var province = new Option<string>("--province") { Description = "The province (2-digit code after 1/7/2025), default 37 Ninh Bình (which took in Hà Nam, the seed's province).", DefaultValueFactory = _ => "37" };
        var period = new Option<string>("--period") { Description = "The monthly period, default 2026-M10.", DefaultValueFactory = _ => "2026-M10" };
        var seed = new Option<int>("--seed") { Description = "The seed of the generated data (the same seed gives the same cycle).", DefaultValueFactory = _ => 2026 };
        var dir = new Option<string>("--dir") { Description = "The folder for the demo's files (workflow.db, replaced on each run, and the Excel workbooks in excel/), default ./ktxh-demo.", DefaultValueFactory = _ => "ktxh-demo" };
        var excelDir = new Option<DirectoryInfo?>("--excel-dir") { Description = "Where the Excel step writes its workbooks (default: the excel folder inside --dir)." };
        var command = new Command("demo", "Run the demo reporting cycle on the built-in catalogue and calendar.") { province, period, seed, dir, excelDir };
        command.SetAction(parseResult =>
        {
            var parsed = ReportingPeriod.ParseWithResult(parseResult.GetValue(period));
            if (!parsed.Success || parsed.Value.Type != PeriodType.Month)
            {
                cli.Error.WriteLine(parsed.Success
                    ? "--period phải là một tháng, ví dụ 2026-M10. / --period must be a month, e.g. 2026-M10."
                    : "--period: " + PeriodMessage(parsed.Errors[0]));
                return 2;
            }

            // The cycle reads the year before the period and deadlines after it: both must be in the calendar.
            if (parsed.Value.Start.Year <= WorkingCalendar.MinDate.Year || parsed.Value.End.Year >= WorkingCalendar.MaxDate.Year)
            {
                cli.Error.WriteLine($"--period: kỳ mẫu phải trong khoảng {WorkingCalendar.MinDate.Year + 1}-M01 … {WorkingCalendar.MaxDate.Year - 1}-M12 (lịch làm việc {WorkingCalendar.MinDate.Year}–{WorkingCalendar.MaxDate.Year}) / "
                    + $"--period: the demo period must be within {WorkingCalendar.MinDate.Year + 1}-M01 … {WorkingCalendar.MaxDate.Year - 1}-M12 (working calendar {WorkingCalendar.MinDate.Year}–{WorkingCalendar.MaxDate.Year})");
                return 2;
            }

            string code = parseResult.GetValue(province)!;
            var hierarchy = cli.Get<ReportingUnitDirectory>().AsOf(parsed.Value.End);
            if (hierarchy.Find(code) is not { Kind: ReportingUnitKind.Province })
            {
                string shown = CliText.Shorten(code);
                cli.Error.WriteLine($"--province: không có tỉnh mã '{shown}' vào ngày {parsed.Value.End:yyyy-MM-dd}. / --province: no province with code '{shown}' on {parsed.Value.End:yyyy-MM-dd}.");
                return 2;
            }

            // Every option is checked before anything is created.
            if (parseResult.GetValue(excelDir) is { } excelFolder && File.Exists(excelFolder.FullName))
            {
                string shown = CliText.Shorten(excelFolder.ToString());
                cli.Error.WriteLine($"--excel-dir: '{shown}' là một tệp, không phải thư mục / --excel-dir: '{shown}' is a file, not a folder");
                return 2;
            }

            string file;
            string dirText = parseResult.GetValue(dir)!;
            try
            {
                file = Path.Combine(Directory.CreateDirectory(dirText).FullName, "workflow.db");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                string shown = CliText.Shorten(dirText);
                cli.Error.WriteLine($"--dir: không tạo được thư mục '{shown}' (đường dẫn là một tệp, không có quyền ghi hoặc tên không dùng được) / "
                    + $"--dir: the folder '{shown}' cannot be created (the path is a file, no write permission or an unusable name)");
                return 2;
            }

            cli.Out.WriteLine($"Ktxh SDK — chu trình báo cáo mẫu / demo reporting cycle: tỉnh {code}, kỳ {parsed.Value.Id}");
            string excel = parseResult.GetValue(excelDir)?.FullName ?? Path.Combine(Path.GetDirectoryName(file)!, "excel");
            DemoOutcome outcome;
            try
            {
                outcome = new DemoCycle(cli.Out, cli.Services) { WorkflowFile = file, ExcelDirectory = excel }.Run(code, parsed.Value, parseResult.GetValue(seed));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                cli.Error.WriteLine("Không ghi được các tệp của chu trình mẫu vào --dir / --excel-dir (đĩa đầy, không có quyền ghi hoặc tệp đang bị khóa) / "
                    + "The demo's files could not be written to --dir / --excel-dir (disk full, no write permission or a locked file)");
                return 2;
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            cli.Out.WriteLine();
            cli.Out.WriteLine($"Chu trình quy trình được lưu trong / the workflow cycle is kept in: {file}");
            cli.Out.WriteLine($"  Xem lại / look again: ktxh workflow progress --db \"{file}\"   (hoặc / or: ktxh workflow audit verify --db \"{file}\")");
            return outcome.ProvinceRetailTotal == outcome.HandSum && outcome.OldTotal == outcome.RemappedTotal && outcome.Workflow.Chain is not null ? 0 : 1;
        });
        return command;
    }

    // The message as the CLI has always printed it: the position inside each language ("… (vị trí 5) / … (at position 5)").
    private static string PeriodMessage(KtxhError error) => error.Location.Position is { } p
        ? $"{error.MessageVi} (vị trí {p}) / {error.MessageEn} (at position {p})"
        : error.Message;
}
