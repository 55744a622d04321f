using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Ktxh.Cli.Files;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Workflow;
using NodaTime;
using NodaTime.Text;
using Ktxh.Indicators.Forms;

namespace Ktxh.Cli.Commands;

/// <summary><c>ktxh workflow progress</c>, <c>audit verify</c> and <c>export --accepted</c>: reading a cycle.</summary>
internal sealed partial class WorkflowCommand
{
    private static readonly DateTimeZone Vietnam = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    private Command ProgressCommand()
    {
        var common = new Common();
        var form = new Option<string?>("--form") { Description = "Only this form." };
        var period = new Option<string?>("--period") { Description = "Only these periods, comma separated." };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        var command = new Command("progress", "Progress per form and period: each unit's state, sent time and lateness, and the totals (tiến độ).") { form, period, json };
        common.AddTo(command, actorRequired: false);
        command.SetAction(parse => WithSession(parse, common, s =>
        {
            if (!TryFilter(s, parse.GetValue(form), parse.GetValue(period), out string? formCode, out ReportingPeriod[]? only))
            {
                return InvalidInput;
            }

            var entries = s.Engine.Store.QueryAsync(new SubmissionQuery { ReceivingUnitCode = s.Setup.Province, FormCode = formCode }).AsTask().GetAwaiter().GetResult();
            var pairs = entries.Select(e => (e.Submission.FormCode, e.Submission.Period)).Distinct()
                .Where(p => only is null || only.Contains(p.Period))
                .OrderBy(p => p.FormCode, StringComparer.Ordinal).ThenBy(p => p.Period.Start).ToArray();
            var reports = new WorkflowReports(s.Engine);
            ProgressReport[] progress = [.. pairs.Select(p => reports.ProgressAsync(s.Setup.Province, p.FormCode, p.Period).GetAwaiter().GetResult())];
            if (parse.GetValue(json))
            {
                WriteProgressJson(s, progress);
            }
            else
            {
                WriteProgressTable(s, progress);
            }

            return 0;
        }));
        return command;
    }

    private void WriteProgressTable(Session s, ProgressReport[] reports)
    {
        cli.Out.WriteLine($"Tiến độ / progress: tỉnh / province {s.Setup.Province}, ngày / as of {Show(s.Engine.Today)}");
        if (reports.Length == 0)
        {
            cli.Out.WriteLine("Chưa giao biểu nào / nothing assigned yet.");
            return;
        }

        foreach (ProgressReport report in reports)
        {
            cli.Out.WriteLine();
            cli.Out.WriteLine($"{report.FormCode} {report.Period.Id}");
            cli.Out.WriteLine($"  {"Đơn vị/unit",-12} {"Trạng thái/state",-18} {"Bản/rev",7} {"Gửi lúc/sent at",-17} {"Hạn/due",-10} Đúng hạn/timeliness");
            foreach (ProgressRow row in report.Rows)
            {
                string sent = row.SentAt is { } at ? at.InZone(Vietnam).LocalDateTime.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "–";
                string late = row.Timeliness.Status == TimelinessStatus.Late ? $" +{row.Timeliness.WorkingDaysLate} ngày làm việc/working days" : "";
                cli.Out.WriteLine($"  {row.UnitCode,-12} {row.State,-18} {row.Revision,7} {sent,-17} {Show(row.Timeliness.DueDate),-10} {row.Timeliness.Status}{late}");
            }

            var states = report.CountByState.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}");
            var t = report.CountByTimeliness;
            cli.Out.WriteLine($"  Tổng / totals: {report.Rows.Count} đơn vị / units; {string.Join(", ", states)}");
            cli.Out.WriteLine($"  Đúng hạn / on time {t.GetValueOrDefault(TimelinessStatus.OnTime)}, trễ / late {t.GetValueOrDefault(TimelinessStatus.Late)}, chưa gửi quá hạn / missing {t.GetValueOrDefault(TimelinessStatus.Missing)}, chưa đến hạn / not yet due {t.GetValueOrDefault(TimelinessStatus.NotYetDue)}");
        }
    }

    private void WriteProgressJson(Session s, ProgressReport[] reports)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("receivingUnit", s.Setup.Province);
            w.WriteString("asOf", LocalDatePattern.Iso.Format(s.Engine.Today));
            w.WriteStartArray("reports");
            foreach (ProgressReport report in reports)
            {
                w.WriteStartObject();
                w.WriteString("form", report.FormCode);
                w.WriteString("period", report.Period.Id);
                w.WriteStartArray("units");
                foreach (ProgressRow row in report.Rows)
                {
                    w.WriteStartObject();
                    w.WriteString("unit", row.UnitCode);
                    w.WriteString("state", row.State.ToString());
                    w.WriteNumber("revision", row.Revision);
                    if (row.SentAt is { } at)
                    {
                        w.WriteString("sentAt", InstantPattern.ExtendedIso.Format(at));
                    }
                    else
                    {
                        w.WriteNull("sentAt");
                    }

                    w.WriteString("dueDate", LocalDatePattern.Iso.Format(row.Timeliness.DueDate));
                    w.WriteString("timeliness", row.Timeliness.Status.ToString());
                    w.WriteNumber("workingDaysLate", row.Timeliness.WorkingDaysLate);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartObject("totals");
                w.WriteNumber("units", report.Rows.Count);
                w.WriteStartObject("byState");
                foreach (var p in report.CountByState.OrderBy(p => p.Key))
                {
                    w.WriteNumber(p.Key.ToString(), p.Value);
                }

                w.WriteEndObject();
                w.WriteStartObject("byTimeliness");
                foreach (var p in report.CountByTimeliness.OrderBy(p => p.Key))
                {
                    w.WriteNumber(p.Key.ToString(), p.Value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        cli.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private Command AuditCommand()
    {
        var common = new Common();
        var verify = new Command("verify", "Verify the audit chain (every event's hash and links); exit 1 with the located finding if it is broken.");
        common.AddTo(verify, actorRequired: false);
        verify.SetAction(parse => WithSession(parse, common, s =>
        {
            KtxhResult<AuditChainSummary> chain = s.Engine.VerifyAuditChainAsync().GetAwaiter().GetResult();
            if (!chain.TryGetValue(out AuditChainSummary? summary))
            {
                cli.Error.WriteLine($"Chuỗi nhật ký KHÔNG hợp lệ / the audit chain does NOT verify ({s.File.Path}):");
                return Fail(Refused, chain.Errors);
            }

            cli.Out.WriteLine($"Chuỗi nhật ký hợp lệ / audit chain verified: {summary.EventCount} sự kiện / events, {summary.StreamCount} luồng / streams, đầu chuỗi / head {summary.Head.Position}:{summary.Head.Hash}");
            return 0;
        }));
        return new Command("audit", "The audit chain of the cycle.") { verify };
    }

    private Command ExportCommand()
    {
        var common = new Common();
        var accepted = new Option<bool>("--accepted") { Description = "Export the accepted values (the only export for now; required, so that other exports can be added)." };
        var output = new Option<FileInfo?>("--out") { Description = "The CSV to write (default: standard output)." };
        var form = new Option<string?>("--form") { Description = "Only this form." };
        var period = new Option<string?>("--period") { Description = "Only these periods, comma separated." };
        var command = new Command("export", "Export the accepted values as the values CSV of 'ktxh aggregate'.") { accepted, output, form, period };
        common.AddTo(command, actorRequired: false);
        command.SetAction(parse => !parse.GetValue(accepted)
            ? Fail(InvalidInput, "export: hãy nêu --accepted (xuất các giá trị đã tiếp nhận)", "export: name --accepted (export the accepted values)")
            : WithSession(parse, common, s =>
        {
            if (!TryFilter(s, parse.GetValue(form), parse.GetValue(period), out string? formCode, out ReportingPeriod[]? only))
            {
                return InvalidInput;
            }

            var entries = s.Engine.Store.QueryAsync(new SubmissionQuery
            {
                ReceivingUnitCode = s.Setup.Province,
                FormCode = formCode,
                States = [SubmissionState.Accepted, SubmissionState.ReopenRequested],
            }).AsTask().GetAwaiter().GetResult();
            var reports = new WorkflowReports(s.Engine);
            var values = entries.Select(e => (e.Submission.FormCode, e.Submission.Period)).Distinct()
                .Where(p => only is null || only.Contains(p.Period))
                .OrderBy(p => p.FormCode, StringComparer.Ordinal).ThenBy(p => p.Period.Start)
                .SelectMany(p => reports.AcceptedValuesAsync(p.FormCode, p.Period, s.Setup.Province).GetAwaiter().GetResult())
                .Select(AggregationInput.FromDataValue).OfType<AggregationInput>().ToArray();
            string csv = ValuesCsv(values);
            if (parse.GetValue(output) is { } target)
            {
                // Written whole or not at all (OutputFile); never over the cycle's own database.
                if (!OutputFile.Check(cli, "--out", target, ("--db", new FileInfo(s.File.Path)))
                    || !OutputFile.TryWrite(cli, "--out", target, new UTF8Encoding(false).GetBytes(csv)))
                {
                    return InvalidInput;
                }

                cli.Out.WriteLine($"{values.Length} giá trị đã tiếp nhận / accepted values → {target.Name}");
            }
            else
            {
                cli.Out.Write(csv);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>The optional <c>--form</c> and <c>--period</c> filters of the reading commands.</summary>
    private bool TryFilter(Session s, string? form, string? periods, out string? formCode, out ReportingPeriod[]? only)
    {
        formCode = null;
        only = null;
        if (periods is not null)
        {
            if (!TryPeriods(periods, out ReportingPeriod[] list))
            {
                return false;
            }

            only = list;
        }

        if (form is not null)
        {
            if (!TryForm(s, form, out ReportForm? rf))
            {
                return false;
            }

            formCode = rf!.Code;
        }

        return true;
    }

    /// <summary>The values CSV that <c>ktxh aggregate --values</c> reads (docs/aggregation-csv.md).</summary>
    private static string ValuesCsv(IEnumerable<AggregationInput> values)
    {
        var sb = new StringBuilder("indicator,unit,period,value,disaggregation,maturity,unit_of_measure\n");
        foreach (AggregationInput v in values)
        {
            sb.Append(Field(v.IndicatorCode)).Append(',').Append(Field(v.UnitCode)).Append(',').Append(v.Period.Id).Append(',')
                .Append(v.Value.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Field(v.Disaggregation ?? "")).Append(',')
                .Append(AggregationCsv.MaturityText(v.Maturity)).Append(',').Append(Field(v.MeasureUnitCode ?? "")).Append('\n');
        }

        return sb.ToString();
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static string Show(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
