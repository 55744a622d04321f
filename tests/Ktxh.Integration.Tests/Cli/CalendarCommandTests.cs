using System.Text.Json;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh calendar</c>: the civil-service days off of a year. The 2026 facts are those of the Government Office's
/// dispatches (12729/VPCP-KGVX for New Year; the Tết and National Day 2026 decision) and Labor Code Art. 111–112.
/// </summary>
[Collection("Console")]
public class CalendarCommandTests
{
    [Theory]
    [InlineData("2026-01-01 Thu  PublicHoliday")]
    [InlineData("2026-01-02 Fri  Swap")]
    [InlineData("2026-02-16 Mon  PublicHoliday")]
    [InlineData("2026-02-17 Tue  PublicHoliday Tết Nguyên đán (mùng 1)")]
    [InlineData("2026-02-20 Fri  PublicHoliday")]
    [InlineData("2026-04-26 Sun  PublicHoliday Giỗ Tổ Hùng Vương")]
    [InlineData("2026-04-27 Mon  Compensation")]
    [InlineData("2026-04-30 Thu  PublicHoliday")]
    [InlineData("2026-05-01 Fri  PublicHoliday")]
    [InlineData("2026-08-31 Mon  Swap")]
    [InlineData("2026-09-01 Tue  PublicHoliday")]
    [InlineData("2026-09-02 Wed  PublicHoliday")]
    [InlineData("2026-01-10 Sat  thay cho / replaces 2026-01-02")]
    [InlineData("2026-08-22 Sat  thay cho / replaces 2026-08-31")]
    [InlineData("Chính thức / Official:")]
    [InlineData("12729/VPCP-KGVX")]
    // 261 weekdays − 13 weekdays off + 2 Saturdays worked.
    [InlineData("Số ngày làm việc / Working days: 250")]
    public void The_2026_calendar_lists_every_day_off(string line)
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("calendar", "2026"));
        Assert.Contains(line, stdout);
        Assert.DoesNotContain("FORECAST", stdout);
    }

    [Fact]
    public void The_2026_calendar_has_exactly_the_official_days_off()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("calendar", "2026"));
        string[] dates = stdout.Split('\n')
            .Where(l => l.Length > 14 && l[4] == '-' && l[7] == '-' && !l.Contains("thay cho", StringComparison.Ordinal))
            .Select(l => l[..10])
            .ToArray();
        Assert.Equal(
            ["2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
             "2026-04-26", "2026-04-27", "2026-04-30", "2026-05-01", "2026-08-31", "2026-09-01", "2026-09-02"],
            dates);
    }

    [Fact]
    public void Json_of_2026_is_official_with_Tet_and_its_source()
    {
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("calendar", "2026", "--json"));
        Assert.Equal(2026, json.GetProperty("year").GetInt32());
        Assert.Equal("official", json.GetProperty("status").GetString());
        Assert.Equal(250, json.GetProperty("workingDays").GetInt32());
        Assert.Contains(json.GetProperty("decisions").EnumerateArray(), d => d.GetProperty("Number").GetString() == "12729/VPCP-KGVX");

        JsonElement tet = json.GetProperty("daysOff").EnumerateArray().Single(d => d.GetProperty("date").GetString() == "2026-02-17");
        Assert.Equal("PublicHoliday", tet.GetProperty("reason").GetString());
        Assert.Contains("Tết Nguyên đán", tet.GetProperty("nameVi").GetString());
        Assert.Contains("Lunar New Year", tet.GetProperty("nameEn").GetString());
        // The days chosen by the Prime Minister (Government Office) within the five Tết days of Labor Code Art. 112(1).
        Assert.Contains("Văn phòng Chính phủ", tet.GetProperty("source").GetString());
        Assert.Contains("Điều 112 khoản 1", tet.GetProperty("source").GetString());
        Assert.False(tet.GetProperty("isForecast").GetBoolean());

        Assert.Equal(14, json.GetProperty("daysOff").GetArrayLength());
        JsonElement[] worked = [.. json.GetProperty("saturdaysWorked").EnumerateArray()];
        Assert.Equal(["2026-01-10", "2026-08-22"], worked.Select(w => w.GetProperty("date").GetString()));
        Assert.Equal(["2026-01-02", "2026-08-31"], worked.Select(w => w.GetProperty("replaces").GetString()));
    }

    [Fact]
    public void The_2027_calendar_is_a_forecast()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("calendar", "2027"));
        Assert.Contains("DỰ BÁO", stdout);
        Assert.Contains("FORECAST", stdout);
        Assert.DoesNotContain("Chính thức / Official", stdout);
        // Tết Đinh Mùi is Saturday 06/02/2027; the forecast gives five Tết days around it.
        Assert.Contains("2027-02-06", stdout);

        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("calendar", "2027", "--json"));
        Assert.Equal("forecast", json.GetProperty("status").GetString());
        JsonElement[] daysOff = [.. json.GetProperty("daysOff").EnumerateArray()];
        // Fixed-date holidays are certain by the Labor Code; the Tết days chosen by the Prime Minister are forecast.
        JsonElement[] tet = daysOff.Where(d => d.GetProperty("nameVi").GetString()!.StartsWith("Tết Nguyên đán", StringComparison.Ordinal)).ToArray();
        Assert.Equal(5, tet.Length);
        Assert.All(tet, d => Assert.True(d.GetProperty("isForecast").GetBoolean(), d.ToString()));
        Assert.Contains(tet, d => d.GetProperty("date").GetString() == "2027-02-06");
        JsonElement newYear = daysOff.Single(d => d.GetProperty("date").GetString() == "2027-01-01");
        Assert.False(newYear.GetProperty("isForecast").GetBoolean());
        Assert.Contains(daysOff, d => d.GetProperty("date").GetString() == "2027-09-02");
    }

    [Theory]
    [InlineData("2026-02-23", 0, "ngày làm việc / working day")] // Monday after Tết.
    [InlineData("2026-01-10", 0, "ngày làm việc / working day")] // A Saturday worked in exchange.
    [InlineData("2026-02-17", 1, "PublicHoliday")]
    [InlineData("2026-01-02", 1, "Swap")]
    [InlineData("2026-04-27", 1, "Compensation")]
    [InlineData("2026-03-07", 1, "nghỉ / day off")] // An ordinary Saturday.
    public void Is_working(string date, int exitCode, string expected)
    {
        CliResult result = CliRunner.Run("calendar", "is-working", date);
        Assert.True(result.ExitCode == exitCode, result.ToString());
        Assert.Contains(expected, result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void A_day_off_names_the_next_working_day()
    {
        CliResult result = CliRunner.Run("calendar", "is-working", "2026-02-16");
        Assert.Contains("Ngày làm việc tiếp theo / next working day: 2026-02-23", result.Stdout);
    }

    [Theory]
    [InlineData("1899")]
    [InlineData("2200")]
    public void A_year_outside_the_range_is_rejected(string year)
    {
        CliAssert.RejectedBilingually(CliRunner.Run("calendar", year), 2, "nằm ngoài phạm vi", "is outside 1900–2199");
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("26-02-17")]
    [InlineData("2300-01-01")]
    public void Is_working_rejects_a_bad_date(string date)
    {
        CliAssert.RejectedBilingually(CliRunner.Run("calendar", "is-working", date), 2, "Ngày không hợp lệ", "Invalid date");
    }
}
