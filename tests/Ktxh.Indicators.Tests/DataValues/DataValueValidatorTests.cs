using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Indicators.Tests;

public class DataValueValidatorTests
{
    private static readonly IndicatorCatalogue Catalogue = SampleCatalogue.Build();
    private static readonly ReportingPeriod Q1 = ReportingPeriod.Quarter(2025, 1);
    private static readonly ReportingPeriod Y2025 = ReportingPeriod.CalendarYear(2025);

    private static DataValue V(string code, decimal value, ReportingPeriod? period = null, string unit = "SO-TC") =>
        DataValue.Number(code, unit, period ?? Q1, value);

    private static DataValidationReport Validate(params DataValue[] values) => Catalogue.ValidateValues(values);

    [Fact]
    public void Valid_values_have_no_problem()
    {
        DataValidationReport result = Catalogue.ValidateValues(
            [V("INV", 100m), V("INV_STATE", 60m), V("INV_OTHER", 40_000m) with { MeasureUnitCode = "VND_M" }],
            Catalogue.GetForm("001.Q/BCC-CTK"));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
    }

    public static TheoryData<string, DataValueProblemCode, string> Cases => new()
    {
        { "unknown", DataValueProblemCode.UnknownIndicator, "values[0].indicatorCode" },
        { "period", DataValueProblemCode.PeriodTypeNotReported, "values[0].period" },
        { "text in numeric", DataValueProblemCode.TextInNumericIndicator, "values[0].value" },
        { "number in text", DataValueProblemCode.NumberInTextIndicator, "values[0].value" },
        { "no number", DataValueProblemCode.TextInNumericIndicator, "values[0].value" },
        { "unit not convertible", DataValueProblemCode.UnitMismatch, "values[0].unitCode" },
        { "unit unknown", DataValueProblemCode.UnitMismatch, "values[0].unitCode" },
        { "disaggregation unknown dimension", DataValueProblemCode.UnknownDisaggregation, "values[0].disaggregation" },
        { "disaggregation unknown category", DataValueProblemCode.UnknownDisaggregation, "values[0].disaggregation" },
        { "not in force", DataValueProblemCode.IndicatorNotValidInPeriod, "values[0].period" },
        { "duplicate", DataValueProblemCode.DuplicateValue, "values[1].indicatorCode" },
    };

    private static DataValue Case(string name) => name switch
    {
        "unknown" => V("GHOST", 1m),
        "period" => V("INV", 1m, ReportingPeriod.Month(2025, 1)),
        "text in numeric" => DataValue.OfText("INV", "SO-TC", Q1, "khoảng 100"),
        "number in text" => V("NOTE", 1m, ReportingPeriod.Month(2025, 1)),
        "no number" => new DataValue { IndicatorCode = "INV", ReportingUnitCode = "SO-TC", Period = Q1 },
        "unit not convertible" => V("INV", 1m) with { MeasureUnitCode = "TONNE" },
        "unit unknown" => V("INV", 1m) with { MeasureUnitCode = "BOGUS" },
        "disaggregation unknown dimension" => V("POP", 1m, Y2025) with { Disaggregation = DisaggregationKey.Of(("age", "0-14")) },
        "disaggregation unknown category" => V("POP", 1m, Y2025) with { Disaggregation = DisaggregationKey.Of(("sex", "other")) },
        "not in force" => V("CPI", 100m, ReportingPeriod.Month(2031, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_problem_is_found_with_its_location(string name, DataValueProblemCode code, string location)
    {
        DataValue[] values = name == "duplicate" ? [V("INV", 1m), V("INV", 2m)] : [Case(name)];
        DataValidationReport result = Validate(values);
        DataValueProblem problem = Assert.Single(result.Problems);
        Assert.Equal(code, problem.Code);
        Assert.Equal(location, problem.Location);
        Assert.NotEqual(problem.MessageVi, problem.MessageEn);
    }

    [Fact]
    public void Convertible_units_and_known_disaggregations_are_accepted()
    {
        DataValidationReport result = Validate(
            V("INV", 1m) with { MeasureUnitCode = "VND_M" },
            V("POP", 1m, Y2025) with { Disaggregation = DisaggregationKey.Of(("sex", "female"), ("area", "rural")) },
            V("CPI", 100.5m, ReportingPeriod.Month(2025, 3)));
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
    }

    [Fact]
    public void Missing_required_rows_are_listed_per_unit_and_period()
    {
        ReportForm form = Catalogue.GetForm("001.Q/BCC-CTK");
        DataValidationReport result = Catalogue.ValidateValues(
            [V("INV", 100m), V("INV_STATE", 60m, unit: "SO-XD")], form);
        DataValueProblem[] missing = result.Problems.Where(p => p.Code == DataValueProblemCode.MissingRequiredRow).ToArray();
        // SO-TC lacks INV_STATE; SO-XD lacks INV; INV_OTHER is optional.
        Assert.Equal(2, missing.Length);
        Assert.Contains(missing, p => p.Location == "form.rows[1]" && p.MessageEn.Contains("SO-TC"));
        Assert.Contains(missing, p => p.Location == "form.rows[0]" && p.MessageEn.Contains("SO-XD"));
        Assert.All(missing, p => Assert.Null(p.Index));
    }

    [Fact]
    public void Form_checks_rows_columns_and_period_type()
    {
        ReportForm form = Catalogue.GetForm("002.N/BCC-CTK");
        DataValidationReport result = Catalogue.ValidateValues(
            [V("POP", 1m, Y2025), V("POP_URBAN", 1m, Y2025) with { Column = FormColumnKind.YearlyTarget }, V("INV", 1m, Y2025)], form);
        Assert.Contains(result.Problems, p => p.Code == DataValueProblemCode.ColumnNotOnForm && p.Location == "values[1].column");
        Assert.Contains(result.Problems, p => p.Code == DataValueProblemCode.NotOnForm && p.Location == "values[2].indicatorCode");
        DataValidationReport quarterly = Catalogue.ValidateValues([V("POP", 1m, Q1)], form);
        Assert.Contains(quarterly.Problems, p => p.Code == DataValueProblemCode.FormPeriodMismatch);
    }

    [Fact]
    public void Every_problem_of_a_set_is_reported_at_once()
    {
        DataValidationReport result = Validate(Case("unknown"), Case("period"), Case("unit unknown"));
        Assert.Equal(
            [DataValueProblemCode.UnknownIndicator, DataValueProblemCode.PeriodTypeNotReported, DataValueProblemCode.UnitMismatch],
            result.Problems.Select(p => p.Code));
        Assert.Equal([0, 1, 2], result.Problems.Select(p => p.Index!.Value));
    }

    [Fact]
    public void The_same_figure_at_two_maturity_levels_is_not_a_duplicate()
    {
        DataValidationReport result = Validate(
            V("INV", 1m) with { Maturity = Maturity.Estimate }, V("INV", 2m) with { Maturity = Maturity.Preliminary }, V("INV", 3m));
        Assert.True(result.IsValid);
        Assert.True(Maturity.Estimate < Maturity.Preliminary && Maturity.Preliminary < Maturity.Official);
    }

    [Theory]
    [InlineData("100", "60", "40000", true)]        // 60 tỷ + 40,000 triệu = 100 tỷ
    [InlineData("100", "60", "40100", true)]        // 0.1 off: within the sample's tolerance 0.1
    [InlineData("100", "60", "40200", false)]       // 0.2 off
    [InlineData("100", "70", "40000", false)]
    public void Components_must_add_up_to_their_parent_within_the_tolerance(string parent, string state, string otherMillions, bool valid)
    {
        decimal P(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        DataValidationReport result = Validate(V("INV", P(parent)), V("INV_STATE", P(state)), V("INV_OTHER", P(otherMillions)));
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            DataValueProblem problem = Assert.Single(result.Problems);
            Assert.Equal(DataValueProblemCode.ComponentSumMismatch, problem.Code);
            Assert.Equal("values[0].value", problem.Location);
        }
    }

    [Fact]
    public void Incomplete_components_are_not_summed_and_other_units_periods_are_separate()
    {
        Assert.True(Validate(V("INV", 100m), V("INV_STATE", 60m)).IsValid);
        Assert.True(Validate(V("INV", 100m), V("INV_STATE", 60m), V("INV_OTHER", 40_000m), V("INV_STATE", 1m, unit: "SO-XD")).IsValid);
    }

    [Theory]
    [InlineData("800", "500", true)]
    [InlineData("800", "800", true)]
    [InlineData("800", "800.1", false)]
    public void An_of_which_value_must_not_exceed_its_parent(string parent, string part, bool valid)
    {
        decimal P(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        DataValidationReport result = Validate(V("POP", P(parent), Y2025), V("POP_URBAN", P(part), Y2025));
        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            DataValueProblem problem = Assert.Single(result.Problems);
            Assert.Equal(DataValueProblemCode.OfWhichExceedsParent, problem.Code);
            Assert.Equal("values[1].value", problem.Location);
        }
    }

    [Theory]
    [InlineData("sex=female;area=rural", "area=rural;sex=female")]
    [InlineData(" area = urban ", "area=urban")]
    [InlineData("", "")]
    public void Disaggregation_keys_are_canonical(string text, string canonical)
    {
        Assert.Equal(canonical, DisaggregationKey.Parse(text).Canonical);
        Assert.Equal(DisaggregationKey.Parse(canonical), DisaggregationKey.Parse(text));
    }

    [Theory]
    [InlineData("sex", 0)]
    [InlineData("sex=a;sex=b", 1)]
    [InlineData("=a", 0)]
    [InlineData("area=urban;x", 1)]
    public void Bad_disaggregation_keys_are_rejected(string text, int badPair)
    {
        KtxhResult<DisaggregationKey> result = DisaggregationKey.ParseWithResult(text);
        KtxhError error = Assert.Single(result.Errors);
        Assert.True(error.Is(CatalogueErrorCode.InvalidField));
        Assert.Equal(badPair, error.Location.Index);
        Assert.Equal(error, Assert.Single(Assert.Throws<KtxhException>(() => DisaggregationKey.Parse(text)).Errors));
    }
}
