using System.Globalization;
using System.Numerics;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>A generated CSV input text (header and lines built from tricky pieces).</summary>
public sealed record CsvText(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>A generated number as text: sign, up to 45 digits, a point anywhere.</summary>
public sealed record NumberText(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>Issue 10: the UTF-8 reader and writer against the reference they replace (<see cref="LegacyAggregationCsv"/>),
/// and issue 8 §2: a value <see cref="decimal"/> cannot hold exactly is a located error, never rounded.</summary>
public class Utf8CsvTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 400)]
    public Property The_utf8_reader_gives_the_inputs_lines_and_errors_of_the_reference(CsvText csv)
    {
        KtxhResult<AggregationInputs> now = AggregationCsv.ReadInputs(new MemoryStream(Encoding.UTF8.GetBytes(csv.Text)), "v.csv");
        KtxhResult<(AggregationInput[] Inputs, int[] Lines)> before = LegacyAggregationCsv.ReadInputs(new StringReader(csv.Text), "v.csv");
        Assert.Equal(before.Success, now.Success);
        if (now.Success)
        {
            Assert.Equal(before.Value.Inputs, now.Value.ToArray());
            Assert.Equal(before.Value.Lines, now.Value.Lines);
        }
        else
        {
            Assert.Equal(before.Errors.Select(e => e.ToString()), now.Errors.Select(e => e.ToString()));
        }

        // The TextReader overload reads the same.
        KtxhResult<AggregationInputs> viaText = AggregationCsv.ReadInputs(new StringReader(csv.Text), "v.csv");
        Assert.Equal(now.Errors.Select(e => e.ToString()), viaText.Errors.Select(e => e.ToString()));
        return true.ToProperty()
            .Classify(now.Success, "read")
            .Classify(!now.Success, "errors")
            .Classify(csv.Text.Contains('"', StringComparison.Ordinal), "quotes")
            .Classify(csv.Text.Contains('\r', StringComparison.Ordinal), "CR");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public Property A_number_is_read_exactly_or_refused_never_rounded(NumberText number)
    {
        KtxhResult<AggregationInputs> r = AggregationCsv.ReadInputs(new StringReader("indicator,unit,period,value\nA,00001,2026-M01," + number.Text + "\n"), "v.csv");
        bool parsed = decimal.TryParse(number.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal d);
        bool exact = parsed && IsExact(number.Text, d);
        if (r.Success)
        {
            // Accepted: the value and its scale are decimal's own, and decimal holds the text exactly.
            Assert.True(exact, number.Text);
            Assert.Equal(d.ToString(CultureInfo.InvariantCulture), r.Value[0].Value.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            KtxhError e = r.Errors.Single();
            Assert.False(exact, number.Text);
            Assert.Equal(new ErrorLocation { Source = "v.csv", Line = 2, Column = 4, Field = "value" }, e.Location);
            Assert.True(e.Is(AggregationCsvErrorCode.InexactValue), e.ToString());
        }

        return true.ToProperty().Classify(r.Success, "exact").Classify(!r.Success && parsed, "would round").Classify(!parsed, "out of range");
    }

    [Theory]
    [InlineData("0.1234567890123456789012345678901234567890")]
    [InlineData("9234567890.12345678901234567891")]
    [InlineData("0.00000000000000000000000000001")]
    [InlineData("79228162514264337593543950336")]
    [InlineData("-1000000000000000000000000000000000000000")]
    public void A_value_decimal_cannot_hold_is_a_located_bilingual_error(string value)
    {
        KtxhResult<AggregationInputs> r = AggregationCsv.ReadInputs(new StringReader("indicator,unit,period,value\nA,00001,2026-M01,1\nA,00002,2026-M01," + value + "\n"), "values.csv");
        KtxhError e = r.Errors.Single();
        Assert.True(e.Is(AggregationCsvErrorCode.InexactValue), e.ToString());
        Assert.Equal(new ErrorLocation { Source = "values.csv", Line = 3, Column = 4, Field = "value" }, e.Location);
        Assert.Contains(value, e.MessageVi, StringComparison.Ordinal);
        Assert.Contains(value, e.MessageEn, StringComparison.Ordinal);
        Assert.NotEqual(e.MessageVi, e.MessageEn);
    }

    [Theory]
    [InlineData("7922816251426433759354395033.5")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1.0000000000000000000000000000000000")]
    [InlineData("-0.00")]
    [InlineData("+12.50")]
    public void A_long_value_decimal_holds_exactly_is_read_as_decimal_reads_it(string value)
    {
        AggregationInputs r = AggregationCsv.ReadInputs(new StringReader("indicator,unit,period,value\nA,00001,2026-M01," + value + "\n")).Value;
        Assert.Equal(decimal.Parse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), r[0].Value.ToString(CultureInfo.InvariantCulture));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public Property The_utf8_writer_writes_the_bytes_of_the_reference(Dataset data)
    {
        // Some values disaggregated (a quoted key among them), so the extra column and quoting are exercised.
        AggregationInput[] inputs = data.Inputs
            .Select((x, i) => data.Seed % 3 == 0 && i % 4 == 1 ? x with { Disaggregation = i % 8 == 1 ? "GT=NU" : "a,\"b\"" } : x)
            .ToArray();
        AggregationResult result = World.Engine().Aggregate(inputs);
        IReadOnlySet<ReportingPeriod>? filter = data.Seed % 2 == 0 ? null : new HashSet<ReportingPeriod> { World.M(1), ReportingPeriod.Quarter(2026, 1), ReportingPeriod.YearToDate(2026, 2) };
        var before = new StringWriter { NewLine = "\n" };
        long rowsBefore = LegacyAggregationCsv.WriteAggregates(before, result, filter);
        var bytes = new MemoryStream();
        long rows = AggregationCsv.WriteAggregates(bytes, result, filter);
        var text = new StringWriter();
        long rowsText = AggregationCsv.WriteAggregates(text, result, filter);
        Assert.Equal(rowsBefore, rows);
        Assert.Equal(rowsBefore, rowsText);
        Assert.Equal(Encoding.UTF8.GetBytes(before.ToString()), bytes.ToArray());
        Assert.Equal(before.ToString(), text.ToString());
        return true.ToProperty()
            .Classify(before.ToString().Contains(",disaggregation\n", StringComparison.Ordinal), "disaggregated")
            .Classify(filter is not null, "filtered")
            .Collect(rows < 50 ? "<50 rows" : rows < 500 ? "<500 rows" : "500+ rows");
    }

    [Fact]
    public void A_large_generated_file_reads_and_writes_as_the_reference()
    {
        // A file long enough to cross the reader's 64 KiB buffer many times, with CRLF endings and a quoted field.
        var sb = new StringBuilder("\uFEFFindicator,unit,period,value,maturity,disaggregation\r\n");
        var rng = new Random(10);
        for (int i = 0; i < 20_000; i++)
        {
            sb.Append(i % 7 == 0 ? "\"A\"" : "A").Append(',').Append(World.Communes[i % 5]).Append(",2026-M").Append(((i % 12) + 1).ToString("D2", CultureInfo.InvariantCulture))
              .Append(',').Append((rng.Next(-1_000_000, 1_000_000) / 1000m).ToString(CultureInfo.InvariantCulture)).Append(',').Append(i % 3 == 0 ? "so-bo" : "official")
              .Append(',').Append(i % 11 == 0 ? "\"GT=NU\"" : string.Empty).Append("\r\n");
        }

        byte[] file = Encoding.UTF8.GetBytes(sb.ToString());
        AggregationInputs now = AggregationCsv.ReadInputs(new MemoryStream(file), "big.csv").Value;
        (AggregationInput[] inputs, int[] lines) = LegacyAggregationCsv.ReadInputs(new StreamReader(new MemoryStream(file), Encoding.UTF8), "big.csv").Value;
        Assert.Equal(inputs, now.ToArray());
        Assert.Equal(lines, now.Lines);
        AggregationResult result = World.Engine().Aggregate(now);
        var before = new StringWriter();
        LegacyAggregationCsv.WriteAggregates(before, result);
        var bytes = new MemoryStream();
        AggregationCsv.WriteAggregates(bytes, result);
        Assert.Equal(Encoding.UTF8.GetBytes(before.ToString()), bytes.ToArray());
    }

    private static bool IsExact(string text, decimal d)
    {
        string digits = text.TrimStart('-', '+');
        int point = digits.IndexOf('.', StringComparison.Ordinal);
        int scale = point < 0 ? 0 : digits.Length - point - 1;
        BigInteger exact = BigInteger.Parse("0" + digits.Replace(".", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
        int[] bits = decimal.GetBits(d);
        BigInteger m = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        int s = (bits[3] >> 16) & 0xFF;
        return exact * BigInteger.Pow(10, s) == m * BigInteger.Pow(10, scale);
    }
}

/// <summary>Generators of CSV texts and numbers.</summary>
public static partial class Arbitraries
{
    /// <summary>CSV texts: a header (sometimes with maturity and disaggregation, sometimes wrong) and 0–8 lines made of
    /// good and bad pieces: quoted fields with commas, doubled quotes and line breaks, CR/LF/CRLF endings, blank lines,
    /// Vietnamese text, spaces and no-break spaces, bad periods, numbers and maturities, unclosed quotes.</summary>
    public static Arbitrary<CsvText> CsvTexts()
    {
        Gen<string> header = Gen.Elements(
            "indicator,unit,period,value",
            "indicator,unit,period,value,maturity,disaggregation",
            " Value ,INDICATOR,period,unit",
            "\uFEFFindicator,unit,period,value,unit_of_measure",
            "indicator,unit,period",
            "indicator,unit,period,value,colour",
            "\"indicator\",unit,period,value");
        Gen<string> field = Gen.Elements(
            "A", "A", "S", " A ", "\"A\"", "Chỉ tiêu", "", "00001", "00002", "01", "\"0000\"\"1\"", "2026-M01", "2026-M02", " 2026-Q1 ", "2026-13",
            "1.5", "-2", "0", "-0.00", "12345678.901", "1,5", "\"1,5\"", "abc", "\u00A03\u00A0", "+7", ".5", "5.", "-",
            "so-bo", "estimate", "chính thức", "final", "GT=NU", "\"two\nlines\"", "\"cr\r\nlf\"", "\"open", "\"x\"y", "VND_M");
        Gen<string> ending = Gen.Elements("\n", "\n", "\r\n", "\r", "\n\n");
        Gen<string> line =
            from n in Gen.Choose(1, 7)
            from fields in Gen.ArrayOf(field, n)
            from end in ending
            select string.Join(',', fields) + end;
        Gen<CsvText> gen =
            from h in header
            from end in ending
            from lines in Gen.ListOf(line).Select(l => l.Take(8).ToList())
            from last in Gen.Elements(string.Empty, "A,00001,2026-M01,1", "A,00001,2026-M01,1,2,3")
            select new CsvText(h + end + string.Concat(lines) + last);
        return gen.ToArbitrary();
    }

    /// <summary>Numbers as text: an optional sign, 1–45 digits (many of them zeros now and then) and maybe a point.</summary>
    public static Arbitrary<NumberText> NumberTexts()
    {
        Gen<NumberText> gen =
            from sign in Gen.Elements(string.Empty, string.Empty, "-", "+")
            from length in Gen.Choose(1, 45)
            from digits in Gen.ArrayOf(Gen.Frequency((3, Gen.Choose(0, 9)), (2, Gen.Constant(0))), length)
            from point in Gen.Choose(-1, length)
            let text = string.Concat(digits)
            select new NumberText(sign + (point < 0 ? text : text[..point] + "." + text[point..]));
        return gen.ToArbitrary();
    }
}
