using System.Globalization;
using ClosedXML.Excel;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Periods;

namespace Ktxh.Excel;

/// <summary>
/// Makes the workbook a reporting unit fills in: a protected form sheet (header, one row per indicator with its unit of
/// measure, indentation and "Trong đó" marks, unlocked and validated input cells) and a hidden, protected metadata
/// sheet (form code and version, unit, periods, layout checksum) by which <see cref="FormWorkbookImporter"/> tells a
/// genuine, current workbook from a renamed or outdated one.
/// </summary>
/// <remarks>
/// Written with ClosedXML 0.95.4 within its measured limits on Linux (CONVENTIONS.md): explicit column widths (no
/// <c>AdjustToContents</c>), every value through <c>SetValue&lt;T&gt;</c> so codes stay text. Thread-safe: each call
/// builds its own workbook; the catalogue and options are only read.
/// </remarks>
public sealed class FormWorkbookGenerator
{
    private static readonly XLColor InputFill = XLColor.White;
    private static readonly XLColor LockedFill = XLColor.FromHtml("#F2F2F2");
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private readonly IndicatorCatalogue _catalogue;
    private readonly MeasureUnitRegistry _units;
    private readonly KtxhExcelOptions _options;

    /// <summary>Creates a generator.</summary>
    /// <param name="catalogue">The catalogue the forms and indicators come from.</param>
    /// <param name="units">The unit registry that names units of measure (default <see cref="MeasureUnitRegistry.Default"/>).</param>
    /// <param name="options">The options (bounds, sheet password); defaults when <see langword="null"/>.</param>
    public FormWorkbookGenerator(IndicatorCatalogue catalogue, MeasureUnitRegistry? units = null, KtxhExcelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _units = units ?? MeasureUnitRegistry.Default;
        _options = options ?? new KtxhExcelOptions();
    }

    /// <summary>Makes the workbook and returns its bytes (.xlsx).</summary>
    /// <param name="request">What the workbook is for.</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="ArgumentException">The request names no period, the sheet name is not allowed, or a form row's indicator is not in the catalogue.</exception>
    public byte[] Generate(FormWorkbookRequest request)
    {
        using var buffer = new MemoryStream();
        Generate(request, buffer);
        return buffer.ToArray();
    }

    /// <summary>Makes the workbook and writes it (.xlsx) to a stream.</summary>
    /// <param name="request">What the workbook is for.</param>
    /// <param name="output">A writable stream; left open.</param>
    /// <exception cref="ArgumentException">The request names no period, the sheet name is not allowed, or a form row's indicator is not in the catalogue.</exception>
    public void Generate(FormWorkbookRequest request, Stream output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        SheetNames.ThrowIfInvalid(request.SheetName, nameof(request));
        FormLayout layout = FormLayout.Create(_catalogue, request.Form, request.UnitCode, request.Periods, request.SheetName, _options.Bounds);

        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = "Times New Roman";
        workbook.Style.Font.FontSize = 12;
        IXLWorksheet sheet = workbook.Worksheets.Add(layout.SheetName);
        WriteHeader(sheet, layout, request);
        WriteColumnHeaders(sheet, layout);
        WriteRows(sheet, layout);
        SetWidthsAndView(sheet, layout);
        Protect(sheet);
        WriteMetadata(workbook, layout);
        sheet.SetTabActive();
        workbook.SaveAs(output);
    }

    private static void WriteHeader(IXLWorksheet sheet, FormLayout layout, FormWorkbookRequest request)
    {
        ReportForm form = layout.Form;
        int last = Math.Max(layout.LastColumn, FormLayout.UnitColumn);
        IXLCell title = sheet.Cell(FormLayout.TitleRow, 1);
        title.SetValue(XmlText.Safe(form.NameVi.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))));
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;
        title.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        sheet.Range(FormLayout.TitleRow, 1, FormLayout.TitleRow, last).Merge();

        Label(sheet, FormLayout.FormRowNumber, "Mã biểu:", $"{form.Code} (phiên bản {form.Version})", last);
        Label(sheet, FormLayout.UnitRow, "Đơn vị báo cáo:", request.UnitName is null ? layout.UnitCode : $"{layout.UnitCode} – {request.UnitName}", last);
        Label(sheet, FormLayout.PeriodRow, "Kỳ báo cáo:", DescribePeriods(layout.Periods), last);
        if (request.Deadline is { } deadline)
        {
            Label(sheet, FormLayout.DeadlineRow, "Hạn gửi:", deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), last);
        }

        IXLCell note = sheet.Cell(FormLayout.NoteRow, 1);
        note.SetValue("Nhập số vào các ô trắng (dấu phẩy thập phân, ví dụ 1.234,5). Ô để trống là chưa có số liệu, khác với số 0.");
        note.Style.Font.Italic = true;
        sheet.Range(FormLayout.NoteRow, 1, FormLayout.NoteRow, last).Merge();
    }

    private static void Label(IXLWorksheet sheet, int row, string label, string value, int last)
    {
        IXLCell l = sheet.Cell(row, 1);
        l.SetValue(label);
        l.Style.Font.Bold = true;
        sheet.Range(row, 1, row, FormLayout.CodeColumn).Merge();
        sheet.Cell(row, FormLayout.HeaderValueColumn).SetValue(XmlText.Safe(value));
        sheet.Range(row, FormLayout.HeaderValueColumn, row, last).Merge();
    }

    private static string DescribePeriods(IReadOnlyList<ReportingPeriod> periods) =>
        periods.Count == 1
            ? $"{PeriodText.Vietnamese(periods[0])} (từ {periods[0].Start.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} đến {periods[0].End.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}; mã kỳ {periods[0].Id})"
            : $"{PeriodText.Vietnamese(periods[0])} đến {PeriodText.Vietnamese(periods[^1])} ({periods.Count} kỳ)";

    private static void WriteColumnHeaders(IXLWorksheet sheet, FormLayout layout)
    {
        string[] fixedHeaders = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"];
        for (int c = 0; c < fixedHeaders.Length; c++)
        {
            sheet.Cell(FormLayout.PeriodHeaderRow, c + 1).SetValue(fixedHeaders[c]);
            sheet.Range(FormLayout.PeriodHeaderRow, c + 1, FormLayout.ColumnHeaderRow, c + 1).Merge();
        }

        foreach (var group in layout.Columns.GroupBy(c => c.Period))
        {
            int first = group.First().ColumnNumber;
            int lastOfGroup = group.Last().ColumnNumber;
            sheet.Cell(FormLayout.PeriodHeaderRow, first).SetValue(PeriodText.Vietnamese(group.Key));
            if (lastOfGroup > first)
            {
                sheet.Range(FormLayout.PeriodHeaderRow, first, FormLayout.PeriodHeaderRow, lastOfGroup).Merge();
            }

            foreach (LayoutColumn column in group)
            {
                string header = FormColumnHeaders.Vietnamese(column.Column) + (column.IsEntered ? string.Empty : " (tự tính)");
                sheet.Cell(FormLayout.ColumnHeaderRow, column.ColumnNumber).SetValue(XmlText.Safe(header));
            }
        }

        IXLRange headers = sheet.Range(FormLayout.PeriodHeaderRow, 1, FormLayout.ColumnHeaderRow, layout.LastColumn);
        headers.Style.Font.Bold = true;
        headers.Style.Fill.BackgroundColor = HeaderFill;
        headers.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        headers.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        headers.Style.Alignment.WrapText = true;
        headers.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        headers.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
    }

    private void WriteRows(IXLWorksheet sheet, FormLayout layout)
    {
        int ordinal = 0;
        foreach (LayoutRow row in layout.Rows)
        {
            int r = row.RowNumber;
            if (row.FormRow.Level == 0)
            {
                sheet.Cell(r, FormLayout.OrdinalColumn).SetValue((++ordinal).ToString(CultureInfo.InvariantCulture));
            }

            sheet.Cell(r, FormLayout.CodeColumn).SetValue(XmlText.Safe(row.Indicator.Code));
            IXLCell name = sheet.Cell(r, FormLayout.NameColumn);
            string label = row.FormRow.LabelVi ?? row.Indicator.NameVi;
            name.SetValue(XmlText.Safe(row.FormRow.IsOfWhich ? "Trong đó: " + label : label));
            name.Style.Alignment.Indent = Math.Clamp(row.FormRow.Level, 0, 15);
            name.Style.Alignment.WrapText = true;
            name.Style.Font.Bold = row.FormRow.Level == 0 && !row.FormRow.IsOfWhich;
            name.Style.Font.Italic = row.FormRow.IsOfWhich;
            sheet.Cell(r, FormLayout.UnitColumn).SetValue(XmlText.Safe(UnitName(row.Indicator)));

            foreach (LayoutColumn column in layout.Columns)
            {
                IXLCell cell = sheet.Cell(r, column.ColumnNumber);
                if (column.IsEntered)
                {
                    cell.Style.Protection.Locked = false;
                    cell.Style.Fill.BackgroundColor = InputFill;
                    bool text = row.IsText || column.IsNote;
                    cell.Style.NumberFormat.Format = text ? "@" : NumberFormat(row.Indicator.Precision);
                    Validate(cell, row, text);
                }
                else
                {
                    cell.Style.Fill.BackgroundColor = LockedFill;
                    cell.Style.NumberFormat.Format = NumberFormat(1);
                    WriteComputed(cell, row, column, layout);
                }
            }
        }

        if (layout.Rows.Count > 0)
        {
            IXLRange body = sheet.Range(FormLayout.FirstDataRow, 1, layout.LastRow, layout.LastColumn);
            body.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
            body.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
            body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        }
    }

    /// <summary>
    /// Growth against the same period is the one computed column whose operands are on the same row; it gets a formula
    /// so the person filling sees it. The import never reads computed columns (nor evaluates any formula).
    /// </summary>
    private static void WriteComputed(IXLCell cell, LayoutRow row, LayoutColumn column, FormLayout layout)
    {
        if (row.IsText || column.Column.Kind != FormColumnKind.GrowthPercent)
        {
            return;
        }

        LayoutColumn? current = layout.Columns.FirstOrDefault(c => c.Period == column.Period && c.IsEntered && c.Column.Kind == FormColumnKind.ThisPeriod);
        LayoutColumn? previous = layout.Columns.FirstOrDefault(c => c.Period == column.Period && c.IsEntered && c.Column.Kind == FormColumnKind.SamePeriodLastYear);
        if (current is null || previous is null)
        {
            return;
        }

        string a = CellAddress.Of(row.RowNumber, current.ColumnNumber);
        string b = CellAddress.Of(row.RowNumber, previous.ColumnNumber);
        cell.FormulaA1 = $"IF(AND(ISNUMBER({a}),ISNUMBER({b}),{b}<>0),{a}/{b}*100,\"\")";
    }

    private static void Validate(IXLCell cell, LayoutRow row, bool text)
    {
        IXLDataValidation validation = cell.AsRange().SetDataValidation();
        validation.IgnoreBlanks = true;
        validation.ShowErrorMessage = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = "Giá trị không hợp lệ";
        if (text)
        {
            validation.TextLength.EqualOrLessThan(4000);
            validation.ErrorMessage = "Tối đa 4.000 ký tự.";
            return;
        }

        ValueBounds bounds = row.Bounds;
        double min = (double)(bounds.Min ?? -1e15m);
        double max = (double)(bounds.Max ?? 1e15m);
        if (bounds.WholeNumbers)
        {
            validation.WholeNumber.Between((int)Math.Max(min, int.MinValue), (int)Math.Min(max, int.MaxValue));
        }
        else
        {
            validation.Decimal.Between(min, max);
        }

        validation.ErrorMessage = bounds.Min == 0m
            ? (bounds.WholeNumbers ? "Nhập số nguyên không âm." : "Nhập số không âm.")
            : "Nhập một số.";
    }

    private string UnitName(Indicator indicator) =>
        indicator.MeasureUnitCode is null ? string.Empty : _units.TryGet(indicator.MeasureUnitCode, out MeasureUnit? unit) ? unit.NameVi : indicator.MeasureUnitCode;

    /// <summary>Thousands grouped, as many decimals as the indicator's precision (shown with the reader's locale separators).</summary>
    internal static string NumberFormat(int precision) =>
        precision <= 0 ? "#,##0" : "#,##0." + new string('0', Math.Min(precision, 10));

    private static void SetWidthsAndView(IXLWorksheet sheet, FormLayout layout)
    {
        // Explicit widths: AdjustToContents needs GDI+ and throws on Linux (CONVENTIONS.md).
        sheet.Column(FormLayout.OrdinalColumn).Width = 6;
        sheet.Column(FormLayout.CodeColumn).Width = HistoryWorkbookGenerator.CodeWidth([.. layout.Rows.Select(r => r.Indicator.Code)]); // built-in codes run to 14+ characters
        sheet.Column(FormLayout.NameColumn).Width = 55;
        sheet.Column(FormLayout.UnitColumn).Width = 14;
        foreach (LayoutColumn column in layout.Columns)
        {
            sheet.Column(column.ColumnNumber).Width = column.IsNote ? 30 : 16;
        }

        sheet.Row(FormLayout.ColumnHeaderRow).Height = 45;
        sheet.SheetView.Freeze(FormLayout.ColumnHeaderRow, FormLayout.UnitColumn);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.FitToPages(1, 0);
        sheet.PageSetup.SetRowsToRepeatAtTop(FormLayout.PeriodHeaderRow, FormLayout.ColumnHeaderRow);
    }

    private void Protect(IXLWorksheet sheet)
    {
        IXLSheetProtection protection = _options.SheetPassword is null ? sheet.Protect() : sheet.Protect(_options.SheetPassword);
        protection.AllowElement(XLSheetProtectionElements.SelectEverything);
        protection.AllowElement(XLSheetProtectionElements.FormatColumns);
        protection.AllowElement(XLSheetProtectionElements.FormatRows);
    }

    private void WriteMetadata(XLWorkbook workbook, FormLayout layout)
    {
        IXLWorksheet meta = workbook.Worksheets.Add(FormLayout.MetadataSheetName);
        int row = 1;
        foreach ((string key, string value) in layout.Metadata())
        {
            meta.Cell(row, 1).SetValue(key);
            meta.Cell(row, 2).SetValue(XmlText.Safe(value));
            row++;
        }

        meta.Column(1).Width = 14;
        meta.Column(2).Width = 70;
        meta.Visibility = XLWorksheetVisibility.VeryHidden;
        _ = _options.SheetPassword is null ? meta.Protect() : meta.Protect(_options.SheetPassword);
    }
}
