using System.Runtime.CompilerServices;
using System.Globalization;
using System.Numerics;

namespace Ktxh.Aggregation;

/// <summary>What <see cref="DecimalText.Parse"/> found.</summary>
internal enum DecimalTextOutcome
{
    /// <summary>A number <see cref="decimal"/> holds exactly.</summary>
    Exact,

    /// <summary>Not a number in the invariant format (<c>-</c>/<c>+</c>, digits, one <c>.</c>).</summary>
    NotANumber,

    /// <summary>A number with more significant digits than <see cref="decimal"/> holds: it would be rounded.</summary>
    Inexact,

    /// <summary>A number beyond <see cref="decimal"/>'s range.</summary>
    OutOfRange,
}

/// <summary>
/// Exact decimals from ASCII bytes: an optional sign, digits with at most one <c>.</c>, no exponent, no thousands
/// separator (the invariant format of docs/aggregation-csv.md). The value and its scale are those
/// <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/> gives; but a number
/// <see cref="decimal"/> cannot hold exactly is refused instead of rounded (issue 8 §2).
/// </summary>
internal static class DecimalText
{
    /// <summary>Parses a number.</summary>
    /// <param name="s">The bytes, already trimmed.</param>
    /// <param name="value">The value when <see cref="DecimalTextOutcome.Exact"/>.</param>
    /// <returns>The outcome.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static DecimalTextOutcome Parse(ReadOnlySpan<byte> s, out decimal value)
    {
        value = 0m;
        int i = 0;
        bool negative = false;
        if (s.Length > 0 && s[0] is (byte)'-' or (byte)'+')
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        int digits = 0;
        int scale = 0;
        bool point = false;
        ulong mantissa = 0;
        for (; i < s.Length; i++)
        {
            uint c = (uint)(s[i] - '0');
            if (c <= 9)
            {
                if (digits < 19)
                {
                    mantissa = (mantissa * 10) + c;
                }

                digits++;
                scale += point ? 1 : 0;
            }
            else if (s[i] == (byte)'.' && !point)
            {
                point = true;
            }
            else
            {
                return DecimalTextOutcome.NotANumber;
            }
        }

        if (digits == 0)
        {
            return DecimalTextOutcome.NotANumber;
        }

        if (digits <= 19)
        {
            value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, negative, (byte)scale);
            return DecimalTextOutcome.Exact;
        }

        return Long(s, digits, scale, out value);
    }

    /// <summary>More than 19 digits (rare): up to 28 always fit; beyond, decimal's own parse and an exact comparison.</summary>
    private static DecimalTextOutcome Long(ReadOnlySpan<byte> s, int digits, int scale, out decimal value)
    {
        string text = System.Text.Encoding.ASCII.GetString(s);
        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return DecimalTextOutcome.OutOfRange;
        }

        if (digits <= 28)
        {
            return DecimalTextOutcome.Exact;
        }

        // Exact iff digits / 10^scale == mantissa / 10^decimalScale.
        var exact = BigInteger.Parse(text.TrimStart('-', '+').Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var m = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        int decimalScale = (bits[3] >> 16) & 0xFF;
        bool equal = exact * BigInteger.Pow(10, decimalScale) == m * BigInteger.Pow(10, scale);
        return equal ? DecimalTextOutcome.Exact : DecimalTextOutcome.Inexact;
    }
}
