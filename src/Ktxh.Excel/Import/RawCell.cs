namespace Ktxh.Excel;

/// <summary>A cell as stored in the sheet XML, before any interpretation: its type attribute, raw value and formula.</summary>
/// <param name="Type">The <c>t</c> attribute (<c>n</c> when absent, <c>s</c>, <c>str</c>, <c>inlineStr</c>, <c>b</c>, <c>e</c>, <c>d</c>).</param>
/// <param name="Raw">The text of <c>&lt;v&gt;</c> (a number, a shared-string index, a cached formula result), or the inline string.</param>
/// <param name="Formula">The formula text when the cell has one (never evaluated).</param>
internal readonly record struct RawCell(string Type, string? Raw, string? Formula)
{
    public bool HasFormula => Formula is not null;
}
