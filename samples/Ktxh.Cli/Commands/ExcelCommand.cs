using System.CommandLine;
using System.Globalization;
using System.Text;
using Ktxh.Cli.Excel;
using Ktxh.Cli.Files;
using Ktxh.Excel;
using Ktxh.Indicators;
using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Periods;
using NodaTime.Text;

namespace Ktxh.Cli.Commands;

/// <summary>
/// <c>ktxh excel template|import|report|catalogue|progress</c>: the form workbook a unit fills in, its import (problems
/// printed by sheet and cell; the values CSV that <c>ktxh aggregate</c> takes), the aggregated report workbook, the
/// catalogue workbook (<see cref="ExcelCatalogueCommand"/>) and the progress sheet (<see cref="ExcelProgressCommand"/>).
/// </summary>
internal sealed partial class ExcelCommand(CliContext cli)
{
    public Command Create()
    {
        var command = new Command("excel", "Excel workbooks (biểu Excel): fillable form templates, their import, report exports, the catalogue workbook, the progress sheet.");
        command.Subcommands.Add(Template());
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Report());
        command.Subcommands.Add(new ExcelCatalogueCommand(cli).Create());
        command.Subcommands.Add(new ExcelProgressCommand(cli).Create());
        return command;
    }

    private static Option<FileInfo?> CatalogueOption() => new("--catalogue") { Description = "Catalogue JSON (default: the built-in catalogue)." };

    private Command Template()
    {
        var form = new Option<string>("--form") { Description = "Form code (mã biểu), e.g. 001.T/BCC-XA.", Required = true };
        var unit = new Option<string>("--unit", "--units") { Description = "Reporting unit code (with --history: a comma-separated list, e.g. 00004,00008).", Required = true };
        var unitName = new Option<string?>("--unit-name") { Description = "Reporting unit name printed in the header (not with --history: names come from the directory of units)." };
        var period = new Option<string>("--period", "--from") { Description = "Period id, e.g. 2026-M03 (the first one with --to).", Required = true };
        var to = new Option<string?>("--to") { Description = "Last period of a range (history: --from 2020 --to 2024)." };
        var deadline = new Option<string?>("--deadline") { Description = "Deadline printed in the header, yyyy-MM-dd." };
        var output = new Option<FileInfo>("--out") { Description = "The workbook to write (.xlsx).", Required = true };
        var catalogue = CatalogueOption();
        var history = new Option<bool>("--history") { Description = "A history workbook (biểu số liệu lịch sử): many units × periods on one sheet, read back by 'excel import --history'." };
        var command = new Command("template", "Write the workbook a unit fills in (biểu nhập liệu), or a history workbook of many units and periods (--history).")
        {
            form, unit, unitName, period, to, deadline, output, catalogue, history,
        };
        command.SetAction(parse =>
        {
            if (!OutputFile.Check(cli, "--out", parse.GetValue(output)!, ("--catalogue", parse.GetValue(catalogue)))
                || !TryCatalogue(parse.GetValue(catalogue), out IndicatorCatalogue? cat)
                || !TryForm(cat!, parse.GetValue(form)!, out ReportForm? reportForm)
                || !TryPeriods(parse.GetValue(period)!, parse.GetValue(to), out IReadOnlyList<ReportingPeriod>? periods))
            {
                return KtxhCli.InvalidInput;
            }

            if (parse.GetValue(history))
            {
                return TemplateHistory(cat!, reportForm!, parse.GetValue(unit)!, parse.GetValue(unitName), parse.GetValue(deadline), periods!, parse.GetValue(output)!);
            }

            NodaTime.LocalDate? due = null;
            if (parse.GetValue(deadline) is { } d)
            {
                ParseResult<NodaTime.LocalDate> parsed = LocalDatePattern.Iso.Parse(d);
                if (!parsed.Success)
                {
                    cli.Error.WriteLine($"--deadline: ngày '{d}' không hợp lệ (yyyy-MM-dd) / date '{d}' is not valid (yyyy-MM-dd)");
                    return KtxhCli.InvalidInput;
                }

                due = parsed.Value;
            }

            var request = new FormWorkbookRequest
            {
                Form = reportForm!, UnitCode = parse.GetValue(unit)!, UnitName = parse.GetValue(unitName), Periods = periods!, Deadline = due,
            };
            byte[] bytes = new FormWorkbookGenerator(cat!).Generate(request);
            if (!WriteAtomically("--out", parse.GetValue(output)!, bytes))
            {
                return KtxhCli.InvalidInput;
            }

            cli.Out.WriteLine($"{reportForm!.Code}: {reportForm.Rows.Count} chỉ tiêu / indicators, {periods!.Count} kỳ / periods → {parse.GetValue(output)!.Name}");
            return 0;
        });
        return command;
    }

    private Command Import()
    {
        var file = new Option<FileInfo>("--file") { Description = "The filled workbook (.xlsx).", Required = true };
        var form = new Option<string?>("--form") { Description = "The form assigned (checked when given)." };
        var unit = new Option<string?>("--unit") { Description = "The unit assigned (checked when given)." };
        var period = new Option<string?>("--period") { Description = "The period assigned (checked when given; the first one with --to)." };
        var to = new Option<string?>("--to") { Description = "Last period of an assigned range." };
        var output = new Option<FileInfo?>("--out") { Description = "Values CSV for ktxh aggregate: indicator,unit,period,value,maturity (this-period numbers)." };
        var cached = new Option<bool>("--use-cached-formulas") { Description = "Accept a formula's cached value (flagged) instead of refusing it." };
        var catalogue = CatalogueOption();
        var history = new Option<bool>("--history") { Description = "A history workbook (many units × periods); --unit takes a comma-separated list of assigned units." };
        var engine = new Option<string>("--engine") { Description = "Read engine: streaming (default) or closedxml (the reference; slower).", DefaultValueFactory = _ => "streaming" };
        var command = new Command("import", "Import a filled workbook (nhập biểu Excel): every problem by sheet and cell; nothing on any error.") { file, form, unit, period, to, output, cached, catalogue, history, engine };
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(file)!;
            if ((parse.GetValue(output) is { } target && !OutputFile.Check(cli, "--out", target, ("--file", input), ("--catalogue", parse.GetValue(catalogue))))
                || !TryCatalogue(parse.GetValue(catalogue), out IndicatorCatalogue? cat) || !TryEngine(parse.GetValue(engine), out WorkbookReadEngine readEngine))
            {
                return KtxhCli.InvalidInput;
            }

            IReadOnlyList<ReportingPeriod>? periods = null;
            if (parse.GetValue(period) is { } first && !TryPeriods(first, parse.GetValue(to), out periods))
            {
                return KtxhCli.InvalidInput;
            }

            if (!InputFile.Check(cli, "--file", input))
            {
                return KtxhCli.InvalidInput;
            }

            var options = new KtxhExcelOptions { Formulas = parse.GetValue(cached) ? FormulaPolicy.UseCachedValue : FormulaPolicy.Reject, ReadEngine = readEngine };
            if (parse.GetValue(history))
            {
                return ImportHistory(cat!, options, input, parse.GetValue(form), parse.GetValue(unit), periods, parse.GetValue(output));
            }

            var expected = new FormImportExpectation { FormCode = parse.GetValue(form), UnitCode = parse.GetValue(unit), Periods = periods };
            if (!InputFile.TryRead(cli, "--file", input, stream => new FormWorkbookImporter(cat!, options).Import(stream, expected).WithSource(input.Name), out KtxhResult<FormImport>? read))
            {
                return KtxhCli.InvalidInput;
            }

            KtxhResult<FormImport> result = read!;

            if (!result.Success)
            {
                foreach (KtxhError error in result.Errors)
                {
                    cli.Error.WriteLine(error);
                }

                cli.Error.WriteLine($"{input.Name}: {result.Errors.Count} lỗi, không nhận số liệu nào / {result.Errors.Count} errors, no value accepted");
                return KtxhCli.InvalidInput;
            }

            FormImport imported = result.Value;
            foreach (KtxhError warning in imported.Warnings)
            {
                cli.Error.WriteLine($"cảnh báo / warning: {warning}");
            }

            int written = 0;
            if (parse.GetValue(output) is { } csv)
            {
                var text = new StringBuilder("indicator,unit,period,value,maturity\n");
                foreach (DataValue v in imported.Values.Where(v => v.Column == FormColumnKind.ThisPeriod && v.Value is not null))
                {
                    text.Append(Csv(v.IndicatorCode)).Append(',').Append(Csv(v.ReportingUnitCode)).Append(',').Append(v.Period.Id).Append(',')
                        .Append(v.Value!.Value.ToString(CultureInfo.InvariantCulture)).Append(',').Append(v.Maturity.ToString().ToLowerInvariant()).Append('\n');
                    written++;
                }

                if (!WriteAtomically("--out", csv, new UTF8Encoding(false).GetBytes(text.ToString())))
                {
                    return KtxhCli.InvalidInput;
                }
            }

            cli.Out.WriteLine($"{input.Name}: {imported.Form.Code}, {imported.UnitCode}, {string.Join(",", imported.Periods.Select(p => p.Id))}: {imported.Values.Count} giá trị / values"
                + (parse.GetValue(output) is { } o ? $", {written} → {o.Name}" : string.Empty));
            return 0;
        });
        return command;
    }

    private Command Report()
    {
        var aggregates = new Option<FileInfo>("--aggregates") { Description = "CSV from ktxh aggregate (indicator,unit,period,value,…).", Required = true };
        var period = new Option<string?>("--period") { Description = "Only this period (default: every period in the file)." };
        var across = new Option<string>("--across") { Description = "What goes across: units or periods.", DefaultValueFactory = _ => "units" };
        var title = new Option<string?>("--title") { Description = "Report title." };
        var streaming = new Option<bool>("--streaming") { Description = "Write with the streaming (OpenXmlWriter) path, for large reports." };
        var output = new Option<FileInfo>("--out") { Description = "The report workbook (.xlsx).", Required = true };
        var catalogue = CatalogueOption();
        var planDb = new Option<FileInfo?>("--plan-db") { Description = "A 'ktxh workflow' SQLite file: add a % of plan column (% so với kế hoạch năm) from its accepted yearly plan targets." };
        var command = new Command("report", "Write the aggregated report workbook (báo cáo tổng hợp): indicators down, units or periods across.") { aggregates, period, across, title, streaming, output, catalogue, planDb };
        command.SetAction(parse =>
        {
            FileInfo input = parse.GetValue(aggregates)!;
            if (!OutputFile.Check(cli, "--out", parse.GetValue(output)!, ("--aggregates", input), ("--catalogue", parse.GetValue(catalogue)),
                ("--plan-db", parse.GetValue(planDb))))
            {
                return KtxhCli.InvalidInput;
            }

            string mode = parse.GetValue(across)!;
            if (mode is not ("units" or "periods"))
            {
                cli.Error.WriteLine($"--across: '{mode}' phải là units hoặc periods / must be units or periods");
                return KtxhCli.InvalidInput;
            }

            ReportingPeriod? only = null;
            if (parse.GetValue(period) is { } p)
            {
                if (!ReportingPeriod.TryParse(p, out ReportingPeriod parsed))
                {
                    cli.Error.WriteLine($"--period: kỳ '{p}' không hợp lệ / period '{p}' is not valid");
                    return KtxhCli.InvalidInput;
                }

                only = parsed;
            }

            if (!TryCatalogue(parse.GetValue(catalogue), out IndicatorCatalogue? cat) || !TryReadAggregates(input, out List<(string Indicator, string Unit, ReportingPeriod Period, decimal Value)>? rows))
            {
                return KtxhCli.InvalidInput;
            }

            var selected = rows!.Where(r => only is null || r.Period == only).ToList();
            Dictionary<(string Indicator, string Unit, ReportingPeriod Period), decimal>? plan = null;
            if (parse.GetValue(planDb) is { } planFile && (plan = PercentOfPlan(planFile.FullName, selected, rows!)) is null)
            {
                return KtxhCli.InvalidInput;
            }

            int width = plan is null ? 1 : 2; // this period, then % of plan, under each group
            bool byUnit = mode == "units";
            string[] groups = [.. (byUnit
                ? selected.Select(r => r.Unit).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                : selected.Select(r => r.Period).Distinct().Order().Select(x => x.Id))];
            var index = groups.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
            var lookup = selected.GroupBy(r => r.Indicator, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var reportRows = new List<ReportRow>();
            foreach (Indicator indicator in cat!.Indicators.Where(i => lookup.ContainsKey(i.Code)))
            {
                var values = new decimal?[groups.Length * width];
                foreach (var r in lookup[indicator.Code])
                {
                    int at = index[byUnit ? r.Unit : r.Period.Id] * width;
                    values[at] = r.Value;
                    if (plan is not null && plan.TryGetValue((r.Indicator, r.Unit, r.Period), out decimal percent))
                    {
                        values[at + 1] = percent;
                    }
                }

                string? unitName = indicator.MeasureUnitCode is { } u && cli.Get<MeasureUnitRegistry>().TryGet(u, out MeasureUnit? uom) ? uom.NameVi : indicator.MeasureUnitCode;
                reportRows.Add(new ReportRow
                {
                    IndicatorCode = indicator.Code, Label = indicator.NameVi, UnitName = unitName, Precision = Math.Min(indicator.Precision, 10),
                    Level = indicator.Relation is null ? 0 : 1, IsOfWhich = indicator.Relation?.Kind == IndicatorRelationKind.OfWhich, Values = values,
                });
            }

            var report = new ReportDocument
            {
                Title = parse.GetValue(title) ?? "BÁO CÁO TỔNG HỢP CHỈ TIÊU KINH TẾ - XÃ HỘI",
                Subtitle = only is { } op ? PeriodText.Vietnamese(op) : null,
                Groups = [.. groups.Select(g => new ReportColumnGroup(g, byUnit ? g : (ReportingPeriod.TryParse(g, out ReportingPeriod gp) ? PeriodText.Vietnamese(gp) : g)))],
                Columns = plan is null
                    ? [new FormColumn(FormColumnKind.ThisPeriod, FormColumnMode.Computed)]
                    : [new FormColumn(FormColumnKind.ThisPeriod, FormColumnMode.Computed), new FormColumn(FormColumnKind.PercentOfTarget, FormColumnMode.Computed)],
                Rows = reportRows,
            };
            if (groups.Length == 0)
            {
                cli.Error.WriteLine($"{input.Name}: không có số liệu cho kỳ đã chọn / no values for the period chosen");
                return KtxhCli.InvalidInput;
            }

            byte[] bytes = parse.GetValue(streaming) ? new StreamingReportWriter().Write(report) : new ReportWorkbookWriter().Write(report);
            if (!WriteAtomically("--out", parse.GetValue(output)!, bytes))
            {
                return KtxhCli.InvalidInput;
            }

            cli.Out.WriteLine($"{reportRows.Count} chỉ tiêu / indicators × {groups.Length} cột / columns → {parse.GetValue(output)!.Name}");
            return 0;
        });
        return command;
    }

    private bool TryCatalogue(FileInfo? file, out IndicatorCatalogue? catalogue)
    {
        catalogue = cli.Get<IndicatorCatalogue>();
        if (file is null)
        {
            return true;
        }

        KtxhResult<IndicatorCatalogue> read = IndicatorCatalogueJson.ReadFile(file.FullName);
        if (!read.Success)
        {
            foreach (KtxhError e in read.Errors)
            {
                cli.Error.WriteLine(e.WithSource(file.Name));
            }

            return false;
        }

        catalogue = read.Value!;
        return true;
    }

    private bool TryForm(IndicatorCatalogue catalogue, string code, out ReportForm? form)
    {
        if (catalogue.TryGetForm(code, out ReportForm found))
        {
            form = found;
            return true;
        }

        form = null;
        cli.Error.WriteLine($"--form: không có biểu '{code}' trong danh mục / no form '{code}' in the catalogue");
        return false;
    }

    private bool TryPeriods(string first, string? last, out IReadOnlyList<ReportingPeriod>? periods)
    {
        periods = null;
        if (!ReportingPeriod.TryParse(first, out ReportingPeriod start))
        {
            cli.Error.WriteLine($"--period: kỳ '{first}' không hợp lệ (ví dụ 2026-M03) / period '{first}' is not valid (e.g. 2026-M03)");
            return false;
        }

        if (last is null)
        {
            periods = [start];
            return true;
        }

        if (!ReportingPeriod.TryParse(last, out ReportingPeriod end) || end.Type != start.Type || end < start)
        {
            cli.Error.WriteLine($"--to: kỳ '{last}' không hợp lệ hoặc khác loại, trước kỳ đầu / period '{last}' is invalid, of another type or before the first");
            return false;
        }

        var list = new List<ReportingPeriod> { start };
        while (list[^1] < end && list.Count <= 240)
        {
            list.Add(list[^1].Next());
        }

        if (list.Count > 240)
        {
            cli.Error.WriteLine("--to: quá 240 kỳ / more than 240 periods");
            return false;
        }

        periods = list;
        return true;
    }

    /// <summary>Reads indicator, unit, period and value from the CSV <c>ktxh aggregate</c> writes; prints every bad line.</summary>
    private bool TryReadAggregates(FileInfo file, out List<(string, string, ReportingPeriod, decimal)>? rows)
    {
        rows = null;
        if (!InputFile.TryReadText(cli, "--aggregates", file, reader => reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray(), out string[]? read))
        {
            return false;
        }

        string[] lines = read!.Length > 0 && read[^1].Length == 0 ? read[..^1] : read;
        if (lines.Length == 0)
        {
            cli.Error.WriteLine($"{file.Name}: tệp trống / the file is empty");
            return false;
        }

        List<string> header = SplitCsv(lines[0].TrimStart('\uFEFF'));
        int Col(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        int ci = Col("indicator"), cu = Col("unit"), cp = Col("period"), cv = Col("value"), cd = Col("disaggregation");
        if (ci < 0 || cu < 0 || cp < 0 || cv < 0)
        {
            cli.Error.WriteLine($"{file.Name}: dòng 1: tiêu đề phải có indicator,unit,period,value / line 1: the header must have indicator,unit,period,value");
            return false;
        }

        var result = new List<(string, string, ReportingPeriod, decimal)>();
        bool ok = true;
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0)
            {
                continue;
            }

            List<string> f = SplitCsv(lines[n]);
            if (f.Count != header.Count || !ReportingPeriod.TryParse(f[cp].Trim(), out ReportingPeriod period))
            {
                cli.Error.WriteLine($"{file.Name}: dòng/line {n + 1}: số trường hoặc kỳ không hợp lệ / wrong field count or period");
                ok = false;
                continue;
            }

            if (f[cv].Trim().Length == 0 || (cd >= 0 && f[cd].Trim().Length > 0))
            {
                continue; // an aggregate with no value (no unit reported) has nothing to show; the report shows totals only
            }

            if (!decimal.TryParse(f[cv].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value))
            {
                cli.Error.WriteLine($"{file.Name}: dòng/line {n + 1}: giá trị '{f[cv]}' không phải số / value '{f[cv]}' is not a number");
                ok = false;
                continue;
            }

            result.Add((f[ci].Trim(), f[cu].Trim(), period, value));
        }

        rows = ok ? result : null;
        return ok;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>Writes through <see cref="OutputFile"/>: whole or not at all, an existing file untouched on failure.</summary>
    private bool WriteAtomically(string option, FileInfo target, byte[] bytes) => OutputFile.TryWrite(cli, option, target, bytes);
}
