using System.Globalization;
using ClosedXML.Excel;

namespace Ktxh.Excel;

/// <summary>
/// Writes an aggregated report workbook with ClosedXML: indicators down, units or periods across with the report
/// columns under each, number formats from each indicator's precision, units shown, headers frozen, printable (A4
/// landscape, fit to width, header rows repeated on every page). Text is always written as text, so a label or code
/// starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> never becomes a formula and codes keep their leading zeros.
/// For large reports use <see cref="StreamingReportWriter"/>, which writes the same layout in a fraction of the time and memory.
/// Thread-safe (stateless).
/// </summary>
public sealed class ReportWorkbookWriter
{
    /// <summary>Writes the report and returns its bytes (.xlsx).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="ArgumentException">A row does not have one value per group and column, or the sheet name is not allowed.</exception>
    public byte[] Write(ReportDocument report)
    {
        using var buffer = new MemoryStream();
        Write(report, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the report (.xlsx) to a stream.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">A writable stream; left open.</param>
    /// <exception cref="ArgumentException">A row does not have one value per group and column, or the sheet name is not allowed.</exception>
    public void Write(ReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        report.Validate();
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = "Times New Roman";
        workbook.Style.Font.FontSize = 11;
        IXLWorksheet sheet = workbook.Worksheets.Add(report.SheetName);
        int lastColumn = ReportDocument.FixedColumns + report.ValueCount;

        sheet.Cell(1, 1).SetValue(XmlText.Safe(report.Title));
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        if (report.Subtitle is not null)
        {
            sheet.Cell(2, 1).SetValue(XmlText.Safe(report.Subtitle));
            sheet.Cell(2, 1).Style.Font.Italic = true;
        }

        int groupRow = ReportDocument.FirstDataRow - 2, columnRow = ReportDocument.FirstDataRow - 1;
        string[] fixedHeaders = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"];
        for (int c = 0; c < fixedHeaders.Length; c++)
        {
            sheet.Cell(groupRow, c + 1).SetValue(fixedHeaders[c]);
            sheet.Range(groupRow, c + 1, columnRow, c + 1).Merge();
        }

        for (int g = 0; g < report.Groups.Count; g++)
        {
            int first = ReportDocument.FixedColumns + 1 + (g * report.Columns.Count);
            sheet.Cell(groupRow, first).SetValue(XmlText.Safe(report.Groups[g].Label));
            if (report.Columns.Count > 1)
            {
                sheet.Range(groupRow, first, groupRow, first + report.Columns.Count - 1).Merge();
            }

            for (int k = 0; k < report.Columns.Count; k++)
            {
                sheet.Cell(columnRow, first + k).SetValue(FormColumnHeaders.Vietnamese(report.Columns[k]));
            }
        }

        IXLRange headers = sheet.Range(groupRow, 1, columnRow, lastColumn);
        headers.Style.Font.Bold = true;
        headers.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        headers.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        headers.Style.Alignment.WrapText = true;
        headers.Style.Fill.BackgroundColor = XLColor.FromHtml("#DDEBF7");

        int ordinal = 0;
        for (int i = 0; i < report.Rows.Count; i++)
        {
            ReportRow row = report.Rows[i];
            int r = ReportDocument.FirstDataRow + i;
            if (row.Level == 0 && !row.IsOfWhich)
            {
                sheet.Cell(r, 1).SetValue((++ordinal).ToString(CultureInfo.InvariantCulture));
            }

            sheet.Cell(r, 2).SetValue(XmlText.Safe(row.IndicatorCode));
            IXLCell label = sheet.Cell(r, 3);
            label.SetValue(XmlText.Safe(ReportDocument.LabelOf(row)));
            label.Style.Alignment.Indent = Math.Clamp(row.Level, 0, 15);
            label.Style.Font.Italic = row.IsOfWhich;
            label.Style.Alignment.WrapText = true;
            sheet.Cell(r, 4).SetValue(XmlText.Safe(row.UnitName ?? string.Empty));
            for (int v = 0; v < row.Values.Count; v++)
            {
                IXLCell cell = sheet.Cell(r, ReportDocument.FixedColumns + 1 + v);
                if (row.Texts is not null && row.Texts.TryGetValue(v, out string? text))
                {
                    cell.SetValue(XmlText.Safe(text));
                }
                else if (row.Values[v] is { } value)
                {
                    cell.SetValue(value);
                    cell.Style.NumberFormat.Format = FormWorkbookGenerator.NumberFormat(report.PrecisionOf(row, v));
                }
            }
        }

        if (report.Rows.Count > 0)
        {
            IXLRange body = sheet.Range(groupRow, 1, ReportDocument.FirstDataRow + report.Rows.Count - 1, lastColumn);
            body.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            body.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        }

        // Explicit widths: AdjustToContents needs GDI+ and throws on Linux (CONVENTIONS.md).
        sheet.Column(1).Width = 6;
        sheet.Column(2).Width = 16;
        sheet.Column(3).Width = 50;
        sheet.Column(4).Width = 12;
        sheet.Columns(ReportDocument.FixedColumns + 1, lastColumn).Width = 14;
        sheet.Row(columnRow).Height = 45;
        sheet.SheetView.Freeze(columnRow, ReportDocument.FixedColumns);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(groupRow, columnRow);
        sheet.PageSetup.SetColumnsToRepeatAtLeft(1, ReportDocument.FixedColumns);
        workbook.SaveAs(output);
    }
}
