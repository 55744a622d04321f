using System.Text;
using Ktxh.Aggregation;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 10 (memory): a file's id columns are held in the narrowest type that holds their largest id (byte,
/// ushort, int), widened when an id needs it; every input must read back as written whichever it is, whether the wide
/// ids come first or after the first segment of 2^16 lines (the segments written so far are widened).</summary>
public class IdColumnTests
{
    [Theory]
    [InlineData(200, 0)]
    [InlineData(300, 0)]
    [InlineData(70_000, 0)]
    [InlineData(300, 66_000)]
    [InlineData(70_000, 66_000)]
    public void Every_input_reads_back_whatever_the_width_of_its_ids(int distinctUnits, int narrowFirst)
    {
        int lines = 70_000 + narrowFirst;
        string Unit(int i) => "U" + (i < narrowFirst ? i % 10 : i % distinctUnits);
        string[] periods = ["2026-M01", "2026-M02", "2026-Q1"];
        var csv = new StringBuilder("indicator,unit,period,value\n");
        for (int i = 0; i < lines; i++)
        {
            csv.Append("I").Append(i % 257).Append(',').Append(Unit(i)).Append(',').Append(periods[i % 3]).Append(',').Append(i).Append('\n');
        }

        AggregationInputs inputs = AggregationCsv.ReadInputs(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "v.csv").Value;
        Assert.Equal(lines, inputs.Count);
        for (int i = 0; i < lines; i++)
        {
            AggregationInput x = inputs[i];
            Assert.Equal("I" + (i % 257), x.IndicatorCode);
            Assert.Equal(Unit(i), x.UnitCode);
            Assert.Equal(periods[i % 3], x.Period.Id);
            Assert.Equal(i, x.Value);
        }

        foreach (string code in new[] { "I1", "I256" })
        {
            Assert.Equal(inputs.Where(x => x.IndicatorCode == code).Max(x => x.Period.End), inputs.LatestPeriodEnd(c => c == code));
        }

        Assert.Null(inputs.LatestPeriodEnd(_ => false));
    }
}
