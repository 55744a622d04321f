using System.Globalization;
using ClosedXML.Excel;
using NodaTime.Text;
using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Excel;

/// <summary>
/// Writes an <see cref="IndicatorCatalogue"/> to a workbook an administrator maintains in Excel (seed 002 Điều 7: the
/// administrator manages indicators and form templates), and <see cref="CatalogueWorkbookImporter"/> reads back.
/// </summary>
/// <remarks>
/// <para>One sheet per kind of thing the catalogue JSON holds (schema version 1): <c>Chỉ tiêu</c> (every indicator
/// field: code, names, unit, periods, value kind, precision, agency, parent and relation, order, both aggregation
/// rules, disaggregations, price basis, confidentiality, embargo, validity, note; plus the input bounds and the forms it
/// appears on, for information), <c>Cơ quan</c>, <c>Phân tổ</c>, <c>Nhóm phân tổ</c>, <c>Biểu</c>, <c>Dòng biểu</c>,
/// <c>Cột biểu</c>, <c>Hệ biểu</c>; <c>Thông tin</c> holds the catalogue's version and component tolerance and
/// <c>Đơn vị tính</c> lists the unit codes for reference. Each column is named after its JSON field.</para>
/// <para>Header row frozen, explicit widths, drop-down lists where a field is an enumeration (the names the JSON uses),
/// <c>Có</c>/<c>Không</c> for yes and no. Codes and text are written as text (<c>SetValue&lt;string&gt;</c> in text-formatted
/// cells): codes keep their leading zeros and text starting with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> never becomes a
/// formula (it also carries Excel's quote prefix). Thread-safe: each call builds its own workbook.</para>
/// </remarks>
public sealed class CatalogueWorkbookWriter
{
    private static readonly XLColor HeaderFill = XLColor.FromHtml("#DDEBF7");
    private static readonly XLColor InfoFill = XLColor.FromHtml("#F2F2F2");
    private readonly MeasureUnitRegistry _units;
    private readonly Func<Indicator, ValueBounds> _bounds;

    /// <summary>Creates a writer.</summary>
    /// <param name="units">The unit registry listed on the <c>Đơn vị tính</c> sheet and offered in the unit column (default <see cref="MeasureUnitRegistry.Default"/>).</param>
    /// <param name="options">The options whose <see cref="KtxhExcelOptions.Bounds"/> the information column shows; defaults when <see langword="null"/>.</param>
    public CatalogueWorkbookWriter(MeasureUnitRegistry? units = null, KtxhExcelOptions? options = null)
    {
        _units = units ?? MeasureUnitRegistry.Default;
        _bounds = (options ?? new KtxhExcelOptions()).Bounds;
    }

    /// <summary>Writes the catalogue and returns the workbook's bytes (.xlsx).</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="ArgumentException">An item of a list (a period, disaggregation, unit kind or form code) contains <c>;</c> or a line break, so it could not be read back.</exception>
    public byte[] Write(IndicatorCatalogue catalogue)
    {
        using var buffer = new MemoryStream();
        Write(catalogue, buffer);
        return buffer.ToArray();
    }

    /// <summary>Writes the catalogue (.xlsx) to a stream.</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="output">A writable stream; left open.</param>
    /// <exception cref="ArgumentException">An item of a list contains <c>;</c> or a line break, so it could not be read back.</exception>
    public void Write(IndicatorCatalogue catalogue, Stream output)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(output);
        using var workbook = new XLWorkbook();
        workbook.Style.Font.FontName = "Times New Roman";
        workbook.Style.Font.FontSize = 11;
        WriteInfo(workbook, catalogue);
        IXLWorksheet lists = WriteLists(workbook);

        WriteSheet(workbook, lists, CatalogueSheets.Indicators, catalogue.Indicators.Select(i => IndicatorRow(catalogue, i)));
        WriteSheet(workbook, lists, CatalogueSheets.Agencies, catalogue.Agencies.Select(a => new object?[] { a.Code, a.NameVi, a.NameEn }));
        WriteSheet(workbook, lists, CatalogueSheets.Disaggregations, catalogue.Disaggregations.Select(d => new object?[] { d.Code, d.NameVi, d.NameEn }));
        WriteSheet(workbook, lists, CatalogueSheets.Categories,
            catalogue.Disaggregations.SelectMany(d => d.Categories.Select(c => new object?[] { d.Code, c.Code, c.NameVi, c.NameEn })));
        WriteSheet(workbook, lists, CatalogueSheets.Forms, catalogue.Forms.Select(f => new object?[]
        {
            f.Code, f.NameVi, f.NameEn, f.Version, f.PeriodType.ToString(), f.MixedPeriods, f.CutOffId, f.DeadlineRuleId, f.AgencyCode,
            CatalogueSheets.JoinList(f.FilledBy, "filledBy"), CatalogueSheets.JoinList(f.ReceivedBy, "receivedBy"),
        }));
        WriteSheet(workbook, lists, CatalogueSheets.FormRows, catalogue.Forms.SelectMany(f => f.Rows.Select(r => new object?[]
        {
            f.Code, r.IndicatorCode, r.Level, r.IsOfWhich, r.Required, r.LabelVi,
        })));
        WriteSheet(workbook, lists, CatalogueSheets.FormColumns, catalogue.Forms.SelectMany(f => f.Columns.Select(c => new object?[]
        {
            f.Code, c.Kind.ToString(), c.Mode.ToString(), c.HeaderVi, c.HeaderEn,
        })));
        WriteSheet(workbook, lists, CatalogueSheets.FormSets, catalogue.FormSets.Select(s => new object?[]
        {
            s.Code, s.NameVi, s.NameEn, CatalogueSheets.JoinList(s.UnitKinds, "unitKinds"), CatalogueSheets.JoinList(s.FormCodes, "forms"),
        }));
        WriteUnits(workbook);
        lists.Position = workbook.Worksheets.Count;
        workbook.Worksheet(CatalogueSheets.Indicators.Name).SetTabActive();
        workbook.SaveAs(output);
    }

    private object?[] IndicatorRow(IndicatorCatalogue catalogue, Indicator i)
    {
        ValueBounds bounds = _bounds(i);
        return
        [
            i.Code, i.NameVi, i.NameEn, i.MeasureUnitCode, CatalogueSheets.JoinList(i.Periods.Select(p => p.ToString()), "periods"),
            i.ValueKind.ToString(), i.Precision, i.AgencyCode, i.Relation?.ParentCode, i.Relation?.Kind.ToString(), i.Order,
            .. Rule(i.AcrossUnits), .. Rule(i.AcrossTime),
            CatalogueSheets.JoinList(i.Disaggregations, "disaggregations"),
            i.PriceBasis == PriceBasis.NotApplicable ? null : i.PriceBasis.ToString(), i.Confidentiality.ToString(), i.EmbargoedUntilPublished,
            i.ValidFrom is { } from ? LocalDatePattern.Iso.Format(from) : null, i.ValidTo is { } to ? LocalDatePattern.Iso.Format(to) : null, i.Note,
            Describe(bounds), string.Join("; ", catalogue.FormsContaining(i.Code).Select(f => f.Code)),
        ];
    }

    private static object?[] Rule(AggregationRule rule) =>
        [rule.Method.ToString(), rule.NumeratorCode, rule.DenominatorCode, rule.Factor, rule.WeightIndicatorCode, rule.Formula?.Text];

    private static string Describe(ValueBounds bounds)
    {
        var parts = new List<string>();
        if (bounds.Min is { } min)
        {
            parts.Add("≥ " + VietnameseNumber.Format(min));
        }

        if (bounds.Max is { } max)
        {
            parts.Add("≤ " + VietnameseNumber.Format(max));
        }

        if (bounds.WholeNumbers)
        {
            parts.Add("số nguyên");
        }

        return parts.Count == 0 ? "không giới hạn" : string.Join(", ", parts);
    }

    private static void WriteInfo(XLWorkbook workbook, IndicatorCatalogue catalogue)
    {
        IXLWorksheet sheet = workbook.Worksheets.Add(CatalogueSheets.InfoSheet);
        sheet.Cell(1, 1).SetValue("DANH MỤC CHỈ TIÊU KINH TẾ - XÃ HỘI");
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        int row = CatalogueSheets.InfoFirstRow;
        Pair(sheet, row++, CatalogueSheets.FormatLabel, CatalogueSheets.FormatMarker);
        Pair(sheet, row++, CatalogueSheets.VersionLabel, catalogue.Version);
        sheet.Cell(row, 1).SetValue(CatalogueSheets.ToleranceLabel).Style.Font.Bold = true;
        sheet.Cell(row, 2).SetValue(catalogue.ComponentTolerance);
        row += 2;
        string[] notes =
        [
            "Hướng dẫn:",
            "• Mỗi trang là một phần của danh mục: Chỉ tiêu, Cơ quan, Phân tổ, Nhóm phân tổ, Biểu, Dòng biểu, Cột biểu, Hệ biểu. Dòng 1 là tiêu đề; mỗi dòng sau là một mục.",
            "• Các cột có danh sách chọn dùng đúng tên như trong tệp JSON của danh mục (ví dụ Amount, Sum, Month). Có/Không cho các cột đúng/sai.",
            "• Nhiều giá trị trong một ô (kỳ báo cáo, phân tổ, đơn vị lập, các biểu) cách nhau bằng dấu chấm phẩy (;). Ngày viết yyyy-MM-dd.",
            "• Thứ tự các dòng là thứ tự trong danh mục; dòng và cột của một biểu theo thứ tự xuất hiện.",
            "• Cột '(tham khảo)' và trang 'Đơn vị tính' chỉ để xem, không được đọc khi nhập lại.",
            "• Khi nhập lại, danh mục được kiểm tra toàn bộ; có một lỗi thì không nhận gì, mỗi lỗi chỉ rõ trang và ô.",
        ];
        foreach (string note in notes)
        {
            sheet.Cell(row++, 1).SetValue(note);
        }

        sheet.Column(1).Width = 28;
        sheet.Column(2).Width = 40;
    }

    private static void Pair(IXLWorksheet sheet, int row, string label, string value)
    {
        sheet.Cell(row, 1).SetValue(label).Style.Font.Bold = true;
        SetText(sheet.Cell(row, 2), value);
    }

    /// <summary>The allowed values of each choice column, one column each on a hidden sheet (a list in a formula is limited to 255 characters).</summary>
    private static IXLWorksheet WriteLists(XLWorkbook workbook)
    {
        IXLWorksheet sheet = workbook.Worksheets.Add(CatalogueSheets.ListsSheet);
        sheet.Visibility = XLWorksheetVisibility.Hidden;
        return sheet;
    }

    private static IXLRange ListRange(IXLWorksheet lists, IReadOnlyList<string> values)
    {
        // One column per distinct list: find an existing one with the same values, or add it.
        int column = 1;
        for (; !lists.Cell(1, column).IsEmpty(); column++)
        {
            int count = (int)lists.Cell(1, column).GetDouble();
            if (count == values.Count && Enumerable.Range(0, count).All(k => lists.Cell(k + 2, column).GetString() == values[k]))
            {
                return lists.Range(2, column, count + 1, column);
            }
        }

        lists.Cell(1, column).SetValue(values.Count);
        for (int k = 0; k < values.Count; k++)
        {
            lists.Cell(k + 2, column).SetValue(values[k]);
        }

        return lists.Range(2, column, values.Count + 1, column);
    }

    private void WriteSheet(XLWorkbook workbook, IXLWorksheet lists, CatalogueSheet layout, IEnumerable<object?[]> rows)
    {
        IXLWorksheet sheet = workbook.Worksheets.Add(layout.Name);
        for (int c = 0; c < layout.Columns.Count; c++)
        {
            CatalogueColumn column = layout.Columns[c];
            IXLCell header = sheet.Cell(1, c + 1);
            header.SetValue(column.Header);
            header.Style.Fill.BackgroundColor = column.Kind == CatalogueCellKind.Info ? InfoFill : HeaderFill;
            sheet.Column(c + 1).Width = column.Width;
            if (column.Kind is CatalogueCellKind.Code or CatalogueCellKind.Text or CatalogueCellKind.List or CatalogueCellKind.Date or CatalogueCellKind.Choice)
            {
                // Text-formatted, so that a code typed later (00123) or a date (2026-01-01) stays as typed.
                sheet.Column(c + 1).Style.NumberFormat.Format = "@";
            }
        }

        IXLRange headers = sheet.Range(1, 1, 1, layout.Columns.Count);
        headers.Style.Font.Bold = true;
        headers.Style.Alignment.WrapText = true;
        headers.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
        headers.Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Center;
        headers.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        headers.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        sheet.Row(1).Height = 45;

        int r = 2;
        foreach (object?[] values in rows)
        {
            for (int c = 0; c < layout.Columns.Count; c++)
            {
                Set(sheet.Cell(r, c + 1), values[c]);
            }

            r++;
        }

        int lastRow = Math.Max(r - 1, 1);
        for (int c = 0; c < layout.Columns.Count; c++)
        {
            CatalogueColumn column = layout.Columns[c];
            if (column.Kind == CatalogueCellKind.Info && lastRow > 1)
            {
                IXLRange info = sheet.Range(2, c + 1, lastRow, c + 1);
                info.Style.Fill.BackgroundColor = InfoFill;
                info.Style.Font.Italic = true;
            }

            IReadOnlyList<string>? choices = column.Kind switch
            {
                CatalogueCellKind.Choice => column.Choices,
                CatalogueCellKind.Bool => [CatalogueSheets.Yes, CatalogueSheets.No],
                CatalogueCellKind.Code when column.Key == "unit" => _units.Units.Select(u => u.Code).ToArray(),
                _ => null,
            };
            if (choices is { Count: > 0 })
            {
                // Room for the rows an administrator adds below the last one.
                IXLDataValidation validation = sheet.Range(2, c + 1, lastRow + 1000, c + 1).SetDataValidation();
                validation.List(ListRange(lists, choices));
                validation.IgnoreBlanks = true;
                validation.ShowErrorMessage = true;
                validation.ErrorStyle = column.Key == "unit" ? XLErrorStyle.Warning : XLErrorStyle.Stop;
                validation.ErrorTitle = "Giá trị không có trong danh sách";
                validation.ErrorMessage = "Chọn một giá trị trong danh sách.";
            }
        }

        sheet.SheetView.Freeze(1, 1);
        sheet.PageSetup.PageOrientation = XLPageOrientation.Landscape;
        sheet.PageSetup.PaperSize = XLPaperSize.A4Paper;
        sheet.PageSetup.SetRowsToRepeatAtTop(1, 1);
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                return;
            case string text when text.Length == 0:
                return;
            case string text:
                SetText(cell, text);
                return;
            case bool flag:
                cell.SetValue(flag ? CatalogueSheets.Yes : CatalogueSheets.No);
                return;
            case int number:
                cell.SetValue(number);
                return;
            case decimal number:
                cell.SetValue(number);
                cell.Style.NumberFormat.Format = "General";
                return;
            default:
                SetText(cell, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                return;
        }
    }

    private static void SetText(IXLCell cell, string text)
    {
        // SetValue<string> keeps text as text (Value would turn "0123" into 123); the quote prefix keeps Excel from
        // reading "=…", "+…", "-…" or "@…" as a formula when a person edits the cell.
        cell.SetValue(XmlText.Safe(text));
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    private void WriteUnits(XLWorkbook workbook)
    {
        IXLWorksheet sheet = workbook.Worksheets.Add(CatalogueSheets.UnitsSheet);
        string[] headers = ["Mã đơn vị tính", "Tên", "Tên tiếng Anh", "Thứ nguyên"];
        for (int c = 0; c < headers.Length; c++)
        {
            sheet.Cell(1, c + 1).SetValue(headers[c]);
        }

        sheet.Range(1, 1, 1, headers.Length).Style.Font.Bold = true;
        sheet.Range(1, 1, 1, headers.Length).Style.Fill.BackgroundColor = InfoFill;
        int r = 2;
        foreach (MeasureUnit unit in _units.Units)
        {
            SetText(sheet.Cell(r, 1), unit.Code);
            SetText(sheet.Cell(r, 2), unit.NameVi);
            SetText(sheet.Cell(r, 3), unit.NameEn);
            SetText(sheet.Cell(r, 4), unit.Dimension.ToString());
            r++;
        }

        sheet.Column(1).Width = 16;
        sheet.Column(2).Width = 30;
        sheet.Column(3).Width = 30;
        sheet.Column(4).Width = 20;
        sheet.SheetView.Freeze(1, 1);
    }
}
