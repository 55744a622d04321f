using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 9 §3 (and issue 8 §2): an aggregate is exact, or it says it is not; never a crash.</summary>
public class ExactnessTests
{
    private static readonly AggregationEngine Engine = World.Engine();

    [Fact]
    public void A_sum_that_decimal_would_round_is_flagged_Inexact()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 0.0000000000000000000000000001m),
            World.In("A", "00002", World.M(1), 1000m),
        ]);
        Assert.True(r.TryGet("A", "01", World.M(1), out Aggregate a));
        Assert.True(a.Flags.HasFlag(AggregateFlags.Inexact));
        Assert.True(r.TryGet("A", "00001", World.M(1), out Aggregate leaf));
        Assert.False(leaf.Flags.HasFlag(AggregateFlags.Inexact));
        Assert.Equal(0.0000000000000000000000000001m, leaf.Value);
    }

    [Theory]
    [InlineData("50000000000000000000000000000")]
    [InlineData("79228162514264337593543950335")]
    public void A_sum_that_overflows_is_flagged_Overflow_without_a_value_and_the_rest_is_produced(string big)
    {
        decimal v = decimal.Parse(big, System.Globalization.CultureInfo.InvariantCulture);
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), v),
            World.In("A", "00002", World.M(1), v),
            World.In("N", "00001", World.M(1), 5m),
        ]);
        Assert.True(r.TryGet("A", "01", World.M(1), out Aggregate a));
        Assert.Null(a.Value);
        Assert.True(a.Flags.HasFlag(AggregateFlags.Overflow));
        Assert.True(r.TryGet("A", "VN", ReportingPeriod.Quarter(2026, 1), out Aggregate q));
        Assert.Null(q.Value);
        Assert.True(q.Flags.HasFlag(AggregateFlags.Overflow));
        Assert.Equal(v, r.ValueOf("A", "00001", World.M(1)));
        Assert.Equal(5m, r.ValueOf("N", "VN", World.M(1)));
        Assert.Contains(r.Omitted, i => i.IndicatorCode == "A" && i.MessageEn.Contains("overflow", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void An_overflow_across_time_is_flagged_too()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), decimal.MaxValue),
            World.In("A", "00001", World.M(2), decimal.MaxValue),
        ]);
        Assert.True(r.TryGet("A", "00001", ReportingPeriod.Quarter(2026, 1), out Aggregate q));
        Assert.Null(q.Value);
        Assert.True(q.Flags.HasFlag(AggregateFlags.Overflow));
        Assert.Equal(decimal.MaxValue, r.ValueOf("A", "00001", World.M(1)));
    }

    /// <summary>Values with extreme scales and magnitudes: the sum written equals the exact BigInteger sum, or the
    /// aggregate carries Inexact (value rounded) or Overflow (no value).</summary>
    [Property(MaxTest = 300)]
    public Property Every_written_sum_is_exact_or_flagged()
    {
        Gen<decimal> extreme = Gen.OneOf(
            Gen.Choose(-1000, 1000).Select(i => (decimal)i),
            Gen.Choose(0, 28).SelectMany(s => Gen.Choose(1, 9).Select(d => new decimal(d, 0, 0, false, (byte)s))),
            Gen.Choose(0, 28).SelectMany(s => Gen.Elements(decimal.MaxValue, 5e28m, 1e28m, 123456789012345678901234567.8m).Select(m => m / Pow10(s))),
            Gen.Elements(decimal.MaxValue, decimal.MinValue, 5e28m, -5e28m, 0.0000000000000000000000000001m));
        Gen<decimal[]> values = extreme.ArrayOf().Where(a => a.Length is >= 1 and <= 5);
        return Prop.ForAll(values.ToArbitrary(), vs =>
        {
            var inputs = vs.Select((v, i) => World.In("A", World.Communes[i], World.M(1), v)).ToArray();
            AggregationResult r = Engine.Aggregate(inputs);
            Assert.True(r.TryGet("A", "VN", World.M(1), out Aggregate a));
            (BigInteger mant, int scale) = vs.Aggregate((BigInteger.Zero, 0), (acc, v) => AddExact(acc, v));
            string kind;
            if (a.Flags.HasFlag(AggregateFlags.Overflow))
            {
                Assert.Null(a.Value);
                kind = "overflow";
            }
            else if (a.Flags.HasFlag(AggregateFlags.Inexact))
            {
                Assert.NotNull(a.Value);
                Assert.NotEqual((mant, scale), Normalise(ToExact(a.Value!.Value)));
                kind = "inexact";
            }
            else
            {
                Assert.Equal(Normalise((mant, scale)), Normalise(ToExact(a.Value!.Value)));
                kind = "exact";
            }

            return true.Classify(kind == "exact", "exact").Classify(kind == "inexact", "inexact").Classify(kind == "overflow", "overflow");
        });
    }

    /// <summary>Issue 10: <c>ExactDecimal.Add</c> adds same-sign mantissas within 64 bits (rescaled to the larger scale when
    /// the scales differ) without decimal's own addition; its sum, bits included (scale, sign), and flags are decimal's on every kind of operand pair: mantissas
    /// near 2^32 and 2^64, zeros and negative zeros, equal and different scales and signs, 96-bit mantissas.</summary>
    [Property(MaxTest = 2000)]
    public Property ExactDecimal_Add_equals_decimal_addition_bit_for_bit()
    {
        Gen<ulong> low = Gen.OneOf(
            Gen.Choose(0, 1000).Select(i => (ulong)i),
            Gen.Choose(-1000, 1000).Select(i => (ulong)(uint.MaxValue + (long)i)),
            Gen.Choose(0, 1000).Select(i => ulong.MaxValue - (ulong)i),
            Gen.Choose(0, 1000).Select(i => (ulong.MaxValue / 2) + (ulong)i),
            Gen.Choose(int.MinValue, int.MaxValue).Two().Select(t => ((ulong)(uint)t.Item1 << 32) | (uint)t.Item2));
        Gen<decimal> one =
            from lo in low
            from hi in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(1, int.MaxValue)))
            from negative in Gen.Elements(false, true)
            from scale in Gen.Frequency((4, Gen.Choose(0, 3)), (1, Gen.Choose(0, 28)))
            select new decimal((int)(uint)lo, (int)(uint)(lo >> 32), hi, negative, (byte)scale);
        Gen<(decimal A, decimal B)> pair = Gen.OneOf(
            one.Two(),
            // Same sign and scale: the fast path.
            from a in one from b in one select (a, new decimal(decimal.GetBits(b)[0], decimal.GetBits(b)[1], 0, a < 0m || (a == 0m && decimal.IsNegative(a)), a.Scale)),
            // Same sign, 64-bit mantissas, any scales: the rescaling fast path (figures with 2 and 3 decimals), its
            // limits (10^19, a product or sum beyond 64 bits) and the general path past them.
            from a in one
            from b in one
            from scale in Gen.Frequency((4, Gen.Choose(0, 4)), (1, Gen.Choose(0, 28)))
            select (a, new decimal(decimal.GetBits(b)[0], decimal.GetBits(b)[1], 0, decimal.IsNegative(a), (byte)scale)));
        return Prop.ForAll(pair.ToArbitrary(), p =>
        {
            decimal a = p.A;
            int flags = Engine_ExactDecimal_Add(ref a, p.B);
            decimal expected;
            bool overflow = false;
            try
            {
                expected = p.A + p.B;
            }
            catch (OverflowException)
            {
                expected = p.A;
                overflow = true;
            }

            Assert.Equal(decimal.GetBits(expected), decimal.GetBits(a));
            Assert.Equal(overflow, flags == (int)AggregateFlags.Overflow);
            if (!overflow && p.A.Scale != p.B.Scale)
            {
                // Inexact exactly when the exact sum does not fit decimal.
                (BigInteger ma, int sa) = ToExact(p.A);
                (BigInteger mb, int sb) = ToExact(p.B);
                (BigInteger mr, int sr) = ToExact(expected);
                int s = Math.Max(Math.Max(sa, sb), sr);
                bool exact = mr * BigInteger.Pow(10, s - sr) == (ma * BigInteger.Pow(10, s - sa)) + (mb * BigInteger.Pow(10, s - sb));
                Assert.Equal(exact ? 0 : (int)AggregateFlags.Inexact, flags);
            }

            bool sameShape = p.A.Scale == p.B.Scale && decimal.IsNegative(p.A) == decimal.IsNegative(p.B);
            return true.ToProperty().Classify(sameShape, "same sign and scale").Classify(flags != 0, "flagged");
        });
    }

    private static int Engine_ExactDecimal_Add(ref decimal a, decimal b) => Ktxh.Aggregation.Engine.ExactDecimal.Add(ref a, b);

    private static decimal Pow10(int s)
    {
        decimal p = 1m;
        for (int i = 0; i < s; i++)
        {
            p *= 10m;
        }

        return p;
    }

    internal static (BigInteger Mantissa, int Scale) ToExact(decimal d)
    {
        int[] bits = decimal.GetBits(d);
        var m = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        return (bits[3] < 0 ? -m : m, (bits[3] >> 16) & 0xFF);
    }

    private static (BigInteger, int) AddExact((BigInteger M, int S) acc, decimal v)
    {
        (BigInteger m, int s) = ToExact(v);
        int scale = Math.Max(acc.S, s);
        return ((acc.M * BigInteger.Pow(10, scale - acc.S)) + (m * BigInteger.Pow(10, scale - s)), scale);
    }

    private static (BigInteger, int) Normalise((BigInteger M, int S) x)
    {
        while (x.S > 0 && x.M % 10 == 0)
        {
            x = (x.M / 10, x.S - 1);
        }

        return x.M.IsZero ? (BigInteger.Zero, 0) : x;
    }
}
