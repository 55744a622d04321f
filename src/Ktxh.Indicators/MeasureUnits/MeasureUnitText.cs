using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ktxh.Indicators.MeasureUnits;

/// <summary>
/// The normalisation applied to unit texts before they are looked up, so that the many ways forms and OCR spell a
/// unit ("Tỷ đồng", "tỷ  đồng", "Tỉ đồng", "1.000 tấn", "Nghìn tấn", "ngàn tấn", "m²", "(tấn)") meet one key.
/// </summary>
/// <remarks>
/// Steps, in order (the same steps are applied to the registered names and aliases, so the comparison is symmetric):
/// <list type="number">
/// <item>Unicode NFC; lower case (invariant culture).</item>
/// <item>Every run of white space (including no-break spaces and line breaks, as in "Doanh\nnghiệp") becomes one
/// space; leading and trailing space is removed; a text wrapped in parentheses, "(tấn)", loses them.</item>
/// <item>Superscripts ² ³ become 2 3; the product signs · ⋅ × * become "."; spaces around "/" and "." go; a comma
/// not between digits is followed by exactly one space ("Khu,cụm" = "Khu, cụm").</item>
/// <item>Old-style tone placement at the end of a syllable becomes the new style: "hoá" → "hóa", "thuỷ" → "thủy"
/// (oa, oe, uy; "qu" is left alone).</item>
/// <item>Multiplier words: "ngàn" → "nghìn", "tỉ" → "tỷ"; a leading "1000", "1.000", "1,000" or "10^3"
/// (also glued, as in "1000c") → "nghìn"; "1000000", "1.000.000", "1,000,000", "10^6" → "triệu".</item>
/// </list>
/// Text is never corrected beyond these rules: a unit that is not registered is reported, not guessed.
/// When the input is plain ASCII (OCR that lost the diacritics: "Ty dong", "Nguoi"), the registry also compares it
/// with the diacritic-free form of its keys (<see cref="VietnameseText.RemoveDiacritics"/>) and accepts a match only when exactly
/// one unit has that form.
/// Thread-safe (pure functions).
/// </remarks>
public static partial class MeasureUnitText
{
    /// <summary>Normalises a unit text into the key used for lookups (see the remarks of <see cref="MeasureUnitText"/>).</summary>
    /// <param name="text">The text as printed on a form or cell; null is treated as empty.</param>
    /// <returns>The key; empty when the text is empty or white space.</returns>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        // NFC as everywhere in the SDK; what follows is specific to units of measure ("/" and "." glue, ² → 2).
        text = VietnameseText.Normalize(text);

        var sb = new StringBuilder(text.Length + 8);
        bool pendingSpace = false;
        foreach (char raw in text)
        {
            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            char c = raw switch
            {
                '²' => '2',
                '³' => '3',
                '·' or '⋅' or '×' or '*' or '•' => '.',
                '‐' or '‑' or '–' or '—' or '−' => '-',
                '（' => '(',
                '）' => ')',
                '／' => '/',
                _ => char.ToLowerInvariant(raw),
            };

            bool glue = c is '/' or '.' || (sb.Length > 0 && sb[^1] is '/' or '.');
            if (pendingSpace && !glue)
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c);
        }

        string s = StripWrappingParentheses(sb.ToString());
        s = NormaliseCommas(s);
        if (!VietnameseText.IsAscii(s))
        {
            s = NewStyleTones(s);
        }

        if (s.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            s = Million().Replace(s, "triệu ");
            s = Thousand().Replace(s, "nghìn ");
        }

        s = RewriteWords(s);
        return s.Trim();
    }


    private static string StripWrappingParentheses(string s)
    {
        while (s.Length >= 2 && s[0] == '(' && s[^1] == ')' && s.IndexOf(')', 1) == s.Length - 1)
        {
            s = s[1..^1].Trim();
        }

        return s;
    }

    private static string NormaliseCommas(string s)
    {
        if (!s.Contains(','))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 2);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool betweenDigits = c == ',' && i > 0 && i + 1 < s.Length && char.IsDigit(s[i - 1]) && char.IsDigit(s[i + 1]);
            if (c != ',' || betweenDigits)
            {
                sb.Append(c);
                continue;
            }

            while (sb.Length > 0 && sb[^1] == ' ')
            {
                sb.Length--;
            }

            sb.Append(", ");
            while (i + 1 < s.Length && s[i + 1] == ' ')
            {
                i++;
            }
        }

        return sb.ToString().TrimEnd();
    }

    private static string NewStyleTones(string s)
    {
        // Old style puts the tone on the second vowel of a final "oa", "oe", "uy" ("hoá", "thuỷ"); the new style
        // (and NFC input from most forms) puts it on the first ("hóa", "thủy"). Both spell the same word.
        StringBuilder? sb = null;
        for (int i = 0; i + 1 < s.Length; i++)
        {
            char first = s[i];
            char second = s[i + 1];
            bool end = i + 2 == s.Length || !char.IsLetter(s[i + 2]);
            if (!end || (first != 'o' && first != 'u') || (first == 'u' && i > 0 && s[i - 1] == 'q'))
            {
                continue;
            }

            string decomposed = second.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length != 2 || !IsToneMark(decomposed[1]))
            {
                continue;
            }

            char vowel = decomposed[0];
            if (!(first == 'o' && vowel is 'a' or 'e') && !(first == 'u' && vowel == 'y'))
            {
                continue;
            }

            sb ??= new StringBuilder(s);
            sb[i] = (first.ToString() + decomposed[1]).Normalize(NormalizationForm.FormC)[0];
            sb[i + 1] = vowel;
        }

        return sb?.ToString() ?? s;
    }

    private static bool IsToneMark(char c) => c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323';

    private static string RewriteWords(string s)
    {
        if (!s.Contains("ngàn", StringComparison.Ordinal) && !s.Contains("tỉ", StringComparison.Ordinal))
        {
            return s;
        }

        return WordSplit().Replace(s, m => m.Value switch
        {
            "ngàn" => "nghìn",
            "tỉ" => "tỷ",
            _ => m.Value,
        });
    }

    [GeneratedRegex(@"(?<=^|[ /(])(?:1000000|1[.,]000[.,]000|10\^6)(?=[^\d.,]|$) ?", RegexOptions.CultureInvariant)]
    private static partial Regex Million();

    [GeneratedRegex(@"(?<=^|[ /(])(?:1000|1[.,]000|10\^3)(?=[^\d.,]|$) ?", RegexOptions.CultureInvariant)]
    private static partial Regex Thousand();

    [GeneratedRegex(@"[^\s/.,()]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordSplit();
}
