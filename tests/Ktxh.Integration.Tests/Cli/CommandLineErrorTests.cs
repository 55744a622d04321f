namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// Command lines that System.CommandLine itself cannot parse are invalid input like any other: exit 2, a message in
/// Vietnamese and English on stderr, nothing on stdout (KtxhCli.Run).
/// </summary>
[Collection("Console")]
public class CommandLineErrorTests
{
    [Theory]
    [InlineData("calendar", "abc")]
    [InlineData("aggregate", "--out", "x.csv")]
    [InlineData("deadline", "--bogus", "x")]
    [InlineData("deadline", "--type", "Foo", "--year", "2026", "--rule", "day-of-month-after:12")]
    [InlineData("periods", "2026", "--type", "Foo")]
    [InlineData("no-such-command")]
    public void An_unparsable_command_line_is_rejected_bilingually(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("Dòng lệnh không hợp lệ", result.Stderr);
        Assert.Contains("Invalid command line", result.Stderr);
    }

    [Theory]
    [InlineData("Quarter", 4)]
    [InlineData("quarter", 4)]
    [InlineData("HalfMonth", 24)]
    [InlineData("half-month", 24)]
    public void Period_types_are_accepted_in_any_case_and_by_either_name(string type, int count)
    {
        var result = CliRunner.Run("periods", "2026", "--type", type, "--json");

        var json = CliAssert.SucceededWithJson(result);
        Assert.Equal(count, json.GetArrayLength());
    }

    [Fact]
    public void A_year_out_of_range_is_invalid_input()
    {
        var result = CliRunner.Run("periods", "0", "--type", "month");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(" / ", result.Stderr);
    }

    [Theory]
    [InlineData("month", 12)]
    [InlineData("year", 1)]
    public void The_last_supported_year_lists_its_periods(string type, int count)
    {
        var json = CliAssert.SucceededWithJson(CliRunner.Run("periods", "9999", "--type", type, "--json"));

        Assert.Equal(count, json.GetArrayLength());
    }

    [Fact]
    public void Json_output_goes_through_the_redirectable_console()
    {
        var lunar = CliAssert.SucceededWithJson(CliRunner.Run("lunar", "2026-02-17", "--json"));
        var catalogue = CliAssert.SucceededWithJson(CliRunner.Run("catalogue", "show", "--agency", "KBNN", "--json"));

        Assert.Equal(1, lunar.GetProperty("lunar").GetProperty("day").GetInt32());
        Assert.Equal(2, catalogue.GetArrayLength());
    }

    [Fact]
    public void A_deadline_past_the_calendar_has_no_dotnet_exception_tail()
    {
        var result = CliRunner.Run("deadline", "--rule", "day-of-month-after:12", "--period", "2199-M12");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("1900–2199", result.Stderr);
        Assert.DoesNotContain("(Parameter", result.Stderr);
        Assert.DoesNotContain("Actual value", result.Stderr);
    }
}
