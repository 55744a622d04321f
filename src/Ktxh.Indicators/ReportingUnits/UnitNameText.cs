using System.Globalization;
using System.Text;

namespace Ktxh.Indicators;

/// <summary>Name normalisation for reporting units: NFC, white space collapsed; and a folded key for searching.</summary>
internal static class UnitNameText
{
    /// <summary>NFC, runs of white space (including line breaks) collapsed to one space, trimmed.</summary>
    public static string Normalize(string text)
    {
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
        string f = Fold(name);
        return f.StartsWith("xa ", StringComparison.Ordinal) ? CommuneType.Xa
            : f.StartsWith("phuong ", StringComparison.Ordinal) ? CommuneType.Phuong
            : f.StartsWith("thi tran ", StringComparison.Ordinal) ? CommuneType.ThiTran
            : f.StartsWith("dac khu ", StringComparison.Ordinal) ? CommuneType.DacKhu
            : CommuneType.None;
    }
}
