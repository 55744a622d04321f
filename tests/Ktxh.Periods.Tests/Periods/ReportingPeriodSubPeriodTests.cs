namespace Ktxh.Periods.Tests.Periods;

/// <summary>The sub-periods of a period and the weeks of a month.</summary>
public class ReportingPeriodSubPeriodTests
{
    [Theory]
    [InlineData("2026-Q3", PeriodType.Month, "2026-M07 2026-M08 2026-M09")]
    [InlineData("2026-M07", PeriodType.HalfMonth, "2026-M07-H1 2026-M07-H2")]
    [InlineData("2026", PeriodType.Quarter, "2026-Q1 2026-Q2 2026-Q3 2026-Q4")]
    [InlineData("2026", PeriodType.HalfYear, "2026-S1 2026-S2")]
    [InlineData("2026-S2", PeriodType.Quarter, "2026-Q3 2026-Q4")]
    [InlineData("2026-9M", PeriodType.Quarter, "2026-Q1 2026-Q2 2026-Q3")]
    [InlineData("2026-9M", PeriodType.HalfYear, "2026-S1")]
    [InlineData("2026-YTD-M02", PeriodType.Month, "2026-M01 2026-M02")]
    [InlineData("2021-2025", PeriodType.Year, "2021 2022 2023 2024 2025")]
    [InlineData("2026-M07", PeriodType.Quarter, "")]
    [InlineData("2026-W27", PeriodType.Month, "")]
    [InlineData("2026-M01", PeriodType.Week, "2026-W01 2026-W02 2026-W03 2026-W04 2026-W05")]
    [InlineData("2026-M02", PeriodType.Week, "2026-W06 2026-W07 2026-W08 2026-W09")]
    [InlineData("2026-M12", PeriodType.Week, "2026-W49 2026-W50 2026-W51 2026-W52 2026-W53")]
    [InlineData("2026-W05", PeriodType.Week, "2026-W05")]
    [InlineData("2026-W05-SUN1", PeriodType.Week, "2026-W05-SUN1")]
    public void Sub_periods(string id, PeriodType type, string expected)
    {
        Assert.Equal(expected, string.Join(' ', ReportingPeriod.Parse(id).SubPeriods(type).Select(p => p.Id)));
    }

    [Theory]
    [InlineData(WeekMembership.AnchorDay, "2026-W01 2026-W02 2026-W03 2026-W04 2026-W05")]
    [InlineData(WeekMembership.Overlapping, "2026-W01 2026-W02 2026-W03 2026-W04 2026-W05")]
    [InlineData(WeekMembership.Contained, "2026-W02 2026-W03 2026-W04")]
    public void Weeks_of_January_2026(WeekMembership membership, string expected)
    {
        // January 2026 runs Thursday 1 to Saturday 31: W01 starts 29 December, W05 ends 1 February.
        Assert.Equal(expected, string.Join(' ', ReportingPeriod.Month(2026, 1).Weeks(membership).Select(p => p.Id)));
    }

    [Fact]
    public void Weeks_of_March_2026_by_overlap_include_the_week_that_belongs_to_February()
    {
        // 1 March 2026 is a Sunday: W09 (23 Feb–1 Mar) overlaps March, but its Thursday is in February.
        Assert.Equal("2026-W09", ReportingPeriod.Month(2026, 3).Weeks(WeekMembership.Overlapping)[0].Id);
        Assert.Equal("2026-W10", ReportingPeriod.Month(2026, 3).Weeks(WeekMembership.AnchorDay)[0].Id);
    }

    [Theory]
    [InlineData(PeriodType.NineMonths)]
    [InlineData(PeriodType.YearToDate)]
    [InlineData(PeriodType.MultiYear)]
    public void Cumulative_kinds_are_not_sub_periods(PeriodType type)
    {
        Assert.Throws<ArgumentException>(() => ReportingPeriod.CalendarYear(2026).SubPeriods(type));
    }
}
