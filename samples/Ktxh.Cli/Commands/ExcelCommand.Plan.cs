using Ktxh.Cli.Cycle;
using Ktxh.Cli.Excel;
using Ktxh.Periods;
using Ktxh.Workflow;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh excel report --plan-db</c>: the "% of plan" column (% so với kế hoạch năm) filled from the accepted plan
/// targets of a <c>ktxh workflow</c> file. The CLI composes: Ktxh.Workflow's <see cref="WorkflowReports.PlanTargetsAsync"/>
/// and <see cref="PlanCompletion.Compute"/> give plain numbers; Ktxh.Excel's report takes them in a
/// <c>PercentOfTarget</c> column.
/// </summary>
internal sealed partial class ExcelCommand
{
    /// <summary>
    /// The percentage of the yearly target of each shown (indicator, unit, period) of the aggregates, from the plans the
    /// file's province accepted; null when the file cannot be read (the reasons are on stderr).
    /// </summary>
    /// <remarks>A year is compared through its own value; a month, quarter, half-year or nine months through its
    /// year-to-date row in the same file (<c>2026-YTD-M05</c>), as <see cref="PlanCompletion"/> compares only a cumulative
    /// value for them (<see cref="ReportPlanActuals"/>).</remarks>
    private Dictionary<(string Indicator, string Unit, ReportingPeriod Period), decimal>? PercentOfPlan(string path,
        IEnumerable<(string Indicator, string Unit, ReportingPeriod Period, decimal Value)> shown,
        IEnumerable<(string Indicator, string Unit, ReportingPeriod Period, decimal Value)> all)
    {
        try
        {
            KtxhResult<CycleFile> opened = CycleFile.Open(path);
            if (!opened.TryGetValue(out CycleFile? file))
            {
                foreach (KtxhError e in opened.Errors)
                {
                    cli.Error.WriteLine(e);
                }

                return null;
            }

            // The last line of a key wins, as in the report's own cells.
            var values = new Dictionary<(string, string, ReportingPeriod), decimal>();
            foreach (var a in all)
            {
                values[(a.Indicator, a.Unit, a.Period)] = a.Value;
            }

            // Reading accepted plans needs no clock of its own; the engine is given the real one as the host.
            var reports = new WorkflowReports(new WorkflowEngine(file.Store, SystemClock.Instance));
            return ReportPlanActuals.Percentages(shown.Select(s => (s.Indicator, s.Unit, s.Period)), values,
                period => reports.PlanTargetsAsync(period, file.Setup.Province).GetAwaiter().GetResult());
        }
        catch (SqliteException ex)
        {
            cli.Error.WriteLine($"--plan-db: tệp không phải cơ sở dữ liệu chu trình dùng được (mã lỗi SQLite {ex.SqliteErrorCode}) / --plan-db: the file is not a usable cycle database (SQLite error code {ex.SqliteErrorCode})");
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            cli.Error.WriteLine("--plan-db: không đọc được tệp (không có quyền hoặc tệp đang bị khóa) / --plan-db: the file cannot be read (no permission or the file is locked)");
            return null;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
