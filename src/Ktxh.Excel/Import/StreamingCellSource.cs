using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ktxh.Excel;

/// <summary>
/// Reads cells straight from the package with DocumentFormat.OpenXml's SAX reader (<see cref="OpenXmlReader"/>), element
/// by element without building a cell object: the raw stored text of each value (exact, no conversion through
/// <see cref="double"/>), its type (shared string, inline string, number, boolean, error, date, formula string), the
/// formula text when there is one (never evaluated; the cached value is the value), and the cell reference. Shared
/// strings: a small table (up to 8 million characters) is read whole and the sheet in one pass; of a larger one only
/// the strings the cells within the bounding box use are kept, found in a first pass over the sheet, so memory does not
/// grow with a huge shared-string table. One instance per workbook; not thread-safe.
/// </summary>
internal sealed class StreamingCellSource : ICellSource
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly Dictionary<string, string> _sheetIds = new(StringComparer.Ordinal);

    private StreamingCellSource(SpreadsheetDocument document)
    {
        _document = document;
        _workbookPart = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        using OpenXmlReader reader = OpenXmlReader.Create(_workbookPart);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Sheet) && reader.IsStartElement)
            {
                string? name = null, id = null;
                foreach (OpenXmlAttribute a in reader.Attributes)
                {
                    if (a.LocalName == "name")
                    {
                        name = a.Value;
                    }
                    else if (a.LocalName == "id")
                    {
                        id = a.Value;
                    }
                }

                if (name is not null && id is not null)
                {
                    _sheetIds.TryAdd(VietnameseText.Normalize(name)!, id);
                }
            }
        }
    }

    public static StreamingCellSource Open(byte[] bytes)
    {
        var settings = new OpenSettings { AutoSave = false, MarkupCompatibilityProcessSettings = new MarkupCompatibilityProcessSettings(MarkupCompatibilityProcessMode.NoProcess, FileFormatVersions.Office2007) };
        SpreadsheetDocument document = SpreadsheetDocument.Open(new MemoryStream(bytes, writable: false), false, settings);
        try
        {
            return new StreamingCellSource(document);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    public bool HasSheet(string name) => _sheetIds.ContainsKey(name);

    /// <summary>The most characters and strings of a shared-string table read whole in one pass; a larger one is read twice, keeping only what the cells use.</summary>
    private const int MaxEagerChars = 8_000_000, MaxEagerStrings = 200_000;

    private Dictionary<int, string?>? _eager;
    private bool _eagerTried;

    /// <summary>
    /// The whole shared-string table when it is small (the usual case: labels repeated on many rows), so a sheet is read
    /// in one pass; <see langword="null"/> when it is too large to hold (a hostile or odd file), and the sheet is then read
    /// twice, keeping only the strings its cells use.
    /// </summary>
    private Dictionary<int, string?>? EagerStrings(SharedStringTablePart table)
    {
        if (_eagerTried)
        {
            return _eager;
        }

        _eagerTried = true;
        var all = new Dictionary<int, string?>();
        long chars = 0;
        using OpenXmlReader reader = OpenXmlReader.Create(table);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                string text = item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(run => run.Text?.Text));
                chars += text.Length;
                if (chars > MaxEagerChars || all.Count >= MaxEagerStrings)
                {
                    return null;
                }

                all[all.Count] = text;
            }
        }

        return _eager = all;
    }

    public void ReadCells(string sheet, int maxRow, int maxColumn, CellVisitor visit)
    {
        var part = (WorksheetPart)_workbookPart.GetPartById(_sheetIds[sheet]);
        IReadOnlyDictionary<int, string?>? strings = null;
        if (_workbookPart.SharedStringTablePart is { } table)
        {
            strings = EagerStrings(table);
            if (strings is null)
            {
                // A large table: a first pass finds which shared strings the cells in the box use; only those are read.
                var needed = new Dictionary<int, string?>();
                Scan(part, maxRow, maxColumn, (_, _, cell) =>
                {
                    if (cell.Type == "s" && int.TryParse(cell.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
                    {
                        needed[index] = null;
                    }
                });
                strings = needed.Count > 0 ? LoadStrings(table, needed) : needed;
            }
        }

        Scan(part, maxRow, maxColumn, (row, column, cell) =>
        {
            if (cell.Type == "s")
            {
                // An index that points nowhere is kept as a shared-string cell without text; the caller reports it.
                string? text = strings is not null && int.TryParse(cell.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                    && strings.TryGetValue(index, out string? s) ? s : null;
                cell = cell with { Type = text is null ? "s?" : "s", Raw = text };
            }

            visit(row, column, cell);
        });
    }

    /// <summary>Walks the sheet's cells as SAX events; shared strings are left as their index.</summary>
    private static void Scan(WorksheetPart part, int maxRow, int maxColumn, CellVisitor visit)
    {
        int currentRow = 0, nextColumn = 1;
        var inline = new StringBuilder();
        using OpenXmlReader reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.ElementType == typeof(Row))
            {
                string? r = Attribute(reader, "r");
                currentRow = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out int rn) ? rn : currentRow + 1;
                nextColumn = 1;
                if (currentRow > maxRow)
                {
                    break;
                }
            }
            else if (reader.ElementType == typeof(Cell))
            {
                string? reference = null, type = null;
                foreach (OpenXmlAttribute a in reader.Attributes)
                {
                    if (a.LocalName == "r")
                    {
                        reference = a.Value;
                    }
                    else if (a.LocalName == "t")
                    {
                        type = a.Value;
                    }
                }

                int row = currentRow, column = nextColumn;
                if (reference is not null && CellAddress.TryParse(reference, out int rr, out int cc))
                {
                    row = rr;
                    column = cc;
                }

                nextColumn = column + 1;
                (string? value, string? formula, string? inlineText) = ReadCellContent(reader, inline);
                if (row > maxRow || column > maxColumn || row < 1)
                {
                    continue;
                }

                type = type is { Length: > 0 } ? type : "n";
                string? raw = type == "inlineStr" ? inlineText : value;
                if (raw is null && formula is null)
                {
                    // A styled cell without a value (ClosedXML writes t="s" and no <v>) is empty.
                    visit(row, column, default);
                    continue;
                }

                visit(row, column, new RawCell(type, raw, formula));
            }
        }
    }

    /// <summary>Reads a cell's children up to its end: the value, the formula (text, possibly empty for a shared formula) and inline text.</summary>
    private static (string? Value, string? Formula, string? Inline) ReadCellContent(OpenXmlReader reader, StringBuilder inline)
    {
        string? value = null, formula = null;
        bool hasInline = false;
        inline.Clear();
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Cell) && reader.IsEndElement)
            {
                break;
            }

            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.ElementType == typeof(CellValue))
            {
                value = reader.GetText();
            }
            else if (reader.ElementType == typeof(CellFormula))
            {
                formula = reader.GetText();
            }
            else if (reader.ElementType == typeof(InlineString))
            {
                hasInline = true;
            }
            else if (reader.ElementType == typeof(Text) && hasInline)
            {
                // Every text under <is>, runs and phonetic runs alike (the element's inner text).
                inline.Append(reader.GetText());
            }
        }

        return (value, formula, hasInline ? inline.ToString() : null);
    }

    private static Dictionary<int, string?> LoadStrings(SharedStringTablePart table, Dictionary<int, string?> needed)
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

        return needed;
    }

    private static string? Attribute(OpenXmlReader reader, string localName)
    {
        foreach (OpenXmlAttribute a in reader.Attributes)
        {
            if (a.LocalName == localName)
            {
                return a.Value;
            }
        }

        return null;
    }

    public void Dispose() => _document.Dispose();
}
