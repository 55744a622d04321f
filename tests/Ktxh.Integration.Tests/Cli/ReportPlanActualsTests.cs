using System.Globalization;
using Ktxh.Cli.Excel;
using Ktxh.Periods;
using Ktxh.Workflow;
using NodaTime;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// Which value of an aggregates CSV the report's "% of plan" (% so với kế hoạch năm) compares with a yearly target
/// (<see cref="ReportPlanActuals"/>): a year its own value, a month, quarter, half-year or nine months its year-to-date
/// row (<c>2026-YTD-M05</c>), a week or half-month none. One table, one place to add a case.
/// </summary>
public sealed class ReportPlanActualsTests
{
    private const string Indicator = "HNM.CTK.09.001";
    private const string Unit = "13285";

    private static ReportingPeriod P(string id)
    {
        Assert.True(ReportingPeriod.TryParse(id, out ReportingPeriod period), id);
        return period;
    }

    private static PlanTarget Yearly(int year, decimal value, string unit = Unit) =>
        new(Indicator, unit, string.Empty, P(year.ToString(CultureInfo.InvariantCulture)), PlanTargetKind.Yearly, value,
            new SubmissionId($"KH-{year}", unit, P(year.ToString(CultureInfo.InvariantCulture)), SubmissionKind.PlanTarget), Instant.FromUtc(year, 1, 5, 0, 0));

    /// <summary>Values as "period=value;…" of the indicator and unit (a "unit:" prefix for another unit).</summary>
    private static Dictionary<(string, string, ReportingPeriod), decimal> Values(string spec) =>
        spec.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            string[] kv = part.Split('=');
            string[] key = kv[0].Split(':');
            (string unit, string period) = key.Length == 2 ? (key[0], key[1]) : (Unit, key[0]);
            return (Key: (Indicator, unit, P(period)), Value: decimal.Parse(kv[1], CultureInfo.InvariantCulture));
        }).ToDictionary(x => x.Key, x => x.Value);

    [Theory]
    // A year: its own value.
    [InlineData("2026", "2026=50", "200", "25")]
    [InlineData("2026", "2026=50;2026-YTD-M12=80", "200", "25")]
    // A month: its year-to-date row, never its own value.
    [InlineData("2026-M05", "2026-M05=50;2026-YTD-M05=80", "200", "40")]
    [InlineData("2026-M05", "2026-M05=50", "200", null)]
    [InlineData("2026-M01", "2026-M01=50;2026-YTD-M01=50", "200", "25")]
    [InlineData("2026-M12", "2026-M12=30;2026-YTD-M12=210", "200", "105")]
    // A quarter, half-year, nine months: the year-to-date through their last month.
    [InlineData("2026-Q2", "2026-Q2=30;2026-YTD-M06=120;2026-YTD-M05=90", "200", "60")]
    [InlineData("2026-Q1", "2026-Q1=30;2026-YTD-M06=120", "200", null)]
    [InlineData("2026-S1", "2026-S1=100;2026-YTD-M06=120", "200", "60")]
    [InlineData("2026-9M", "2026-9M=140;2026-YTD-M09=150", "200", "75")]
    // A year-to-date period shown itself: its own value.
    [InlineData("2026-YTD-M05", "2026-YTD-M05=80", "200", "40")]
    // Weeks and half-months have no year-to-date row of their own.
    [InlineData("2026-W05", "2026-W05=10;2026-YTD-M01=50;2026-YTD-M02=70", "200", null)]
    [InlineData("2026-M07-H1", "2026-M07-H1=10;2026-YTD-M07=50", "200", null)]
    // Another year's or another unit's year-to-date is not this one's.
    [InlineData("2026-M05", "2026-M05=50;2025-YTD-M05=80", "200", null)]
    [InlineData("2026-M05", "2026-M05=50;13291:2026-YTD-M05=80", "200", null)]
    // No target, a zero target; rounding to two places, half away from zero.
    [InlineData("2026-M05", "2026-YTD-M05=80", null, null)]
    [InlineData("2026-M05", "2026-YTD-M05=80", "0", null)]
    [InlineData("2026-M03", "2026-YTD-M03=1", "3", "33.33")]
    [InlineData("2026-M03", "2026-YTD-M03=2", "3", "66.67")]
    [InlineData("2026-M03", "2026-YTD-M03=-2", "3", "-66.67")]
    public void The_percent_of_the_yearly_target(string shown, string values, string? target, string? expected)
    {
        var targets = target is null ? [] : new[] { Yearly(2026, decimal.Parse(target, CultureInfo.InvariantCulture)) };
        ReportingPeriod period = P(shown);

        var percents = ReportPlanActuals.Percentages([(Indicator, Unit, period)], Values(values),
            p => [.. targets.Where(t => PlanCompletion.AppliesTo(t, p))]);

        if (expected is null)
        {
            Assert.Empty(percents);
        }
        else
        {
            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Assert.Single(percents, kv => kv.Key == (Indicator, Unit, period)).Value);
        }
    }

    [Fact]
    public void A_month_is_compared_through_its_year_to_date_value_marked_cumulative()
    {
        DataValue? actual = ReportPlanActuals.ActualFor(Indicator, Unit, P("2026-M05"), Values("2026-M05=50;2026-YTD-M05=80"));

        Assert.NotNull(actual);
        Assert.Equal(80m, actual.Value);
        Assert.Equal(P("2026-M05"), actual.Period);
        Assert.Equal(FormColumnKind.CumulativeYearToDate, actual.Column);
    }

    [Fact]
    public void A_target_of_another_year_does_not_apply()
    {
        var percents = ReportPlanActuals.Percentages([(Indicator, Unit, P("2026-M05"))], Values("2026-YTD-M05=80"),
            p => [.. new[] { Yearly(2025, 200m) }.Where(t => PlanCompletion.AppliesTo(t, p))]);

        Assert.Empty(percents);
    }

    [Fact]
    public void Each_unit_and_period_shown_gets_its_own_percent_and_the_plans_are_asked_once_per_period()
    {
        var asked = new List<ReportingPeriod>();
        var targets = new[] { Yearly(2026, 200m), Yearly(2026, 400m, "13291") };
        var values = Values("2026-YTD-M05=80;2026-YTD-M06=100;13291:2026-YTD-M05=100;13291:2026-YTD-M06=300");

        var percents = ReportPlanActuals.Percentages(
            [(Indicator, Unit, P("2026-M05")), (Indicator, "13291", P("2026-M05")), (Indicator, Unit, P("2026-M06")), (Indicator, "13291", P("2026-M06")), (Indicator, Unit, P("2026-M05"))],
            values, p =>
            {
                asked.Add(p);
                return [.. targets.Where(t => PlanCompletion.AppliesTo(t, p))];
            });

        Assert.Equal(40m, percents[(Indicator, Unit, P("2026-M05"))]);
        Assert.Equal(25m, percents[(Indicator, "13291", P("2026-M05"))]);
        Assert.Equal(50m, percents[(Indicator, Unit, P("2026-M06"))]);
        Assert.Equal(75m, percents[(Indicator, "13291", P("2026-M06"))]);
        Assert.Equal(4, percents.Count);
        Assert.Equal([P("2026-M05"), P("2026-M06")], asked);
    }
}
