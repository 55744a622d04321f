using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Periods.Tests.Deadlines;

public class DeadlineRuleParsingTests
{
    public static TheoryData<string, DeadlineRuleKind, int, int, int> Canonical => new()
    {
        { "day-of-month-after:12", DeadlineRuleKind.DayOfMonthAfterPeriod, 12, 1, 0 },
        { "day-of-month-after:20:2", DeadlineRuleKind.DayOfMonthAfterPeriod, 20, 2, 0 },
        { "day-of-last-month:25", DeadlineRuleKind.DayOfLastMonthOfPeriod, 25, 0, 0 },
        { "working-days-after-cutoff:3", DeadlineRuleKind.WorkingDaysAfterCutoff, 0, 3, 0 },
        { "days-after-period:0", DeadlineRuleKind.CalendarDaysAfterPeriod, 0, 0, 0 },
        { "days-after-period:20", DeadlineRuleKind.CalendarDaysAfterPeriod, 0, 20, 0 },
        { "fixed-date:09-15", DeadlineRuleKind.FixedDateInLaterYear, 15, 1, 9 },
        { "fixed-date:03-31:2", DeadlineRuleKind.FixedDateInLaterYear, 31, 2, 3 },
    };

    [Theory]
    [MemberData(nameof(Canonical))]
    public void Canonical_text_parses_and_round_trips(string text, DeadlineRuleKind kind, int day, int offset, int month)
    {
        var rule = DeadlineRule.Parse(text);

        Assert.Equal(kind, rule.Kind);
        Assert.Equal(day, rule.Day);
        Assert.Equal(offset, rule.Offset);
        Assert.Equal(month, rule.Month);
        Assert.Equal(text, rule.Id);
        Assert.Equal(rule, DeadlineRule.Parse(rule.Id));
    }

    [Fact]
    public void An_explicit_date_round_trips()
    {
        var rule = DeadlineRule.Parse("date:2026-03-31");

        Assert.Equal(new LocalDate(2026, 3, 31), rule.Date);
        Assert.Equal("date:2026-03-31", rule.Id);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("next-month", 0)]
    [InlineData("day-of-month-after", 0)]
    [InlineData("day-of-month-after:0", 19)]
    [InlineData("day-of-month-after:32", 19)]
    [InlineData("day-of-month-after:-1", 19)]
    [InlineData("day-of-month-after:1:13", 19)]
    [InlineData("day-of-month-after: 5", 19)]
    [InlineData("day-of-last-month:x", 18)]
    [InlineData("working-days-after-cutoff:0", 26)]
    [InlineData("fixed-date:9-15", 11)]
    [InlineData("fixed-date:02-30", 11)]
    [InlineData("fixed-date:13-01", 11)]
    [InlineData("date:2026-02-30", 5)]
    [InlineData("date:2026-02-03:1", 0)]
    public void Bad_text_gets_a_located_bilingual_error(string text, int position)
    {
        var result = DeadlineRule.ParseWithResult(text);

        Assert.False(result.Success);
        Assert.Equal(position, result.Errors[0].Location.Position);
        Assert.False(string.IsNullOrWhiteSpace(result.Errors[0].MessageVi));
        Assert.False(string.IsNullOrWhiteSpace(result.Errors[0].MessageEn));
        Assert.False(DeadlineRule.TryParse(text, out _));
        Assert.Throws<KtxhException>(() => DeadlineRule.Parse(text));
    }

    [Fact]
    public void Factories_reject_out_of_range_parameters()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.DayOfMonthAfterPeriod(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.DayOfLastMonthOfPeriod(32));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.WorkingDaysAfterCutoff(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.CalendarDaysAfterPeriod(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.FixedDateInLaterYear(4, 31));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeadlineRule.FixedDateInLaterYear(9, 15, 0));
    }
}

public class DeadlineRuleJsonTests
{
    private sealed record FormSchedule(string Form, DeadlineRule Rule);

    [Fact]
    public void A_rule_is_written_as_its_canonical_text_and_read_back()
    {
        var value = new FormSchedule("001.T/BCC-KHĐT", DeadlineRule.DayOfMonthAfterPeriod(12));

        string json = System.Text.Json.JsonSerializer.Serialize(value, KtxhPeriodsJson.Options);

        Assert.Contains("\"rule\":\"day-of-month-after:12\"", json);
        Assert.Equal(value, System.Text.Json.JsonSerializer.Deserialize<FormSchedule>(json, KtxhPeriodsJson.Options));
    }

    [Theory]
    [InlineData("{\"form\":\"x\",\"rule\":\"day-of-month-after:40\"}")]
    [InlineData("{\"form\":\"x\",\"rule\":12}")]
    public void Bad_rules_in_JSON_are_located_errors(string json)
    {
        var error = Assert.Throws<System.Text.Json.JsonException>(
            () => System.Text.Json.JsonSerializer.Deserialize<FormSchedule>(json, KtxhPeriodsJson.Options));

        Assert.Equal("$.rule", error.Path);
        Assert.Contains(" / ", error.Message);
    }
}
