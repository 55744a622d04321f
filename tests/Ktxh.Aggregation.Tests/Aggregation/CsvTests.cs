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
        KtxhResult<AggregationInputs> r = AggregationCsv.ReadInputs(new StringReader(csv));
        Assert.True(r.Success);
        Assert.Equal(2, r.Value.Count);
        Assert.Equal([2, 3], r.Value.Lines);
        Assert.Equal(new AggregationInput("A", "00001", ReportingPeriod.Month(2026, 1), 1.5m, Maturity.Preliminary), r.Value[0]);
        Assert.Equal("GT=NU", r.Value[1].Disaggregation);
        Assert.Equal(-2m, r.Value[1].Value);
    }

    [Theory]
    [InlineData("indicator,unit,period\n", 1, null, "value", AggregationCsvErrorCode.MissingColumn)]
    [InlineData("indicator,unit,period,value\nA,00001,2026-13,1\n", 2, 3, "period", AggregationCsvErrorCode.InvalidPeriod)]
    [InlineData("indicator,unit,period,value\nA,00001,2026-M01,1,5\n", 2, null, null, AggregationCsvErrorCode.FieldCount)]
    [InlineData("indicator,unit,period,value\nA,00001,2026-M01,\"1\n", 2, 4, null, AggregationCsvErrorCode.UnclosedQuote)]
    [InlineData("indicator,unit,period,value\nA,00001,2026-M01,1;5\n", 2, 4, "value", AggregationCsvErrorCode.InvalidValue)]
    [InlineData("indicator,unit,period,value\nA,00001,2026-M01,\"1,5\"\n", 2, 4, "value", AggregationCsvErrorCode.InvalidValue)] // decimal comma
    [InlineData("indicator,unit,period,value,maturity\nA,00001,2026-M01,1,final\n", 2, 5, "maturity", AggregationCsvErrorCode.InvalidMaturity)]
    [InlineData("indicator,unit,period,value,colour\n", 1, 5, "colour", AggregationCsvErrorCode.UnsupportedColumn)]
    [InlineData("indicator,unit,period,value,unit\n", 1, 5, "unit", AggregationCsvErrorCode.DuplicateColumn)]
    [InlineData("", 1, null, null, AggregationCsvErrorCode.EmptyFile)]
    [InlineData("indicator,unit,period,value\n,00001,2026-M01,1\n", 2, 1, "indicator", AggregationCsvErrorCode.MissingIndicator)]
    [InlineData("indicator,unit,period,value\nA,,2026-M01,1\n", 2, 2, "unit", AggregationCsvErrorCode.MissingReportingUnit)]
    public void Malformed_csv_gives_located_bilingual_errors_and_nothing_else(string csv, int line, int? column, string? field, AggregationCsvErrorCode code)
    {
        KtxhResult<AggregationInputs> r = AggregationCsv.ReadInputs(new StringReader(csv), "values.csv");
        Assert.False(r.Success);
        Assert.False(r.TryGetValue(out _));
        Assert.Throws<KtxhException>(() => r.Value);
        KtxhError e = r.Errors[0];
        Assert.True(e.Is(code), e.ToString());
        Assert.Equal(new ErrorLocation { Source = "values.csv", Line = line, Column = column, Field = field }, e.Location);
        Assert.False(string.IsNullOrWhiteSpace(e.MessageVi));
        Assert.False(string.IsNullOrWhiteSpace(e.MessageEn));
        Assert.NotEqual(e.MessageVi, e.MessageEn);
        Assert.StartsWith("values.csv, dòng " + line, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_source_the_location_has_none()
    {
        KtxhError e = AggregationCsv.ReadInputs(new StringReader("indicator,unit,period,value\nA,00001,2026-M01,x\n")).Errors.Single();
        Assert.Null(e.Location.Source);
        Assert.Equal("dòng 2, cột 4, trường 'value' / line 2, column 4, field 'value'", e.Location.ToString());
    }

    [Fact]
    public void An_input_is_located_at_the_line_it_started_on()
    {
        const string csv = "indicator,unit,period,value,disaggregation\nA,00001,2026-M01,1,\"two\nlines\"\n\nA,00002,2026-M01,2,\n";
        AggregationInputs inputs = AggregationCsv.ReadInputs(new StringReader(csv), "v.csv").Value;
        Assert.Equal(2, inputs.Count);
        Assert.Equal("two\nlines", inputs[0].Disaggregation);
        Assert.Equal(new ErrorLocation { Source = "v.csv", Line = 2 }, inputs.LocationOf(0));
        Assert.Equal(new ErrorLocation { Source = "v.csv", Line = 5 }, inputs.LocationOf(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => inputs.LocationOf(2));
    }

    [Fact]
    public void Every_bad_line_is_reported_not_just_the_first()
    {
        const string csv = "indicator,unit,period,value\nA,00001,2026-M01,x\nA,00001,2026-M02,1\nA,00001,bad,1\n";
        Assert.Equal([2, 4], AggregationCsv.ReadInputs(new StringReader(csv)).Errors.Select(e => e.Location.Line ?? 0));
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
