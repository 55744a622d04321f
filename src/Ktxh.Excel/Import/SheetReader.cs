using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ktxh.Excel;

/// <summary>
/// Reads cells straight from the package with DocumentFormat.OpenXml's SAX reader (<see cref="OpenXmlReader"/>): the
/// raw stored text of each value (exact, no conversion through <see cref="double"/>), its type and formula, within a
/// bounding box, and only the shared strings those cells use. Nothing is evaluated. One instance per workbook; not
/// thread-safe.
/// </summary>
internal sealed class SheetReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly Dictionary<string, string> _sheetIds = new(StringComparer.Ordinal);

    private SheetReader(SpreadsheetDocument document)
    {
        _document = document;
        _workbookPart = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        using OpenXmlReader reader = OpenXmlReader.Create(_workbookPart);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Sheet) && reader.IsStartElement)
            {
                var sheet = (Sheet)reader.LoadCurrentElement()!;
                string? name = sheet.Name?.Value;
                string? id = sheet.Id?.Value;
                if (name is not null && id is not null)
                {
                    _sheetIds.TryAdd(VietnameseText.Normalize(name)!, id);
                }
            }
        }
    }

    public IReadOnlyCollection<string> SheetNames => _sheetIds.Keys;

    public static SheetReader Open(byte[] bytes)
    {
        var settings = new OpenSettings { AutoSave = false, MarkupCompatibilityProcessSettings = new MarkupCompatibilityProcessSettings(MarkupCompatibilityProcessMode.NoProcess, FileFormatVersions.Office2007) };
        SpreadsheetDocument document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false, settings);
        try
        {
            return new SheetReader(document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public bool HasSheet(string name) => _sheetIds.ContainsKey(name);

    /// <summary>Reads the cells of a sheet within rows 1..maxRow and columns 1..maxColumn, shared strings resolved.</summary>
    public Dictionary<(int Row, int Column), RawCell> ReadCells(string sheetName, int maxRow, int maxColumn)
    {
        var part = (WorksheetPart)_workbookPart.GetPartById(_sheetIds[sheetName]);
        var cells = new Dictionary<(int, int), RawCell>();
        int currentRow = 0, nextColumn = 1;
        using (OpenXmlReader reader = OpenXmlReader.Create(part))
        {
            while (reader.Read())
            {
                if (!reader.IsStartElement)
                {
                    continue;
                }

                if (reader.ElementType == typeof(Row))
                {
                    string? r = reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value;
                    currentRow = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out int rn) ? rn : currentRow + 1;
                    nextColumn = 1;
                    if (currentRow > maxRow)
                    {
                        break;
                    }
                }
                else if (reader.ElementType == typeof(Cell))
                {
                    var cell = (Cell)reader.LoadCurrentElement()!;
                    int row = currentRow, column = nextColumn;
                    if (cell.CellReference?.Value is { } reference && CellAddress.TryParse(reference, out int rr, out int cc))
                    {
                        row = rr;
                        column = cc;
                    }

                    nextColumn = column + 1;
                    if (row > maxRow || column > maxColumn || row < 1)
                    {
                        continue;
                    }

                    string type = cell.DataType?.InnerText is { Length: > 0 } t ? t : "n";
                    string? raw = type == "inlineStr" ? cell.InlineString?.InnerText : cell.CellValue?.Text;
                    if (raw is null && cell.CellFormula is null)
                    {
                        // A styled cell without a value (ClosedXML writes t="s" and no <v>) is empty.
                        cells.Remove((row, column));
                        continue;
                    }

                    cells[(row, column)] = new RawCell(type, raw, cell.CellFormula is null ? null : cell.CellFormula.Text ?? string.Empty);
                }
            }
        }

        ResolveSharedStrings(cells);
        return cells;
    }

    /// <summary>Replaces shared-string indices by their text, reading only the strings needed (a huge table is streamed past).</summary>
    private void ResolveSharedStrings(Dictionary<(int Row, int Column), RawCell> cells)
    {
        var needed = new Dictionary<int, string?>();
        foreach (RawCell cell in cells.Values)
        {
            if (cell.Type == "s" && int.TryParse(cell.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                needed[index] = null;
            }
        }

        SharedStringTablePart? table = _workbookPart.SharedStringTablePart;
        if (needed.Count > 0 && table is not null)
        {
            int max = needed.Keys.Max();
            int i = 0;
            using OpenXmlReader reader = OpenXmlReader.Create(table);
            while (reader.Read() && i <= max)
            {
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                {
                    // Only the strings needed are loaded; the others are counted as the reader passes them.
                    if (needed.ContainsKey(i))
                    {
                        var item = (SharedStringItem)reader.LoadCurrentElement()!;
                        needed[i] = item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(run => run.Text?.Text));
                    }

                    i++;
                }
            }
        }

        foreach (var key in cells.Keys.ToArray())
        {
            RawCell cell = cells[key];
            if (cell.Type == "s")
            {
                // An index that points nowhere is kept as a shared-string cell without text; the caller reports it.
                string? text = int.TryParse(cell.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && needed.TryGetValue(index, out string? s) ? s : null;
                cells[key] = cell with { Type = text is null ? "s?" : "s", Raw = text };
            }
        }
    }

    public void Dispose() => _document.Dispose();
}
