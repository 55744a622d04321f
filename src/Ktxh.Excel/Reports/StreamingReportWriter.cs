using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ktxh.Excel;

/// <summary>
/// Writes the same report layout as <see cref="ReportWorkbookWriter"/> through DocumentFormat.OpenXml's SAX writer
/// (<see cref="OpenXmlWriter"/>): rows go straight to the package as they are produced, with inline strings and a fixed
/// stylesheet, so memory stays flat for reports of thousands of units (measured in CONVENTIONS.md: several times faster
/// and lighter than ClosedXML's in-memory model). Text cells carry Excel's quote prefix, so a text starting with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> stays text even when edited. Thread-safe (stateless).
/// </summary>
public sealed class StreamingReportWriter
{
    private const uint TitleStyle = 1, SubtitleStyle = 2, HeaderStyle = 3, TextStyle = 4, FirstLabelStyle = 5, FirstNumberStyle = 17;
    private const int MaxLevel = 5, MaxPrecision = 10;

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
        using SpreadsheetDocument document = SpreadsheetDocument.Create(new NonClosingStream(output), SpreadsheetDocumentType.Workbook);
        WorkbookPart workbookPart = document.AddWorkbookPart();
        WorkbookStylesPart styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        styles.Stylesheet.Save();
        WorksheetPart sheetPart = workbookPart.AddNewPart<WorksheetPart>();
        WriteSheet(report, sheetPart);

        int groupRow = ReportDocument.FirstDataRow - 2, columnRow = ReportDocument.FirstDataRow - 1;
        string quoted = "'" + report.SheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
        workbookPart.Workbook = new Workbook(
            new Sheets(new Sheet { Name = report.SheetName, SheetId = 1, Id = workbookPart.GetIdOfPart(sheetPart) }),
            new DefinedNames(new DefinedName($"{quoted}!$A:${CellAddress.ColumnName(ReportDocument.FixedColumns)},{quoted}!${groupRow}:${columnRow}")
            {
                Name = "_xlnm.Print_Titles",
                LocalSheetId = 0,
            }));
        workbookPart.Workbook.Save();
    }

    private static void WriteSheet(ReportDocument report, WorksheetPart part)
    {
        int lastColumn = ReportDocument.FixedColumns + report.ValueCount;
        int groupRow = ReportDocument.FirstDataRow - 2, columnRow = ReportDocument.FirstDataRow - 1;
        using OpenXmlWriter w = OpenXmlWriter.Create(part);
        w.WriteStartElement(new Worksheet());
        w.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        w.WriteElement(new SheetViews(new SheetView(new Pane
        {
            HorizontalSplit = ReportDocument.FixedColumns,
            VerticalSplit = columnRow,
            TopLeftCell = CellAddress.Of(ReportDocument.FirstDataRow, ReportDocument.FixedColumns + 1),
            ActivePane = PaneValues.BottomRight,
            State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 }));
        w.WriteElement(new Columns(
            Column(1, 1, 6), Column(2, 2, 16), Column(3, 3, 50), Column(4, 4, 12),
            Column(ReportDocument.FixedColumns + 1, lastColumn, 14)));

        w.WriteStartElement(new SheetData());
        StartRow(w, 1);
        TextCell(w, 1, 1, report.Title, TitleStyle);
        w.WriteEndElement();
        if (report.Subtitle is not null)
        {
            StartRow(w, 2);
            TextCell(w, 2, 1, report.Subtitle, SubtitleStyle);
            w.WriteEndElement();
        }

        StartRow(w, groupRow);
        string[] fixedHeaders = ["STT", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính"];
        for (int c = 0; c < fixedHeaders.Length; c++)
        {
            TextCell(w, groupRow, c + 1, fixedHeaders[c], HeaderStyle);
        }

        for (int g = 0; g < report.Groups.Count; g++)
        {
            for (int k = 0; k < report.Columns.Count; k++)
            {
                int column = ReportDocument.FixedColumns + 1 + (g * report.Columns.Count) + k;
                TextCell(w, groupRow, column, k == 0 ? report.Groups[g].Label : string.Empty, HeaderStyle);
            }
        }

        w.WriteEndElement();
        StartRow(w, columnRow, height: 45);
        for (int c = 1; c <= ReportDocument.FixedColumns; c++)
        {
            TextCell(w, columnRow, c, string.Empty, HeaderStyle);
        }

        for (int v = 0; v < report.ValueCount; v++)
        {
            TextCell(w, columnRow, ReportDocument.FixedColumns + 1 + v, FormColumnHeaders.Vietnamese(report.Columns[v % report.Columns.Count]), HeaderStyle);
        }

        w.WriteEndElement();

        int ordinal = 0;
        for (int i = 0; i < report.Rows.Count; i++)
        {
            ReportRow row = report.Rows[i];
            int r = ReportDocument.FirstDataRow + i;
            StartRow(w, r);
            TextCell(w, r, 1, row.Level == 0 && !row.IsOfWhich ? (++ordinal).ToString(CultureInfo.InvariantCulture) : string.Empty, TextStyle);
            TextCell(w, r, 2, row.IndicatorCode, TextStyle);
            TextCell(w, r, 3, ReportDocument.LabelOf(row), FirstLabelStyle + (uint)(Math.Clamp(row.Level, 0, MaxLevel) * 2) + (row.IsOfWhich ? 1u : 0u));
            TextCell(w, r, 4, row.UnitName ?? string.Empty, TextStyle);
            for (int v = 0; v < row.Values.Count; v++)
            {
                int column = ReportDocument.FixedColumns + 1 + v;
                if (row.Texts is not null && row.Texts.TryGetValue(v, out string? text))
                {
                    TextCell(w, r, column, text, TextStyle);
                }
                else if (row.Values[v] is { } value)
                {
                    w.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", string.Empty, CellAddress.Of(r, column)), new OpenXmlAttribute("s", string.Empty, (FirstNumberStyle + (uint)report.PrecisionOf(row, v)).ToString(CultureInfo.InvariantCulture))]);
                    w.WriteElement(new CellValue(value.ToString(CultureInfo.InvariantCulture)));
                    w.WriteEndElement();
                }
                else
                {
                    w.WriteElement(new Cell { CellReference = CellAddress.Of(r, column), StyleIndex = FirstNumberStyle + (uint)report.PrecisionOf(row, v) });
                }
            }

            w.WriteEndElement();
        }

        w.WriteEndElement(); // sheetData

        var merges = new MergeCells();
        for (int c = 1; c <= ReportDocument.FixedColumns; c++)
        {
            merges.Append(new MergeCell { Reference = $"{CellAddress.Of(groupRow, c)}:{CellAddress.Of(columnRow, c)}" });
        }

        if (report.Columns.Count > 1)
        {
            for (int g = 0; g < report.Groups.Count; g++)
            {
                int first = ReportDocument.FixedColumns + 1 + (g * report.Columns.Count);
                merges.Append(new MergeCell { Reference = $"{CellAddress.Of(groupRow, first)}:{CellAddress.Of(groupRow, first + report.Columns.Count - 1)}" });
            }
        }

        w.WriteElement(merges);
        w.WriteElement(new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 });
        w.WriteElement(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0 });
        w.WriteEndElement(); // worksheet
    }

    private static Column Column(int min, int max, double width) =>
        new() { Min = (uint)min, Max = (uint)Math.Max(min, max), Width = width, CustomWidth = true };

    private static void StartRow(OpenXmlWriter w, int row, double? height = null)
    {
        var attributes = new List<OpenXmlAttribute> { new("r", string.Empty, row.ToString(CultureInfo.InvariantCulture)) };
        if (height is { } h)
        {
            attributes.Add(new OpenXmlAttribute("ht", string.Empty, h.ToString(CultureInfo.InvariantCulture)));
            attributes.Add(new OpenXmlAttribute("customHeight", string.Empty, "1"));
        }

        w.WriteStartElement(new Row(), attributes);
    }

    /// <summary>An inline-string cell: never a formula, never converted to a number, so codes keep their leading zeros.</summary>
    private static void TextCell(OpenXmlWriter w, int row, int column, string text, uint style)
    {
        w.WriteStartElement(new Cell(),
        [
            new OpenXmlAttribute("r", string.Empty, CellAddress.Of(row, column)),
            new OpenXmlAttribute("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)),
            new OpenXmlAttribute("t", string.Empty, "inlineStr"),
        ]);
        w.WriteStartElement(new InlineString());
        w.WriteElement(new Text(XmlText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve });
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static Stylesheet Stylesheet()
    {
        var numberFormats = new NumberingFormats();
        for (int p = 0; p <= MaxPrecision; p++)
        {
            numberFormats.Append(new NumberingFormat { NumberFormatId = (uint)(164 + p), FormatCode = FormWorkbookGenerator.NumberFormat(p) });
        }

        numberFormats.Count = (uint)numberFormats.ChildElements.Count;
        var fonts = new Fonts(
            Font(false, false, 11), // 0 normal
            Font(true, false, 14), // 1 title
            Font(false, true, 11), // 2 italic
            Font(true, false, 11)); // 3 bold
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder()));
        var formats = new CellFormats(
            new CellFormat(), // 0
            new CellFormat { FontId = 1, ApplyFont = true }, // 1 title
            new CellFormat { FontId = 2, ApplyFont = true }, // 2 subtitle
            new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true })
            {
                FontId = 3, FillId = 2, BorderId = 1, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true,
            }, // 3 header
            new CellFormat { FontId = 0, BorderId = 1, ApplyBorder = true, ApplyFont = true, QuotePrefix = true, NumberFormatId = 49, ApplyNumberFormat = true }); // 4 text (an explicit font: LibreOffice shows its own default font for an xf without fontId)
        for (int level = 0; level <= MaxLevel; level++)
        {
            foreach (bool italic in new[] { false, true })
            {
                // Horizontal left: spreadsheet programs ignore an indent without it (seen in the LibreOffice check).
                formats.Append(new CellFormat(new Alignment { Horizontal = HorizontalAlignmentValues.Left, Indent = (uint)level, WrapText = true, Vertical = VerticalAlignmentValues.Center })
                {
                    FontId = italic ? 2u : 0u, BorderId = 1, ApplyBorder = true, ApplyAlignment = true, ApplyFont = true, QuotePrefix = true,
                    NumberFormatId = 49, ApplyNumberFormat = true,
                });
            }
        }

        for (int p = 0; p <= MaxPrecision; p++)
        {
            formats.Append(new CellFormat { NumberFormatId = (uint)(164 + p), ApplyNumberFormat = true, FontId = 0, BorderId = 1, ApplyBorder = true, ApplyFont = true });
        }

        formats.Count = (uint)formats.ChildElements.Count;
        return new Stylesheet(
            numberFormats,
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat()),
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }));
    }

    private static Font Font(bool bold, bool italic, double size)
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
        font.Append(new FontName { Val = "Times New Roman" });
        return font;
    }
}
