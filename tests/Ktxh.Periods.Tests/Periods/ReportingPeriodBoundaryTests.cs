using NodaTime;

namespace Ktxh.Periods.Tests.Periods;

/// <summary>Table tests: the first and last day of every kind of period, including leap years and ISO week edges.</summary>
public class ReportingPeriodBoundaryTests
{
    public static TheoryData<string, string, string, int> Boundaries => new()
    {
        // ISO weeks: week 1 may start in the previous December; 2020 and 2026 have 53 weeks.
        { "2026-W01", "2025-12-29", "2026-01-04", 2026 },
        { "2026-W05", "2026-01-26", "2026-02-01", 2026 },
        { "2026-W53", "2026-12-28", "2027-01-03", 2026 },
        { "2027-W01", "2027-01-04", "2027-01-10", 2027 },
        { "2020-W01", "2019-12-30", "2020-01-05", 2020 },
        { "2020-W53", "2020-12-28", "2021-01-03", 2020 },
        { "2021-W01", "2021-01-04", "2021-01-10", 2021 },
        { "2015-W53", "2015-12-28", "2016-01-03", 2015 },
        { "2025-W01", "2024-12-30", "2025-01-05", 2025 },
        { "2025-W52", "2025-12-22", "2025-12-28", 2025 },
        { "2024-W01", "2024-01-01", "2024-01-07", 2024 },
        // Non-ISO weeks: Sunday start, week 1 holds 1 January.
        { "2026-W01-SUN1", "2025-12-28", "2026-01-03", 2026 },
        { "2026-W05-SUN1", "2026-01-25", "2026-01-31", 2026 },
        { "2022-W01-SUN1", "2021-12-26", "2022-01-01", 2022 },
        { "2026-W01-SAT7", "2026-01-03", "2026-01-09", 2026 },
        // Half-months.
        { "2026-M07-H1", "2026-07-01", "2026-07-15", 2026 },
        { "2026-M07-H2", "2026-07-16", "2026-07-31", 2026 },
        { "2024-M02-H2", "2024-02-16", "2024-02-29", 2024 },
        { "2026-M02-H2", "2026-02-16", "2026-02-28", 2026 },
        { "2026-M04-H2", "2026-04-16", "2026-04-30", 2026 },
        // Months, leap and common Februaries, 1900 (not leap) and 2000 (leap).
        { "2026-M07", "2026-07-01", "2026-07-31", 2026 },
        { "2024-M02", "2024-02-01", "2024-02-29", 2024 },
        { "2026-M02", "2026-02-01", "2026-02-28", 2026 },
        { "1900-M02", "1900-02-01", "1900-02-28", 1900 },
        { "2000-M02", "2000-02-01", "2000-02-29", 2000 },
        { "2026-M12", "2026-12-01", "2026-12-31", 2026 },
        // Quarters, half-years, nine months, years.
        { "2026-Q1", "2026-01-01", "2026-03-31", 2026 },
        { "2026-Q2", "2026-04-01", "2026-06-30", 2026 },
        { "2026-Q3", "2026-07-01", "2026-09-30", 2026 },
        { "2026-Q4", "2026-10-01", "2026-12-31", 2026 },
        { "2026-S1", "2026-01-01", "2026-06-30", 2026 },
        { "2026-S2", "2026-07-01", "2026-12-31", 2026 },
        { "2026-9M", "2026-01-01", "2026-09-30", 2026 },
        { "2026", "2026-01-01", "2026-12-31", 2026 },
        { "2024", "2024-01-01", "2024-12-31", 2024 },
        // Year to date and multi-year.
        { "2026-YTD-M01", "2026-01-01", "2026-01-31", 2026 },
        { "2024-YTD-M02", "2024-01-01", "2024-02-29", 2024 },
        { "2026-YTD-M05", "2026-01-01", "2026-05-31", 2026 },
        { "2026-YTD-M12", "2026-01-01", "2026-12-31", 2026 },
        { "2021-2025", "2021-01-01", "2025-12-31", 2021 },
        { "2026-2030", "2026-01-01", "2030-12-31", 2026 },
        { "2024-2026", "2024-01-01", "2026-12-31", 2024 },
    };

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void Parsed_period_has_the_documented_first_and_last_day(string id, string start, string end, int year)
    {
        var period = ReportingPeriod.Parse(id);
        Assert.Equal(D(start), period.Start);
        Assert.Equal(D(end), period.End);
        Assert.Equal(year, period.Year);
        Assert.Equal(id, period.Id);
    }

    public static TheoryData<ReportingPeriod, string> Factories => new()
    {
        { ReportingPeriod.Week(2026, 5), "2026-W05" },
        { ReportingPeriod.Week(2026, 5, new WeekRule(IsoDayOfWeek.Sunday, 1)), "2026-W05-SUN1" },
        { ReportingPeriod.HalfMonth(2026, 7, 1), "2026-M07-H1" },
        { ReportingPeriod.Month(2026, 7), "2026-M07" },
        { ReportingPeriod.Quarter(2026, 3), "2026-Q3" },
        { ReportingPeriod.HalfYear(2026, 1), "2026-S1" },
        { ReportingPeriod.NineMonths(2026), "2026-9M" },
        { ReportingPeriod.Year(2026), "2026" },
        { ReportingPeriod.CalendarYear(2026), "2026" },
        { ReportingPeriod.YearToDate(2026, 5), "2026-YTD-M05" },
        { ReportingPeriod.MultiYear(2021, 2025), "2021-2025" },
    };

    [Theory]
    [MemberData(nameof(Factories))]
    public void Factories_produce_the_canonical_identifier(ReportingPeriod period, string id)
    {
        Assert.Equal(id, period.Id);
        Assert.Equal(id, period.ToString());
    }

    [Theory]
    [InlineData(2026, 53)]
    [InlineData(2020, 53)]
    [InlineData(2015, 53)]
    [InlineData(2009, 53)]
    [InlineData(2032, 53)]
    [InlineData(2025, 52)]
    [InlineData(2024, 52)]
    [InlineData(2021, 52)]
    public void Iso_week_years_have_52_or_53_weeks(int year, int weeks)
    {
        Assert.Equal(weeks, ReportingPeriod.Containing(new LocalDate(year, 12, 28), PeriodType.Week).WeekNumber);
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportingPeriod.Week(year, weeks + 1));
    }

    [Fact]
    public void Iso_weeks_agree_with_NodaTime_week_year_rules_for_every_day_of_four_centuries()
    {
        var rule = NodaTime.Calendars.WeekYearRules.Iso;
        for (var d = new LocalDate(1900, 1, 1); d <= new LocalDate(2300, 12, 31); d = d.PlusDays(1))
        {
            var week = ReportingPeriod.Containing(d, PeriodType.Week);
            if (week.Year != rule.GetWeekYear(d) || week.WeekNumber != rule.GetWeekOfWeekYear(d))
            {
                Assert.Fail($"{d}: {week.Id}, NodaTime {rule.GetWeekYear(d)}-W{rule.GetWeekOfWeekYear(d)}");
            }
        }
    }

    [Theory]
    [InlineData(IsoDayOfWeek.Sunday, 1)]
    [InlineData(IsoDayOfWeek.Sunday, 4)]
    [InlineData(IsoDayOfWeek.Saturday, 7)]
    [InlineData(IsoDayOfWeek.Wednesday, 4)]
    [InlineData(IsoDayOfWeek.Monday, 1)]
    public void Non_iso_weeks_agree_with_NodaTime_week_year_rules(IsoDayOfWeek firstDay, int minDays)
    {
        var noda = NodaTime.Calendars.WeekYearRules.ForMinDaysInFirstWeek(minDays, firstDay);
        var rule = new WeekRule(firstDay, minDays);
        for (var d = new LocalDate(1990, 1, 1); d <= new LocalDate(2060, 12, 31); d = d.PlusDays(1))
        {
            var week = ReportingPeriod.Containing(d, PeriodType.Week, rule);
            if (week.Year != noda.GetWeekYear(d) || week.WeekNumber != noda.GetWeekOfWeekYear(d) || week.Start.DayOfWeek != firstDay)
            {
                Assert.Fail($"{d}: {week.Id}, NodaTime {noda.GetWeekYear(d)}-W{noda.GetWeekOfWeekYear(d)}");
            }
        }
    }

    internal static LocalDate D(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}
