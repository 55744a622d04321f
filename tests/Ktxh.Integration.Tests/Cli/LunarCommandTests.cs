using System.Text.Json;

namespace Ktxh.Integration.Tests.Cli;

/// <summary><c>ktxh lunar</c>: gregorian ↔ Vietnamese lunar dates (facts from DOMAIN.md and the published calendars).</summary>
[Collection("Console")]
public class LunarCommandTests
{
    [Theory]
    // Tết Bính Ngọ 2026 is Tuesday 17/02/2026.
    [InlineData("2026-02-17", "1/1/2026 (âm lịch)", "Bính Ngọ", "không có / none")]
    // Tết 1985 was 21/1 in Vietnam (20/2 in China): DOMAIN.md.
    [InlineData("1985-01-21", "1/1/1985 (âm lịch)", "Ất Sửu", null)]
    // Tết 2007 was 17/2 in Vietnam (18/2 in China).
    [InlineData("2007-02-17", "1/1/2007 (âm lịch)", "Đinh Hợi", null)]
    // Tết 2030 is 2/2 in Vietnam (3/2 in China).
    [InlineData("2030-02-02", "1/1/2030 (âm lịch)", "Canh Tuất", null)]
    // Giỗ Tổ Hùng Vương (10/3 lunar) 2023 was Saturday 29/04/2023.
    [InlineData("2023-04-29", "10/3/2023 (âm lịch)", "Quý Mão", null)]
    // 2020 had a leap 4th month, starting 23/05/2020.
    [InlineData("2020-05-23", "1/4 nhuận/2020 (âm lịch)", "Canh Tý", "tháng 4 nhuận / leap month 4")]
    public void Gregorian_to_lunar(string date, string lunar, string canChi, string? leapText)
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("lunar", date));
        Assert.Contains("Dương lịch / Gregorian:  " + date, stdout);
        Assert.Contains("Âm lịch / Lunar:         " + lunar, stdout);
        Assert.Contains($"Năm / Year:              {canChi} (", stdout);
        if (leapText is not null)
        {
            Assert.Contains(leapText, stdout);
        }
    }

    [Theory]
    [InlineData(new[] { "--to-gregorian", "2023", "3", "10" }, "2023-04-29")]
    [InlineData(new[] { "--to-gregorian", "2026", "1", "1" }, "2026-02-17")]
    [InlineData(new[] { "--to-gregorian", "2020", "4", "15", "--leap" }, "2020-06-06")]
    [InlineData(new[] { "--to-gregorian", "2020-04L-15" }, "2020-06-06")]
    [InlineData(new[] { "--to-gregorian", "2020", "4", "15" }, "2020-05-07")]
    [InlineData(new[] { "-g", "2030", "1", "1" }, "2030-02-02")]
    public void Lunar_to_gregorian(string[] args, string gregorian)
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run(["lunar", .. args]));
        Assert.Contains("Dương lịch / Gregorian:  " + gregorian, stdout);
    }

    [Fact]
    public void Json_output_has_the_lunar_date_its_year_name_and_new_year()
    {
        // As a process: what the real ktxh writes on its standard output, encoding included.
        CliResult result = CliRunner.RunProcess("lunar", "2026-02-17", "--json");
        JsonElement json = CliAssert.SucceededWithJson(result);
        Assert.Equal("2026-02-17", json.GetProperty("gregorian").GetString());
        JsonElement lunar = json.GetProperty("lunar");
        Assert.Equal(2026, lunar.GetProperty("year").GetInt32());
        Assert.Equal(1, lunar.GetProperty("month").GetInt32());
        Assert.Equal(1, lunar.GetProperty("day").GetInt32());
        Assert.False(lunar.GetProperty("isLeapMonth").GetBoolean());
        Assert.Equal("2026-01-01", lunar.GetProperty("iso").GetString());
        Assert.Equal("Bính Ngọ", json.GetProperty("canChiYear").GetString());
        Assert.Equal(0, json.GetProperty("leapMonthOfYear").GetInt32());
        Assert.Equal("2026-02-17", json.GetProperty("newYear").GetString());
    }

    [Fact]
    public void Json_output_of_a_leap_month_date()
    {
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.RunProcess("lunar", "--to-gregorian", "2020-04L-15", "--json"));
        Assert.Equal("2020-06-06", json.GetProperty("gregorian").GetString());
        Assert.True(json.GetProperty("lunar").GetProperty("isLeapMonth").GetBoolean());
        Assert.Equal(4, json.GetProperty("leapMonthOfYear").GetInt32());
        Assert.Equal("Canh Tý", json.GetProperty("canChiYear").GetString());
    }

    [Theory]
    [InlineData(new[] { "lunar" }, "Thiếu ngày", "Missing date")]
    [InlineData(new[] { "lunar", "2026-13-01" }, "không hợp lệ", "is invalid")]
    [InlineData(new[] { "lunar", "17/02/2026" }, "không hợp lệ", "is invalid")]
    [InlineData(new[] { "lunar", "2026-02-17", "--leap" }, "--leap", "--leap only goes with --to-gregorian")]
    [InlineData(new[] { "lunar", "--to-gregorian", "2023", "x", "10" }, "không hợp lệ", "is invalid")]
    [InlineData(new[] { "lunar", "--to-gregorian", "2023", "3" }, "không hợp lệ", "is invalid")]
    [InlineData(new[] { "lunar", "2026-02-17", "--bogus" }, "không hiểu được", "Unrecognised")]
    public void Invalid_input_is_rejected_bilingually_with_exit_code_2(string[] args, string vi, string en)
    {
        CliAssert.RejectedBilingually(CliRunner.Run(args), 2, vi, en);
    }

    [Theory]
    [InlineData("--to-gregorian", "2021", "4", "1", "--leap")] // 2021 has no leap month.
    [InlineData("--to-gregorian", "2023", "3", "31")] // A lunar month has 29 or 30 days.
    [InlineData("1899-12-31")] // Outside the supported range 1900–2199.
    public void Dates_that_do_not_exist_are_rejected_with_exit_code_2(params string[] args)
    {
        CliResult result = CliRunner.Run(["lunar", .. args]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Empty(result.Stdout);
        Assert.Contains("Lỗi: ", result.Stderr);
        Assert.Contains("Error: ", result.Stderr);
    }

    [Fact]
    public void Json_errors_are_json_with_both_messages_on_stderr()
    {
        CliResult result = CliRunner.RunProcess("lunar", "2026-13-01", "--json");
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout); // issue 8 §4: nothing on stdout on error, with --json too; the JSON error is on stderr
        using JsonDocument document = JsonDocument.Parse(result.Stderr);
        JsonElement error = document.RootElement.GetProperty("error");
        Assert.Equal("date", error.GetProperty("field").GetString());
        Assert.Contains("không hợp lệ", error.GetProperty("messageVi").GetString());
        Assert.Contains("is invalid", error.GetProperty("messageEn").GetString());
    }
}
