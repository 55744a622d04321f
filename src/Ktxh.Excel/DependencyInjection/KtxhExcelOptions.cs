namespace Ktxh.Excel;

/// <summary>
/// Options of Ktxh.Excel: safety limits, how the import treats formulas, the maturity of imported values and the sheet
/// password. Configure once at start-up (directly or through <c>AddKtxhExcel</c>); not thread-safe while being configured,
/// read-only afterwards.
/// </summary>
public sealed class KtxhExcelOptions
{
    /// <summary>Gets or sets the limits checked before a workbook is opened (default <see cref="WorkbookSafetyLimits.Default"/>).</summary>
    public WorkbookSafetyLimits Limits { get; set; } = WorkbookSafetyLimits.Default;

    /// <summary>Gets or sets what the import does with a formula in an input cell (default <see cref="FormulaPolicy.Reject"/>).</summary>
    public FormulaPolicy Formulas { get; set; } = FormulaPolicy.Reject;

    /// <summary>
    /// Gets or sets how imports read a workbook's cells (default <see cref="WorkbookReadEngine.Streaming"/>, for every
    /// size: it gives the same result as <see cref="WorkbookReadEngine.ClosedXml"/>, faster and in flat memory).
    /// </summary>
    public WorkbookReadEngine ReadEngine { get; set; } = WorkbookReadEngine.Streaming;

    /// <summary>Gets or sets the maturity level given to imported values (default <see cref="Maturity.Official"/>).</summary>
    public Maturity Maturity { get; set; } = Maturity.Official;

    /// <summary>Gets or sets the longest text accepted in a text cell, in characters (default 4,000).</summary>
    public int MaxTextLength { get; set; } = 4_000;

    /// <summary>
    /// Gets or sets the password of the sheet protection, or <see langword="null"/> for none. Sheet protection keeps
    /// people from overwriting labels by mistake; it is not security (the import checks everything again).
    /// </summary>
    public string? SheetPassword { get; set; }

    /// <summary>Gets or sets the bounds of each indicator's values (default <see cref="ValueBounds.For(Indicator)"/>).</summary>
    public Func<Indicator, ValueBounds> Bounds { get; set; } = ValueBounds.For;
}
