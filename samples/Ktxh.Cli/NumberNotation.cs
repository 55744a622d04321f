using System.Globalization;
using System.Text.RegularExpressions;

namespace Ktxh.Cli;

/// <summary>
/// Reads a number a user typed, in one declared notation, never guessing between them: invariant (<c>1234.5</c>,
/// optionally <c>1.2345e3</c>; no thousands separator) or Vietnamese (<c>1.234,5</c>: '.' between groups of three
/// digits, ',' before the fraction). A value with more significant digits than a decimal holds is refused, not rounded.
/// </summary>
internal static partial class NumberNotation
{
    private const int MaxDigits = 28;

    /// <summary>true for Vietnamese, false for invariant, null for a name that is neither.</summary>
    public static bool? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "vi" or "vn" or "vietnamese" => true,
        "invariant" or "en" or "international" => false,
        _ => null,
    };

    /// <summary>Reads <paramref name="text"/>; on failure gives the message naming the expected notation.</summary>
    public static bool TryRead(string text, bool vietnamese, out decimal value, out string? vi, out string? en)
    {
        value = 0m;
        string shown = CliText.Shorten(text);
        string t = text.Trim();
        string mantissa;
        if (vietnamese)
        {
            if (!Vietnamese().IsMatch(t))
            {
                vi = $"Giá trị '{shown}' không đúng cách viết Việt Nam (--notation vi): dấu chấm ngăn nhóm ba chữ số, dấu phẩy trước phần thập phân, ví dụ 1.234,5";
                en = $"The value '{shown}' is not in Vietnamese notation (--notation vi): '.' between groups of three digits, ',' before the fraction, e.g. 1.234,5";
                return false;
            }

            mantissa = t.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        }
        else
        {
            if (!Invariant().IsMatch(t))
            {
                bool comma = t.Contains(',', StringComparison.Ordinal);
                vi = comma
                    ? $"Giá trị '{shown}' có dấu phẩy: cần cách viết quốc tế, dấu chấm thập phân và không ngăn hàng nghìn (1234.5); với cách viết Việt Nam (1.234,5) thêm --notation vi"
                    : $"Giá trị '{shown}' không phải số theo cách viết quốc tế (ví dụ 1234.5 hoặc 1.2345e3)";
                en = comma
                    ? $"The value '{shown}' has a comma: the invariant notation is expected, a decimal point and no thousands separator (1234.5); for Vietnamese notation (1.234,5) add --notation vi"
                    : $"The value '{shown}' is not a number in invariant notation (e.g. 1234.5 or 1.2345e3)";
                return false;
            }

            mantissa = t;
        }

        string digits = mantissa.Split('e', 'E')[0].TrimStart('+', '-').Replace(".", string.Empty, StringComparison.Ordinal).TrimStart('0');
        if (mantissa.Contains('.', StringComparison.Ordinal) && !mantissa.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            digits = digits.TrimEnd('0');
        }

        if (digits.Length > MaxDigits || Scale(mantissa) > MaxDigits
            || !decimal.TryParse(mantissa, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            vi = $"Giá trị '{shown}' có quá nhiều chữ số hoặc quá lớn để giữ chính xác (tối đa {MaxDigits} chữ số có nghĩa)";
            en = $"The value '{shown}' has too many digits or is too large to be held exactly (at most {MaxDigits} significant digits)";
            return false;
        }

        vi = en = null;
        return true;
    }

    /// <summary>The digits after the point the exact value needs (1.50e-3 needs 4: 0.0015).</summary>
    private static int Scale(string mantissa)
    {
        string[] parts = mantissa.TrimStart('+', '-').Split('e', 'E');
        int exponent = parts.Length > 1 ? int.Parse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        string[] point = parts[0].Split('.');
        string fraction = point.Length > 1 ? point[1] : string.Empty;
        string all = (point[0] + fraction).TrimEnd('0');
        int trimmed = (point[0] + fraction).Length - all.Length;
        return fraction.Length - exponent - trimmed;
    }

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Invariant();

    [GeneratedRegex(@"^[+-]?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Vietnamese();
}
