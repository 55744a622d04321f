using System.Numerics;

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
    public static int Add(ref decimal a, decimal b)
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

    /// <summary>a ÷ b (b not zero) into <paramref name="quotient"/>, rounded at decimal's 28th digit as documented;
    /// returns 0 or <see cref="Overflow"/>.</summary>
    public static int Divide(decimal a, decimal b, out decimal quotient)
    {
        try
        {
            quotient = a / b;
            return 0;
        }
        catch (OverflowException)
        {
            quotient = 0m;
            return Overflow;
        }
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
}
