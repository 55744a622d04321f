using Ktxh.Cli.Cycle;
using Ktxh.Indicators.DataValues;
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
    /// The percentage of the yearly target of each (indicator, unit, period) of the aggregates, from the plans the
    /// file's province accepted; null when the file cannot be read (the reasons are on stderr).
    /// </summary>
    /// <remarks>The aggregates CSV holds each period's own values; as <see cref="PlanCompletion"/> compares only a
    /// cumulative value for a month, quarter or half-year, those periods get no percentage; a year's value is compared.</remarks>
    private Dictionary<(string Indicator, string Unit, ReportingPeriod Period), decimal>? PercentOfPlan(string path,
        IEnumerable<(string Indicator, string Unit, ReportingPeriod Period, decimal Value)> actuals)
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

            // Reading accepted plans needs no clock of its own; the engine is given the real one as the host.
            var reports = new WorkflowReports(new WorkflowEngine(file.Store, SystemClock.Instance));
            var percents = new Dictionary<(string, string, ReportingPeriod), decimal>();
            foreach (var byPeriod in actuals.GroupBy(a => a.Period))
            {
                var targets = reports.PlanTargetsAsync(byPeriod.Key, file.Setup.Province).GetAwaiter().GetResult();
                var values = byPeriod.Select(a => DataValue.Number(a.Indicator, a.Unit, a.Period, a.Value));
                foreach (PlanCompletionRow row in PlanCompletion.Compute(values, targets, byPeriod.Key))
                {
                    if (row.Disaggregation.Length == 0 && row.PercentOfYearlyTarget is { } percent)
                    {
                        percents[(row.IndicatorCode, row.UnitCode, row.Period)] = percent;
                    }
                }
            }

            return percents;
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
