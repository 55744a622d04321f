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
