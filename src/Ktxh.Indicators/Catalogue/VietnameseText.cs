using System.Globalization;
using System.Text;

namespace Ktxh.Indicators;

/// <summary>Normalisation of Vietnamese text: NFC on the way in, and a folded form for diacritic-insensitive search.</summary>
/// <remarks>Pure functions; thread-safe.</remarks>
public static class VietnameseText
{
    /// <summary>Returns <paramref name="text"/> in Unicode NFC, trimmed; <see langword="null"/> stays <see langword="null"/>.</summary>
    /// <param name="text">The text to normalise.</param>
    /// <returns>The normalised text.</returns>
    public static string? Nfc(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string trimmed = text.Trim();
        return trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Folds text for search: removes diacritics, maps <c>đ</c>/<c>Đ</c> to <c>d</c> (đ is a letter of its own, not a
    /// base letter with a mark, so decomposition alone leaves it), lower-cases invariantly and collapses white space.
    /// </summary>
    /// <param name="text">The text to fold.</param>
    /// <returns>The folded text: "Giải ngân vốn Đầu tư" becomes "giai ngan von dau tu".</returns>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        bool pendingSpace = false;
        foreach (char c in decomposed)
        {
            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            char mapped = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            builder.Append(mapped);
        }

        return builder.ToString();
    }
}
