using System.Globalization;

namespace Ktxh.Excel;

/// <summary>A1-style cell addresses (columns A…XFD, rows from 1).</summary>
internal static class CellAddress
{
    public const int MaxColumn = 16_384;
    public const int MaxRow = 1_048_576;

    /// <summary>The column letters of a 1-based column number (1 → A, 27 → AA).</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        Span<char> buffer = stackalloc char[4];
        int i = buffer.Length;
        while (column > 0)
        {
            int rem = (column - 1) % 26;
            buffer[--i] = (char)('A' + rem);
            column = (column - 1) / 26;
        }

        return new string(buffer[i..]);
    }

    public static string Of(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses <c>D12</c> into (12, 4); false for anything else, including out-of-range addresses.</summary>
    public static bool TryParse(string? text, out int row, out int column)
    {
        row = 0;
        column = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 12)
        {
            return false;
        }

        int i = 0;
        while (i < text.Length && text[i] is >= 'A' and <= 'Z')
        {
            column = (column * 26) + (text[i] - 'A' + 1);
            i++;
        }

        if (i == 0 || i > 3 || column > MaxColumn || i == text.Length)
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) || row < 1 || row > MaxRow)
        {
            return false;
        }

        return true;
    }
}
