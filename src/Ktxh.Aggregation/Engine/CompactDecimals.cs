using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ktxh.Aggregation.Engine;

/// <summary>
/// Decimals in 9 bytes each instead of 16: a decimal whose 96-bit mantissa fits 64 bits (every figure entered in a
/// file, every sum of them short of 1.8e19 units of its last decimal) is held as that mantissa and one byte of scale and
/// sign. The first value that does not fit (a ratio with 28 digits) turns the array into plain decimals. Exact either
/// way: a value reads back with the same bits (scale, sign) it was written with, so output text is unchanged. Used for
/// the values of a series' result grid (<see cref="SeriesResult.Value"/>, millions of cells nationally) and for a
/// file's value column (<see cref="AggregationInputs"/>, a segment each).
/// </summary>
/// <remarks>Written by one thread (the reader, or the kernel for one series), then only read.</remarks>
internal sealed class CompactDecimals
{
    private ulong[]? _mantissa;
    private byte[]? _scaleSign;
    private decimal[]? _wide;

    /// <summary>An array of <paramref name="length"/> zeros.</summary>
    public CompactDecimals(int length)
    {
        Length = length;
        if (BitsLayoutKnown)
        {
            _mantissa = new ulong[length];
            _scaleSign = new byte[length];
        }
        else
        {
            _wide = new decimal[length];
        }
    }

    /// <summary>The number of values.</summary>
    public int Length { get; }

    /// <summary>Whether the values are held as plain decimals (one did not fit the compact form).</summary>
    public bool IsWide => _wide is not null;

    /// <summary>The value at an index.</summary>
    public decimal this[int index]
    {
        get
        {
            if (_wide is { } wide)
            {
                return wide[index];
            }

            ulong mantissa = _mantissa![index];
            int b = _scaleSign![index];
            Bits bits = new() { Flags = ((b & 0x7F) << 16) | ((b & 0x80) << 24), Hi = 0, Lo = mantissa };
            return Unsafe.As<Bits, decimal>(ref bits);
        }

        set
        {
            if (_wide is { } wide)
            {
                wide[index] = value;
                return;
            }

            Bits bits = Unsafe.As<decimal, Bits>(ref value);
            if (bits.Hi != 0)
            {
                Widen()[index] = value;
                return;
            }

            _mantissa![index] = bits.Lo;
            _scaleSign![index] = (byte)(((bits.Flags >> 16) & 0x7F) | ((bits.Flags >>> 24) & 0x80));
        }
    }

    /// <summary>Copies <paramref name="length"/> values from <paramref name="index"/> to <paramref name="destination"/>
    /// at <paramref name="destinationIndex"/>, with their bits (as arrays when both are compact: the engine's inputs
    /// without a dropped line are a copy of millions of values).</summary>
    public void CopyTo(int index, CompactDecimals destination, int destinationIndex, int length)
    {
        if (_wide is null && destination._wide is null)
        {
            Array.Copy(_mantissa!, index, destination._mantissa!, destinationIndex, length);
            Array.Copy(_scaleSign!, index, destination._scaleSign!, destinationIndex, length);
            return;
        }

        for (int k = 0; k < length; k++)
        {
            destination[destinationIndex + k] = this[index + k];
        }
    }

    /// <summary>Turns the array into plain decimals (the values read back the same).</summary>
    private decimal[] Widen()
    {
        var wide = new decimal[Length];
        for (int i = 0; i < wide.Length; i++)
        {
            wide[i] = this[i];
        }

        _wide = wide;
        _mantissa = null;
        _scaleSign = null;
        return wide;
    }

    /// <summary>The layout of <see cref="decimal"/> in .NET (flags: scale in bits 16–23, sign in bit 31; then the high
    /// 32 and low 64 bits of the mantissa), checked once against <see cref="decimal.GetBits(decimal)"/>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Bits
    {
        public int Flags;
        public uint Hi;
        public ulong Lo;
    }

    private static readonly bool BitsLayoutKnown = CheckLayout();

    private static bool CheckLayout()
    {
        if (Unsafe.SizeOf<Bits>() != sizeof(decimal))
        {
            return false;
        }

        foreach (decimal d in (ReadOnlySpan<decimal>)[-123456789.0123m, 79228162514264337593543950335m, -0.0000000000000000000000000001m, 0.10m])
        {
            decimal copy = d;
            Bits bits = Unsafe.As<decimal, Bits>(ref copy);
            int[] expected = decimal.GetBits(d);
            if (expected[0] != (int)(uint)bits.Lo || expected[1] != (int)(bits.Lo >> 32) || expected[2] != (int)bits.Hi || expected[3] != bits.Flags)
            {
                return false;
            }
        }

        return true;
    }
}
