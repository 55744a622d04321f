using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;

namespace Ktxh.Aggregation.Tests;

/// <summary>A generated CSV file with the chunk size and parallelism to read it with.</summary>
public sealed record ChunkedCsv(string Text, int ChunkSize, int Parallelism)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"chunk {ChunkSize}, {Parallelism} at once: " + Text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>Issue 10: the input file is read in chunks on every core; the result (inputs, lines, every located error)
/// must be exactly that of one pass from the start, wherever the cuts fall (inside quoted fields holding line breaks,
/// between <c>\r</c> and <c>\n</c>, in a byte-order mark, inside a multi-byte character).</summary>
public class ParallelCsvReadTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 500)]
    public Property Reading_in_chunks_in_parallel_gives_exactly_the_serial_result(ChunkedCsv csv)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(csv.Text);
        KtxhResult<AggregationInputs> serial = InputCsvReader.Read(new MemoryStream(bytes), "v.csv", chunkSize: bytes.Length + 1, maxDegreeOfParallelism: 1);
        KtxhResult<AggregationInputs> chunked = InputCsvReader.Read(new MemoryStream(bytes), "v.csv", csv.ChunkSize, csv.Parallelism);
        AssertSame(serial, chunked);

        // And both are what the reader before issue 10 read (from the bytes: a byte-order mark is skipped).
        KtxhResult<(AggregationInput[] Inputs, int[] Lines)> reference = LegacyAggregationCsv.ReadInputs(new StreamReader(new MemoryStream(bytes), Encoding.UTF8), "v.csv");
        Assert.Equal(reference.Success, chunked.Success);
        if (chunked.Success)
        {
            Assert.Equal(reference.Value.Inputs, chunked.Value.ToArray());
            Assert.Equal(reference.Value.Lines, chunked.Value.Lines);
        }
        else
        {
            Assert.Equal(reference.Errors.Select(e => e.ToString()), chunked.Errors.Select(e => e.ToString()));
        }

        return true.ToProperty()
            .Classify(chunked.Success, "read")
            .Classify(!chunked.Success, "errors")
            .Classify(csv.Text.Contains("\"", StringComparison.Ordinal), "quotes")
            .Classify(csv.Text.Contains('\r', StringComparison.Ordinal), "CR")
            .Classify(csv.Text.StartsWith('\uFEFF'), "BOM")
            .Collect(bytes.Length / Math.Max(1, csv.ChunkSize) < 4 ? "<4 chunks" : bytes.Length / csv.ChunkSize < 20 ? "4-19 chunks" : "20+ chunks");
    }

    [Fact]
    public void A_quoted_line_break_across_every_cut_reads_as_one_record()
    {
        // One record's quoted disaggregation holds line breaks; cut at every byte size from 1 to the file's length.
        string text = "\uFEFFindicator,unit,period,value,disaggregation\r\nA,00001,2026-M01,1,\"x\r\ny\nz\"\r\nA,00002,2026-M01,2,\r\n\r\nA,00003,2026-M02,3,\"a,\"\"b\"\"\"\n";
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        AggregationInputs serial = InputCsvReader.Read(new MemoryStream(bytes), "v.csv", bytes.Length + 1, 1).Value;
        Assert.Equal([2, 5, 7], serial.Lines);
        Assert.Equal("x\ny\nz", serial[0].Disaggregation);
        Assert.Equal("a,\"b\"", serial[2].Disaggregation);
        for (int size = 1; size <= bytes.Length; size++)
        {
            AssertSame(KtxhResult.ForValue(serial), InputCsvReader.Read(new MemoryStream(bytes), "v.csv", size, 3));
        }
    }

    [Fact]
    public void A_large_file_in_small_chunks_reads_as_the_serial_reader()
    {
        var sb = new StringBuilder("indicator,unit,period,value,maturity,unit_of_measure\n");
        for (int i = 0; i < 30_000; i++)
        {
            sb.Append(i % 3).Append(",0000").Append(i % 7).Append(",2026-M").Append(((i % 12) + 1).ToString("D2", System.Globalization.CultureInfo.InvariantCulture))
              .Append(',').Append(i).Append('.').Append(i % 100).Append(',').Append(i % 5 == 0 ? "so-bo" : "3").Append(',').Append(i % 9 == 0 ? "VND_M" : string.Empty)
              .Append(i % 1000 == 0 ? "\n\n" : "\n");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
        KtxhResult<AggregationInputs> serial = InputCsvReader.Read(new MemoryStream(bytes), "big.csv", bytes.Length + 1, 1);
        KtxhResult<AggregationInputs> chunked = InputCsvReader.Read(new MemoryStream(bytes), "big.csv", 4096, 4);
        AssertSame(serial, chunked);
        Assert.Equal(30_000, chunked.Value.Count);
        Assert.Equal(LegacyAggregationCsv.ReadInputs(new StringReader(sb.ToString()), "big.csv").Value.Inputs, chunked.Value.ToArray());
    }

    private static void AssertSame(KtxhResult<AggregationInputs> expected, KtxhResult<AggregationInputs> actual)
    {
        Assert.Equal(expected.Success, actual.Success);
        Assert.Equal(expected.Errors.Select(e => e.ToString()), actual.Errors.Select(e => e.ToString()));
        Assert.Equal(expected.Errors.Select(e => e.Location), actual.Errors.Select(e => e.Location));
        if (expected.Success)
        {
            Assert.Equal(expected.Value.ToArray(), actual.Value.ToArray());
            Assert.Equal(expected.Value.Lines, actual.Value.Lines);
            Assert.Equal(expected.Value.Count, actual.Value.Count);
            for (int i = 0; i < actual.Value.Count; i++)
            {
                Assert.Equal(expected.Value.LocationOf(i), actual.Value.LocationOf(i));
            }
        }
    }
}

/// <summary>Generators of chunked CSV files.</summary>
public static partial class Arbitraries
{
    /// <summary>Longer CSV texts (several generated files' lines run together, a byte-order mark now and then), a chunk
    /// size from 1 byte to a few dozen and 1–4 readers at once.</summary>
    public static Arbitrary<ChunkedCsv> ChunkedCsvs()
    {
        Gen<CsvText> texts = CsvTexts().Generator;
        Gen<ChunkedCsv> gen =
            from first in texts
            from more in Gen.ListOf(texts).Select(l => l.Take(4).ToList())
            from bom in Gen.Frequency((1, Gen.Constant("\uFEFF")), (4, Gen.Constant(string.Empty)))
            from size in Gen.Frequency((3, Gen.Choose(1, 8)), (3, Gen.Choose(9, 64)), (1, Gen.Choose(65, 400)))
            from parallel in Gen.Choose(1, 4)
            let body = string.Concat(more.Select(t => t.Text[(t.Text.IndexOf('\n', StringComparison.Ordinal) + 1)..] + "\n"))
            select new ChunkedCsv(bom + first.Text + "\n" + body, size, parallel);
        return gen.ToArbitrary();
    }
}
