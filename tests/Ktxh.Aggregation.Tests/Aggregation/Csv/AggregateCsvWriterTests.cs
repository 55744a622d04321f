using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>A decimal from its four parts: 96-bit integer, scale 0–28, sign.</summary>
public sealed record DecimalParts(int Lo, int Mid, int Hi, byte Scale, bool Negative)
{
    /// <summary>The decimal.</summary>
    public decimal Value => new(Lo, Mid, Hi, Negative, Scale);

    /// <inheritdoc />
    public override string ToString() => $"{Value} (hi {Hi}, scale {Scale}, negative {Negative})";
}

/// <summary>Issue 10: the writer's own number formatting is that of the framework, byte for byte, and the writer gives
/// the reference's bytes on results of many pieces (several windows formatted while the previous is written).</summary>
public class AggregateCsvWriterTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 2000)]
    public Property A_decimal_is_written_as_the_framework_writes_it(DecimalParts parts)
    {
        decimal d = parts.Value;
        Span<byte> buffer = stackalloc byte[DecimalUtf8.MaxLength];
        int n = DecimalUtf8.Format(d, buffer);
        Assert.Equal(d.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(buffer[..n]));
        return true.ToProperty()
            .Classify(parts.Hi != 0, "beyond 64 bits")
            .Classify(d == 0, "zero")
            .Classify(parts.Scale == 0, "integer")
            .Classify(Math.Abs(d) < 1 && d != 0, "below one");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(99)]
    [InlineData(100)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void An_integer_is_written_as_the_framework_writes_it(int value)
    {
        Span<byte> buffer = stackalloc byte[16];
        int n = DecimalUtf8.Format(value, buffer);
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(buffer[..n]));
    }

    [Fact]
    public void Edge_decimals_are_written_as_the_framework_writes_them()
    {
        decimal[] edges =
        [
            0m, -0m, 0.00m, new decimal(0, 0, 0, true, 2), 1m, -1m, 0.1m, -0.05m, 1.000m, 100m, 0.0000000000000000000000000001m,
            decimal.MaxValue, decimal.MinValue, ulong.MaxValue, -(decimal)ulong.MaxValue, (decimal)ulong.MaxValue + 1, 18446744073709551.615m,
            new decimal(-1, -1, 0, false, 28), new decimal(-1, -1, 0, true, 19), new decimal(-1, -1, 0, false, 20),
        ];
        Span<byte> buffer = stackalloc byte[DecimalUtf8.MaxLength];
        foreach (decimal d in edges)
        {
            int n = DecimalUtf8.Format(d, buffer);
            Assert.Equal(d.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(buffer[..n]));
        }
    }

    [Fact]
    public void A_result_of_many_pieces_is_written_in_order_as_the_reference_writes_it()
    {
        // 3 indicators × weeks, months, quarters… of two years: several hundred pieces (series × period), so several
        // windows are formatted while the one before is written.
        var inputs = new List<AggregationInput>();
        int k = 0;
        foreach (string ind in new[] { "A", "N", "D" })
        {
            for (int year = 2025; year <= 2026; year++)
            {
                for (int w = 1; w <= 52; w++)
                {
                    foreach (string c in World.Communes)
                    {
                        k++;
                        inputs.Add(World.In(ind, c, ReportingPeriod.Week(year, w), (k * 37 % 1000) / 8m, k % 5 == 0 ? Maturity.Preliminary : Maturity.Official));
                    }
                }
            }
        }

        AggregationResult result = World.Engine(new AggregationOptions { MaxDegreeOfParallelism = 2 }).Aggregate(inputs);
        var before = new StringWriter { NewLine = "\n" };
        long expectedRows = LegacyAggregationCsv.WriteAggregates(before, result);
        var bytes = new MemoryStream();
        long rows = AggregationCsv.WriteAggregates(bytes, result);
        Assert.Equal(expectedRows, rows);
        Assert.True(result.Periods.Count * 3 > 128, "more than two windows of pieces");
        Assert.Equal(Encoding.UTF8.GetBytes(before.ToString()), bytes.ToArray());
    }

    [Property(MaxTest = 40)]
    public Property Any_cut_into_items_any_buffer_size_and_any_number_of_threads_give_the_reference_bytes(
        PositiveInt threads, bool grouped, bool small, bool disaggregated)
    {
        // Items of one piece or of many, buffers that start at one byte (grown row by row) or at the usual size, 1–8
        // formatting threads: the bytes are those of the reference, in order.
        AggregationResult result = Results.Value[(disaggregated ? 1 : 0) + (2 * Math.Min(threads.Get % 8, 3))];
        var before = new StringWriter { NewLine = "\n" };
        long expectedRows = LegacyAggregationCsv.WriteAggregates(before, result);
        var bytes = new MemoryStream();
        long rows = AggregateCsvWriter.Write(
            result, null, (buffer, count) => bytes.Write(buffer, 0, count), grouped ? AggregateCsvWriter.MinPositions : 1, small ? 1 : AggregateCsvWriter.FirstBufferBytes);
        Assert.Equal(expectedRows, rows);
        Assert.Equal(Encoding.UTF8.GetBytes(before.ToString()), bytes.ToArray());
        return true.ToProperty().Classify(grouped, "grouped").Classify(small, "growing buffers").Classify(disaggregated, "disaggregated");
    }

    [Fact]
    public void A_write_that_fails_part_way_stops_the_formatting_threads_and_throws_the_failure()
    {
        // A full disk after two items: the writer's exception reaches the caller (OutputFile then removes its temporary
        // file) and no formatting thread is left waiting for a buffer.
        AggregationResult result = Results.Value[0];
        int calls = 0;
        var write = Task.Run(() => AggregateCsvWriter.Write(result, null, (_, _) =>
        {
            if (++calls == 3)
            {
                throw new IOException("No space left on device");
            }
        }, 1, 1));
        Assert.True(((IAsyncResult)write).AsyncWaitHandle.WaitOne(TimeSpan.FromMinutes(2)), "the writer returned");
        Assert.IsType<IOException>(write.Exception?.InnerException);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Digits_are_counted_at_every_power_of_ten()
    {
        for (ulong p = 1, k = 0; k < 20; k++, p *= 10)
        {
            foreach (ulong v in new[] { p - 1, p, p + 1, (p * 2) - 1 })
            {
                Assert.Equal(v.ToString(CultureInfo.InvariantCulture).Length, DecimalUtf8.CountDigits(v));
            }
        }

        Assert.Equal(20, DecimalUtf8.CountDigits(ulong.MaxValue));
    }

    [Property(MaxTest = 500)]
    public void Any_integer_is_written_as_the_framework_writes_it(int value)
    {
        Span<byte> buffer = stackalloc byte[DecimalUtf8.MaxIntLength];
        int n = DecimalUtf8.Format(value, buffer);
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetString(buffer[..n]));
    }

    /// <summary>Results of a year of weeks (several hundred pieces), without and with a disaggregation, run on 1–4 threads.</summary>
    private static readonly Lazy<AggregationResult[]> Results = new(() =>
    {
        var results = new List<AggregationResult>();
        for (int threads = 1; threads <= 4; threads++)
        {
            foreach (bool disaggregated in new[] { false, true })
            {
                var inputs = new List<AggregationInput>();
                int k = 0;
                foreach (string ind in new[] { "A", "N", "D" })
                {
                    for (int w = 1; w <= 52; w++)
                    {
                        foreach (string c in World.Communes)
                        {
                            k++;
                            string? dis = disaggregated && ind == "A" && k % 3 == 0 ? "GT=NU" : null;
                            inputs.Add(World.In(ind, c, ReportingPeriod.Week(2026, w), (k * 37 % 1000) / 8m, k % 5 == 0 ? Maturity.Estimate : Maturity.Official, dis: dis));
                        }
                    }
                }

                results.Add(World.Engine(new AggregationOptions { MaxDegreeOfParallelism = threads }).Aggregate(inputs));
            }
        }

        return [.. results];
    });
}

/// <summary>Generators of decimals by their parts.</summary>
public static partial class Arbitraries
{
    /// <summary>Mostly 64-bit integers (what files hold), some with the high word set, any scale, either sign.</summary>
    public static Arbitrary<DecimalParts> DecimalParts() =>
        (from lo in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, 1000)), (4, ArbMap.Default.GeneratorFor<int>()))
         from mid in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 100)), (3, ArbMap.Default.GeneratorFor<int>()))
         from hi in Gen.Frequency((6, Gen.Constant(0)), (1, ArbMap.Default.GeneratorFor<int>()))
         from scale in Gen.Choose(0, 28)
         from negative in ArbMap.Default.GeneratorFor<bool>()
         select new DecimalParts(lo, mid, hi, (byte)scale, negative))
        .ToArbitrary();
}
