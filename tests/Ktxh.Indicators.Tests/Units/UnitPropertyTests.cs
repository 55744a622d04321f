using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ktxh.Indicators.Tests.Units;

/// <summary>The laws of conversion: exact, invertible, additive, and never across dimensions.</summary>
public sealed class UnitPropertyTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public void Conversion_by_a_power_of_ten_within_the_documented_magnitude_always_succeeds_exactly_and_inverts(UnitPowerOfTenPair pair, UnitBoundedDecimal value)
    {
        KtxhResult<decimal> there = pair.From.ConvertTo(value.Value, pair.To);
        Assert.True(there.Success, there.ToString());
        Assert.True(SameQuantity(value.Value, pair.From.Scale, there.Value, pair.To.Scale));

        KtxhResult<decimal> back = pair.To.ConvertTo(there.Value, pair.From);
        Assert.True(back.Success, back.ToString());
        Assert.Equal(value.Value, back.Value);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public void Any_conversion_that_succeeds_is_exact_and_inverts(UnitSameDimensionPair pair, UnitRawDecimal value)
    {
        KtxhResult<decimal> there = pair.From.ConvertTo(value.Value, pair.To);
        if (!there.Success)
        {
            Assert.NotEqual(MeasureUnitErrorCode.IncompatibleDimensions.ToString(), there.Errors[0].Code);
            return;
        }

        Assert.True(SameQuantity(value.Value, pair.From.Scale, there.Value, pair.To.Scale));
        Assert.Equal(value.Value, pair.To.ConvertTo(there.Value, pair.From).Value);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public void Converting_a_sum_equals_summing_the_conversions(UnitAmounts amounts)
    {
        decimal total = amounts.Values.Sum();
        decimal convertedTotal = amounts.Unit.ConvertTo(total, amounts.Target).Value;

        decimal sumOfConverted = amounts.Values.Sum(v => amounts.Unit.ConvertTo(v, amounts.Target).Value);
        Assert.Equal(convertedTotal, sumOfConverted);

        KtxhResult<decimal> viaSum = MeasureUnitConverter.Sum(amounts.Values.Select(v => (v, amounts.Unit)), amounts.Target);
        Assert.Equal(convertedTotal, viaSum.Value);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public void Different_dimensions_always_fail(UnitDifferentDimensionPair pair, UnitRawDecimal value)
    {
        KtxhResult<decimal> r = pair.From.ConvertTo(value.Value, pair.To);
        Assert.False(r.Success);
        Assert.Equal(MeasureUnitErrorCode.IncompatibleDimensions.ToString(), r.Errors[0].Code);
        Assert.False(MeasureUnitConverter.CanConvert(pair.From, pair.To));
        Assert.False(MeasureUnitConverter.TryConvert(value.Value, pair.From, pair.To, out _));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool Same_dimensions_can_always_convert(UnitSameDimensionPair pair) =>
        MeasureUnitConverter.CanConvert(pair.From, pair.To) && MeasureUnitConverter.CanConvert(pair.To, pair.From);

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public void Names_and_aliases_resolve_whatever_the_case_and_spacing(UnitTextVariant variant)
    {
        KtxhResult<MeasureUnit> r = MeasureUnitRegistry.Default.Resolve(variant.Text);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(variant.Unit.Code, r.Value.Code);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public void The_power_of_ten_shortcut_agrees_with_exact_rational_arithmetic(UnitRawDecimal value, int shift)
    {
        int k = shift % 36;
        ExactDecimal.Outcome fast = ExactDecimal.TryScaleByPowerOfTen(value.Value, k, out decimal a);
        ExactDecimal.Outcome slow = k >= 0
            ? ExactDecimal.TryMultiplyByRatio(value.Value, BigInteger.Pow(10, k), BigInteger.One, out decimal b)
            : ExactDecimal.TryMultiplyByRatio(value.Value, BigInteger.One, BigInteger.Pow(10, -k), out b);
        Assert.Equal(slow, fast);
        Assert.Equal(b, a);
        if (fast == ExactDecimal.Outcome.Exact)
        {
            Assert.Equal(Rational(value.Value) * Rational(k), Rational(a));
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public void Exact_addition_is_exact_or_refused(UnitRawDecimal x, UnitRawDecimal y)
    {
        ExactDecimal.Outcome o = ExactDecimal.TryAdd(x.Value, y.Value, out decimal sum);
        if (o == ExactDecimal.Outcome.Exact)
        {
            Assert.Equal(Rational(x.Value) + Rational(y.Value), Rational(sum));
        }
        else
        {
            // Refused only when decimal addition would have had to round or overflow.
            bool rounds;
            try
            {
                decimal d = x.Value + y.Value;
                rounds = Rational(d) != Rational(x.Value) + Rational(y.Value);
            }
            catch (OverflowException)
            {
                rounds = true;
            }

            Assert.True(rounds);
        }
    }

    // value × fromScale == result × toScale, in exact rational arithmetic.
    private static bool SameQuantity(decimal value, decimal fromScale, decimal result, decimal toScale) =>
        Rational(value) * Rational(fromScale) == Rational(result) * Rational(toScale);

    private static Fraction Rational(decimal d)
    {
        (BigInteger m, int e) = ExactDecimal.Reduce(d);
        return e >= 0 ? new Fraction(m * BigInteger.Pow(10, e), 1) : new Fraction(m, BigInteger.Pow(10, -e));
    }

    private static Fraction Rational(int powerOfTen) =>
        powerOfTen >= 0 ? new Fraction(BigInteger.Pow(10, powerOfTen), 1) : new Fraction(1, BigInteger.Pow(10, -powerOfTen));

    private readonly record struct Fraction
    {
        public Fraction(BigInteger n, BigInteger d)
        {
            BigInteger g = BigInteger.GreatestCommonDivisor(n, d);
            if (g.IsZero)
            {
                g = 1;
            }

            N = n / g;
            D = d / g;
        }

        public BigInteger N { get; }

        public BigInteger D { get; }

        public static Fraction operator *(Fraction a, Fraction b) => new(a.N * b.N, a.D * b.D);

        public static Fraction operator +(Fraction a, Fraction b) => new((a.N * b.D) + (b.N * a.D), a.D * b.D);
    }
}
