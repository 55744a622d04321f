using System.Globalization;
using System.Text.RegularExpressions;

namespace Ktxh.Excel;

/// <summary>
/// Reads numbers typed as text the Vietnamese way: <c>,</c> is the decimal separator, <c>.</c> (or a space) groups
/// thousands — <c>1.234,5</c> is one thousand two hundred thirty-four and a half. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// Accepted: an optional sign; digits; thousands grouped by <c>.</c> or spaces in groups of three; a decimal part after
/// <c>,</c>. A text with a single <c>.</c> that does not group thousands (<c>1.5</c>, <c>1234.56</c>) is read as a decimal
/// point, the way an English keyboard types it; <c>1.234</c> (a group of three) is one thousand two hundred
/// thirty-four, as Vietnamese readers mean it. Anything else (letters, two commas, mixed groups) is not a number.
/// </remarks>
public static partial class VietnameseNumber
{
    /// <summary>Tries to read a number typed as text.</summary>
    /// <param name="text">The text (surrounding white space is ignored).</param>
    /// <param name="value">The number, when the text is one.</param>
    /// <returns><see langword="true"/> when the text is a number.</returns>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return false;
        }

        string s = text.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
        Match m = Pattern().Match(s);
        if (!m.Success)
        {
            return false;
        }

        string integer = m.Groups["int"].Value;
        string fraction = m.Groups["frac"].Value;
        bool hasComma = m.Groups["comma"].Success;
        if (!hasComma && fraction.Length == 0 && integer.Contains('.', StringComparison.Ordinal) && !ThousandsByDots().IsMatch(integer))
        {
            // A single dot that does not group thousands is a decimal point ("1.5").
            int dot = integer.IndexOf('.', StringComparison.Ordinal);
            if (integer.IndexOf('.', dot + 1) >= 0)
            {
                return false;
            }

            fraction = integer[(dot + 1)..];
            integer = integer[..dot];
        }
        else if (integer.Contains('.', StringComparison.Ordinal) || integer.Contains(' ', StringComparison.Ordinal))
        {
            if (!ThousandsByDots().IsMatch(integer) && !ThousandsBySpaces().IsMatch(integer))
            {
                return false;
            }

            integer = integer.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
        }

        if (integer.Length == 0 || (hasComma && fraction.Length == 0))
        {
            return false;
        }

        string invariant = m.Groups["sign"].Value + integer + (fraction.Length > 0 ? "." + fraction : string.Empty);
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Writes a number the Vietnamese way (<c>1.234,5</c>), with as many decimals as it has.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Format(decimal value) => value.ToString("#,##0.############################", CultureInfo.GetCultureInfo("vi-VN"));

    [GeneratedRegex(@"^(?<sign>[+-]?)\s*(?<int>[0-9][0-9. ]*)(?:(?<comma>,)(?<frac>[0-9]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{3})+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsByDots();

    [GeneratedRegex(@"^[0-9]{1,3}( [0-9]{3})+$|^[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsBySpaces();
}
