namespace Ktxh.Excel;

/// <summary>Receives the cells of a sheet in the order they are stored (row by row); an empty cell is <c>default</c>.</summary>
/// <param name="row">The row, from 1.</param>
/// <param name="column">The column, from 1.</param>
/// <param name="cell">The raw cell, shared strings resolved.</param>
internal delegate void CellVisitor(int row, int column, RawCell cell);

/// <summary>
/// Where an import reads cells from: the raw stored type, text and formula of each cell, never evaluated. Two engines
/// give the same cells for the same file (a property test holds them to it): <see cref="StreamingCellSource"/>
/// (a raw <see cref="System.Xml.XmlReader"/> over the parts, flat memory) and <see cref="ClosedXmlCellSource"/> (ClosedXML's in-memory
/// model, the reference). One instance per workbook; not thread-safe.
/// </summary>
internal interface ICellSource : IDisposable
{
    /// <summary>Tells whether the workbook has a sheet of that (NFC-normalised) name.</summary>
    bool HasSheet(string name);

    /// <summary>Visits the cells of a sheet within rows 1..maxRow and columns 1..maxColumn, as stored.</summary>
    void ReadCells(string sheet, int maxRow, int maxColumn, CellVisitor visit);
}

/// <summary>Opens a cell source by engine and reads small sheets into a grid.</summary>
internal static class CellSources
{
    public static ICellSource Open(byte[] workbook, WorkbookReadEngine engine) =>
        engine == WorkbookReadEngine.ClosedXml ? ClosedXmlCellSource.Open(workbook) : StreamingCellSource.Open(workbook);

    /// <summary>The cells of a small sheet keyed by position; a cell stored twice keeps its last content.</summary>
    public static Dictionary<(int Row, int Column), RawCell> ReadGrid(this ICellSource source, string sheet, int maxRow, int maxColumn)
    {
        var cells = new Dictionary<(int Row, int Column), RawCell>();
        source.ReadCells(sheet, maxRow, maxColumn, (row, column, cell) =>
        {
            if (cell.Type is null)
            {
                cells.Remove((row, column));
            }
            else
            {
                cells[(row, column)] = cell;
            }
        });
        return cells;
    }
}
