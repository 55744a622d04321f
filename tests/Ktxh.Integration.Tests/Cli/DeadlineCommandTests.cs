using System.Text.Json;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh deadline</c>: deadlines on the civil-service calendar. A deadline on a rest day or holiday moves to the next
/// working day (seed 002 Điều 14.2; Civil Code 2015 Art. 148(5)).
/// </summary>
[Collection("Console")]
public class DeadlineCommandTests
{
    [Theory]
    // 15/02/2026 is a Sunday, 16–20/02 is Tết, 21–22/02 a weekend: the report is due Monday 23/02/2026.
    [InlineData("day-of-month-after:15", "2026-M01", "calendar", "2026-02-15", "2026-02-23", true)]
    // 12/03/2026 is a Thursday.
    [InlineData("day-of-month-after:12", "2026-M02", "calendar", "2026-03-12", "2026-03-12", false)]
    // 25/04/2026 is a Saturday, 26/04 Sunday (Hùng Kings), 27/04 its compensation day: Tuesday 28/04.
    [InlineData("day-of-last-month:25", "2026-M04", "decree09", "2026-04-25", "2026-04-28", true)]
    // 25/03/2026 is a Wednesday.
    [InlineData("day-of-last-month:25", "2026-Q1", "decree09", "2026-03-25", "2026-03-25", false)]
    // Decree 09 cut-off of January ends Wednesday 14/01; three working days after it: 15, 16, 19/01.
    [InlineData("working-days-after-cutoff:3", "2026-M01", "decree09", "2026-01-19", "2026-01-19", false)]
    // 01/09/2026 and 02/09/2026 are National Day: Thursday 03/09.
    [InlineData("date:2026-09-01", "2026-M07", "calendar", "2026-09-01", "2026-09-03", true)]
    // 31/08/2026 is swapped (worked on Saturday 22/08): the next working day is Thursday 03/09.
    [InlineData("day-of-month-after:31", "2026-M07", "calendar", "2026-08-31", "2026-09-03", true)]
    public void Json_deadline_of_one_period(string rule, string period, string cutoff, string nominal, string effective, bool moved)
    {
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("deadline", "--rule", rule, "--period", period, "--cutoff", cutoff, "--json"));
        JsonElement row = Assert.Single(json.EnumerateArray());
        Assert.Equal(period, row.GetProperty("period").GetString());
        Assert.Equal(rule, row.GetProperty("rule").GetString());
        Assert.Equal(nominal, row.GetProperty("nominal").GetString());
        Assert.Equal(effective, row.GetProperty("effective").GetString());
        Assert.Equal(moved, row.GetProperty("moved").GetBoolean());
        Assert.False(row.GetProperty("forecast").GetBoolean());
        Assert.Equal(moved, row.GetProperty("reasonVi").GetString()!.Length > 0);
        Assert.Equal(moved, row.GetProperty("reasonEn").GetString()!.Length > 0);
    }

    [Fact]
    public void Text_deadline_says_why_it_moved()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("deadline", "--rule", "day-of-month-after:15", "--period", "2026-M01"));
        Assert.Contains("15/02/2026", stdout);
        Assert.Contains("23/02/2026 *", stdout);
        Assert.Contains("Tết Nguyên đán (mùng 1)", stdout);
        Assert.Contains("Civil Code 2015 Art. 148(5)", stdout);
        Assert.Contains("Bộ luật Dân sự 2015 Điều 148 khoản 5", stdout);
    }

    [Fact]
    public void The_monthly_schedule_of_2026()
    {
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("deadline", "--rule", "day-of-last-month:25", "--year", "2026", "--type", "Month", "--json"));
        string[] effective = json.EnumerateArray().Select(r => r.GetProperty("effective").GetString()!).ToArray();
        Assert.Equal(
            ["2026-01-26", "2026-02-25", "2026-03-25", "2026-04-28", "2026-05-25", "2026-06-25",
             "2026-07-27", "2026-08-25", "2026-09-25", "2026-10-26", "2026-11-25", "2026-12-25"],
            effective);
    }

    [Fact]
    public void A_deadline_in_a_forecast_year_says_so()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("deadline", "--rule", "day-of-month-after:12", "--period", "2027-M03"));
        Assert.Contains("dự báo / forecast", stdout);
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("deadline", "--rule", "day-of-month-after:12", "--period", "2027-M03", "--json"));
        Assert.True(json[0].GetProperty("forecast").GetBoolean());
    }

    [Theory]
    [InlineData(new[] { "--rule", "bogus:1", "--period", "2026-M01" }, "--rule")]
    [InlineData(new[] { "--rule", "day-of-month-after:15", "--period", "2026-M13" }, "--period")]
    [InlineData(new[] { "--rule", "day-of-month-after:15", "--period", "2026-M01", "--cutoff", "weekly" }, "--cutoff")]
    [InlineData(new[] { "--rule", "day-of-month-after:15" }, "--period")]
    [InlineData(new[] { "--rule", "day-of-month-after:15", "--year", "2026" }, "--type")]
    [InlineData(new[] { "--rule", "day-of-month-after:15", "--period", "2026-M01", "--year", "2026" }, "--period")]
    // Decree 09 sets no cut-off window for weeks.
    [InlineData(new[] { "--rule", "working-days-after-cutoff:3", "--period", "2026-W05", "--cutoff", "decree09" }, "2026-W05")]
    // The deadline of December 2199 falls in 2200, past the working calendar.
    [InlineData(new[] { "--rule", "day-of-month-after:12", "--period", "2199-M12" }, "1900–2199")]
    public void Invalid_input_is_rejected_with_exit_code_2(string[] args, string names)
    {
        CliResult result = CliRunner.Run(["deadline", .. args]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Contains(names, result.Stderr);
        Assert.Contains(" / ", result.Stderr); // "Vietnamese / English"
        Assert.Matches("[ảãạăâđêơưếệởợụ]", result.Stderr);
    }
}
