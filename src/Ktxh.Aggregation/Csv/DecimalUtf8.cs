using System.Globalization;

namespace Ktxh.Aggregation;

/// <summary>
/// Formats numbers as invariant UTF-8 text, as <see cref="decimal.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>
/// does with the invariant culture (every digit of the scale kept, <c>0.50</c> stays <c>0.50</c>), but without its
/// general number-formatting machinery: a decimal whose 96-bit integer fits in 64 bits (every value of a statistical
/// file) is its digits with the point put in place. Anything else goes to the framework's formatter. A property test
/// compares both on random and edge values.
/// </summary>
internal static class DecimalUtf8
{
    /// <summary>The longest text of a decimal: sign, 29 digits, point, leading "0." and zeros of a scale of 28.</summary>
    public const int MaxLength = 1 + 29 + 1 + 29;

    /// <summary>Writes <paramref name="value"/>; the span must hold <see cref="MaxLength"/> bytes.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Format(decimal value, Span<byte> destination)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        ulong mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        bool negative = bits[3] < 0;
        if (bits[2] != 0 || (negative && mantissa == 0))
        {
            // Beyond 64 bits, or a negative zero: the framework's text.
            value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
            return written;
        }

        int scale = (bits[3] >> 16) & 0xFF;
        Span<byte> digits = stackalloc byte[20];
        int count = WriteDigits(mantissa, digits);
        int n = 0;
        if (negative)
        {
            destination[n++] = (byte)'-';
        }

        if (scale == 0)
        {
            digits[(20 - count)..].CopyTo(destination[n..]);
            return n + count;
        }

        if (count > scale)
        {
            int whole = count - scale;
            digits.Slice(20 - count, whole).CopyTo(destination[n..]);
            n += whole;
            destination[n++] = (byte)'.';
            digits[(20 - scale)..].CopyTo(destination[n..]);
            return n + scale;
        }

        destination[n++] = (byte)'0';
        destination[n++] = (byte)'.';
        destination.Slice(n, scale - count).Fill((byte)'0');
        n += scale - count;
        digits[(20 - count)..].CopyTo(destination[n..]);
        return n + count;
    }

    /// <summary>Writes an integer (no sign for non-negative values).</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Format(int value, Span<byte> destination)
    {
        if (value < 0)
        {
            value.TryFormat(destination, out int written, default, CultureInfo.InvariantCulture);
            return written;
        }

        Span<byte> digits = stackalloc byte[20];
        int count = WriteDigits((uint)value, digits);
        digits[(20 - count)..].CopyTo(destination);
        return count;
    }

    /// <summary>Writes the decimal digits of <paramref name="v"/> right-aligned in the 20 bytes of
    /// <paramref name="digits"/> (at least one digit).</summary>
    private static int WriteDigits(ulong v, Span<byte> digits)
    {
        int p = 20;
        while (v >= 100)
        {
            ulong q = v / 100;
            int r = (int)(v - (q * 100));
            digits[--p] = (byte)('0' + (r % 10));
            digits[--p] = (byte)('0' + (r / 10));
            v = q;
        }

        if (v >= 10)
        {
            digits[--p] = (byte)('0' + ((int)v % 10));
            digits[--p] = (byte)('0' + ((int)v / 10));
        }
        else
        {
            digits[--p] = (byte)('0' + (int)v);
        }

        return 20 - p;
    }
}
