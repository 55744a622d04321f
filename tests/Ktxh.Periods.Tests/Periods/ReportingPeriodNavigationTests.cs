using NodaTime;

namespace Ktxh.Periods.Tests.Periods;

/// <summary>Next, Previous, SamePeriodPreviousYear and Containing on the boundaries.</summary>
public class ReportingPeriodNavigationTests
{
    [Theory]
    [InlineData("2025-W52", "2026-W01")]
    [InlineData("2026-W53", "2027-W01")]
    [InlineData("2020-W53", "2021-W01")]
    [InlineData("2026-W52-SUN1", "2027-W01-SUN1")]
    [InlineData("2026-M07-H1", "2026-M07-H2")]
    [InlineData("2026-M12-H2", "2027-M01-H1")]
    [InlineData("2026-M12", "2027-M01")]
    [InlineData("2026-Q4", "2027-Q1")]
    [InlineData("2026-S2", "2027-S1")]
    [InlineData("2026-9M", "2027-9M")]
    [InlineData("2026", "2027")]
    [InlineData("2026-YTD-M05", "2026-YTD-M06")]
    [InlineData("2026-YTD-M12", "2027-YTD-M01")]
    [InlineData("2021-2025", "2026-2030")]
    [InlineData("2024-2026", "2027-2029")]
    public void Next_and_Previous(string id, string next)
    {
        Assert.Equal(next, ReportingPeriod.Parse(id).Next().Id);
        Assert.Equal(id, ReportingPeriod.Parse(next).Previous().Id);
    }

    [Theory]
    [InlineData("2026-W53", "2025-W52")]
    [InlineData("2026-W52", "2025-W52")]
    [InlineData("2021-W52", "2020-W52")]
    [InlineData("2021-W01", "2020-W01")]
    [InlineData("2026-W01", "2025-W01")]
    [InlineData("2024-M02-H2", "2023-M02-H2")]
    [InlineData("2024-M02", "2023-M02")]
    [InlineData("2026-Q3", "2025-Q3")]
    [InlineData("2026-S1", "2025-S1")]
    [InlineData("2026-9M", "2025-9M")]
    [InlineData("2026", "2025")]
    [InlineData("2026-YTD-M05", "2025-YTD-M05")]
    [InlineData("2021-2025", "2016-2020")]
    public void Same_period_previous_year(string id, string previousYear)
    {
        Assert.Equal(previousYear, ReportingPeriod.Parse(id).SamePeriodPreviousYear().Id);
    }

    [Fact]
    public void Week_53_of_2020_compares_with_the_last_week_of_2019()
    {
        // 2020 has 53 ISO weeks, 2019 has 52.
        Assert.Equal("2019-W52", ReportingPeriod.Week(2020, 53).SamePeriodPreviousYear().Id);
    }

    [Theory]
    [InlineData("2026-01-01", PeriodType.Week, "2026-W01")]
    [InlineData("2025-12-29", PeriodType.Week, "2026-W01")]
    [InlineData("2027-01-03", PeriodType.Week, "2026-W53")]
    [InlineData("2021-01-03", PeriodType.Week, "2020-W53")]
    [InlineData("2026-07-15", PeriodType.HalfMonth, "2026-M07-H1")]
    [InlineData("2026-07-16", PeriodType.HalfMonth, "2026-M07-H2")]
    [InlineData("2024-02-29", PeriodType.HalfMonth, "2024-M02-H2")]
    [InlineData("2024-02-29", PeriodType.Month, "2024-M02")]
    [InlineData("2026-03-31", PeriodType.Quarter, "2026-Q1")]
    [InlineData("2026-04-01", PeriodType.Quarter, "2026-Q2")]
    [InlineData("2026-06-30", PeriodType.HalfYear, "2026-S1")]
    [InlineData("2026-07-01", PeriodType.HalfYear, "2026-S2")]
    [InlineData("2026-09-30", PeriodType.NineMonths, "2026-9M")]
    [InlineData("2026-12-31", PeriodType.Year, "2026")]
    [InlineData("2026-05-20", PeriodType.YearToDate, "2026-YTD-M05")]
    [InlineData("2025-12-31", PeriodType.MultiYear, "2021-2025")]
    [InlineData("2026-01-01", PeriodType.MultiYear, "2026-2030")]
    [InlineData("2020-06-01", PeriodType.MultiYear, "2016-2020")]
    public void Containing(string date, PeriodType type, string id)
    {
        Assert.Equal(id, ReportingPeriod.Containing(ReportingPeriodBoundaryTests.D(date), type).Id);
    }

    [Fact]
    public void No_nine_month_period_contains_October_to_December()
    {
        var october = new LocalDate(2026, 10, 1);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Containing(october, PeriodType.NineMonths));
        Assert.Contains("October to December", ex.Message, StringComparison.Ordinal);
        Assert.False(ReportingPeriod.TryContaining(october, PeriodType.NineMonths, out _));
        Assert.False(ReportingPeriod.TryContaining(october, (PeriodType)42, out _));
    }

    [Fact]
    public void Containing_a_week_under_a_Sunday_rule()
    {
        var rule = new WeekRule(IsoDayOfWeek.Sunday, 1);
        var week = ReportingPeriod.Containing(new LocalDate(2026, 1, 1), PeriodType.Week, rule);
        Assert.Equal("2026-W01-SUN1", week.Id);
        Assert.Equal(new LocalDate(2025, 12, 28), week.Start);
    }

    [Fact]
    public void Multi_year_containing_other_cycles()
    {
        var d = new LocalDate(2026, 3, 1);
        Assert.Equal("2024-2026", ReportingPeriod.MultiYearContaining(d, 3, 2021).Id);
        Assert.Equal("2021-2030", ReportingPeriod.MultiYearContaining(d, 10, 2011).Id);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.MultiYearContaining(d, 1, 2021));
    }

    [Theory]
    [InlineData("2026-M07", "2026-07-31", true)]
    [InlineData("2026-M07", "2026-08-01", false)]
    [InlineData("2026-M07", "2026-06-30", false)]
    public void Contains_a_date(string id, string date, bool expected)
    {
        Assert.Equal(expected, ReportingPeriod.Parse(id).Contains(ReportingPeriodBoundaryTests.D(date)));
    }

    [Theory]
    [InlineData("2026-Q3", "2026-M07", true, true)]
    [InlineData("2026-M07", "2026-Q3", false, true)]
    [InlineData("2026-Q3", "2026-M10", false, false)]
    [InlineData("2026-W27", "2026-M07", false, true)]   // 29 June to 5 July 2026
    [InlineData("2026-9M", "2026-S2", false, true)]
    [InlineData("2021-2025", "2025-Q4", true, true)]
    [InlineData("2021-2025", "2026", false, false)]
    public void Contains_and_overlaps_periods(string a, string b, bool contains, bool overlaps)
    {
        var p = ReportingPeriod.Parse(a);
        var q = ReportingPeriod.Parse(b);
        Assert.Equal(contains, p.Contains(q));
        Assert.Equal(overlaps, p.Overlaps(q));
        Assert.Equal(overlaps, q.Overlaps(p));
    }

    [Theory]
    [InlineData("2026-W05", 7)]
    [InlineData("2026-M02-H2", 13)]
    [InlineData("2024-M02-H2", 14)]
    [InlineData("2026-M07-H1", 15)]
    [InlineData("2026-M07-H2", 16)]
    [InlineData("2024-M02", 29)]
    [InlineData("2026-Q1", 90)]
    [InlineData("2024-Q1", 91)]
    [InlineData("2026-S2", 184)]
    [InlineData("2026-9M", 273)]
    [InlineData("2024", 366)]
    [InlineData("2026", 365)]
    [InlineData("2021-2025", 1826)]
    public void Length_in_days(string id, int days)
    {
        Assert.Equal(days, ReportingPeriod.Parse(id).LengthInDays);
    }

    [Fact]
    public void Range_and_EnumerateBetween()
    {
        Assert.Equal(["2026-M11", "2026-M12", "2027-M01"], ReportingPeriod.Range(ReportingPeriod.Parse("2026-M11"), ReportingPeriod.Parse("2027-M01")).Select(p => p.Id));
        Assert.Empty(ReportingPeriod.Range(ReportingPeriod.Parse("2027-M01"), ReportingPeriod.Parse("2026-M11")));
        Assert.Throws<ArgumentException>(() => ReportingPeriod.Range(ReportingPeriod.Parse("2026-M01"), ReportingPeriod.Parse("2026-Q2")));
        Assert.Throws<ArgumentException>(() => ReportingPeriod.Range(ReportingPeriod.Parse("2021-2025"), ReportingPeriod.Parse("2027-2031")));
        Assert.Equal(["2021-2025", "2026-2030"], ReportingPeriod.Range(ReportingPeriod.Parse("2021-2025"), ReportingPeriod.Parse("2026-2030")).Select(p => p.Id));

        var from = new LocalDate(2025, 12, 20);
        var to = new LocalDate(2026, 1, 10);
        Assert.Equal(["2025-W51", "2025-W52", "2026-W01", "2026-W02"], ReportingPeriod.EnumerateBetween(from, to, PeriodType.Week).Select(p => p.Id));
        Assert.Equal(["2025-M12-H2", "2026-M01-H1"], ReportingPeriod.EnumerateBetween(from, to, PeriodType.HalfMonth).Select(p => p.Id));
        Assert.Equal(["2025-YTD-M12", "2026-YTD-M01"], ReportingPeriod.EnumerateBetween(from, to, PeriodType.YearToDate).Select(p => p.Id));
        Assert.Equal(["2026-9M"], ReportingPeriod.EnumerateBetween(from, to, PeriodType.NineMonths).Select(p => p.Id));
        Assert.Empty(ReportingPeriod.EnumerateBetween(new LocalDate(2026, 10, 1), new LocalDate(2026, 12, 31), PeriodType.NineMonths));
        Assert.Empty(ReportingPeriod.EnumerateBetween(to, from, PeriodType.Month));
    }
}
