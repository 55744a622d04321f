using System.Text.Json;
using NodaTime;

namespace Ktxh.Periods.Tests.Periods;

/// <summary>System.Text.Json converters for periods and cut-off conventions.</summary>
public class ReportingPeriodJsonTests
{
    private sealed record Report(ReportingPeriod Period, LocalDate Due, Dictionary<ReportingPeriod, decimal> Values, CutoffConvention Cutoff);

    [Fact]
    public void A_report_round_trips_with_periods_as_identifiers()
    {
        var report = new Report(
            ReportingPeriod.Parse("2026-Q3"),
            new LocalDate(2026, 9, 25),
            new Dictionary<ReportingPeriod, decimal> { [ReportingPeriod.Parse("2026-M07")] = 1.5m, [ReportingPeriod.Parse("2026-M08")] = 2m },
            CutoffConvention.Decree09);
        string json = JsonSerializer.Serialize(report, KtxhPeriodsJson.Options);
        Assert.Equal("""{"period":"2026-Q3","due":"2026-09-25","values":{"2026-M07":1.5,"2026-M08":2},"cutoff":"decree09"}""", json);
        var back = JsonSerializer.Deserialize<Report>(json, KtxhPeriodsJson.Options)!;
        Assert.Equal(report.Period, back.Period);
        Assert.Equal(report.Due, back.Due);
        Assert.Equal(report.Values, back.Values);
        Assert.Same(CutoffConvention.Decree09, back.Cutoff);
    }

    [Fact]
    public void A_bad_identifier_fails_with_the_bilingual_message_and_the_json_path()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Report>("""{"period":"2026-M13","due":"2026-09-25","values":{},"cutoff":"calendar"}""", KtxhPeriodsJson.Options));
        Assert.Contains("Tháng phải từ 01 đến 12", ex.Message, StringComparison.Ordinal);
        Assert.Contains("The month must be 01 to 12", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.period", ex.Path);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReportingPeriod>("202607", KtxhPeriodsJson.Options));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(ReportingPeriod), KtxhPeriodsJson.Options));
    }

    [Fact]
    public void A_custom_convention_round_trips_as_data()
    {
        var convention = CutoffConvention.Decree09.With(PeriodType.NineMonths, CutoffRule.Decree09Day15, "hanoi-2025").With(PeriodType.Week, CutoffRule.Calendar);
        string json = JsonSerializer.Serialize(convention, KtxhPeriodsJson.Options);
        Assert.Equal("""{"name":"hanoi-2025","rules":{"Week":"calendar","Month":15,"Quarter":15,"HalfYear":15,"NineMonths":15,"Year":15}}""", json);
        var back = JsonSerializer.Deserialize<CutoffConvention>(json, KtxhPeriodsJson.Options)!;
        Assert.Equal(convention, back);
        Assert.Equal("hanoi-2025", back.Name);
        Assert.Same(CutoffConvention.Calendar, JsonSerializer.Deserialize<CutoffConvention>("\"Calendar\"", KtxhPeriodsJson.Options));
    }

    [Theory]
    [InlineData("""{"name":"x","rules":{"Week":15}}""", "does not apply to Week")]
    [InlineData("""{"name":"x","rules":{"Month":31}}""", "day 2–28")]
    [InlineData("""{"name":"x","rules":{"Decade":15}}""", "Unknown period type \"Decade\"")]
    [InlineData("""{"name":"x","rules":{"3":15}}""", "Unknown period type \"3\"")]
    [InlineData("""{"rules":{"Month":15}}""", "needs \"name\" and \"rules\"")]
    [InlineData("""{"name":"x","rules":{},"extra":1}""", "Unknown property \"extra\"")]
    [InlineData("\"decree10\"", "No built-in cut-off convention")]
    [InlineData("42", "must be a name or an object")]
    public void Bad_conventions_are_rejected(string json, string english)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CutoffConvention>(json, KtxhPeriodsJson.Options));
        Assert.Contains(english, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configure_is_idempotent_and_composes_with_other_options()
    {
        var options = new JsonSerializerOptions().ConfigureForKtxhPeriods().ConfigureForKtxhPeriods();
        Assert.Single(options.Converters, c => c is ReportingPeriodJsonConverter);
        Assert.Single(options.Converters, c => c is CutoffConventionJsonConverter);
        Assert.Equal("\"2026-07-31\"", JsonSerializer.Serialize(new LocalDate(2026, 7, 31), options));
        Assert.True(KtxhPeriodsJson.Options.IsReadOnly);
    }
}
