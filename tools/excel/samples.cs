#:project ../../src/Ktxh.Excel/Ktxh.Excel.csproj
// Writes the sample workbooks that tools/excel/libreoffice-check.sh renders: a commune's form workbook (built-in
// catalogue, form 001.T/BCC-XA, March 2026) filled with a few values, a history workbook (three communes, 2020–2024,
// partly pre-filled) and the province's report workbook from both writers (ClosedXML and streaming).
// Usage: dotnet run --no-cache tools/excel/samples.cs -- <output folder>
using ClosedXML.Excel;
using Ktxh.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.DataValues;

string folder = args.Length > 0 ? args[0] : ".";
Directory.CreateDirectory(folder);
IndicatorCatalogue catalogue = IndicatorCatalogue.BuiltIn;
ReportForm form = catalogue.Forms.OrderBy(f => f.Code, StringComparer.Ordinal).First(f => f.Rows.Count >= 5 && f.PeriodType == PeriodType.Month);

byte[] template = new FormWorkbookGenerator(catalogue).Generate(new FormWorkbookRequest
{
    Form = form, UnitCode = "00004", UnitName = "Phường Ba Đình", Periods = [ReportingPeriod.Month(2026, 3)], Deadline = new NodaTime.LocalDate(2026, 4, 12),
});
File.WriteAllBytes(Path.Combine(folder, "form.xlsx"), template);

HistoryUnit[] units = [new("00004", "Phường Ba Đình"), new("00008", "Phường Ngọc Hà"), new("00025", "Phường Giảng Võ")];
var history = HistoryWorkbookRequest.ForRange(form, units, ReportingPeriod.CalendarYear(2020), ReportingPeriod.CalendarYear(2024));
var known = new List<DataValue>();
var random = new Random(2020);
foreach (HistoryUnit unit in units.Take(2))
{
    foreach (ReportingPeriod year in history.Periods)
    {
        foreach (FormRow row in form.Rows.Take(3))
        {
            if (catalogue.Get(row.IndicatorCode).ValueKind != ValueKind.Text)
            {
                known.Add(DataValue.Number(row.IndicatorCode, unit.Code, year, random.Next(100, 99_999)));
            }
        }
    }
}

File.WriteAllBytes(Path.Combine(folder, "history.xlsx"), new HistoryWorkbookGenerator(catalogue).Generate(history with { Values = known }));

var report = new ReportDocument
{
    Title = "BÁO CÁO KINH TẾ - XÃ HỘI THÁNG 3/2026",
    Subtitle = "Thành phố Hà Nội — số liệu chính thức",
    Groups = [.. units.Select(u => new ReportColumnGroup(u.Code, u.Name))],
    Columns = FormColumn.StandardPeriodic,
    Rows = [.. form.Rows.Take(12).Select((row, i) =>
    {
        Indicator indicator = catalogue.Get(row.IndicatorCode);
        return new ReportRow
        {
            IndicatorCode = indicator.Code, Label = row.LabelVi ?? indicator.NameVi, Level = row.Level, IsOfWhich = row.IsOfWhich,
            UnitName = indicator.MeasureUnitCode is { } code && MeasureUnitRegistry.Default.TryGet(code, out MeasureUnit? m) ? m.NameVi : indicator.MeasureUnitCode,
            Precision = Math.Min(indicator.Precision, 10),
            Values = [.. Enumerable.Range(0, units.Length * 4).Select(k => indicator.ValueKind == ValueKind.Text ? null : (decimal?)Math.Round((decimal)random.NextDouble() * 10_000m, 2))],
        };
    })],
};
File.WriteAllBytes(Path.Combine(folder, "report-closedxml.xlsx"), new ReportWorkbookWriter().Write(report));
File.WriteAllBytes(Path.Combine(folder, "report-streaming.xlsx"), new StreamingReportWriter().Write(report));
Console.WriteLine($"form {form.Code}: {form.Rows.Count} rows → {folder}/form.xlsx, history.xlsx, report-closedxml.xlsx, report-streaming.xlsx");
