using System.Globalization;
using System.Text;

namespace Ktxh;

/// <summary>
/// Vietnamese text handling shared by every package: Unicode NFC on the way in, white space tidied, and one folding
/// rule for diacritic- and case-insensitive search and comparison.
/// </summary>
/// <remarks>
/// Vietnamese text reaches the SDK both composed (NFC, one code point for "ế") and decomposed (NFD, "e" + circumflex +
/// acute, as some keyboards, macOS file names and OCR produce), so text is compared only after
/// <see cref="Normalize"/>. Folding removes every combining mark (the five tone marks and the vowel marks of ă, â, ê,
/// ô, ơ, ư) and maps đ/Đ to d: đ is a letter of its own (U+0111), not a d with a mark, so decomposition alone keeps it.
/// Pure functions, thread-safe.
/// </remarks>
public static class VietnameseText
{
    /// <summary>The text in Unicode NFC, trimmed; <see langword="null"/> stays <see langword="null"/>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalised text.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Normalize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        return IsNfc(trimmed) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// A name in Unicode NFC, trimmed, with every run of white space (line breaks, tabs, no-break spaces) made one
    /// plain space; <see langword="null"/> stays <see langword="null"/>. The form in which names of units, indicators
    /// and places are stored and compared.
    /// </summary>
    /// <param name="text">The name.</param>
    /// <returns>The normalised name; the same instance when it was clean already.</returns>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? NormalizeName(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (IsCleanName(text))
        {
            return text;
        }

        string nfc = IsNfc(text) ? text : text.Normalize(NormalizationForm.FormC);
        var sb = new StringBuilder(nfc.Length);
        bool space = false;
        foreach (char ch in nfc)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The search key of a text: no diacritics, đ/Đ as d, lower case (invariant), white space runs as one space,
    /// trimmed. "Giải ngân vốn  Đầu tư" and its decomposed form both fold to "giai ngan von dau tu".
    /// </summary>
    /// <param name="text">The text; <see langword="null"/> folds to the empty string.</param>
    /// <returns>The folded text.</returns>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        bool space = false;
        foreach (char ch in decomposed)
        {
            if (IsMark(ch))
            {
                continue;
            }

            if (char.IsWhiteSpace(ch))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whether two texts are equal once folded (<see cref="Fold"/>): "Hà Nội" and "HA NOI" are.
    /// </summary>
    /// <param name="left">A text.</param>
    /// <param name="right">Another text.</param>
    /// <returns><see langword="true"/> when their folded forms are equal.</returns>
    public static bool FoldedEquals(string? left, string? right) => string.Equals(Fold(left), Fold(right), StringComparison.Ordinal);

    /// <summary>
    /// The text without diacritics, keeping case and spacing: "Đội Cấn" becomes "Doi Can". For account names and
    /// identifiers that must be plain ASCII letters (seed 002 Điều 16: account names without diacritics).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The text without combining marks, in NFC.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static string RemoveDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsAscii(text))
        {
            return text;
        }

        string decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (char ch in decomposed)
        {
            if (IsMark(ch))
            {
                continue;
            }

            sb.Append(ch switch { 'đ' => 'd', 'Đ' => 'D', _ => ch });
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether every character of the text is ASCII.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> for plain ASCII (and for the empty string).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static bool IsAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return System.Text.Ascii.IsValid(text);
    }

    private static bool IsMark(char ch) => CharUnicodeInfo.GetUnicodeCategory(ch)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    // ASCII is NFC by definition; the check is the common case for codes and for the built-in data.
    private static bool IsNfc(string text) => System.Text.Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormC);

    private static bool IsCleanName(string text)
    {
        if (text.Length == 0)
        {
            return true;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }

        for (int i = 1; i < text.Length; i++)
        {
            char ch = text[i];
            if (char.IsWhiteSpace(ch) && (ch != ' ' || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return IsNfc(text);
    }
}
