namespace Ktxh.Periods.Tests.Periods;

/// <summary>The identifier grammar: what is accepted, what is rejected and where the error is reported.</summary>
public class ReportingPeriodParsingTests
{
    [Theory]
    [InlineData("2026-M13", 6, "The month must be 01 to 12")]
    [InlineData("2026-M00", 6, "The month must be 01 to 12")]
    [InlineData("2026-M7", 7, "2 digits")]
    [InlineData("2026-M123", 8, "exactly 2 digits")]
    [InlineData("2026-W54", 6, "01 to 53")]
    [InlineData("2025-W53", 6, "01 to 52 in 2025")]
    [InlineData("2026-W00", 6, "01 to 53")]
    [InlineData("2026-W5", 7, "2 digits")]
    [InlineData("2026-W05-MON4", 8, "without a rule suffix")]
    [InlineData("2026-W05-XYZ1", 9, "first day of the week")]
    [InlineData("2026-W05-SUN8", 12, "minimal days")]
    [InlineData("2026-W05-SUN1X", 13, "Unexpected characters")]
    [InlineData("2026-Q5", 6, "quarter must be 1 to 4")]
    [InlineData("2026-Q0", 6, "quarter must be 1 to 4")]
    [InlineData("2026-Q", 6, "quarter must be 1 to 4")]
    [InlineData("2026-Q12", 7, "Unexpected characters")]
    [InlineData("2026-S3", 6, "half-year must be 1 to 2")]
    [InlineData("2026-H1", 5, "Unknown period kind")]
    [InlineData("2026-M07-H3", 10, "half-month must be 1 or 2")]
    [InlineData("2026-M07-X1", 9, "H1' or 'H2")]
    [InlineData("2026-M07H1", 8, "Unexpected characters")]
    [InlineData("2026-9M1", 7, "Unexpected characters")]
    [InlineData("2026-9X", 6, "4-digit last year")]
    [InlineData("2026-YTD-M13", 10, "The month must be 01 to 12")]
    [InlineData("2026-YTD-5", 9, "YTD-M")]
    [InlineData("2026-YTD-M5", 11, "2 digits")]
    [InlineData("2025-2021", 5, "after the first year")]
    [InlineData("2025-2025", 5, "after the first year")]
    [InlineData("2021-25", 7, "4-digit last year")]
    [InlineData("2021-20255", 9, "Unexpected characters")]
    [InlineData("0000", 0, "0001 to 9999")]
    [InlineData("26-M07", 2, "4-digit year")]
    [InlineData("2026M07", 4, "'-' after the year")]
    [InlineData("2026-", 5, "Expected W, M, Q, S")]
    [InlineData("2026-m07", 5, "Unknown period kind")]
    [InlineData(" 2026", 0, "4-digit year")]
    [InlineData("2026 ", 4, "'-' after the year")]
    [InlineData("2026-M07 ", 8, "Unexpected characters")]
    [InlineData("２０２６", 0, "4-digit year")]
    [InlineData("", 0, "empty")]
    public void Invalid_identifiers_are_rejected_with_a_located_bilingual_error(string id, int position, string english)
    {
        var result = ReportingPeriod.ParseWithResult(id);
        Assert.False(result.Success);
        KtxhError error = Assert.Single(result.Errors);
        Assert.Equal(position, error.Location.Position);
        Assert.True(error.TryGetCode(out PeriodErrorCode code));
        Assert.Equal(id.Length == 0, code == PeriodErrorCode.Empty);
        Assert.Contains(code, new[] { PeriodErrorCode.Empty, PeriodErrorCode.InvalidSyntax, PeriodErrorCode.OutOfRange });
        Assert.Contains(english, error.MessageEn, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(error.MessageVi));
        Assert.NotEqual(error.MessageVi, error.MessageEn);

        Assert.False(ReportingPeriod.TryParse(id, out var period));
        Assert.True(period.IsDefault);
        var ex = Assert.Throws<KtxhException>(() => ReportingPeriod.Parse(id));
        Assert.IsAssignableFrom<FormatException>(ex);
        Assert.Equal(error, Assert.Single(ex.Errors));
        Assert.Contains(error.MessageVi, ex.Message, StringComparison.Ordinal);
        Assert.Contains(error.MessageEn, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"position {position}", ex.Message, StringComparison.Ordinal);
        Assert.Throws<KtxhException>(() => result.Value);
    }

    [Fact]
    public void TryParse_of_null_is_false_and_Parse_of_null_throws_ArgumentNullException()
    {
        Assert.False(ReportingPeriod.TryParse(null, out _));
        Assert.False(ReportingPeriod.ParseWithResult(null).Success);
        Assert.Throws<ArgumentNullException>(() => ReportingPeriod.Parse(null!));
    }

    [Theory]
    [InlineData("2026-W05", PeriodType.Week)]
    [InlineData("2026-W53", PeriodType.Week)]
    [InlineData("2020-W53", PeriodType.Week)]
    [InlineData("2026-W05-SUN1", PeriodType.Week)]
    [InlineData("2026-W05-MON1", PeriodType.Week)]
    [InlineData("2026-M07-H1", PeriodType.HalfMonth)]
    [InlineData("2026-M07-H2", PeriodType.HalfMonth)]
    [InlineData("2026-M07", PeriodType.Month)]
    [InlineData("2026-Q3", PeriodType.Quarter)]
    [InlineData("2026-S1", PeriodType.HalfYear)]
    [InlineData("2026-9M", PeriodType.NineMonths)]
    [InlineData("2026", PeriodType.Year)]
    [InlineData("0001", PeriodType.Year)]
    [InlineData("9999", PeriodType.Year)]
    [InlineData("2026-YTD-M05", PeriodType.YearToDate)]
    [InlineData("2021-2025", PeriodType.MultiYear)]
    public void Valid_identifiers_parse_to_their_kind_and_round_trip(string id, PeriodType type)
    {
        var period = ReportingPeriod.Parse(id);
        Assert.Equal(type, period.Type);
        Assert.Equal(id, period.Id);
        Assert.True(ReportingPeriod.ParseWithResult(id).Success);
    }

    [Fact]
    public void Equality_comparison_and_hashing_are_by_value()
    {
        Assert.Equal(ReportingPeriod.Parse("2026-M07"), ReportingPeriod.Month(2026, 7));
        Assert.Equal(ReportingPeriod.Parse("2026-M07").GetHashCode(), ReportingPeriod.Month(2026, 7).GetHashCode());
        // Same days, different kinds: not equal, ordered by kind.
        Assert.NotEqual(ReportingPeriod.Quarter(2026, 1), ReportingPeriod.YearToDate(2026, 3));
        Assert.True(ReportingPeriod.Quarter(2026, 1) < ReportingPeriod.YearToDate(2026, 3));
        // Same days, different week rules are different weeks.
        Assert.NotEqual(ReportingPeriod.Parse("2026-W02"), ReportingPeriod.Parse("2026-W02-MON1"));
        var sorted = new[] { "2026-M08", "2026", "2026-M07", "2026-Q3", "2025-M12" }.Select(ReportingPeriod.Parse).Order().Select(p => p.Id);
        Assert.Equal(["2025-M12", "2026", "2026-M07", "2026-Q3", "2026-M08"], sorted);
    }

    [Fact]
    public void Default_value_is_not_a_period()
    {
        var d = default(ReportingPeriod);
        Assert.True(d.IsDefault);
        Assert.Equal(string.Empty, d.Id);
        Assert.Throws<InvalidOperationException>(() => d.Next());
        Assert.Throws<InvalidOperationException>(() => d.SamePeriodPreviousYear());
        Assert.False(CutoffConvention.Calendar.WindowFor(d).Success);
    }
}
