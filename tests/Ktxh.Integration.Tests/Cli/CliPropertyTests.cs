using System.Globalization;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Ktxh.Periods;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>Laws the CLI keeps for any date: lunar conversion round trips, is-working agrees with the library.</summary>
[Collection("Console")]
public partial class CliPropertyTests
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 150)]
    public void Lunar_conversion_round_trips_through_the_cli(CliLunarDate date)
    {
        string iso = date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string there = CliAssert.Succeeded(CliRunner.Run("lunar", iso));
        LunarDate expected = VietnameseLunarCalendar.FromGregorian(date.Value);
        Match lunar = LunarLine().Match(there);
        Assert.True(lunar.Success, there);
        Assert.Equal(expected.Day, int.Parse(lunar.Groups["day"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(expected.Month, int.Parse(lunar.Groups["month"].Value, CultureInfo.InvariantCulture));
        Assert.Equal(expected.IsLeapMonth, lunar.Groups["leap"].Success);
        Assert.Equal(expected.Year, int.Parse(lunar.Groups["year"].Value, CultureInfo.InvariantCulture));

        string[] back = ["lunar", "--to-gregorian", lunar.Groups["year"].Value, lunar.Groups["month"].Value, lunar.Groups["day"].Value, .. expected.IsLeapMonth ? new[] { "--leap" } : []];
        Assert.Contains("Dương lịch / Gregorian:  " + iso, CliAssert.Succeeded(CliRunner.Run(back)));
    }

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("1900-01-30")]
    public void A_date_before_the_lunar_table_is_refused_with_its_range(string iso)
    {
        CliResult result = CliRunner.Run("lunar", iso);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"The date {iso} is outside the supported lunar range (1900-01-31 to 2200-02-14", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Ngày {iso} nằm ngoài phạm vi âm lịch hỗ trợ", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 150)]
    public void Is_working_agrees_with_the_working_calendar(CliDate date)
    {
        WorkingCalendar calendar = WorkingCalendar.VietnamCivilService;
        CliResult result = CliRunner.Run("calendar", "is-working", date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(calendar.IsWorkingDay(date.Value) ? 0 : 1, result.ExitCode);
        Assert.Equal(calendar.IsForecast(date.Value.Year), result.Stdout.Contains("[dự báo / forecast]", StringComparison.Ordinal));
        if (!calendar.IsWorkingDay(date.Value))
        {
            Assert.Contains("next working day: " + calendar.NextWorkingDayOnOrAfter(date.Value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), result.Stdout);
        }
    }

    [GeneratedRegex(@"Âm lịch / Lunar:\s+(?<day>\d+)/(?<month>\d+)(?<leap> nhuận)?/(?<year>\d+) \(âm lịch\)")]
    private static partial Regex LunarLine();
}
