using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation.Engine;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 10 (memory): the result grid holds a value whose mantissa fits 64 bits in 9 bytes; every value must
/// read back with the bits it was written with (scale, sign, negative zero), before and after a value that does not fit
/// turns the grid into plain decimals.</summary>
public class CompactDecimalsTests
{
    [Property(MaxTest = 300)]
    public Property Every_value_reads_back_with_its_bits(int[] lo, int[] mid, int[] hi, byte[] scale, bool[] negative)
    {
        int n = new[] { lo.Length, mid.Length, hi.Length, scale.Length, negative.Length }.Min();
        var values = new decimal[n];
        for (int i = 0; i < n; i++)
        {
            // Mostly values that fit the compact form (hi 0), some that do not.
            values[i] = new decimal(lo[i], mid[i], hi[i] % 5 == 0 ? hi[i] : 0, negative[i], (byte)(scale[i] % 29));
        }

        var grid = new CompactDecimals(n + 1);
        for (int i = 0; i < n; i++)
        {
            grid[i] = values[i];
            for (int j = 0; j <= i; j++)
            {
                Assert.Equal(decimal.GetBits(values[j]), decimal.GetBits(grid[j]));
            }

            Assert.Equal(decimal.GetBits(0m), decimal.GetBits(grid[n]));
        }

        return true.ToProperty().Classify(grid.IsWide, "widened");
    }

    /// <summary>A file's value column is held compactly, a segment of 2^16 each: values past the first segment, one that
    /// does not fit in the middle of one (that segment alone turns plain), trailing zeros and signs read back as parsed.</summary>
    [Fact]
    public void A_files_values_read_back_as_parsed()
    {
        string[] texts = ["1.50", "-0.00", "0", "-5", "123456789012345678901234567.8", "18446744073709551615", "18446744073709551616", "0.0000001"];
        var file = new System.Text.StringBuilder("indicator,unit,period,value\n");
        int lines = (1 << 16) + 1000;
        for (int i = 0; i < lines; i++)
        {
            string text = i % 7919 == 5 ? texts[4] : texts[i % texts.Length == 4 ? 0 : i % texts.Length];
            file.Append("A,00001,2026-M01,").Append(text).Append('\n');
        }

        AggregationInputs inputs = AggregationCsv.ReadInputs(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file.ToString())), "v.csv").Value;
        Assert.Equal(lines, inputs.Count);
        for (int i = 0; i < lines; i++)
        {
            string text = i % 7919 == 5 ? texts[4] : texts[i % texts.Length == 4 ? 0 : i % texts.Length];
            Assert.Equal(decimal.GetBits(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)), decimal.GetBits(inputs[i].Value));
        }
    }

    /// <summary>CopyTo (inputs without a dropped line): values keep their bits, compact or wide on either side.</summary>
    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Copied_values_keep_their_bits(bool wideSource, bool wideDestination)
    {
        decimal[] values = [0m, -0.00m, 1.50m, -7.125m, 18446744073709551615m, 0.0000000000000000001m];
        CompactDecimals source = Filled(values, wideSource);
        CompactDecimals destination = Filled([3m, 3m, 3m, 3m, 3m, 3m, 3m], wideDestination);
        source.CopyTo(1, destination, 2, 5);
        decimal[] expected = [3m, 3m, .. values[1..]];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(decimal.GetBits(expected[i]), decimal.GetBits(destination[i]));
        }

        Assert.Equal(wideDestination, destination.IsWide);

        static CompactDecimals Filled(decimal[] values, bool wide)
        {
            var d = new CompactDecimals(values.Length + (wide ? 1 : 0));
            for (int i = 0; i < values.Length; i++)
            {
                d[i] = values[i];
            }

            if (wide)
            {
                d[values.Length] = decimal.MaxValue;
            }

            return d;
        }
    }

    [Fact]
    public void Edge_values_keep_their_bits()
    {
        decimal[] values =
        [
            0m, 0.00m, -0m, new decimal(0, 0, 0, true, 5), 1.50m, -1.5m, decimal.MaxValue, decimal.MinValue,
            new decimal(-1, -1, 0, true, 28), new decimal(-1, -1, 0, false, 0), 0.0000000000000000000000000001m,
        ];
        var grid = new CompactDecimals(values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            grid[i] = values[i];
        }

        Assert.True(grid.IsWide);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(decimal.GetBits(values[i]), decimal.GetBits(grid[i]));
        }

        var compact = new CompactDecimals(3);
        compact[0] = new decimal(-1, -1, 0, true, 28);
        compact[1] = new decimal(0, 0, 0, true, 3);
        compact[2] = 12345.6789m;
        Assert.False(compact.IsWide);
        Assert.Equal(decimal.GetBits(new decimal(-1, -1, 0, true, 28)), decimal.GetBits(compact[0]));
        Assert.Equal(decimal.GetBits(new decimal(0, 0, 0, true, 3)), decimal.GetBits(compact[1]));
        Assert.Equal("12345.6789", compact[2].ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
