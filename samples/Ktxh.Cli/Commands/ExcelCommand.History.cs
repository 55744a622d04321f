using System.Globalization;
using System.Text;
using Ktxh.Cli.Files;
using Ktxh.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Indicators.DataValues;

namespace Ktxh.Cli.Commands;

/// <summary><c>ktxh excel import --history</c> and <c>--engine</c>: history workbooks of many units and periods.</summary>
internal sealed partial class ExcelCommand
{
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
