using FsCheck.Xunit;
using Ktxh.Periods.Tests.Periods;

namespace Ktxh.Periods.Tests.Cutoff;

/// <summary>Cut-off windows: Decree 09/2019/NĐ-CP Art. 12, the calendar convention and regime-defined rules.</summary>
public class CutoffConventionTests
{
    // Decree 09/2019/NĐ-CP Art. 12: monthly 15th of the previous month – 14th of the reporting month; quarterly 15th of
    // the month before the quarter – 14th of its last month; H1 15/12 previous year – 14/6; H2 15/6 – 14/12; annual
    // 15/12 previous year – 14/12.
    [Theory]
    [InlineData("2026-M01", "2025-12-15", "2026-01-14")]
    [InlineData("2026-M02", "2026-01-15", "2026-02-14")]
    [InlineData("2026-M03", "2026-02-15", "2026-03-14")]
    [InlineData("2026-M04", "2026-03-15", "2026-04-14")]
    [InlineData("2026-M05", "2026-04-15", "2026-05-14")]
    [InlineData("2026-M06", "2026-05-15", "2026-06-14")]
    [InlineData("2026-M07", "2026-06-15", "2026-07-14")]
    [InlineData("2026-M08", "2026-07-15", "2026-08-14")]
    [InlineData("2026-M09", "2026-08-15", "2026-09-14")]
    [InlineData("2026-M10", "2026-09-15", "2026-10-14")]
    [InlineData("2026-M11", "2026-10-15", "2026-11-14")]
    [InlineData("2026-M12", "2026-11-15", "2026-12-14")]
    [InlineData("2024-M03", "2024-02-15", "2024-03-14")]
    [InlineData("2026-Q1", "2025-12-15", "2026-03-14")]
    [InlineData("2026-Q2", "2026-03-15", "2026-06-14")]
    [InlineData("2026-Q3", "2026-06-15", "2026-09-14")]
    [InlineData("2026-Q4", "2026-09-15", "2026-12-14")]
    [InlineData("2026-S1", "2025-12-15", "2026-06-14")]
    [InlineData("2026-S2", "2026-06-15", "2026-12-14")]
    [InlineData("2026", "2025-12-15", "2026-12-14")]
    [InlineData("2025", "2024-12-15", "2025-12-14")]
    public void Decree09_windows(string id, string start, string end)
    {
        var window = CutoffConvention.Decree09.WindowFor(ReportingPeriod.Parse(id)).GetValueOrThrow();
        Assert.Equal(ReportingPeriodBoundaryTests.D(start), window.Start);
        Assert.Equal(ReportingPeriodBoundaryTests.D(end), window.End);
        Assert.Equal(id, window.Period.Id);
    }

    [Theory]
    [InlineData("2026-W05")]
    [InlineData("2026-M07-H1")]
    [InlineData("2026-9M")]
    [InlineData("2026-YTD-M05")]
    [InlineData("2021-2025")]
    public void Decree09_defines_no_window_for_other_kinds(string id)
    {
        var result = CutoffConvention.Decree09.WindowFor(ReportingPeriod.Parse(id));
        Assert.False(result.Success);
        Assert.Contains("defines no cut-off window", result.Errors[0].MessageEn, StringComparison.Ordinal);
        Assert.Contains("không quy định thời gian chốt", result.Errors[0].MessageVi, StringComparison.Ordinal);
        Assert.Contains(id, result.Errors[0].Message, StringComparison.Ordinal);
        Assert.False(CutoffConvention.Decree09.Defines(ReportingPeriod.Parse(id).Type));
    }

    [Theory]
    [InlineData("2026-W05")]
    [InlineData("2026-M07-H2")]
    [InlineData("2026-M07")]
    [InlineData("2026-9M")]
    [InlineData("2026-YTD-M05")]
    [InlineData("2026")]
    [InlineData("2021-2025")]
    public void Calendar_window_is_the_period_itself(string id)
    {
        var period = ReportingPeriod.Parse(id);
        var window = CutoffConvention.Calendar.WindowFor(period).GetValueOrThrow();
        Assert.Equal((period.Start, period.End), (window.Start, window.End));
        Assert.Equal(period.LengthInDays, window.LengthInDays);
    }

    [Theory]
    [InlineData("2026-9M", "2025-12-15", "2026-09-14")]       // some provinces' 9-month window (Decree 09 leaves it to the issuer)
    [InlineData("2026-YTD-M05", "2025-12-15", "2026-05-14")]
    [InlineData("2021-2025", "2020-12-15", "2025-12-14")]
    public void A_regime_can_add_kinds_with_the_day_15_rule(string id, string start, string end)
    {
        var convention = CutoffConvention.Decree09
            .With(PeriodType.NineMonths, CutoffRule.Decree09Day15, "province")
            .With(PeriodType.YearToDate, CutoffRule.Decree09Day15)
            .With(PeriodType.MultiYear, CutoffRule.Decree09Day15);
        var window = convention.WindowFor(ReportingPeriod.Parse(id)).GetValueOrThrow();
        Assert.Equal((ReportingPeriodBoundaryTests.D(start), ReportingPeriodBoundaryTests.D(end)), (window.Start, window.End));
        Assert.Equal("province", convention.Name);
        // The built-in convention is unchanged.
        Assert.False(CutoffConvention.Decree09.Defines(PeriodType.NineMonths));
    }

    [Theory]
    [InlineData(20, "2026-M03", "2026-02-20", "2026-03-19")]
    [InlineData(2, "2026-M03", "2026-02-02", "2026-03-01")]
    [InlineData(28, "2026-M03", "2026-02-28", "2026-03-27")]
    [InlineData(28, "2024-M03", "2024-02-28", "2024-03-27")]
    [InlineData(25, "2026-Q1", "2025-12-25", "2026-03-24")]
    public void Day_n_rules(int day, string id, string start, string end)
    {
        var window = CutoffRule.DayOfMonth(day).Apply(ReportingPeriod.Parse(id)).GetValueOrThrow();
        Assert.Equal((ReportingPeriodBoundaryTests.D(start), ReportingPeriodBoundaryTests.D(end)), (window.Start, window.End));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public void Consecutive_Decree09_monthly_windows_tile_the_calendar(ReportingPeriod p)
    {
        if (p.Type is PeriodType.Month or PeriodType.Quarter or PeriodType.HalfYear or PeriodType.Year && p.Year > 2 && p.Year < 9990)
        {
            var w = CutoffConvention.Decree09.WindowFor(p).GetValueOrThrow();
            var next = CutoffConvention.Decree09.WindowFor(p.Next()).GetValueOrThrow();
            Assert.Equal(w.End.PlusDays(1), next.Start);
            Assert.Equal(p.LengthInDays, w.LengthInDays - (w.Start.Calendar.GetDaysInMonth(w.Start.Year, w.Start.Month) - p.Start.Calendar.GetDaysInMonth(p.End.Year, p.End.Month)));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(29)]
    [InlineData(31)]
    public void Day_must_exist_in_every_month(int day)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CutoffRule.DayOfMonth(day));
    }

    [Theory]
    [InlineData(PeriodType.Week)]
    [InlineData(PeriodType.HalfMonth)]
    public void Day_n_rule_for_weeks_or_half_months_is_a_configuration_error(PeriodType type)
    {
        var ex = Assert.Throws<ArgumentException>(() => CutoffConvention.Decree09.With(type, CutoffRule.Decree09Day15));
        Assert.Contains("does not apply", ex.Message, StringComparison.Ordinal);
        Assert.False(CutoffRule.Decree09Day15.Apply(ReportingPeriod.Containing(new NodaTime.LocalDate(2026, 7, 1), type)).Success);
    }

    [Fact]
    public void Create_validates_and_normalises_the_name()
    {
        Assert.Throws<ArgumentException>(() => CutoffConvention.Create("  ", []));
        var c = CutoffConvention.Create(" Ha\u0300 Nội ", [new(PeriodType.Month, CutoffRule.DayOfMonth(20))]);
        Assert.Equal("Hà Nội", c.Name);
        Assert.Throws<ArgumentException>(() => CutoffConvention.Create("x", [new(PeriodType.Month, default)]));
    }

    [Fact]
    public void Window_contains_and_formats()
    {
        var w = CutoffConvention.Decree09.WindowFor(ReportingPeriod.Parse("2026-M07")).GetValueOrThrow();
        Assert.True(w.Contains(new NodaTime.LocalDate(2026, 6, 15)));
        Assert.False(w.Contains(new NodaTime.LocalDate(2026, 7, 15)));
        Assert.Equal("2026-M07: 2026-06-15..2026-07-14", w.ToString());
        Assert.Equal(30, w.LengthInDays);
    }
}
