using Ktxh.Indicators.MeasureUnits;
namespace Ktxh.Excel;

/// <summary>
/// Reads a catalogue workbook (written by <see cref="CatalogueWorkbookWriter"/>, then edited by an administrator) back
/// into an <see cref="IndicatorCatalogue"/>, validated by the catalogue's own rules (<see cref="IndicatorCatalogueBuilder"/>:
/// codes, names, units, parents and relations, aggregation rules against value kinds, formulas, forms, form sets).
/// </summary>
/// <remarks>
/// <para>Order of work: the bytes pass <see cref="WorkbookSafetyLimits"/> (size, zip entries, decompressed size,
/// compression ratio, DTD-free XML) before anything parses the package; the sheets are read with DocumentFormat.OpenXml's
/// SAX reader from the stored cell XML (formulas are never evaluated: a formula is an error); columns are found by their
/// headers (ignoring case and diacritics), so an administrator may reorder them; empty rows are skipped.</para>
/// <para>Every problem is an error located by sheet and cell (<c>'Chỉ tiêu'!D12</c>) in Vietnamese and English: a cell of
/// the wrong type (<see cref="ExcelErrorCode.NotANumber"/>, <see cref="ExcelErrorCode.NotAWholeNumber"/>, a value outside
/// its list as <see cref="CatalogueErrorCode.InvalidField"/>) and every finding of the catalogue's validation, whose JSON
/// path (<c>$.indicators[10].unit</c>) is mapped onto the cell that holds that field. All or nothing: any error and no
/// catalogue is returned. Thread-safe: each call works on its own bytes.</para>
/// </remarks>
public sealed class CatalogueWorkbookImporter
{
    private readonly MeasureUnitRegistry? _units;
    private readonly KtxhExcelOptions _options;

    /// <summary>Creates an importer.</summary>
    /// <param name="units">The unit registry unit codes are checked against (default <see cref="MeasureUnitRegistry.Default"/>).</param>
    /// <param name="options">The options (safety limits); defaults when <see langword="null"/>.</param>
    public CatalogueWorkbookImporter(MeasureUnitRegistry? units = null, KtxhExcelOptions? options = null)
    {
        _units = units ?? MeasureUnitRegistry.Default;
        _options = options ?? new KtxhExcelOptions();
    }

    /// <summary>Imports a catalogue workbook from a stream (read to its end, up to <see cref="WorkbookSafetyLimits.MaxFileBytes"/>).</summary>
    /// <param name="workbook">The workbook stream; left open.</param>
    /// <returns>The catalogue, or every problem found.</returns>
    public KtxhResult<IndicatorCatalogue> Import(Stream workbook)
    {
        return GuardedWorkbookRead.FromStream(workbook, _options.Limits, Import);
    }

    /// <summary>Imports a catalogue workbook from its bytes.</summary>
    /// <param name="workbook">The workbook (.xlsx).</param>
    /// <returns>The catalogue, or every problem found.</returns>
    public KtxhResult<IndicatorCatalogue> Import(byte[] workbook)
    {
        return GuardedWorkbookRead.Open(workbook, _options, source => new CatalogueWorkbookReading(source, _units).Read());
    }
}
