using System.Globalization;
using System.Text;

namespace Ktxh;

/// <summary>
/// Where an error was found in the input: any combination of a source (a file or input name), a JSON path, a line and
/// column, a character position, an item index, a field, and a worksheet and cell. Every part is optional; an error
/// in code-built data may have only an index, an error in an uploaded workbook a sheet and a cell.
/// </summary>
/// <remarks>
/// Lines, columns and positions are counted as a person reads them: lines and columns from 1, positions (a character
/// offset into a one-line text such as a period identifier) from 0, item indices from 0 like the JSON path they mirror.
/// Immutable and thread-safe; "changes" (<see cref="WithSource"/>, <c>with</c> expressions) return new values.
/// </remarks>
public sealed record ErrorLocation
{
    /// <summary>No location is known (the error concerns the input as a whole).</summary>
    public static ErrorLocation None { get; } = new();

    /// <summary>The input the error is in: a file name, or a name the caller gave the input; <see langword="null"/> when unnamed.</summary>
    public string? Source { get; init; }

    /// <summary>A JSON path into the document (<c>$.indicators[12].unit</c>).</summary>
    public string? JsonPath { get; init; }

    /// <summary>The line, counted from 1.</summary>
    public int? Line { get; init; }

    /// <summary>The column in <see cref="Line"/> (or in a one-line text), counted from 1, in characters.</summary>
    public int? Column { get; init; }

    /// <summary>The character offset into a one-line text (a period identifier, a formula), counted from 0.</summary>
    public int? Position { get; init; }

    /// <summary>The index of the item in a list given in code (the n-th value passed, the n-th row added), from 0.</summary>
    public int? Index { get; init; }

    /// <summary>The named field, column or property the error is about (<c>unit</c>, <c>value</c>).</summary>
    public string? Field { get; init; }

    /// <summary>The worksheet's name, for a workbook.</summary>
    public string? Sheet { get; init; }

    /// <summary>The cell's A1 reference (<c>D12</c>), for a workbook.</summary>
    public string? Cell { get; init; }

    /// <summary>Whether no part of the location is known.</summary>
    public bool IsNone => this == None;

    /// <summary>A location at a JSON path.</summary>
    /// <param name="path">The path, such as <c>$.indicators[2].unit</c>.</param>
    /// <returns>The location.</returns>
    public static ErrorLocation AtJsonPath(string path) => new() { JsonPath = path };

    /// <summary>A location at a line and, optionally, a column (both from 1).</summary>
    /// <param name="line">The line, from 1.</param>
    /// <param name="column">The column, from 1, or <see langword="null"/>.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The line or column is below 1.</exception>
    public static ErrorLocation AtLine(int line, int? column = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(line, 1);
        if (column is { } c)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(c, 1, nameof(column));
        }

        return new() { Line = line, Column = column };
    }

    /// <summary>A location at a character offset (from 0) into a one-line text.</summary>
    /// <param name="position">The offset, from 0.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The offset is negative.</exception>
    public static ErrorLocation AtPosition(int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return new() { Position = position };
    }

    /// <summary>A location at an item index (from 0) of a list given in code.</summary>
    /// <param name="index">The index, from 0.</param>
    /// <returns>The location.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The index is negative.</exception>
    public static ErrorLocation AtIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return new() { Index = index };
    }

    /// <summary>A location at a named field, column or property.</summary>
    /// <param name="field">The name.</param>
    /// <returns>The location.</returns>
    public static ErrorLocation AtField(string field) => new() { Field = field };

    /// <summary>A location at a cell of a worksheet.</summary>
    /// <param name="sheet">The worksheet's name.</param>
    /// <param name="cell">The cell's A1 reference.</param>
    /// <returns>The location.</returns>
    public static ErrorLocation AtCell(string sheet, string cell) => new() { Sheet = sheet, Cell = cell };

    /// <summary>The same location in the named input (a file name).</summary>
    /// <param name="source">The input's name.</param>
    /// <returns>The location with <see cref="Source"/> set.</returns>
    public ErrorLocation WithSource(string? source) => this with { Source = source };

    /// <summary>The same location with the named field.</summary>
    /// <param name="field">The field's name.</param>
    /// <returns>The location with <see cref="Field"/> set.</returns>
    public ErrorLocation WithField(string? field) => this with { Field = field };

    /// <summary>The location in Vietnamese words: <c>v.csv, dòng 3, cột 2</c>, <c>'Biểu 01'!D12</c>.</summary>
    /// <returns>The text; empty for <see cref="None"/>.</returns>
    public string ToVietnamese() => Describe(vietnamese: true);

    /// <summary>The location in English words: <c>v.csv, line 3, column 2</c>, <c>'Biểu 01'!D12</c>.</summary>
    /// <returns>The text; empty for <see cref="None"/>.</returns>
    public string ToEnglish() => Describe(vietnamese: false);

    /// <summary>
    /// The location in both languages where words differ (<c>dòng 3, cột 2 / line 3, column 2</c>), and once where
    /// they do not (a JSON path, a cell reference).
    /// </summary>
    /// <returns>The text; empty for <see cref="None"/>.</returns>
    public override string ToString()
    {
        string vi = ToVietnamese();
        string en = ToEnglish();
        return vi == en ? vi : $"{vi} / {en}";
    }

    private string Describe(bool vietnamese)
    {
        var parts = new List<string>(4);
        if (Source is { Length: > 0 } source)
        {
            parts.Add(source);
        }

        if (Sheet is not null || Cell is not null)
        {
            parts.Add(SheetReference(Sheet, Cell));
        }

        if (JsonPath is { Length: > 0 } path)
        {
            parts.Add(path);
        }

        if (Line is { } line)
        {
            parts.Add(vietnamese ? $"dòng {Num(line)}" : $"line {Num(line)}");
        }

        if (Column is { } column)
        {
            parts.Add(vietnamese ? $"cột {Num(column)}" : $"column {Num(column)}");
        }

        if (Position is { } position)
        {
            parts.Add(vietnamese ? $"vị trí {Num(position)}" : $"position {Num(position)}");
        }

        if (Index is { } index)
        {
            parts.Add(vietnamese ? $"mục {Num(index)}" : $"item {Num(index)}");
        }

        if (Field is { Length: > 0 } field)
        {
            parts.Add(vietnamese ? $"trường '{field}'" : $"field '{field}'");
        }

        return string.Join(", ", parts);
    }

    // Excel's own notation: a sheet name with anything but letters, digits and underscores is quoted.
    private static string SheetReference(string? sheet, string? cell)
    {
        if (string.IsNullOrEmpty(sheet))
        {
            return cell ?? string.Empty;
        }

        bool plain = sheet.All(ch => char.IsLetterOrDigit(ch) || ch == '_');
        var sb = new StringBuilder();
        sb.Append(plain ? sheet : "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'");
        if (!string.IsNullOrEmpty(cell))
        {
            sb.Append('!').Append(cell);
        }

        return sb.ToString();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
