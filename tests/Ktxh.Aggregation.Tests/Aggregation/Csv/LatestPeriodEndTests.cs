using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using NodaTime;

namespace Ktxh.Aggregation.Tests;

/// <summary><see cref="AggregationInputs.LatestPeriodEnd"/>, the default <c>--as-of</c> of <c>ktxh aggregate</c>:
/// the same day as taking every input one by one, and an excluded indicator never moves it.</summary>
public class LatestPeriodEndTests
{
    private static readonly string[] Codes = ["CT01", "CT02", "CT03"];

    private static readonly string[] PeriodIds = ["2024", "2025-Q3", "2025-M07", "2025-M12", "2026-M01", "2026-S1", "2026-W05", "2026-M02-H1", "2021-2025"];

    [Property(MaxTest = 200)]
    public Property Equals_the_latest_end_of_the_inputs_taken_one_by_one()
    {
        Gen<(int Code, int Period)[]> lines = Gen.Zip(Gen.Choose(0, Codes.Length - 1), Gen.Choose(0, PeriodIds.Length - 1)).ArrayOf();
        Gen<bool[]> included = Gen.Elements(true, false).ArrayOf(Codes.Length);
        return Prop.ForAll(Arb.From(Gen.Zip(lines, included)), t =>
        {
            var csv = new StringBuilder("indicator,unit,period,value\n");
            foreach ((int code, int period) in t.Item1)
            {
                csv.Append(Codes[code]).Append(",00004,").Append(PeriodIds[period]).Append(",1\n");
            }

            AggregationInputs inputs = AggregationCsv.ReadInputs(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), "v.csv").Value;
            bool Include(string code) => t.Item2[Array.IndexOf(Codes, code)];
            LocalDate[] ends = inputs.Where(i => Include(i.IndicatorCode)).Select(i => i.Period.End).ToArray();
            LocalDate? expected = ends.Length == 0 ? null : ends.Max();
            Assert.Equal(expected, inputs.LatestPeriodEnd(Include));
            return true.ToProperty()
                .Classify(t.Item1.Length == 0, "empty file")
                .Classify(expected is null, "no input counts");
        });
    }

    [Fact]
    public void An_excluded_indicator_with_a_later_period_does_not_move_the_day()
    {
        const string csv = "indicator,unit,period,value\nCT01,00004,2026-M03,1\nXX99,00004,2026-M11,1\nCT01,00004,2026-M02,1\n";
        AggregationInputs inputs = AggregationCsv.ReadInputs(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "v.csv").Value;
        Assert.Equal(new LocalDate(2026, 3, 31), inputs.LatestPeriodEnd(code => code != "XX99"));
        Assert.Equal(new LocalDate(2026, 11, 30), inputs.LatestPeriodEnd(_ => true));
        Assert.Null(inputs.LatestPeriodEnd(_ => false));
        Assert.Throws<ArgumentNullException>(() => inputs.LatestPeriodEnd(null!));
    }
}
