using Ktxh.Indicators;
using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;

namespace Ktxh.Indicators.Tests;

/// <summary>The usage example proposed for the README (docs/catalogue-json.md), checked line by line.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_does_what_it_says()
    {
        IndicatorCatalogue catalogue = IndicatorCatalogue.BuiltIn;            // seed 004: every indicator row, one form per report group
        Indicator disbursement = catalogue.Search("giai ngan von dau tu cong")[0];
        Assert.Equal("Giá trị giải ngân vốn đầu tư công", disbursement.NameVi);
        Assert.Equal("VND_BN", disbursement.MeasureUnitCode);

        var builder = new IndicatorCatalogueBuilder().WithVersion("2026.1");
        builder.AddAgency(new Agency("KBNN", "Kho bạc Nhà nước tỉnh"));
        builder.Add(new Indicator
        {
            Code = "DISB", NameVi = "Giải ngân vốn đầu tư công", MeasureUnitCode = "VND_BN",
            Periods = [PeriodType.HalfMonth, PeriodType.Month], ValueKind = ValueKind.Amount, AgencyCode = "KBNN",
        });
        builder.Add(new Indicator
        {
            Code = "PLAN", NameVi = "Kế hoạch vốn", MeasureUnitCode = "VND_BN",
            Periods = [PeriodType.Month], ValueKind = ValueKind.Stock, AgencyCode = "KBNN",
        });
        builder.Add(new Indicator
        {
            Code = "DISB_PCT", NameVi = "Tỷ lệ giải ngân", MeasureUnitCode = "PCT",
            Periods = [PeriodType.Month], ValueKind = ValueKind.Percentage, AgencyCode = "KBNN",
            AcrossUnits = AggregationRule.Ratio("DISB", "PLAN", 100m), AcrossTime = AggregationRule.Ratio("DISB", "PLAN", 100m),
        });
        KtxhResult<IndicatorCatalogue> result = builder.BuildResult();
        Assert.True(result.Success);

        FormulaResult r = Formula.Parse("round([DISB] / [PLAN] * 100, 1)")
            .Evaluate(new Dictionary<string, decimal> { ["DISB"] = 1234.5m, ["PLAN"] = 5000m });
        Assert.Equal(24.7m, r.Value);
        Assert.Equal(FormulaStatus.DivisionByZero,
            Formula.Parse("[DISB] / [PLAN]").Evaluate(new Dictionary<string, decimal> { ["DISB"] = 1m, ["PLAN"] = 0m }).Status);

        DataValue[] values = [DataValue.Number("DISB", "KBNN", ReportingPeriod.Month(2026, 3), 1234.5m, Maturity.Estimate)];
        Assert.True(result.Value!.ValidateValues(values).IsValid);

        string json = IndicatorCatalogueJson.Write(result.Value);
        Assert.True(IndicatorCatalogueJson.Read(json).Success);

        builder.Add(new Indicator { Code = "X", NameVi = "Sai đơn vị", MeasureUnitCode = "NOPE", Periods = [PeriodType.Year], ValueKind = ValueKind.Amount });
        Assert.Equal("$.indicators[3].unit", Assert.Single(builder.BuildResult().Errors).Location.JsonPath);

        var services = new ServiceCollection();
        services.AddKtxhIndicators();                                        // or o => o.UseJsonFile("catalogue.json")
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Same(IndicatorCatalogue.BuiltIn, provider.GetRequiredService<IndicatorCatalogue>());
    }
}
