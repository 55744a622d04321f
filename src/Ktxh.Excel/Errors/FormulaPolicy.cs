namespace Ktxh.Excel;

/// <summary>What the import does with a formula typed into an input cell. Formulas from a file are never evaluated.</summary>
public enum FormulaPolicy
{
    /// <summary>A formula is an error (<see cref="ExcelErrorCode.FormulaInInputCell"/>) that names its cached value; the workbook yields no values.</summary>
    Reject = 0,

    /// <summary>The value the spreadsheet program cached is used, and the cell is flagged in <see cref="FormImport.Warnings"/>.</summary>
    UseCachedValue = 1,
}
