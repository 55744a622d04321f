using System.Text;

namespace Ktxh.Excel;

/// <summary>Text that XML 1.0 can carry: a label with a control character must not break the package.</summary>
internal static class XmlText
{
    /// <summary>Drops characters XML 1.0 cannot carry (control characters, lone surrogates) instead of writing a broken part.</summary>
    public static string Safe(string text)
    {
        bool clean = true;
        foreach (char ch in text)
        {
            if (!IsXmlChar(ch))
            {
                clean = false;
                break;
            }
        }

        if (clean && !HasLoneSurrogate(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(ch).Append(text[++i]);
            }
            else if (!char.IsSurrogate(ch) && IsXmlChar(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }

    public static bool IsXmlChar(char ch) => ch is '\t' or '\n' or '\r' || (ch >= ' ' && ch != '\uFFFE' && ch != '\uFFFF');

    public static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
