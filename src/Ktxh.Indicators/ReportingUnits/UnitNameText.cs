using System.Globalization;
using System.Text;

namespace Ktxh.Indicators;

/// <summary>Name normalisation for reporting units: NFC, white space collapsed; and a folded key for searching.</summary>
internal static class UnitNameText
{
    /// <summary>NFC, runs of white space (including line breaks) collapsed to one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        if (IsClean(text))
        {
            return text; // the common case (the built-in data is clean): no copy
        }

        string nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
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

    /// <summary>Whether the text is already NFC, trimmed, with single plain spaces only.</summary>
    private static bool IsClean(string text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ')
        {
            return text.Length == 0;
        }

        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (ch > 0x7F && !text.IsNormalized(NormalizationForm.FormC))
            {
                return false;
            }

            if (ch > 0x7F)
            {
                // Normalised already; check the rest for white space only.
                for (int j = i; j < text.Length; j++)
                {
                    if (char.IsWhiteSpace(text[j]) && (text[j] != ' ' || text[j - 1] == ' '))
                    {
                        return false;
                    }
                }

                return true;
            }

            if (char.IsWhiteSpace(ch) && (ch != ' ' || text[i - 1] == ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Folds for diacritic- and case-insensitive comparison: "Phường Đội Cấn" becomes "phuong doi can".</summary>
    public static string Fold(string text)
    {
        string d = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        bool space = false;
        foreach (char ch in d)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
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

            // đ is a letter of its own, not d with a combining mark: decomposition leaves it.
            sb.Append(ch is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }

    /// <summary>The commune type a name's prefix announces (Xã, Phường, Thị trấn, Đặc khu), or None.</summary>
    public static CommuneType CommuneTypeOf(string name)
    {
        // Fast path for names as the official tables write them (NFC).
        if (name.StartsWith("Xã ", StringComparison.Ordinal))
        {
            return CommuneType.Xa;
        }

        if (name.StartsWith("Phường ", StringComparison.Ordinal))
        {
            return CommuneType.Phuong;
        }

        if (name.StartsWith("Thị trấn ", StringComparison.Ordinal))
        {
            return CommuneType.ThiTran;
        }

        if (name.StartsWith("Đặc khu ", StringComparison.Ordinal))
        {
            return CommuneType.DacKhu;
        }

        string f = Fold(name);
        return f.StartsWith("xa ", StringComparison.Ordinal) ? CommuneType.Xa
            : f.StartsWith("phuong ", StringComparison.Ordinal) ? CommuneType.Phuong
            : f.StartsWith("thi tran ", StringComparison.Ordinal) ? CommuneType.ThiTran
            : f.StartsWith("dac khu ", StringComparison.Ordinal) ? CommuneType.DacKhu
            : CommuneType.None;
    }
}
