using System.Globalization;
using ClosedXML.Excel;

namespace Ktxh.Excel;

/// <summary>
/// Reads cells through ClosedXML's in-memory workbook model: the reference engine the streaming one is checked against.
/// A formula cell is read by its cached value (<see cref="IXLCell.CachedValue"/>) and formula text, never through
/// <see cref="IXLCell.Value"/>, which would evaluate the formula. Numbers come back as the shortest round-trip text of
/// the stored <see cref="double"/>; dates that ClosedXML turned into <see cref="DateTime"/> go back to their serial
/// number, as the sheet stores them. One instance per workbook; not thread-safe.
/// </summary>
internal sealed class ClosedXmlCellSource : ICellSource
{
    private readonly XLWorkbook _workbook;
    private readonly Dictionary<string, IXLWorksheet> _sheets = new(StringComparer.Ordinal);

    private ClosedXmlCellSource(XLWorkbook workbook)
    {
        _workbook = workbook;
        foreach (IXLWorksheet sheet in workbook.Worksheets)
        {
            _sheets.TryAdd(VietnameseText.Normalize(sheet.Name)!, sheet);
        }
    }

    public static ClosedXmlCellSource Open(byte[] bytes)
    {
        var workbook = new XLWorkbook(new MemoryStream(bytes, writable: false));
        return new ClosedXmlCellSource(workbook);
    }

    public bool HasSheet(string name) => _sheets.ContainsKey(name);

    public void ReadCells(string sheet, int maxRow, int maxColumn, CellVisitor visit)
    {
        IXLWorksheet worksheet = _sheets[sheet];
        IXLCell[] cells = [.. worksheet.Range(1, 1, maxRow, maxColumn).CellsUsed(XLCellsUsedOptions.Contents)
            .OrderBy(c => c.Address.RowNumber).ThenBy(c => c.Address.ColumnNumber)];
        foreach (IXLCell cell in cells)
        {
            RawCell raw = Read(cell);
            visit(cell.Address.RowNumber, cell.Address.ColumnNumber, raw);
        }
    }

    private static RawCell Read(IXLCell cell)
    {
        if (cell.HasFormula)
        {
            // Never cell.Value: ClosedXML would evaluate the formula. The cached value is what the file stores.
            (string type, string? text) = Typed(cell.CachedValue, cell.DataType);
            return new RawCell(type == "s" ? "str" : type, text, cell.FormulaA1 ?? string.Empty);
        }

        (string t, string? raw) = Typed(cell.Value, cell.DataType);
        return raw is null ? default : new RawCell(t, raw, null);
    }

    private static (string Type, string? Text) Typed(object? value, XLDataType dataType) => value switch
    {
        null => ("n", null),
        double d => ("n", d.ToString("R", CultureInfo.InvariantCulture)),
        decimal m => ("n", m.ToString(CultureInfo.InvariantCulture)),
        int i => ("n", i.ToString(CultureInfo.InvariantCulture)),
        long l => ("n", l.ToString(CultureInfo.InvariantCulture)),
        bool b => ("b", b ? "1" : "0"),
        DateTime dt => ("n", dt.ToOADate().ToString("R", CultureInfo.InvariantCulture)),
        TimeSpan ts => ("n", ts.TotalDays.ToString("R", CultureInfo.InvariantCulture)),
        string s when dataType == XLDataType.Number && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double n) =>
            ("n", n.ToString("R", CultureInfo.InvariantCulture)),
        string s => (s.Length == 0 ? "n" : "s", s.Length == 0 ? null : s),
        _ => ("s", Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    public void Dispose() => _workbook.Dispose();
}
