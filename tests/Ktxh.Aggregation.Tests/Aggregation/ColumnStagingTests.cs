using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators.ReportingUnits;

namespace Ktxh.Aggregation.Tests;

/// <summary>A generated values file for the engine: known and unknown indicators and units, revisions, units of
/// measure (convertible or not), disaggregations, months and quarters of one series.</summary>
public sealed record EngineFile(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text.Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>Issue 10: the engine stages a file's inputs from its columns (ids looked up once); the result must be that
/// of the same inputs given one by one: the same aggregates, rejected inputs (index, codes, messages, order) and
/// omissions, on an engine built on one hierarchy and on one built on the directory of unit versions.</summary>
public class ColumnStagingTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 80)]
    public Property Staging_from_the_columns_gives_the_result_of_the_inputs_one_by_one(EngineFile file)
    {
        AggregationInputs inputs = AggregationCsv.ReadInputs(new MemoryStream(Encoding.UTF8.GetBytes(file.Text)), "v.csv").Value;
        AggregationInput[] rows = inputs.ToArray();
        AggregationEngine[] engines =
        [
            World.Engine(),
            AggregationEngine.Create(World.Catalogue, ReportingUnitDirectory.Vietnam, new NodaTime.LocalDate(2026, 3, 31)),
        ];
        int rejected = 0;
        foreach (AggregationEngine engine in engines)
        {
            AggregationResult byColumns = engine.Aggregate(inputs);
            AggregationResult byRows = engine.Aggregate(rows);
            Assert.Equal(Csv(byRows), Csv(byColumns));
            Assert.Equal(byRows.Rejected, byColumns.Rejected);
            Assert.Equal(byRows.Omitted, byColumns.Omitted);
            rejected += byColumns.Rejected.Count;
        }

        return true.ToProperty()
            .Classify(rejected == 0, "nothing rejected")
            .Classify(file.Text.Contains("VND_M", StringComparison.Ordinal), "converted")
            .Classify(file.Text.Contains("GT=", StringComparison.Ordinal), "disaggregated");
    }

    /// <summary>Issue 10 (memory): a file whose lines are all accepted, in series order, lends its value column to the
    /// engine instead of a copy; the same file with a line rejected or converted is copied. Aggregates, issues and every
    /// explanation (inputs, entered and converted values) must be those of the inputs given one by one.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 80)]
    public Property A_file_in_series_order_gives_the_result_and_explanations_of_the_inputs_one_by_one(EngineFile file)
    {
        // Known indicators and units only, sorted by indicator and disaggregation (stable): the lines come grouped by series.
        string[] lines = file.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] body = lines.Skip(1)
            .Where(l => !l.StartsWith("XX,", StringComparison.Ordinal) && !l.Contains(",99999,", StringComparison.Ordinal))
            .OrderBy(l => l.Split(',')[0], StringComparer.Ordinal)
            .ThenBy(l => l.Split(',')[5], StringComparer.Ordinal)
            .ToArray();
        string text = lines[0] + "\n" + string.Concat(body.Select(l => l + "\n"));
        AggregationInputs inputs = AggregationCsv.ReadInputs(new MemoryStream(Encoding.UTF8.GetBytes(text)), "v.csv").Value;
        AggregationEngine engine = World.Engine();
        AggregationResult byColumns = engine.Aggregate(inputs);
        AggregationResult byRows = engine.Aggregate(inputs.ToArray());
        Assert.Equal(Csv(byRows), Csv(byColumns));
        Assert.Equal(byRows.Rejected, byColumns.Rejected);
        Aggregate[] aggregates = byColumns.Aggregates().ToArray();
        Assert.Equal(byRows.Aggregates().Count(), aggregates.Length);
        foreach (Aggregate a in aggregates)
        {
            Assert.Equal(byRows.Explain(a).Inputs, byColumns.Explain(a).Inputs);
        }

        return true.ToProperty()
            .Classify(byColumns.Rejected.Count == 0 && !text.Contains("VND_M", StringComparison.Ordinal), "values lent by the file")
            .Classify(text.Contains("VND_M", StringComparison.Ordinal), "converted");
    }

    private static string Csv(AggregationResult result)
    {
        var text = new StringWriter();
        AggregationCsv.WriteAggregates(text, result);
        return text.ToString();
    }
}

/// <summary>Generators of files for the engine.</summary>
public static partial class Arbitraries
{
    /// <summary>Up to 80 lines over <see cref="World"/>'s indicators and an unknown one, its communes, a province and an
    /// unknown unit, months and a quarter of 2026, maturities, units of measure and disaggregations.</summary>
    public static Arbitrary<EngineFile> EngineFiles()
    {
        Gen<string> line =
            from indicator in Gen.Elements("A", "A", "A1", "S", "N", "D", "R", "XX")
            from unit in Gen.Elements("00001", "00002", "00004", "00005", "00004", "01", "99999")
            from period in Gen.Elements("2026-M01", "2026-M02", "2026-M03", "2026-Q1")
            from value in Gen.Choose(-50, 5000)
            from maturity in Gen.Elements("official", "so-bo", "1", string.Empty)
            from dis in Gen.Frequency((6, Gen.Constant(string.Empty)), (1, Gen.Elements("GT=NU", "GT=NAM")))
            from measure in Gen.Frequency((6, Gen.Constant(string.Empty)), (1, Gen.Elements("VND_M", "VND_BN", "PERSON")))
            select $"{indicator},{unit},{period},{value.ToString(CultureInfo.InvariantCulture)},{maturity},{dis},{measure}\n";
        Gen<EngineFile> gen =
            from lines in Gen.ListOf(line).Select(l => l.Take(80).ToList())
            select new EngineFile("indicator,unit,period,value,maturity,disaggregation,unit_of_measure\n" + string.Concat(lines));
        return gen.ToArbitrary();
    }
}
