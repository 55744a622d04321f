namespace Ktxh.Excel;

/// <summary>What is wrong with a workbook given to Ktxh.Excel (the <see cref="KtxhError.CodeValue"/> of its errors).</summary>
public enum ExcelErrorCode
{
    /// <summary>The file is larger than <see cref="WorkbookSafetyLimits.MaxFileBytes"/>.</summary>
    FileTooLarge = 1,

    /// <summary>The file is not a workbook (not a zip package, or no workbook part): a corrupt or non-Excel file.</summary>
    NotAWorkbook = 2,

    /// <summary>The zip package has more entries than <see cref="WorkbookSafetyLimits.MaxZipEntries"/>.</summary>
    TooManyZipEntries = 3,

    /// <summary>The parts decompress to more than <see cref="WorkbookSafetyLimits.MaxDecompressedBytes"/>, or one part expands beyond <see cref="WorkbookSafetyLimits.MaxCompressionRatio"/> (a zip bomb).</summary>
    DecompressedTooLarge = 4,

    /// <summary>An XML part declares a DTD or entities (entity expansion is refused), or is not well-formed XML.</summary>
    UnsafeOrInvalidXml = 5,

    /// <summary>The workbook could not be read although it passed the safety checks (a damaged part).</summary>
    CorruptWorkbook = 6,

    /// <summary>The workbook is not a Ktxh form workbook: the metadata sheet or the form sheet is missing or unreadable.</summary>
    NotAFormWorkbook = 7,

    /// <summary>The workbook is for another form than the one expected, or for a form the catalogue does not have.</summary>
    WrongForm = 8,

    /// <summary>The workbook was made from an outdated or altered template: the form version or the layout checksum differs.</summary>
    OutdatedTemplate = 9,

    /// <summary>The workbook is for another reporting unit than the one expected.</summary>
    UnitMismatch = 10,

    /// <summary>The workbook is for another period than the one expected.</summary>
    PeriodMismatch = 11,

    /// <summary>A label cell of the layout (an indicator code) was changed, so the values cannot be matched to rows.</summary>
    LayoutChanged = 12,

    /// <summary>A numeric input cell holds text that is not a number (nor a Vietnamese-style number such as <c>1.234,5</c>), a boolean, a date or an error.</summary>
    NotANumber = 13,

    /// <summary>A count, amount or stock is negative.</summary>
    NegativeValue = 14,

    /// <summary>A value lies outside its bounds (see <see cref="ValueBounds"/>).</summary>
    OutOfBounds = 15,

    /// <summary>A count is not a whole number.</summary>
    NotAWholeNumber = 16,

    /// <summary>A required value is missing (an empty cell; empty is not zero).</summary>
    RequiredValueMissing = 17,

    /// <summary>An input cell holds a formula; formulas from a file are never evaluated (its cached value is shown, and used only when <see cref="FormulaPolicy.UseCachedValue"/> is set).</summary>
    FormulaInInputCell = 18,

    /// <summary>A text cell is longer than <see cref="KtxhExcelOptions.MaxTextLength"/>.</summary>
    TextTooLong = 19,

    /// <summary>An of-which ("Trong đó") value exceeds its parent, or the components of a parent do not add up to it within the catalogue's tolerance.</summary>
    HierarchyMismatch = 20,

    // History workbooks (many units and periods at once); numbered from 40 so that codes added elsewhere do not collide.

    /// <summary>A row of a history workbook names a unit that is not among the workbook's (or the expected) units, or none.</summary>
    UnknownUnit = 40,

    /// <summary>A row of a history workbook names an indicator that is not a row of the form.</summary>
    UnknownIndicator = 41,

    /// <summary>A period column's id cannot be read, is not among the workbook's (or the expected) periods, or appears twice.</summary>
    UnknownPeriod = 42,

    /// <summary>A unit and indicator appear on two rows of a history workbook (the first row is named).</summary>
    DuplicateRow = 43,

    /// <summary>More errors were found than are reported (the count is given); the workbook yields no values.</summary>
    TooManyErrors = 44,

    // Catalogue workbooks; numbered from 50.

    /// <summary>
    /// The workbook is not a catalogue workbook (<see cref="CatalogueWorkbookWriter"/>): its format marker, a sheet or a
    /// column header is missing.
    /// </summary>
    NotACatalogueWorkbook = 50,
}
