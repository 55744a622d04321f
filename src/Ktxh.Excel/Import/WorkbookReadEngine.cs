namespace Ktxh.Excel;

/// <summary>
/// How an import reads a workbook's cells, after the same hostile-file checks. Both engines give the same values and the
/// same errors for the same file (held to it by a property test over generated forms and values); neither evaluates a
/// formula.
/// </summary>
public enum WorkbookReadEngine
{
    /// <summary>
    /// A raw <c>XmlReader</c> over the sheet XML (DocumentFormat.OpenXml only locates the parts): cells are read as they
    /// stream past without element objects, only the shared strings the cells use are kept, memory stays flat. The
    /// default, for every size.
    /// </summary>
    Streaming = 0,

    /// <summary>
    /// ClosedXML's in-memory workbook model (cached values of formula cells, never <c>Value</c>, which would evaluate):
    /// the reference the streaming engine is checked against; several times slower and heavier on large workbooks.
    /// </summary>
    ClosedXml = 1,
}
