using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

public class CsvTests
{
    [Fact]
    public void Inputs_are_read_with_optional_columns_in_any_order()
    {
        const string csv = "indicator,unit,period,value,maturity,disaggregation\nA,00001,2026-M01,1.5,so-bo,\n\"A\",00002,2026-M01,-2,estimate,GT=NU\n";
        CsvReadResult<IReadOnlyList<AggregationInput>> r = AggregationCsv.ReadInputs(new StringReader(csv));
        Assert.True(r.Success);
        Assert.Equal(2, r.Value!.Count);
        Assert.Equal(new AggregationInput("A", "00001", ReportingPeriod.Month(2026, 1), 1.5m, Maturity.Preliminary), r.Value[0]);
        Assert.Equal("GT=NU", r.Value[1].Disaggregation);
        Assert.Equal(-2m, r.Value[1].Value);
    }

    [Theory]
    [InlineData("indicator,unit,period\n", 1, 0)]                                   // missing column
    [InlineData("indicator,unit,period,value\nA,00001,2026-13,1\n", 2, 3)]          // bad period
    [InlineData("indicator,unit,period,value\nA,00001,2026-M01,1,5\n", 2, 0)]       // extra field
    [InlineData("indicator,unit,period,value\nA,00001,2026-M01,\"1\n", 2, 4)]       // unclosed quote
    [InlineData("indicator,unit,period,value\nA,00001,2026-M01,1;5\n", 2, 4)]       // bad number
    [InlineData("indicator,unit,period,value\nA,00001,2026-M01,\"1,5\"\n", 2, 4)]   // decimal comma
    [InlineData("indicator,unit,period,value,maturity\nA,00001,2026-M01,1,final\n", 2, 5)]
    public void Malformed_csv_gives_located_bilingual_errors_and_nothing_else(string csv, int line, int column)
    {
        CsvReadResult<IReadOnlyList<AggregationInput>> r = AggregationCsv.ReadInputs(new StringReader(csv));
        Assert.False(r.Success);
        Assert.Null(r.Value);
        CsvError e = r.Errors[0];
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.False(string.IsNullOrWhiteSpace(e.MessageVi));
        Assert.False(string.IsNullOrWhiteSpace(e.MessageEn));
        Assert.NotEqual(e.MessageVi, e.MessageEn);
    }

    [Fact]
    public void Every_bad_line_is_reported_not_just_the_first()
    {
        const string csv = "indicator,unit,period,value\nA,00001,2026-M01,x\nA,00001,2026-M02,1\nA,00001,bad,1\n";
        Assert.Equal([2, 4], AggregationCsv.ReadInputs(new StringReader(csv)).Errors.Select(e => e.Line));
    }

    [Fact]
    public void Aggregates_are_written_with_coverage_maturity_and_flags_in_invariant_culture()
    {
        AggregationResult r = World.Engine().Aggregate([World.In("A", "00001", World.M(1), 1.25m, Maturity.Estimate)]);
        var w = new StringWriter();
        long rows = AggregationCsv.WriteAggregates(w, r, new HashSet<ReportingPeriod> { World.M(1) });
        string[] lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(AggregationCsv.OutputHeader, lines[0]);
        Assert.Equal(rows, lines.Length - 1);
        Assert.Contains("A,01,2026-M01,1.25,1,3,estimate,PartialCoverage", lines);
        Assert.Contains("A,00001,2026-M01,1.25,1,1,estimate,", lines);
        Assert.Contains("A,02,2026-M01,,0,2,,NoData", lines);
    }
}
