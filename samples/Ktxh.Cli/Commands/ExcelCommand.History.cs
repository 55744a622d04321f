using System.Globalization;
using System.Text;
using Ktxh.Cli.Files;
using Ktxh.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Indicators.ReportingUnits;

namespace Ktxh.Cli.Commands;

/// <summary><c>ktxh excel template --history</c>, <c>ktxh excel import --history</c> and <c>--engine</c>: history workbooks
/// of many units and periods (the 2020–2024 history of seed "000-nso-dispatch-ktxh-rollout-2026.txt").</summary>
internal sealed partial class ExcelCommand
{
    // The history layout's limits: 100,000 units, and the data rows from row 6 to the sheet's last row (1,048,576).
    private const int HistoryMaxUnits = 100_000;
    private const long HistoryMaxRows = 1_048_576 - 5;

    private bool TryEngine(string? text, out WorkbookReadEngine engine)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "streaming":
                engine = WorkbookReadEngine.Streaming;
                return true;
            case "closedxml":
                engine = WorkbookReadEngine.ClosedXml;
                return true;
            default:
                engine = default;
                cli.Error.WriteLine($"--engine: '{text}' phải là streaming hoặc closedxml / must be streaming or closedxml");
                return false;
        }
    }

    /// <summary>
    /// Writes a history workbook: the form's rows for each unit, one input column per period. A unit's name is the one in
    /// force at the end of the last period (for 2020–2024, before the 1 July 2025 reform: the code's unit then, as the
    /// per-period hierarchy aggregates those years), else the code's latest name.
    /// </summary>
    private int TemplateHistory(IndicatorCatalogue catalogue, ReportForm form, string unitList, string? unitName, string? deadline,
        IReadOnlyList<ReportingPeriod> periods, FileInfo output)
    {
        if (unitName is not null || deadline is not null)
        {
            cli.Error.WriteLine("--history: không dùng --unit-name, --deadline (tên đơn vị lấy từ danh mục đơn vị) / --unit-name and --deadline do not apply (unit names come from the directory of units)");
            return KtxhCli.InvalidInput;
        }

        string[] codes = unitList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (codes.Length == 0)
        {
            cli.Error.WriteLine("--unit: cần ít nhất một mã đơn vị / at least one unit code is needed");
            return KtxhCli.InvalidInput;
        }

        ReportingUnitDirectory directory = cli.Get<ReportingUnitDirectory>();
        var units = new List<HistoryUnit>(codes.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool ok = true;
        foreach (string code in codes)
        {
            if (!seen.Add(code))
            {
                cli.Error.WriteLine($"--unit: mã đơn vị '{code}' lặp lại / unit code '{code}' is repeated");
                ok = false;
                continue;
            }

            ReportingUnit? found = directory.Find(code, periods[^1].End) ?? directory.VersionsOf(code).LastOrDefault();
            if (found is null)
            {
                cli.Error.WriteLine($"--unit: không có đơn vị '{code}' trong danh mục đơn vị / no unit '{code}' in the directory of units");
                ok = false;
                continue;
            }

            units.Add(new HistoryUnit(found.Code, found.NameVi));
        }

        // The sheet's limit (1,048,576 rows) is checked here so the message is ours, not an exception's.
        long rows = (long)units.Count * form.Rows.Count;
        if (ok && (units.Count > HistoryMaxUnits || rows > HistoryMaxRows))
        {
            cli.Error.WriteLine($"--unit: {units.Count} đơn vị × {form.Rows.Count} dòng vượt giới hạn một trang tính / {units.Count} units × {form.Rows.Count} rows exceed one sheet");
            ok = false;
        }

        if (!ok)
        {
            return KtxhCli.InvalidInput;
        }

        byte[] bytes = new HistoryWorkbookGenerator(catalogue, cli.Get<MeasureUnitRegistry>())
            .Generate(new HistoryWorkbookRequest { Form = form, Units = units, Periods = periods });
        if (!WriteAtomically("--out", output, bytes))
        {
            return KtxhCli.InvalidInput;
        }

        cli.Out.WriteLine($"{form.Code}: {units.Count} đơn vị / units × {form.Rows.Count} chỉ tiêu / indicators, {periods.Count} kỳ / periods ({periods[0].Id}…{periods[^1].Id}) → {output.Name}");
        return 0;
    }

    /// <summary>Imports a history workbook: problems by sheet and cell, or the values CSV of every unit and period.</summary>
    private int ImportHistory(IndicatorCatalogue catalogue, KtxhExcelOptions options, FileInfo input, string? form, string? units,
        IReadOnlyList<ReportingPeriod>? periods, FileInfo? output)
    {
        var expected = new HistoryImportExpectation
        {
            FormCode = form,
            UnitCodes = units?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Periods = periods?.ToArray(),
        };
        if (!InputFile.TryRead(cli, "--file", input, stream => new HistoryWorkbookImporter(catalogue, options).Import(stream, expected).WithSource(input.Name), out KtxhResult<HistoryImport>? read))
        {
            return KtxhCli.InvalidInput;
        }

        KtxhResult<HistoryImport> result = read!;

        if (!result.Success)
        {
            foreach (KtxhError error in result.Errors)
            {
                cli.Error.WriteLine(error);
            }

            cli.Error.WriteLine($"{input.Name}: {result.Errors.Count} lỗi, không nhận số liệu nào / {result.Errors.Count} errors, no value accepted");
            return KtxhCli.InvalidInput;
        }

        HistoryImport imported = result.Value;
        foreach (KtxhError warning in imported.Warnings)
        {
            cli.Error.WriteLine($"cảnh báo / warning: {warning}");
        }

        int written = 0;
        if (output is not null)
        {
            var text = new StringBuilder("indicator,unit,period,value,maturity\n");
            foreach (DataValue v in imported.Values.Where(v => v.Value is not null))
            {
                text.Append(Csv(v.IndicatorCode)).Append(',').Append(Csv(v.ReportingUnitCode)).Append(',').Append(v.Period.Id).Append(',')
                    .Append(v.Value!.Value.ToString(CultureInfo.InvariantCulture)).Append(',').Append(v.Maturity.ToString().ToLowerInvariant()).Append('\n');
                written++;
            }

            if (!WriteAtomically("--out", output, new UTF8Encoding(false).GetBytes(text.ToString())))
            {
                return KtxhCli.InvalidInput;
            }
        }

        cli.Out.WriteLine($"{input.Name}: {imported.Form.Code}, {imported.UnitCodes.Count} đơn vị / units, {string.Join(",", imported.Periods.Select(p => p.Id))}: {imported.Values.Count} giá trị / values"
            + (output is not null ? $", {written} → {output.Name}" : string.Empty));
        return 0;
    }
}
