using System.Globalization;
using ClosedXML.Excel;

namespace Ktxh.Excel;

/// <summary>
/// Writes an aggregator's progress and timeliness sheet (<see cref="ProgressSheet"/>) with ClosedXML: a header (form,
/// period, aggregating unit, the day), one row per unit (code, name, state, when sent, deadline, working days late,
/// on time / late / missing / not yet due, note) with the status cell coloured, then the totals per status, the working
/// days late and the on-time rate. Vietnamese headers, header row frozen and filterable, explicit widths, A4 landscape
/// fitted to the page width with the header row repeated. Codes are text (leading zeros kept); text is never a formula.
/// Thread-safe (stateless).
/// </summary>
public sealed class ProgressSheetWriter
{
    private const int HeaderRow = 5;
    private const int Columns = 9;
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");

    /// <summary>Writes the sheet and returns the workbook's bytes (.xlsx).</summary>
    /// <param name="sheet">The progress sheet.</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="ArgumentException">The sheet name is not allowed.</exception>
    public byte[] Write(ProgressSheet sheet)
    {
        using var buffer = new MemoryStream();
        Write(sheet, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the sheet (.xlsx) to a stream.</summary>
    /// <param name="sheet">The progress sheet.</param>
    /// <param name="output">A writable stream; left open.</param>
    /// <exception cref="ArgumentException">The sheet name is not allowed.</exception>
    public void Write(ProgressSheet sheet, Stream output)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(output);
        SheetNames.ThrowIfInvalid(sheet.SheetName, nameof(sheet));
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = "Times New Roman";
        workbook.Style.Font.FontSize = 12;
        IXLWorksheet ws = workbook.Worksheets.Add(sheet.SheetName);

        Text(ws.Cell(1, 1), sheet.Title);
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;
        ws.Cell(1, 1).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        ws.Range(1, 1, 1, Columns).Merge();
        Text(ws.Cell(2, 1), $"Biểu: {sheet.FormCode}{(sheet.FormName is null ? string.Empty : " – " + sheet.FormName)}");
        Text(ws.Cell(3, 1), $"Kỳ báo cáo: {PeriodText.Vietnamese(sheet.Period)} ({sheet.Period.Id}); đơn vị tổng hợp: {sheet.ReceivingUnit}; "
            + $"số liệu đến ngày {sheet.AsOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        ws.Range(2, 1, 2, Columns).Merge();
        ws.Range(3, 1, 3, Columns).Merge();

        string[] headers = ["STT", "Mã đơn vị", "Tên đơn vị", "Trạng thái báo cáo", "Thời điểm gửi", "Hạn gửi", "Số ngày làm việc trễ", "Tình hình gửi", "Ghi chú"];
        for (int c = 0; c < headers.Length; c++)
        {
            ws.Cell(HeaderRow, c + 1).SetValue(headers[c]);
        }

        IXLRange head = ws.Range(HeaderRow, 1, HeaderRow, Columns);
        head.Style.Font.Bold = true;
        head.Style.Fill.BackgroundColor = HeaderFill;
        head.Style.Alignment.WrapText = true;
        head.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        head.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        ws.Row(HeaderRow).Height = 32;

        int r = HeaderRow;
        foreach (ProgressSheetRow row in sheet.Rows)
        {
            r++;
            ws.Cell(r, 1).SetValue(r - HeaderRow);
            Text(ws.Cell(r, 2), row.UnitCode);
            Text(ws.Cell(r, 3), row.UnitName ?? string.Empty);
            Text(ws.Cell(r, 4), row.State);
            if (row.SentAt is { } sent)
            {
                ws.Cell(r, 5).SetValue(sent.ToDateTimeUnspecified());
                ws.Cell(r, 5).Style.NumberFormat.Format = "dd/mm/yyyy hh:mm";
            }

            if (row.Deadline is { } due)
            {
                ws.Cell(r, 6).SetValue(due.ToDateTimeUnspecified());
                ws.Cell(r, 6).Style.NumberFormat.Format = "dd/mm/yyyy";
            }

            if (row.Status is ProgressStatus.Late or ProgressStatus.Missing)
            {
                ws.Cell(r, 7).SetValue(row.WorkingDaysLate);
            }

            IXLCell status = ws.Cell(r, 8);
            Text(status, ProgressSheet.Vietnamese(row.Status));
            status.Style.Fill.BackgroundColor = Fill(row.Status);
            status.Style.Font.Bold = row.Status is ProgressStatus.Late or ProgressStatus.Missing;
            Text(ws.Cell(r, 9), row.Note ?? string.Empty);
        }

        IXLRange table = ws.Range(HeaderRow, 1, Math.Max(r, HeaderRow), Columns);
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        if (r > HeaderRow)
        {
            table.SetAutoFilter();
        }

        WriteTotals(ws, sheet, r + 2);

        // Explicit widths: AdjustToContents needs GDI+ and throws on Linux (CONVENTIONS.md).
        double[] widths = [6, 12, 34, 20, 17, 12, 12, 18, 30];
        for (int c = 0; c < widths.Length; c++)
        {
            ws.Column(c + 1).Width = widths[c];
        }

        ws.SheetView.Freeze(HeaderRow, 2);
        ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
        ws.PageSetup.FitToPages(1, 0);
        ws.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
        workbook.SaveAs(output);
    }

    private static void WriteTotals(IXLWorksheet ws, ProgressSheet sheet, int row)
    {
        IReadOnlyDictionary<ProgressStatus, int> counts = sheet.CountByStatus;
        Text(ws.Cell(row, 2), "TỔNG HỢP");
        ws.Cell(row, 2).Style.Font.Bold = true;
        var lines = new List<(string Label, object Value, ProgressStatus? Status)>
        {
            ("Tổng số đơn vị", sheet.Rows.Count, null),
        };
        foreach (ProgressStatus status in new[] { ProgressStatus.OnTime, ProgressStatus.Late, ProgressStatus.Missing, ProgressStatus.NotYetDue, ProgressStatus.NotApplicable })
        {
            lines.Add((ProgressSheet.Vietnamese(status), counts[status], status));
        }

        lines.Add(("Tổng số ngày làm việc trễ", sheet.Rows.Where(x => x.Status is ProgressStatus.Late or ProgressStatus.Missing).Sum(x => x.WorkingDaysLate), null));
        int first = row + 1;
        foreach ((string label, object value, ProgressStatus? status) in lines)
        {
            row++;
            Text(ws.Cell(row, 2), label);
            ws.Range(row, 2, row, 3).Merge();
            ws.Cell(row, 4).SetValue((int)value);
            if (status is { } s)
            {
                ws.Cell(row, 2).Style.Fill.BackgroundColor = Fill(s);
            }
        }

        row++;
        Text(ws.Cell(row, 2), "Tỷ lệ gửi đúng hạn (trên số đã đến hạn)");
        ws.Range(row, 2, row, 3).Merge();
        if (sheet.OnTimeRate is { } rate)
        {
            ws.Cell(row, 4).SetValue(rate);
            ws.Cell(row, 4).Style.NumberFormat.Format = "0.0%";
        }

        IXLRange totals = ws.Range(first, 2, row, 4);
        totals.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        totals.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    private static XLColor Fill(ProgressStatus status) => status switch
    {
        ProgressStatus.OnTime => XLColor.FromHtml("#C6EFCE"),
        ProgressStatus.Late => XLColor.FromHtml("#FFEB9C"),
        ProgressStatus.Missing => XLColor.FromHtml("#FFC7CE"),
        ProgressStatus.NotYetDue => XLColor.FromHtml("#DDEBF7"),
        _ => XLColor.FromHtml("#F2F2F2"),
    };

    // SetValue<string> keeps text as text; text starting with = + - @ gets the quote prefix as well.
    private static void Text(IXLCell cell, string text)
    {
        cell.SetValue(XmlText.Safe(text));
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }
}
