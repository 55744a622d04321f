using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Ktxh.Excel;

/// <summary>
/// Reads cells straight from the package (DocumentFormat.OpenXml only finds the parts) with a raw <see cref="XmlReader"/>,
/// node by node without building any element or cell object (names compared by reference in the reader's name table),
/// rather than DocumentFormat.OpenXml's <see cref="OpenXmlReader"/>, which builds an element object per node: the raw stored text of each value (exact, no conversion through
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

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private List<string>? _eager;
    private bool _eagerTried;

    /// <summary>
    /// The whole shared-string table when it is small (the usual case: labels repeated on many rows), so a sheet is read
    /// in one pass; <see langword="null"/> when it is too large to hold (a hostile or odd file), and the sheet is then read
    /// twice, keeping only the strings its cells use.
    /// </summary>
    private List<string>? EagerStrings(SharedStringTablePart table)
    {
        if (_eagerTried)
        {
            return _eager;
        }

        _eagerTried = true;
        var all = new List<string>();
        long chars = 0;
        bool tooLarge = false;
        ReadStrings(table, (_, text) =>
        {
            chars += text.Length;
            if (chars > MaxEagerChars || all.Count >= MaxEagerStrings)
            {
                tooLarge = true;
                return false;
            }

            all.Add(text);
            return true;
        });
        return _eager = tooLarge ? null : all;
    }

    public void ReadCells(string sheet, int maxRow, int maxColumn, CellVisitor visit)
    {
        var part = (WorksheetPart)_workbookPart.GetPartById(_sheetIds[sheet]);
        Func<int, string?>? lookup = null;
        if (_workbookPart.SharedStringTablePart is { } table)
        {
            if (EagerStrings(table) is { } eager)
            {
                lookup = i => (uint)i < (uint)eager.Count ? eager[i] : null;
            }
            else
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
                if (needed.Count > 0)
                {
                    int max = needed.Keys.Max();
                    ReadStrings(table, (i, text) =>
                    {
                        if (needed.ContainsKey(i))
                        {
                            needed[i] = text;
                        }

                        return i < max;
                    });
                }

                lookup = i => needed.GetValueOrDefault(i);
            }
        }

        Scan(part, maxRow, maxColumn, (row, column, cell) =>
        {
            if (cell.Type == "s")
            {
                // An index that points nowhere is kept as a shared-string cell without text; the caller reports it.
                string? text = lookup is not null && int.TryParse(cell.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out int index) ? lookup(index) : null;
                cell = cell with { Type = text is null ? "s?" : "s", Raw = text };
            }

            visit(row, column, cell);
        });
    }

    /// <summary>
    /// A raw <see cref="XmlReader"/> over a part, DTDs refused, with the names this reader compares atomised in its own
    /// table (compared by reference, no string comparison per element).
    /// </summary>
    private static XmlReader OpenPart(OpenXmlPart part, out PartNames names)
    {
        var table = new NameTable();
        names = new PartNames(table);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreWhitespace = true,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
            NameTable = table,
        };
        return XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), settings);
    }

    /// <summary>
    /// Walks the sheet's cells with a raw <see cref="XmlReader"/>: no element objects, attributes compared by their
    /// atomised names; shared strings are left as their index. Same rules as DocumentFormat.OpenXml's reading: elements of
    /// the SpreadsheetML namespace only, a row without <c>r</c> follows the previous one, a cell without <c>r</c> follows
    /// the previous cell of its row.
    /// </summary>
    private static void Scan(WorksheetPart part, int maxRow, int maxColumn, CellVisitor visit)
    {
        int currentRow = 0, nextColumn = 1;
        var inline = new StringBuilder();
        using XmlReader reader = OpenPart(part, out PartNames n);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !ReferenceEquals(reader.NamespaceURI, n.Main))
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0)
                {
                    break; // the root's end: what follows is not read, as DocumentFormat.OpenXml does not read it
                }

                continue;
            }

            string local = reader.LocalName;
            if (ReferenceEquals(local, n.Row))
            {
                string? r = Attribute(reader, n.R);
                currentRow = r is not null && int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out int rn) ? rn : currentRow + 1;
                nextColumn = 1;
                if (currentRow > maxRow)
                {
                    break;
                }
            }
            else if (ReferenceEquals(local, n.C))
            {
                string? reference = null, type = null;
                while (reader.MoveToNextAttribute())
                {
                    if (ReferenceEquals(reader.LocalName, n.R))
                    {
                        reference = reader.Value;
                    }
                    else if (ReferenceEquals(reader.LocalName, n.T))
                    {
                        type = reader.Value;
                    }
                }

                reader.MoveToElement();
                int row = currentRow, column = nextColumn;
                if (reference is not null && CellAddress.TryParse(reference, out int rr, out int cc))
                {
                    row = rr;
                    column = cc;
                }

                nextColumn = column + 1;
                (string? value, string? formula, string? inlineText) = ReadCellContent(reader, n, inline);
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

    /// <summary>Reads a cell's children up to its end: the value, the formula (text, possibly empty for a shared formula)
    /// and inline text (every <c>t</c> under <c>is</c>, runs and phonetic runs alike). Leaves the reader on the cell's end.</summary>
    private static (string? Value, string? Formula, string? Inline) ReadCellContent(XmlReader reader, PartNames n, StringBuilder inline)
    {
        if (reader.IsEmptyElement)
        {
            return (null, null, null);
        }

        string? value = null, formula = null;
        bool hasInline = false;
        inline.Clear();
        int depth = reader.Depth;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                break;
            }

            if (reader.NodeType != XmlNodeType.Element || !ReferenceEquals(reader.NamespaceURI, n.Main))
            {
                continue;
            }

            string local = reader.LocalName;
            if (ReferenceEquals(local, n.V))
            {
                value = ReadText(reader);
            }
            else if (ReferenceEquals(local, n.F))
            {
                formula = ReadText(reader);
            }
            else if (ReferenceEquals(local, n.Is))
            {
                hasInline = true;
            }
            else if (ReferenceEquals(local, n.T) && hasInline)
            {
                inline.Append(ReadText(reader));
            }
        }

        return (value, formula, hasInline ? inline.ToString() : null);
    }

    /// <summary>
    /// Reads the shared-string items in order, handing each one's text to <paramref name="take"/> until it returns
    /// false. An item's text is its own <c>t</c> if it has one, else the first <c>t</c> of each run concatenated (phonetic
    /// runs left out), as DocumentFormat.OpenXml's <c>SharedStringItem</c> gives it.
    /// </summary>
    private static void ReadStrings(SharedStringTablePart table, Func<int, string, bool> take)
    {
        using XmlReader reader = OpenPart(table, out PartNames n);
        int index = 0;
        var runs = new StringBuilder();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || !ReferenceEquals(reader.LocalName, n.Si) || !ReferenceEquals(reader.NamespaceURI, n.Main))
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 0)
                {
                    break; // the root's end, as in Scan
                }

                continue;
            }

            string? own = null;
            runs.Clear();
            if (!reader.IsEmptyElement)
            {
                int depth = reader.Depth;
                bool inRun = false, runHasText = false;
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                    {
                        break;
                    }

                    if (reader.NodeType != XmlNodeType.Element || !ReferenceEquals(reader.NamespaceURI, n.Main))
                    {
                        continue;
                    }

                    string local = reader.LocalName;
                    if (reader.Depth == depth + 1)
                    {
                        inRun = ReferenceEquals(local, n.R);
                        runHasText = false;
                        if (ReferenceEquals(local, n.T) && own is null)
                        {
                            own = ReadText(reader);
                        }
                    }
                    else if (inRun && !runHasText && reader.Depth == depth + 2 && ReferenceEquals(local, n.T))
                    {
                        runs.Append(ReadText(reader));
                        runHasText = true;
                    }
                }
            }

            if (!take(index++, own ?? runs.ToString()))
            {
                return;
            }
        }
    }

    /// <summary>The text content of the current element (text, CDATA and preserved white space), leaving the reader on its end.</summary>
    private static string ReadText(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return string.Empty;
        }

        int depth = reader.Depth;
        string? first = null;
        StringBuilder? more = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
            {
                break;
            }

            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                if (first is null)
                {
                    first = reader.Value;
                }
                else
                {
                    (more ??= new StringBuilder(first)).Append(reader.Value);
                }
            }
        }

        return more?.ToString() ?? first ?? string.Empty;
    }

    private static string? Attribute(XmlReader reader, string localName)
    {
        string? found = null;
        while (reader.MoveToNextAttribute())
        {
            if (ReferenceEquals(reader.LocalName, localName))
            {
                found = reader.Value;
                break;
            }
        }

        reader.MoveToElement();
        return found;
    }

    /// <summary>The element and attribute names a scan compares, atomised in the reader's name table.</summary>
    private sealed class PartNames(XmlNameTable table)
    {
        public string Main { get; } = table.Add(MainNamespace);

        public string Row { get; } = table.Add("row");

        public string C { get; } = table.Add("c");

        public string R { get; } = table.Add("r");

        public string T { get; } = table.Add("t");

        public string V { get; } = table.Add("v");

        public string F { get; } = table.Add("f");

        public string Is { get; } = table.Add("is");

        public string Si { get; } = table.Add("si");
    }

    public void Dispose() => _document.Dispose();
}
