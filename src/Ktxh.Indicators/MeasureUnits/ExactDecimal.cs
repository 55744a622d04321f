using System.Numerics;

namespace Ktxh.Indicators.MeasureUnits;

/// <summary>
/// Exact decimal arithmetic for unit conversion: a result is returned only when it is exactly representable as a
/// <see cref="decimal"/> (a 96-bit integer mantissa and at most 28 decimal places); otherwise the caller is told why.
/// </summary>
internal static class ExactDecimal
{
    internal enum Outcome
    {
        Exact,
        NonTerminating,
        PrecisionExceeded,
        Overflow,
    }

    private const int MaxScale = 28;
    private static readonly UInt128 Max96 = (UInt128.One << 96) - 1;
    private static readonly BigInteger Max96Big = (BigInteger.One << 96) - 1;
    private static readonly UInt128[] PowersOfTen = BuildPowers();

    /// <summary>Splits a decimal into sign, 96-bit magnitude and scale (value = ±magnitude / 10^scale).</summary>
    internal static void Decompose(decimal value, out UInt128 magnitude, out int scale, out bool negative)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        ulong low = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        magnitude = new UInt128((uint)bits[2], low);
        scale = (bits[3] >> 16) & 0xFF;
        negative = bits[3] < 0;
    }

    /// <summary>The reduced form of a positive decimal: value = mantissa × 10^exponent, mantissa without trailing zeros.</summary>
    internal static (BigInteger Mantissa, int Exponent) Reduce(decimal value)
    {
        Decompose(value, out UInt128 m, out int scale, out bool negative);
        int exponent = -scale;
        while (m != UInt128.Zero && m % 10 == UInt128.Zero)
        {
            m /= 10;
            exponent++;
        }

        var big = (BigInteger)m;
        return (negative ? -big : big, exponent);
    }

    /// <summary>value × 10^k, exactly.</summary>
    internal static Outcome TryScaleByPowerOfTen(decimal value, int k, out decimal result)
    {
        result = 0m;
        Decompose(value, out UInt128 m, out int scale, out bool negative);
        if (m == UInt128.Zero)
        {
            return Outcome.Exact;
        }

        long newScale = (long)scale - k;
        if (newScale > MaxScale)
        {
            // Trailing zeros of the mantissa can absorb the extra places.
            while (newScale > MaxScale && m % 10 == UInt128.Zero)
            {
                m /= 10;
                newScale--;
            }

            if (newScale > MaxScale)
            {
                return Outcome.PrecisionExceeded;
            }
        }
        else if (newScale < 0)
        {
            long up = -newScale;
            if (up >= PowersOfTen.Length)
            {
                return Outcome.Overflow;
            }

            UInt128 p = PowersOfTen[up];
            if (m > Max96 / p)
            {
                return Outcome.Overflow;
            }

            m *= p;
            newScale = 0;
        }

        result = Compose(m, (int)newScale, negative);
        return Outcome.Exact;
    }

    /// <summary>value × numerator / denominator, exactly (denominator positive).</summary>
    internal static Outcome TryMultiplyByRatio(decimal value, BigInteger numerator, BigInteger denominator, out decimal result)
    {
        result = 0m;
        Decompose(value, out UInt128 m, out int scale, out bool negative);
        if (m == UInt128.Zero)
        {
            return Outcome.Exact;
        }

        BigInteger n = (BigInteger)m * numerator;
        BigInteger d = denominator * BigInteger.Pow(10, scale);
        if (n.Sign < 0)
        {
            n = -n;
            negative = !negative;
        }

        BigInteger g = BigInteger.GreatestCommonDivisor(n, d);
        n /= g;
        d /= g;

        // The quotient terminates only when the reduced denominator is 2^a × 5^b.
        int twos = 0;
        int fives = 0;
        BigInteger rest = d;
        while (rest.IsEven)
        {
            rest >>= 1;
            twos++;
        }

        while (rest % 5 == 0)
        {
            rest /= 5;
            fives++;
        }

        if (!rest.IsOne)
        {
            return Outcome.NonTerminating;
        }

        int k = Math.Max(twos, fives);
        n *= BigInteger.Pow(2, k - twos) * BigInteger.Pow(5, k - fives);

        // n / 10^k is now in lowest terms: n has no factor 10 when k > 0.
        if (k > MaxScale)
        {
            return Outcome.PrecisionExceeded;
        }

        if (n > Max96Big)
        {
            return n / BigInteger.Pow(10, k) > Max96Big ? Outcome.Overflow : Outcome.PrecisionExceeded;
        }

        result = Compose((UInt128)n, k, negative);
        return Outcome.Exact;
    }

    /// <summary>a + b, exactly (decimal addition rounds silently when the sum needs more than 28–29 digits).</summary>
    internal static Outcome TryAdd(decimal a, decimal b, out decimal result)
    {
        Decompose(a, out UInt128 ma, out int sa, out bool na);
        Decompose(b, out UInt128 mb, out int sb, out bool nb);
        int scale = Math.Max(sa, sb);
        BigInteger x = (BigInteger)ma * BigInteger.Pow(10, scale - sa);
        BigInteger y = (BigInteger)mb * BigInteger.Pow(10, scale - sb);
        BigInteger sum = (na ? -x : x) + (nb ? -y : y);
        bool negative = sum.Sign < 0;
        BigInteger m = BigInteger.Abs(sum);
        while (m > Max96Big && scale > 0 && m % 10 == 0)
        {
            m /= 10;
            scale--;
        }

        if (m > Max96Big)
        {
            result = 0m;
            return scale == 0 || m / BigInteger.Pow(10, scale) > Max96Big ? Outcome.Overflow : Outcome.PrecisionExceeded;
        }

        result = Compose((UInt128)m, scale, negative);
        return Outcome.Exact;
    }

    private static decimal Compose(UInt128 magnitude, int scale, bool negative)
    {
        ulong low = (ulong)magnitude;
        uint high = (uint)(magnitude >> 64);
        return new decimal((int)(uint)low, (int)(uint)(low >> 32), (int)high, negative, (byte)scale);
    }

    private static UInt128[] BuildPowers()
    {
        // 10^28 < 2^96 < 10^29: larger multipliers always overflow a non-zero mantissa.
        var p = new UInt128[30];
        p[0] = UInt128.One;
        for (int i = 1; i < p.Length; i++)
        {
            p[i] = p[i - 1] * 10;
        }

        return p;
    }
}
