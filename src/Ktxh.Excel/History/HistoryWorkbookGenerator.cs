using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Ktxh.Periods;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.DataValues;

namespace Ktxh.Excel;

/// <summary>
/// Makes a history workbook: many units and many periods at once, for the 2020–2024 history (seed
/// "000-nso-dispatch-ktxh-rollout-2026.txt"). One protected sheet with a block of rows per unit (unit code and name,
/// indicator code, name and unit of measure, locked and grey) and one white, unlocked input column per period (its
/// Vietnamese name, and the period id under it, which the import reads), and a very hidden metadata sheet (form code and
/// version, periods, units, layout checksum) by which <see cref="HistoryWorkbookImporter"/> knows it.
/// </summary>
/// <remarks>
/// <para>Written with DocumentFormat.OpenXml's SAX writer (<see cref="OpenXmlWriter"/>), rows straight to the package,
/// labels through a shared-string table (a unit's name is stored once, not once per row), so a national workbook of
/// 3,321 communes × 100 indicators is written in flat memory. Data validation (numbers within the catalogue's bounds,
/// text length) is written for workbooks of up to <see cref="MaxValidatedRows"/> rows; larger ones rely on the import,
/// which checks every cell again anyway (a spreadsheet's validation is advisory: a pasted value bypasses it).</para>
/// <para>Thread-safe: each call builds its own package; the catalogue and options are only read.</para>
/// </remarks>
public sealed class HistoryWorkbookGenerator
{
    /// <summary>The most data rows that get data validation (units × form rows).</summary>
    public const int MaxValidatedRows = 20_000;

    private const uint TitleStyle = 1, SubtitleStyle = 2, HeaderStyle = 3, LabelStyle = 4, FirstNameStyle = 5, InputTextStyle = 17,
        FirstInputNumberStyle = 18, PeriodIdStyle = 29;

    private const int MaxLevel = 5, MaxPrecision = 10;
    private readonly IndicatorCatalogue _catalogue;
    private readonly MeasureUnitRegistry _units;
    private readonly KtxhExcelOptions _options;

    /// <summary>Creates a generator.</summary>
    /// <param name="catalogue">The catalogue the forms and indicators come from.</param>
    /// <param name="units">The unit registry that names units of measure (default <see cref="MeasureUnitRegistry.Default"/>).</param>
    /// <param name="options">The options (bounds, sheet password); defaults when <see langword="null"/>.</param>
    public HistoryWorkbookGenerator(IndicatorCatalogue catalogue, MeasureUnitRegistry? units = null, KtxhExcelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _units = units ?? MeasureUnitRegistry.Default;
        _options = options ?? new KtxhExcelOptions();
    }

    /// <summary>Makes the workbook and returns its bytes (.xlsx).</summary>
    /// <param name="request">What the workbook is for.</param>
    /// <returns>The workbook.</returns>
    /// <exception cref="ArgumentException">No unit or period, duplicate units or periods, too many rows, a sheet name not allowed, or a form row's indicator not in the catalogue.</exception>
    public byte[] Generate(HistoryWorkbookRequest request)
    {
        using var buffer = new MemoryStream();
        Generate(request, buffer);
        return buffer.ToArray();
    }

    /// <summary>Makes the workbook and writes it (.xlsx) to a stream.</summary>
    /// <param name="request">What the workbook is for.</param>
    /// <param name="output">A writable stream; left open.</param>
    /// <exception cref="ArgumentException">No unit or period, duplicate units or periods, too many rows, a sheet name not allowed, or a form row's indicator not in the catalogue.</exception>
    public void Generate(HistoryWorkbookRequest request, Stream output)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        HistoryLayout layout = HistoryLayout.Create(_catalogue, request.Form, request.Periods, [.. request.Units.Select(u => u.Code)], request.SheetName, _options.Bounds);
        var strings = new SharedStrings();
        using SpreadsheetDocument document = SpreadsheetDocument.Create(new NonClosingStream(output), SpreadsheetDocumentType.Workbook);
        WorkbookPart workbookPart = document.AddWorkbookPart();
        WorkbookStylesPart styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        styles.Stylesheet.Save();
        WorksheetPart sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        WriteSheet(layout, request, sheetPart, strings);
        WorksheetPart metaPart = workbookPart.AddNewPart<WorksheetPart>();
        WriteMetadata(layout, metaPart);
        SharedStringTablePart stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
        strings.Write(stringsPart);

        string quoted = "'" + layout.SheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
        workbookPart.Workbook = new Workbook(
            new Sheets(
                new Sheet { Name = layout.SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) },
                new Sheet { Name = FormLayout.MetadataSheetName, SheetId = 2, Id = workbookPart.GetIdOfPart(metaPart), State = SheetStateValues.VeryHidden }),
            new DefinedNames(new DefinedName($"{quoted}!${HistoryLayout.HeaderRow}:${HistoryLayout.PeriodIdRow}") { Name = "_xlnm.Print_Titles", LocalSheetId = 0 }));
        workbookPart.Workbook.Save();
    }

    private void WriteSheet(HistoryLayout layout, HistoryWorkbookRequest request, WorksheetPart part, SharedStrings strings)
    {
        var prefilled = new Dictionary<(string Unit, string Indicator, ReportingPeriod Period), DataValue>();
        foreach (DataValue v in request.Values)
        {
            if (v.Column == FormColumnKind.ThisPeriod && v.Disaggregation.IsTotal)
            {
                prefilled[(v.ReportingUnitCode, v.IndicatorCode, v.Period)] = v;
            }
        }

        int lastColumn = layout.LastColumn;
        using OpenXmlWriter w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.WriteElement(new SheetViews(new SheetView(new Pane
        {
            HorizontalSplit = HistoryLayout.FirstPeriodColumn - 1,
            VerticalSplit = HistoryLayout.PeriodIdRow,
            TopLeftCell = CellAddress.Of(HistoryLayout.FirstDataRow, HistoryLayout.FirstPeriodColumn),
            ActivePane = PaneValues.BottomRight,
            State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        w.WriteElement(new Columns(
            Column(HistoryLayout.UnitCodeColumn, CodeWidth(layout.UnitCodes)), Column(HistoryLayout.UnitNameColumn, 26),
            Column(HistoryLayout.IndicatorCodeColumn, CodeWidth([.. layout.Rows.Select(r => r.Indicator.Code)])),
            Column(HistoryLayout.IndicatorNameColumn, 48), Column(HistoryLayout.MeasureUnitColumn, 12),
            new Column { Min = HistoryLayout.FirstPeriodColumn, Max = (uint)lastColumn, Width = 15, CustomWidth = true }));

        w.WriteStartElement(new SheetData());
        var cells = new CellWriter(w, strings);
        cells.StartRow(HistoryLayout.TitleRow);
        cells.Shared(HistoryLayout.TitleRow, 1, "SỐ LIỆU LỊCH SỬ: " + layout.Form.NameVi.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), TitleStyle);
        w.WriteEndElement();
        cells.StartRow(HistoryLayout.SubtitleRow);
        cells.Shared(HistoryLayout.SubtitleRow, 1, string.Create(CultureInfo.InvariantCulture,
            $"Biểu {layout.Form.Code} (phiên bản {layout.Form.Version}) — {layout.UnitCodes.Count.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} đơn vị — {PeriodText.Vietnamese(layout.Periods[0])} đến {PeriodText.Vietnamese(layout.Periods[^1])}"), SubtitleStyle);
        w.WriteEndElement();
        cells.StartRow(HistoryLayout.NoteRow);
        cells.Shared(HistoryLayout.NoteRow, 1, "Nhập số liệu vào ô trắng, mỗi dòng một đơn vị và một chỉ tiêu, mỗi cột một kỳ. Không sửa mã đơn vị, mã chỉ tiêu, mã kỳ. Ô trống là chưa có số liệu (khác số 0).", SubtitleStyle);
        w.WriteEndElement();

        cells.StartRow(HistoryLayout.HeaderRow, height: 30);
        string[] fixedHeaders = ["Mã đơn vị", "Tên đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"];
        for (int c = 0; c < fixedHeaders.Length; c++)
        {
            cells.Shared(HistoryLayout.HeaderRow, c + 1, fixedHeaders[c], HeaderStyle);
        }

        for (int p = 0; p < layout.Periods.Count; p++)
        {
            cells.Shared(HistoryLayout.HeaderRow, HistoryLayout.FirstPeriodColumn + p, PeriodText.Vietnamese(layout.Periods[p]), HeaderStyle);
        }

        w.WriteEndElement();
        cells.StartRow(HistoryLayout.PeriodIdRow);
        for (int c = 1; c < HistoryLayout.FirstPeriodColumn; c++)
        {
            cells.Shared(HistoryLayout.PeriodIdRow, c, c == HistoryLayout.MeasureUnitColumn ? "Mã kỳ →" : string.Empty, PeriodIdStyle);
        }

        for (int p = 0; p < layout.Periods.Count; p++)
        {
            cells.Shared(HistoryLayout.PeriodIdRow, HistoryLayout.FirstPeriodColumn + p, layout.Periods[p].Id, PeriodIdStyle);
        }

        w.WriteEndElement();

        string[] measureUnits = [.. layout.Rows.Select(r => UnitName(r.Indicator))];
        string[] labels = [.. layout.Rows.Select(r => (r.FormRow.IsOfWhich ? "Trong đó: " : string.Empty) + (r.FormRow.LabelVi ?? r.Indicator.NameVi))];
        int rowNumber = HistoryLayout.FirstDataRow;
        foreach (HistoryUnit unit in request.Units)
        {
            for (int i = 0; i < layout.Rows.Count; i++, rowNumber++)
            {
                HistoryRow row = layout.Rows[i];
                cells.StartRow(rowNumber);
                cells.Shared(rowNumber, HistoryLayout.UnitCodeColumn, unit.Code, LabelStyle);
                cells.Shared(rowNumber, HistoryLayout.UnitNameColumn, unit.Name, LabelStyle);
                cells.Shared(rowNumber, HistoryLayout.IndicatorCodeColumn, row.Indicator.Code, LabelStyle);
                cells.Shared(rowNumber, HistoryLayout.IndicatorNameColumn, labels[i],
                    FirstNameStyle + (uint)(Math.Clamp(row.FormRow.Level, 0, MaxLevel) * 2) + (row.FormRow.IsOfWhich ? 1u : 0u));
                cells.Shared(rowNumber, HistoryLayout.MeasureUnitColumn, measureUnits[i], LabelStyle);
                uint inputStyle = row.IsText ? InputTextStyle : FirstInputNumberStyle + (uint)Math.Clamp(row.Indicator.Precision, 0, MaxPrecision);
                for (int p = 0; p < layout.Periods.Count; p++)
                {
                    int column = HistoryLayout.FirstPeriodColumn + p;
                    prefilled.TryGetValue((unit.Code, row.Indicator.Code, layout.Periods[p]), out DataValue? value);
                    if (row.IsText && value?.Text is { } text)
                    {
                        cells.Inline(rowNumber, column, text, inputStyle);
                    }
                    else if (!row.IsText && value?.Value is { } number)
                    {
                        cells.Number(rowNumber, column, number, inputStyle);
                    }
                    else
                    {
                        cells.Empty(rowNumber, column, inputStyle);
                    }
                }

                w.WriteEndElement();
            }
        }

        w.WriteEndElement(); // sheetData
        w.WriteElement(Protection());
        if (layout.UnitCodes.Count * layout.Rows.Count <= MaxValidatedRows)
        {
            WriteValidations(w, layout);
        }

        w.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        w.WriteEndElement(); // worksheet
    }

    /// <summary>One validation per kind of bound, over the input cells of the rows of that kind (Excel's list of ranges).</summary>
    private static void WriteValidations(OpenXmlWriter w, HistoryLayout layout)
    {
        string first = CellAddress.ColumnName(HistoryLayout.FirstPeriodColumn), last = CellAddress.ColumnName(layout.LastColumn);
        var groups = new Dictionary<(bool Text, ValueBounds Bounds), List<string>>();
        for (int u = 0; u < layout.UnitCodes.Count; u++)
        {
            for (int i = 0; i < layout.Rows.Count; i++)
            {
                HistoryRow row = layout.Rows[i];
                int r = HistoryLayout.FirstDataRow + (u * layout.Rows.Count) + i;
                var key = (row.IsText, row.IsText ? default : row.Bounds);
                if (!groups.TryGetValue(key, out List<string>? ranges))
                {
                    groups[key] = ranges = [];
                }

                ranges.Add(string.Create(CultureInfo.InvariantCulture, $"{first}{r}:{last}{r}"));
            }
        }

        var validations = new DataValidations();
        foreach (((bool text, ValueBounds bounds), List<string> ranges) in groups)
        {
            var v = new DataValidation
            {
                AllowBlank = true, ShowErrorMessage = true, ErrorStyle = DataValidationErrorStyleValues.Stop, ErrorTitle = "Giá trị không hợp lệ",
                SequenceOfReferences = new ListValue<StringValue>(ranges.Select(r => new StringValue(r))),
            };
            if (text)
            {
                v.Type = DataValidationValues.TextLength;
                v.Operator = DataValidationOperatorValues.LessThanOrEqual;
                v.Formula1 = new Formula1("4000");
                v.Error = "Tối đa 4.000 ký tự.";
            }
            else
            {
                v.Type = bounds.WholeNumbers ? DataValidationValues.Whole : DataValidationValues.Decimal;
                v.Operator = DataValidationOperatorValues.Between;
                v.Formula1 = new Formula1((bounds.Min ?? -1e15m).ToString(CultureInfo.InvariantCulture));
                v.Formula2 = new Formula2((bounds.Max ?? 1e15m).ToString(CultureInfo.InvariantCulture));
                v.Error = bounds.Min == 0m ? (bounds.WholeNumbers ? "Nhập số nguyên không âm." : "Nhập số không âm.") : "Nhập một số.";
            }

            validations.Append(v);
        }

        validations.Count = (uint)validations.ChildElements.Count;
        w.WriteElement(validations);
    }

    private SheetProtection Protection()
    {
        var protection = new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false, AutoFilter = false, Sort = false };
        if (_options.SheetPassword is { } password)
        {
            protection.Password = LegacyPasswordHash(password);
        }

        return protection;
    }

    private static void WriteMetadata(HistoryLayout layout, WorksheetPart part)
    {
        using OpenXmlWriter w = OpenXmlWriter.Create(part);
        var cells = new CellWriter(w, strings: null);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new Columns(Column(1, 14), Column(2, 70), Column(HistoryLayout.UnitListColumn, 14)));
        w.WriteStartElement(new SheetData());
        IReadOnlyList<KeyValuePair<string, string>> entries = layout.Metadata();
        int rows = Math.Max(entries.Count, layout.UnitCodes.Count);
        for (int r = 1; r <= rows; r++)
        {
            cells.StartRow(r);
            if (r <= entries.Count)
            {
                cells.Inline(r, 1, entries[r - 1].Key, 0);
                cells.Inline(r, 2, entries[r - 1].Value, 0);
            }

            if (r <= layout.UnitCodes.Count)
            {
                cells.Inline(r, HistoryLayout.UnitListColumn, layout.UnitCodes[r - 1], 0);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true });
        w.WriteEndElement();
    }

    private string UnitName(Indicator indicator) =>
        indicator.MeasureUnitCode is null ? string.Empty : _units.TryGet(indicator.MeasureUnitCode, out MeasureUnit? unit) ? unit.NameVi : indicator.MeasureUnitCode;

    /// <summary>Wide enough for the longest code (explicit widths: no measuring of text on a server).</summary>
    internal static double CodeWidth(IReadOnlyCollection<string> codes) => Math.Clamp((codes.Count == 0 ? 0 : codes.Max(c => c.Length)) + 3, 10, 30);

    private static Column Column(int index, double width) => new() { Min = (uint)index, Max = (uint)index, Width = width, CustomWidth = true };

    /// <summary>Excel's legacy sheet-protection password hash (ECMA-376 Part 4, 14.7.1): a deterrent, not security.</summary>
    internal static string LegacyPasswordHash(string password)
    {
        int hash = 0;
        for (int i = password.Length - 1; i >= 0; i--)
        {
            hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7FFF);
            hash ^= password[i] & 0xFF;
        }

        hash = ((hash >> 14) & 0x01) | ((hash << 1) & 0x7FFF);
        hash ^= password.Length;
        hash ^= 0xCE4B;
        return hash.ToString("X4", CultureInfo.InvariantCulture);
    }

    private static Stylesheet Stylesheet()
    {
        var numberFormats = new NumberingFormats();
        for (int p = 0; p <= MaxPrecision; p++)
        {
            numberFormats.Append(new NumberingFormat { NumberFormatId = (uint)(164 + p), FormatCode = FormWorkbookGenerator.NumberFormat(p) });
        }

        numberFormats.Count = (uint)numberFormats.ChildElements.Count;
        var fonts = new Fonts(Font(false, false, 11, null), Font(true, false, 14, null), Font(false, true, 11, null), Font(true, false, 11, null), Font(false, true, 9, "FF595959"));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            Solid("FFDDEBF7"),
            Solid("FFF2F2F2"),
            Solid("FFFFFFFF"));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder()));
        var formats = new CellFormats(
            new CellFormat(), // 0
            new CellFormat { FontId = 1, ApplyFont = true }, // 1 title
            new CellFormat { FontId = 2, ApplyFont = true }, // 2 subtitle, note
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            {
                FontId = 3, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
            }, // 3 header
            new CellFormat { FontId = 0, FillId = 3, BorderId = 1, ApplyFill = true, ApplyBorder = true, ApplyFont = true, QuotePrefix = true, NumberFormatId = 49, ApplyNumberFormat = true }); // 4 label (an explicit font: LibreOffice shows its own default font for an xf without fontId)
        for (int level = 0; level <= MaxLevel; level++)
        {
            foreach (bool italic in new[] { false, true })
            {
                // Horizontal left: spreadsheet programs ignore an indent without it.
                formats.Append(new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left, Indent = (uint)level, Vertical = VerticalAlignmentValues.Center })
                {
                    FontId = italic ? 2u : level == 0 ? 3u : 0u, FillId = 3, BorderId = 1, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true, ApplyFont = true,
                    QuotePrefix = true, NumberFormatId = 49, ApplyNumberFormat = true,
                }); // 5..16 names by level
            }
        }

        formats.Append(Input(49)); // 17 text input
        for (int p = 0; p <= MaxPrecision; p++)
        {
            formats.Append(Input((uint)(164 + p))); // 18..28 number inputs
        }

        formats.Append(new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center })
        {
            FontId = 4, FillId = 3, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true, NumberFormatId = 49, ApplyNumberFormat = true,
        }); // 29 period ids
        formats.Count = (uint)formats.ChildElements.Count;
        return new Stylesheet(numberFormats, fonts, fills, borders, new CellStyleFormats(new CellFormat()), formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));

        static CellFormat Input(uint numberFormat) =>
            new(new Protection { Locked = false })
            {
                FontId = 0, FillId = 4, BorderId = 1, NumberFormatId = numberFormat, ApplyFill = true, ApplyBorder = true, ApplyFont = true, ApplyNumberFormat = true, ApplyProtection = true,
            };

        static Fill Solid(string rgb) =>
            new(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
    }

    private static Font Font(bool bold, bool italic, double size, string? color)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (italic)
        {
            font.Append(new Italic());
        }

        font.Append(new FontSize { Val = size });
        if (color is not null)
        {
            font.Append(new Color { Rgb = color });
        }

        font.Append(new FontName { Val = "Times New Roman" });
        return font;
    }
}
