using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ktxh.Aggregation;

/// <summary>
/// Formats numbers as invariant UTF-8 text, as <see cref="decimal.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>
/// does with the invariant culture (every digit of the scale kept, <c>0.50</c> stays <c>0.50</c>), but without its
/// general number-formatting machinery: a decimal whose 96-bit integer fits in 64 bits (every value of a statistical
/// file) is its digits with the point put in place. Anything else goes to the framework's formatter. A property test
/// compares both on random and edge values.
/// </summary>
/// <remarks>The <c>Write</c> methods are inlined into the writer's row loop, which is compiled by the JIT at full
/// optimisation on first use (<see cref="MethodImplOptions.AggressiveOptimization"/>): ReadyToRun code cannot inline
/// the framework's methods, and the loop would run as that slower code until the tiered JIT replaced it. They write
/// through a reference (no span slicing or bounds checks per digit), two digits at a time from a table, from the last
/// digit backwards, after counting the digits.</remarks>
internal static class DecimalUtf8
{
    /// <summary>The longest text of a decimal: sign, 29 digits, point, leading "0." and zeros of a scale of 28.</summary>
    public const int MaxLength = 1 + 29 + 1 + 29;

    /// <summary>The longest text of an <see cref="int"/> (<c>-2147483648</c>).</summary>
    public const int MaxIntLength = 11;

    /// <summary>"00" to "99", two bytes each.</summary>
    private static ReadOnlySpan<byte> TwoDigits =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Writes <paramref name="value"/>; the span must hold <see cref="MaxLength"/> bytes.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Format(decimal value, Span<byte> destination)
    {
        if (destination.Length < MaxLength)
        {
            throw new ArgumentException("The destination holds fewer than MaxLength bytes.", nameof(destination));
        }

        return Write(value, ref MemoryMarshal.GetReference(destination));
    }

    /// <summary>Writes an integer (no sign for non-negative values); the span must hold <see cref="MaxIntLength"/> bytes.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Format(int value, Span<byte> destination)
    {
        if (destination.Length < MaxIntLength)
        {
            throw new ArgumentException("The destination holds fewer than MaxIntLength bytes.", nameof(destination));
        }

        return Write(value, ref MemoryMarshal.GetReference(destination));
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="destination"/>, which must have room for
    /// <see cref="MaxLength"/> bytes.</summary>
    /// <returns>The number of bytes written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(decimal value, ref byte destination)
    {
        Bits bits = default;
        decimal.GetBits(value, bits);
        ulong mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        int flags = bits[3];
        if (bits[2] != 0 || (flags < 0 && mantissa == 0))
        {
            // Beyond 64 bits, or a negative zero: the framework's text.
            return Framework(value, ref destination);
        }

        int n = 0;
        if (flags < 0)
        {
            destination = (byte)'-';
            n = 1;
        }

        int scale = (flags >> 16) & 0xFF;
        int count = CountDigits(mantissa);
        int whole = Math.Max(count - scale, 1);
        int length = n + whole + (scale > 0 ? scale + 1 : 0);

        // From the end: the digits of the scale (the division leaves the zeros after the point of 0.05), the point, then
        // the whole part (0 when the scale takes every digit).
        ref byte end = ref Unsafe.Add(ref destination, length);
        if (scale > 0)
        {
            int s = scale;
            for (; s >= 2; s -= 2)
            {
                ulong q = mantissa / 100;
                end = ref Unsafe.Subtract(ref end, 2);
                PutTwo(ref end, (uint)(mantissa - (q * 100)));
                mantissa = q;
            }

            if (s == 1)
            {
                ulong q = mantissa / 10;
                end = ref Unsafe.Subtract(ref end, 1);
                end = (byte)('0' + (uint)(mantissa - (q * 10)));
                mantissa = q;
            }

            end = ref Unsafe.Subtract(ref end, 1);
            end = (byte)'.';
        }

        PutDigits(ref Unsafe.Add(ref destination, n), mantissa, whole);
        return length;
    }

    /// <summary>Writes an integer at <paramref name="destination"/>, which must have room for <see cref="MaxIntLength"/>
    /// bytes.</summary>
    /// <returns>The number of bytes written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Write(int value, ref byte destination)
    {
        if (value < 0)
        {
            return Framework(value, ref destination);
        }

        int count = CountDigits((ulong)value);
        PutDigits(ref destination, (uint)value, count);
        return count;
    }

    /// <summary>As <see cref="PutDigits(ref byte, ulong, int)"/> for a 32-bit value (no 64-bit division).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PutDigits(ref byte destination, uint value, int count)
    {
        ref byte end = ref Unsafe.Add(ref destination, count);
        for (; count >= 2; count -= 2)
        {
            uint q = value / 100;
            end = ref Unsafe.Subtract(ref end, 2);
            PutTwo(ref end, value - (q * 100));
            value = q;
        }

        if (count == 1)
        {
            Unsafe.Subtract(ref end, 1) = (byte)('0' + value);
        }
    }

    /// <summary>The number of decimal digits of <paramref name="value"/> (1 for 0), from its highest bit and one comparison
    /// (as the framework counts them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CountDigits(ulong value)
    {
        ReadOnlySpan<byte> log2ToDigits =
        [
            1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 10,
            10, 11, 11, 11, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 15, 15, 15, 16, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19, 19, 19, 19, 20,
        ];

        // The least value with that many digits (10^(digits - 1)); below it, one digit fewer.
        ReadOnlySpan<ulong> leastOfDigits =
        [
            0, 0, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000, 10000000000, 100000000000,
            1000000000000, 10000000000000, 100000000000000, 1000000000000000, 10000000000000000, 100000000000000000,
            1000000000000000000, 10000000000000000000,
        ];

        int digits = Unsafe.Add(ref MemoryMarshal.GetReference(log2ToDigits), BitOperations.Log2(value));
        return digits - (value < Unsafe.Add(ref MemoryMarshal.GetReference(leastOfDigits), digits) ? 1 : 0);
    }

    /// <summary>Writes the last <paramref name="count"/> digits of <paramref name="value"/> (with leading zeros if it has
    /// fewer) at <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PutDigits(ref byte destination, ulong value, int count)
    {
        ref byte end = ref Unsafe.Add(ref destination, count);
        while (value > uint.MaxValue)
        {
            ulong q = value / 100;
            end = ref Unsafe.Subtract(ref end, 2);
            PutTwo(ref end, (uint)(value - (q * 100)));
            value = q;
            count -= 2;
        }

        // 32-bit division is cheaper.
        PutDigits(ref destination, (uint)value, count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PutTwo(ref byte destination, uint twoDigits) =>
        Unsafe.WriteUnaligned(ref destination, Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(TwoDigits), (nint)(twoDigits * 2))));

    // Out of line: rare, and it keeps the framework's formatter out of the inlined code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Framework(decimal value, ref byte destination)
    {
        value.TryFormat(MemoryMarshal.CreateSpan(ref destination, MaxLength), out int written, default, CultureInfo.InvariantCulture);
        return written;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Framework(int value, ref byte destination)
    {
        value.TryFormat(MemoryMarshal.CreateSpan(ref destination, MaxIntLength), out int written, default, CultureInfo.InvariantCulture);
        return written;
    }

    /// <summary>The four 32-bit parts of a decimal, without a stack allocation.</summary>
    [InlineArray(4)]
    private struct Bits
    {
        private int _element;
    }
}
