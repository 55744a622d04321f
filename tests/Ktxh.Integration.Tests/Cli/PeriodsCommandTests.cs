using System.Text.Json;

namespace Ktxh.Integration.Tests.Cli;

/// <summary><c>ktxh periods</c>: the reporting periods of a year and their cut-off windows (Decree 09/2019/NĐ-CP Art. 12).</summary>
[Collection("Console")]
public class PeriodsCommandTests
{
    [Fact]
    public void The_quarters_of_2026()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("periods", "2026", "--type", "quarter"));
        string[] rows = Rows(stdout);
        Assert.Equal(
            ["2026-Q1 2026-01-01 2026-03-31", "2026-Q2 2026-04-01 2026-06-30", "2026-Q3 2026-07-01 2026-09-30", "2026-Q4 2026-10-01 2026-12-31"],
            rows);
    }

    [Theory]
    [InlineData("month", 12, "2026-M02 2026-02-01 2026-02-28")]
    [InlineData("half-year", 2, "2026-S2 2026-07-01 2026-12-31")]
    [InlineData("year", 1, "2026 2026-01-01 2026-12-31")]
    [InlineData("nine-months", 1, "2026-9M 2026-01-01 2026-09-30")]
    [InlineData("ytd", 12, "2026-01-01 2026-03-31")]
    // 2026 begins on a Thursday, so its ISO week-year has 53 weeks, the first from Monday 29/12/2025.
    [InlineData("week", 53, "2026-W01 2025-12-29 2026-01-04")]
    [InlineData("half-month", 24, "2026-M02-H2 2026-02-16 2026-02-28")]
    public void The_periods_of_2026(string type, int count, string expectedRow)
    {
        string[] rows = Rows(CliAssert.Succeeded(CliRunner.Run("periods", "2026", "-t", type)));
        Assert.Equal(count, rows.Length);
        Assert.Contains(rows, r => r.Contains(expectedRow, StringComparison.Ordinal));
    }

    [Theory]
    // Decree 09/2019/NĐ-CP Art. 12: monthly = 15th of the previous month to the 14th of the reporting month.
    [InlineData("month", "2026-M01", "2025-12-15", "2026-01-14")]
    [InlineData("month", "2026-M03", "2026-02-15", "2026-03-14")]
    // Quarterly = 15th of the month before the quarter to the 14th of its last month.
    [InlineData("quarter", "2026-Q1", "2025-12-15", "2026-03-14")]
    [InlineData("quarter", "2026-Q3", "2026-06-15", "2026-09-14")]
    // First half = 15/12 of the previous year to 14/6; second half = 15/6 to 14/12.
    [InlineData("half-year", "2026-S1", "2025-12-15", "2026-06-14")]
    [InlineData("half-year", "2026-S2", "2026-06-15", "2026-12-14")]
    // Annual = 15/12 of the previous year to 14/12.
    [InlineData("year", "2026", "2025-12-15", "2026-12-14")]
    public void Json_with_decree09_cutoff_windows(string type, string id, string cutoffStart, string cutoffEnd)
    {
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("periods", "2026", "--type", type, "--cutoff", "decree09", "--json"));
        JsonElement row = json.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        Assert.Equal(cutoffStart, row.GetProperty("cutoff").GetProperty("start").GetString());
        Assert.Equal(cutoffEnd, row.GetProperty("cutoff").GetProperty("end").GetString());
    }

    [Fact]
    public void Json_lists_the_quarters_with_their_days()
    {
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("periods", "2026", "--type", "quarter", "--json"));
        Assert.Equal(
            ["2026-Q1|2026-01-01|2026-03-31", "2026-Q2|2026-04-01|2026-06-30", "2026-Q3|2026-07-01|2026-09-30", "2026-Q4|2026-10-01|2026-12-31"],
            json.EnumerateArray().Select(r => $"{r.GetProperty("id").GetString()}|{r.GetProperty("start").GetString()}|{r.GetProperty("end").GetString()}"));
        Assert.All(json.EnumerateArray(), r => Assert.False(r.TryGetProperty("cutoff", out _)));
    }

    [Fact]
    public void The_calendar_cutoff_is_the_period_itself()
    {
        string[] rows = Rows(CliAssert.Succeeded(CliRunner.Run("periods", "2026", "--type", "month", "--cutoff", "calendar")));
        Assert.Contains("2026-M02 2026-02-01 2026-02-28 2026-02-01..2026-02-28", rows);
    }

    [Fact]
    public void A_year_out_of_range_is_rejected_bilingually()
    {
        CliResult result = CliRunner.Run("periods", "0", "--type", "month");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("Năm phải từ 1", result.Stderr);
        Assert.Contains("The year must be 1", result.Stderr);
    }

    private static string[] Rows(string stdout) => stdout
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Skip(1) // the header
        .Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        .ToArray();
}
