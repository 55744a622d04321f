using System.Globalization;
using System.Text;

namespace Ktxh.Cli;

/// <summary>How the CLI shows user text and numbers in its messages and output.</summary>
internal static class CliText
{
    /// <summary>The longest argument quoted in full in a message; longer ones are shortened in the middle.</summary>
    public const int MaxShown = 80;

    /// <summary>
    /// <paramref name="text"/> as it can be quoted in a message: control characters shown as <c>\uXXXX</c>, and when
    /// longer than <see cref="MaxShown"/> its start and end with "…" between, so that a long argument never floods the
    /// terminal.
    /// </summary>
    public static string Shorten(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxShown + 8));
        foreach (char c in text)
        {
            builder.Append(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        string shown = builder.ToString();
        return shown.Length <= MaxShown ? shown : string.Concat(shown.AsSpan(0, 50), "…", shown.AsSpan(shown.Length - 25));
    }

    /// <summary>
    /// A decimal written so that no reader misreads it: invariant culture (a point before the fraction), never an
    /// exponent, trailing zeros of the fraction dropped (1.000 would read as one thousand to a Vietnamese reader).
    /// </summary>
    public static string Number(decimal value)
    {
        string s = value.ToString("0.############################", CultureInfo.InvariantCulture);
        return s == "-0" ? "0" : s;
    }

    /// <summary>A decimal in Vietnamese notation: '.' between groups of thousands, ',' before the fraction (1.234,5).</summary>
    public static string NumberVi(decimal value)
    {
        string invariant = Number(value);
        bool negative = invariant.StartsWith('-');
        string digits = negative ? invariant[1..] : invariant;
        int point = digits.IndexOf('.');
        string whole = point < 0 ? digits : digits[..point];
        string fraction = point < 0 ? string.Empty : digits[(point + 1)..];
        var grouped = new StringBuilder();
        for (int i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
            {
                grouped.Append('.');
            }

            grouped.Append(whole[i]);
        }

        return (negative ? "-" : string.Empty) + grouped + (fraction.Length > 0 ? "," + fraction : string.Empty);
    }
}
