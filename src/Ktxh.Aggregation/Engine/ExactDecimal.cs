using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ktxh.Aggregation.Engine;

/// <summary>
/// Decimal addition and multiplication that say when they were not exact. The fast path is the plain decimal
/// operation; only when the result lost scale (decimal rounds by dropping fractional digits once the 96-bit
/// mantissa is full) is the exact result computed in <see cref="BigInteger"/> and compared. An overflow is caught.
/// </summary>
internal static class ExactDecimal
{
    /// <summary>The flags an inexact or overflowing step adds to an aggregate.</summary>
    public const int Inexact = (int)AggregateFlags.Inexact;

    /// <summary>See <see cref="Inexact"/>.</summary>
    public const int Overflow = (int)AggregateFlags.Overflow;

    /// <summary>a + b; returns 0, <see cref="Inexact"/> (the sum was rounded) or <see cref="Overflow"/> (no sum; a is
    /// left as it was).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Add(ref decimal a, decimal b)
    {
        // Fast path, inlined: same sign and scale, both mantissas and their sum within 64 bits (almost every sum of
        // reported figures). The sum is then the mantissas' sum at that scale: exact, and what decimal's + gives.
        ref DecimalBits x = ref Unsafe.As<decimal, DecimalBits>(ref a);
        DecimalBits y = Unsafe.As<decimal, DecimalBits>(ref b);
        if (LayoutKnown && (x.High | y.High) == 0)
        {
            if (x.Flags == y.Flags)
            {
                ulong sum = x.Low + y.Low;
                if (sum >= x.Low && sum != 0)
                {
                    x.Low = sum;
                    return 0;
                }
            }
            else if (((x.Flags ^ y.Flags) & SignBit) == 0)
            {
                return AddScaled(ref x, y, ref a, b);
            }
        }

        return AddSlow(ref a, b);
    }

    private const int SignBit = int.MinValue;

    /// <summary><see cref="Add"/> of two figures of the same sign and different scales (a sum of figures with 2 and 3
    /// decimals): decimal's + multiplies the mantissa of the smaller scale by 10^difference and adds at the larger
    /// scale; when both that product and the sum stay within 64 bits, so does this, exactly and with the same bits.</summary>
    private static int AddScaled(ref DecimalBits x, DecimalBits y, ref decimal a, decimal b)
    {
        int sx = (x.Flags >> 16) & 0xFF;
        int sy = (y.Flags >> 16) & 0xFF;
        ulong mx = x.Low;
        ulong my = y.Low;
        int flags = x.Flags;
        ReadOnlySpan<ulong> pow10 = Pow10;
        if (sx < sy)
        {
            int d = sy - sx;
            if (d >= pow10.Length || mx > ulong.MaxValue / pow10[d])
            {
                return AddSlow(ref a, b);
            }

            mx *= pow10[d];
            flags = y.Flags;
        }
        else
        {
            int d = sx - sy;
            if (d >= pow10.Length || my > ulong.MaxValue / pow10[d])
            {
                return AddSlow(ref a, b);
            }

            my *= pow10[d];
        }

        ulong sum = mx + my;
        if (sum < mx || sum == 0)
        {
            return AddSlow(ref a, b);
        }

        x.Low = sum;
        x.Flags = flags;
        return 0;
    }

    /// <summary>10^0 … 10^19, the powers of ten within 64 bits.</summary>
    private static ReadOnlySpan<ulong> Pow10 =>
    [
        1UL, 10UL, 100UL, 1_000UL, 10_000UL, 100_000UL, 1_000_000UL, 10_000_000UL, 100_000_000UL, 1_000_000_000UL,
        10_000_000_000UL, 100_000_000_000UL, 1_000_000_000_000UL, 10_000_000_000_000UL, 100_000_000_000_000UL,
        1_000_000_000_000_000UL, 10_000_000_000_000_000UL, 100_000_000_000_000_000UL, 1_000_000_000_000_000_000UL,
        10_000_000_000_000_000_000UL,
    ];

    /// <summary>Whether <see cref="decimal"/> is laid out as <see cref="DecimalBits"/> on this runtime (checked once on a
    /// value with every part set; otherwise every sum takes the general path).</summary>
    private static readonly bool LayoutKnown = ProbeLayout();

    private static bool ProbeLayout()
    {
        decimal d = new(0x01020304, 0x05060708, 0x090A0B0C, true, 7);
        DecimalBits bits = Unsafe.As<decimal, DecimalBits>(ref d);
        return bits.Flags == decimal.GetBits(d)[3] && bits.High == 0x090A0B0Cu && bits.Low == 0x0506070801020304UL;
    }

    /// <summary>The general case of <see cref="Add"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int AddSlow(ref decimal a, decimal b)
    {
        decimal r;
        try
        {
            r = a + b;
        }
        catch (OverflowException)
        {
            return Overflow;
        }

        int flags = 0;
        if (r.Scale < Math.Max(a.Scale, b.Scale) && !SumIsExact(a, b, r))
        {
            flags = Inexact;
        }

        a = r;
        return flags;
    }

    /// <summary>a × b into <paramref name="product"/>; returns 0, <see cref="Inexact"/> or <see cref="Overflow"/>.</summary>
    public static int Multiply(decimal a, decimal b, out decimal product)
    {
        try
        {
            product = a * b;
        }
        catch (OverflowException)
        {
            product = 0m;
            return Overflow;
        }

        if (product.Scale < a.Scale + b.Scale)
        {
            (BigInteger ma, int sa) = Exact(a);
            (BigInteger mb, int sb) = Exact(b);
            (BigInteger mr, int sr) = Exact(product);
            int s = sa + sb;
            bool exact = s >= sr && mr * BigInteger.Pow(10, s - sr) == ma * mb;
            return exact ? 0 : Inexact;
        }

        return 0;
    }

    /// <summary>The number of decimal places a quotient is rounded to (issue 14): 20, half to even, from the exact
    /// quotient; fewer only when the integer part leaves decimal too few digits for 20 places.</summary>
    public const int QuotientPlaces = 20;

    /// <summary>a ÷ b (b not zero) into <paramref name="quotient"/>: the exact quotient rounded once, half to even, to
    /// <see cref="QuotientPlaces"/> places (or as many as decimal's 96-bit mantissa holds), trailing zeros removed;
    /// returns 0 or <see cref="Overflow"/>.</summary>
    public static int Divide(decimal a, decimal b, out decimal quotient) => Ratio(a, 1m, b, out quotient);

    /// <summary>a × f ÷ b (b not zero), the product exact, then rounded as <see cref="Divide"/> does.</summary>
    public static int Ratio(decimal a, decimal f, decimal b, out decimal quotient)
    {
        if (b == 0m)
        {
            throw new DivideByZeroException();
        }

        (BigInteger ma, int sa) = Exact(a);
        (BigInteger mf, int sf) = Exact(f);
        (BigInteger mb, int sb) = Exact(b);

        // a·f/b = (ma·mf / mb) · 10^(sb − sa − sf); scaled by 10^places: ma·mf·10^(sb − sa − sf + places) / mb.
        BigInteger num = ma * mf;
        BigInteger den = mb;
        for (int places = QuotientPlaces; places >= 0; places--)
        {
            int shift = sb - sa - sf + places;
            BigInteger n = shift >= 0 ? num * BigInteger.Pow(10, shift) : num;
            BigInteger d = shift >= 0 ? den : den * BigInteger.Pow(10, -shift);
            BigInteger q = RoundHalfEven(n, d);
            if (BigInteger.Abs(q) <= MaxMantissa)
            {
                quotient = ToDecimal(q, places);
                return 0;
            }
        }

        quotient = 0m;
        return Overflow;
    }

    private static readonly BigInteger MaxMantissa = (BigInteger.One << 96) - 1;

    /// <summary>n ÷ d rounded to the nearest integer, ties to the even one.</summary>
    private static BigInteger RoundHalfEven(BigInteger n, BigInteger d)
    {
        if (d.Sign < 0)
        {
            n = -n;
            d = -d;
        }

        BigInteger q = BigInteger.DivRem(n, d, out BigInteger r);
        int cmp = (BigInteger.Abs(r) * 2).CompareTo(d);
        if (cmp > 0 || (cmp == 0 && !q.IsEven))
        {
            q += r.Sign;
        }

        return q;
    }

    /// <summary>The decimal mantissa × 10^−scale (|mantissa| &lt; 2^96, scale ≤ 28), trailing zeros removed.</summary>
    private static decimal ToDecimal(BigInteger mantissa, int scale)
    {
        while (scale > 0 && !mantissa.IsZero && (mantissa % 10).IsZero)
        {
            mantissa /= 10;
            scale--;
        }

        if (mantissa.IsZero)
        {
            return 0m;
        }

        bool negative = mantissa.Sign < 0;
        BigInteger m = BigInteger.Abs(mantissa);
        int lo = (int)(uint)(m & uint.MaxValue);
        int mid = (int)(uint)((m >> 32) & uint.MaxValue);
        int hi = (int)(uint)((m >> 64) & uint.MaxValue);
        return new decimal(lo, mid, hi, negative, (byte)scale);
    }

    private static bool SumIsExact(decimal a, decimal b, decimal r)
    {
        (BigInteger ma, int sa) = Exact(a);
        (BigInteger mb, int sb) = Exact(b);
        (BigInteger mr, int sr) = Exact(r);
        int s = Math.Max(sa, sb);
        BigInteger exact = (ma * BigInteger.Pow(10, s - sa)) + (mb * BigInteger.Pow(10, s - sb));
        return mr * BigInteger.Pow(10, s - sr) == exact;
    }

    /// <summary>The mantissa and scale of a decimal.</summary>
    internal static (BigInteger Mantissa, int Scale) Exact(decimal d)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(d, bits);
        BigInteger m = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        return (bits[3] < 0 ? -m : m, (bits[3] >> 16) & 0xFF);
    }

    /// <summary>The layout of a <see cref="decimal"/> (sign and scale, high 32 bits, low 64 bits of the mantissa), as the
    /// runtime lays it out.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct DecimalBits
    {
        public int Flags;
        public uint High;
        public ulong Low;
    }
}
