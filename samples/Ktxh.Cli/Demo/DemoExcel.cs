using System.Globalization;
using ClosedXML.Excel;
using Ktxh.Aggregation;
using Ktxh.Cli.Excel;
using Ktxh.Cli.Files;
using Ktxh.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Workflow;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Indicators.Forms;
using ExcelReportRow = Ktxh.Excel.ReportRow;

namespace Ktxh.Cli.Demo;

/// <summary>The outcome of the demo's Excel step.</summary>
/// <param name="Directory">Where the files were written.</param>
/// <param name="Workbooks">The filled form workbooks accepted, one per commune.</param>
/// <param name="Refused">The errors of the workbook with mistakes (refused whole).</param>
/// <param name="ValuesImported">The values the accepted workbooks gave.</param>
/// <param name="ReportPath">The province's report workbook.</param>
/// <param name="ProgressPath">The aggregator's progress and timeliness sheet.</param>
internal sealed record DemoExcelOutcome(
    string Directory,
    IReadOnlyList<string> Workbooks,
    IReadOnlyList<KtxhError> Refused,
    int ValuesImported,
    string ReportPath,
    string ProgressPath);

/// <summary>
/// The demo's Excel step: a form workbook for a handful of communes, filled the way a person would (by the row's code and
/// the column's header), imported; one with mistakes (text in a numeric cell, a negative value, a required value
/// missing) is refused with every error at its cell, then corrected and accepted; then the province's report workbook
/// and the aggregator's progress sheet. Files are written atomically into one folder, printed at the end.
/// </summary>
internal sealed class DemoExcel(Action<string> line, IServiceProvider services)
{
    /// <summary>The number of communes that get a workbook (a handful keeps the demo fast).</summary>
    public const int Communes = 4;

    /// <summary>The folder used when none is given: under the system's temporary folder, one per province and period.</summary>
    public static string DefaultDirectory(string provinceCode, ReportingPeriod period) =>
        Path.Combine(Path.GetTempPath(), "ktxh-demo", $"{provinceCode}-{period.Id}");

    public DemoExcelOutcome Run(string directory, string formCode, string provinceCode, ReportingPeriod period, LocalDate due, AdministrativeHierarchy hierarchy,
        DemoData data, AggregationResult result, ProgressReport progress)
    {
        Directory.CreateDirectory(directory);
        var catalogue = services.GetRequiredService<IndicatorCatalogue>();
        var units = services.GetRequiredService<MeasureUnitRegistry>();
        ReportForm form = catalogue.GetForm(formCode);
        var generator = new FormWorkbookGenerator(catalogue, units);
        var importer = new FormWorkbookImporter(catalogue);

        // Communes whose figures are plain (not an estimate, not in tỷ đồng, not mistyped, sent in time).
        string[] special = [data.EstimateCommune, data.CommuneInBillions, data.CommuneWithTypo, data.CommuneWithOfWhichError, .. data.MissingCommunes];
        string[] chosen = hierarchy.CommunesOf(provinceCode).Select(u => u.Code).Where(c => !special.Contains(c)).Take(Communes).ToArray();
        var accepted = new List<string>();
        IReadOnlyList<KtxhError> refused = [];
        int imported = 0;
        for (int i = 0; i < chosen.Length; i++)
        {
            string commune = chosen[i];
            byte[] template = generator.Generate(FormWorkbookRequest.For(form, hierarchy.Get(commune), period, due));
            var values = data.Values.Where(v => v.UnitCode == commune && v.Period == period).ToDictionary(v => v.IndicatorCode, v => v.Value, StringComparer.Ordinal);
            var expected = FormImportExpectation.For(form.Code, commune, period);
            if (i == 0)
            {
                // A person's slips: words in a number cell, a minus sign, the total left empty.
                string wrongName = $"{commune}-{period.Id}-co-loi.xlsx";
                byte[] wrong = Fill(template, form, values, sheet => Mistakes(sheet, values));
                OutputFile.Write(Path.Combine(directory, wrongName), wrong);
                KtxhResult<FormImport> refusedResult = importer.Import(wrong, expected).WithSource(wrongName);
                refused = refusedResult.Errors;
                line($"{wrongName}: bị từ chối, {refused.Count} lỗi, không nhận giá trị nào / refused, {refused.Count} errors, no value accepted:");
                foreach (KtxhError error in refused)
                {
                    line("  " + error);
                }
            }

            string name = $"{commune}-{period.Id}.xlsx";
            byte[] filled = Fill(template, form, values, _ => { });
            OutputFile.Write(Path.Combine(directory, name), filled);
            KtxhResult<FormImport> ok = importer.Import(filled, expected).WithSource(name);
            if (!ok.TryGetValue(out FormImport? import))
            {
                line($"{name}: KHÔNG nhận được / NOT accepted: {string.Join("; ", ok.Errors)}");
                continue;
            }

            accepted.Add(name);
            imported += import.Values.Count;
            line($"{name}: {(i == 0 ? "đã sửa, " : string.Empty)}nhận {import.Values.Count} giá trị / {(i == 0 ? "corrected, " : string.Empty)}{import.Values.Count} values accepted"
                 + $" ({hierarchy.Get(commune).NameVi})");
        }

        string reportPath = Path.Combine(directory, $"bao-cao-{provinceCode}-{period.Id}.xlsx");
        OutputFile.Write(reportPath, new ReportWorkbookWriter().Write(Report(catalogue, units, hierarchy, provinceCode, period, result)));
        line($"Báo cáo tổng hợp của tỉnh / the province's report workbook: {Path.GetFileName(reportPath)}");

        ReportingUnit province = hierarchy.Get(provinceCode);
        ProgressSheet sheet = WorkflowProgressSheet.From(progress, $"{province.Code} – {province.NameVi}", code => hierarchy.Find(code)?.NameVi, form.NameVi);
        string progressPath = Path.Combine(directory, $"tien-do-{provinceCode}-{period.Id}.xlsx");
        OutputFile.Write(progressPath, new ProgressSheetWriter().Write(sheet));
        IReadOnlyDictionary<ProgressStatus, int> counts = sheet.CountByStatus;
        line($"Bảng tiến độ / progress sheet: {Path.GetFileName(progressPath)} ({sheet.Rows.Count} xã; đúng hạn {counts[ProgressStatus.OnTime]}, "
             + $"trễ {counts[ProgressStatus.Late]}, chưa gửi {counts[ProgressStatus.Missing]}).");
        line($"Các tệp ở / files are in: {directory}");
        return new DemoExcelOutcome(directory, accepted, refused, imported, reportPath, progressPath);
    }

    private static void Mistakes(IXLWorksheet sheet, Dictionary<string, decimal> values)
    {
        Dictionary<string, int> rows = Rows(sheet);
        int column = ThisPeriodColumn(sheet);
        sheet.Cell(rows[DemoData.RetailComponents[0]], column).SetValue("khoảng 5 tỷ");
        sheet.Cell(rows[DemoData.RetailComponents[2]], column).SetValue(-Math.Max(values.GetValueOrDefault(DemoData.RetailComponents[2]), 35m));
        sheet.Cell(rows[DemoData.RetailTotal], column).Clear(XLClearOptions.Contents);
    }

    /// <summary>Types each value into the row of its code, in the "this period" column, as a person filling the form would.</summary>
    private static byte[] Fill(byte[] template, ReportForm form, Dictionary<string, decimal> values, Action<IXLWorksheet> afterwards)
    {
        using var workbook = new XLWorkbook(new MemoryStream(template));
        IXLWorksheet sheet = workbook.Worksheet(FormWorkbookRequest.DefaultSheetName);
        Dictionary<string, int> rows = Rows(sheet);
        int column = ThisPeriodColumn(sheet);
        foreach (FormRow row in form.Rows)
        {
            if (values.TryGetValue(row.IndicatorCode, out decimal value) && rows.TryGetValue(row.IndicatorCode, out int r))
            {
                sheet.Cell(r, column).SetValue(value);
            }
        }

        afterwards(sheet);
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    // The header row is the one whose second cell reads "Mã chỉ tiêu"; the column headers are on the row below it.
    private static int HeaderRow(IXLWorksheet sheet) =>
        Enumerable.Range(1, 30).First(r => sheet.Cell(r, 2).GetString() == "Mã chỉ tiêu");

    private static int ThisPeriodColumn(IXLWorksheet sheet)
    {
        int headerRow = HeaderRow(sheet) + 1;
        string header = FormColumnHeaders.Vietnamese(FormColumnKind.ThisPeriod);
        return Enumerable.Range(1, 60).First(c => sheet.Cell(headerRow, c).GetString() == header);
    }

    private static Dictionary<string, int> Rows(IXLWorksheet sheet)
    {
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = HeaderRow(sheet) + 2; !sheet.Cell(r, 2).IsEmpty(); r++)
        {
            rows[sheet.Cell(r, 2).GetString()] = r;
        }

        return rows;
    }

    /// <summary>The province's report: the retail and budget indicators down, this period, cumulative, same period last year and growth across.</summary>
    private static ReportDocument Report(IndicatorCatalogue catalogue, MeasureUnitRegistry units, AdministrativeHierarchy hierarchy, string provinceCode,
        ReportingPeriod period, AggregationResult result)
    {
        string[] codes = [DemoData.RetailTotal, .. DemoData.RetailComponents, DemoData.BudgetRevenue, DemoData.DomesticRevenue];
        var rows = new List<ExcelReportRow>();
        foreach (string code in codes)
        {
            Indicator indicator = catalogue.Get(code);
            var line = result.Report(code, provinceCode, period);
            rows.Add(new ExcelReportRow
            {
                IndicatorCode = code,
                Label = indicator.NameVi,
                UnitName = indicator.MeasureUnitCode is { } u && units.TryGet(u, out MeasureUnit? unit) ? unit.NameVi : indicator.MeasureUnitCode,
                Precision = Math.Min(indicator.Precision, 10),
                Level = indicator.Relation is null ? 0 : 1,
                IsOfWhich = indicator.Relation?.Kind == IndicatorRelationKind.OfWhich,
                Values = [line.ThisPeriod, line.Cumulative, line.SamePeriodLastYear, line.IndexOverSamePeriodLastYear],
            });
        }

        ReportingUnit province = hierarchy.Get(provinceCode);
        return new ReportDocument
        {
            Title = $"BÁO CÁO KINH TẾ - XÃ HỘI {PeriodText.Vietnamese(period).ToUpper(CultureInfo.GetCultureInfo("vi-VN"))}",
            Subtitle = $"{province.NameVi} ({province.Code}); số liệu đã tiếp nhận và tổng hợp",
            Groups = [new ReportColumnGroup(province.Code, province.NameVi)],
            Columns = FormColumn.StandardPeriodic,
            Rows = rows,
        };
    }
}
