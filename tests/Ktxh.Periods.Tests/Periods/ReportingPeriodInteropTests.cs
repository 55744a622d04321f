namespace Ktxh.Periods.Tests.Periods;

/// <summary>ISO-8601 intervals (SDMX, ADX) and DHIS2 period identifiers.</summary>
public class ReportingPeriodInteropTests
{
    [Theory]
    [InlineData("2026-W05", "2026-01-26/P7D")]
    [InlineData("2026-W01", "2025-12-29/P7D")]
    [InlineData("2026-M07-H1", "2026-07-01/P15D")]
    [InlineData("2026-M07-H2", "2026-07-16/P16D")]
    [InlineData("2026-M02-H2", "2026-02-16/P13D")]
    [InlineData("2026-M07", "2026-07-01/P1M")]
    [InlineData("2026-Q3", "2026-07-01/P3M")]
    [InlineData("2026-S2", "2026-07-01/P6M")]
    [InlineData("2026-9M", "2026-01-01/P9M")]
    [InlineData("2026", "2026-01-01/P1Y")]
    [InlineData("2026-YTD-M05", "2026-01-01/P5M")]
    [InlineData("2021-2025", "2021-01-01/P5Y")]
    public void Iso_intervals(string id, string interval)
    {
        var period = ReportingPeriod.Parse(id);
        Assert.Equal(interval, period.ToIsoInterval());
        Assert.Equal(period, ReportingPeriod.ParseIsoInterval(interval).GetValueOrThrow());
    }

    [Theory]
    [InlineData("2026-01-26/P1W", null, "2026-W05")]
    [InlineData("2026-01-01/P3M", null, "2026-Q1")]
    [InlineData("2026-01-01/P3M", PeriodType.YearToDate, "2026-YTD-M03")]
    [InlineData("2026-01-01/P12M", null, "2026")]
    [InlineData("2026-01-01/P6M", PeriodType.YearToDate, "2026-YTD-M06")]
    [InlineData("2026-01-01/P1M", null, "2026-M01")]
    [InlineData("2026-07-01/P1M", PeriodType.Month, "2026-M07")]
    public void Iso_interval_kind_inference_and_hints(string interval, PeriodType? type, string id)
    {
        Assert.Equal(id, ReportingPeriod.ParseIsoInterval(interval, type).GetValueOrThrow().Id);
    }

    [Theory]
    [InlineData("2026-07-02/P1M", null, 0, "not exactly any reporting period")]
    [InlineData("2026-02-01/P2M", null, 0, "not exactly any reporting period")]
    [InlineData("2026-01-27/P7D", null, 0, "not exactly any reporting period")]
    [InlineData("2026-07-01/P1M", PeriodType.Quarter, 0, "is not a Quarter period")]
    [InlineData("2026-07-01", null, 10, "Expected '/'")]
    [InlineData("2026-7-01/P1M", null, 0, "YYYY-MM-DD")]
    [InlineData("2026-07-01/1M", null, 11, "must start with 'P'")]
    [InlineData("2026-07-01/PM", null, 12, "positive number")]
    [InlineData("2026-07-01/P0M", null, 12, "greater than zero")]
    [InlineData("2026-07-01/P1X", null, 13, "D, W, M, Y")]
    [InlineData("2026-07-01/P1MT", null, 13, "D, W, M, Y")]
    [InlineData("2026-07-01/P1H", null, 13, "D, W, M, Y")]
    [InlineData("9999-07-01/P1Y", null, 11, "beyond the year 9999")]
    [InlineData("", null, 0, "empty")]
    public void Bad_iso_intervals_fail_with_located_errors(string interval, PeriodType? type, int position, string english)
    {
        var result = ReportingPeriod.ParseIsoInterval(interval, type);
        Assert.False(result.Success);
        Assert.Equal(position, result.Errors[0].Location.Position);
        Assert.Contains(english, result.Errors[0].MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-M07", "202607")]
    [InlineData("2026-Q3", "2026Q3")]
    [InlineData("2026-S1", "2026S1")]
    [InlineData("2026", "2026")]
    [InlineData("2026-W05", "2026W5")]
    [InlineData("2026-W53", "2026W53")]
    [InlineData("2026-W05-SUN4", "2026SunW5")]
    [InlineData("2026-W05-WED4", "2026WedW5")]
    [InlineData("2026-W05-THU4", "2026ThuW5")]
    [InlineData("2026-W05-SAT4", "2026SatW5")]
    public void Dhis2_identifiers(string id, string dhis2)
    {
        var period = ReportingPeriod.Parse(id);
        Assert.Equal(dhis2, period.ToDhis2().GetValueOrThrow());
        Assert.Equal(period, ReportingPeriod.ParseDhis2(dhis2).GetValueOrThrow());
    }

    [Theory]
    [InlineData("2026-M07-H1", "HalfMonth")]
    [InlineData("2026-9M", "NineMonths")]
    [InlineData("2026-YTD-M05", "YearToDate")]
    [InlineData("2021-2025", "MultiYear")]
    [InlineData("2026-W05-SUN1", "week rule")]
    public void Dhis2_has_no_such_kind(string id, string english)
    {
        var result = ReportingPeriod.Parse(id).ToDhis2();
        Assert.False(result.Success);
        Assert.Contains(english, result.Errors[0].MessageEn, StringComparison.Ordinal);
        Assert.Contains("DHIS2", result.Errors[0].MessageVi, StringComparison.Ordinal);
        Assert.True(result.Errors[0].Is(PeriodErrorCode.NotRepresentable));
        Assert.Throws<KtxhException>(() => result.GetValueOrThrow());
    }

    [Theory]
    [InlineData("202613", 4)]
    [InlineData("2026Q5", 5)]
    [InlineData("2026S3", 5)]
    [InlineData("2025W53", 5)]
    [InlineData("2026W0", 5)]
    [InlineData("20260101", 4)]   // daily
    [InlineData("2026BiW1", 4)]   // bi-weekly
    [InlineData("202601B", 4)]    // bi-monthly
    [InlineData("2026April", 4)]  // financial year
    [InlineData("2026FriW1", 4)]
    [InlineData("26Q1", 2)]
    [InlineData("", 0)]
    public void Bad_or_unsupported_dhis2_identifiers_fail(string dhis2, int position)
    {
        var result = ReportingPeriod.ParseDhis2(dhis2);
        Assert.False(result.Success);
        Assert.Equal(position, result.Errors[0].Location.Position);
    }
}
