namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// Issue 9 §2: <c>ktxh aggregate</c> on a file spanning 1 July 2025. 00013 Phường Quán Thánh went whole into 00004 Phường
/// Ba Đình (Hà Nội, 01); 00016 Phường Ngọc Hà was split without shares. HNM.CTK.09.002 is retail sales, monthly.
/// </summary>
[Collection("Console")]
public sealed class AggregateReformCommandTests : IDisposable
{
    private const string Retail = "HNM.CTK.09.002";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Values() => temp.Write("values.csv",
        "indicator,unit,period,value",
        $"{Retail},00013,2025-M06,10",
        $"{Retail},00016,2025-M06,3",
        $"{Retail},00004,2025-M07,5",
        $"{Retail},01.CTK,2025-M07,1");

    [Fact]
    public void Each_period_is_aggregated_on_the_units_in_force_in_it()
    {
        CliResult result = CliRunner.Run("aggregate", "--values", Values(), "--out", temp.File("out.csv"));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("4 giá trị vào / values in, 0 bị loại / rejected", result.Stdout);
        Dictionary<(string Unit, string Period), string[]> rows = Read(temp.File("out.csv"));
        Assert.Equal("10", rows[("00013", "2025-M06")][3]);
        Assert.Equal("13", rows[("01", "2025-M06")][3]);       // old Hà Nội
        Assert.Equal("13", rows[("001", "2025-M06")][3]);      // old district Ba Đình
        Assert.Equal("6", rows[("01", "2025-M07")][3]);        // new Hà Nội: a commune and the statistics office
        Assert.Equal("1", rows[("01.CTK", "2025-M07")][3]);
        Assert.Equal("19", rows[("01", "2025")][3]);
        Assert.Contains("UnitsChanged", rows[("01", "2025")][7], StringComparison.Ordinal);
        Assert.Equal("19", rows[("VN", "2025-YTD-M07")][3]);
        Assert.False(rows.ContainsKey(("00004", "2025")));
    }

    [Fact]
    public void On_current_units_remaps_first_and_rejects_what_it_cannot_split()
    {
        CliResult result = CliRunner.Run("aggregate", "--values", Values(), "--out", temp.File("out.csv"), "--on-current-units");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 bị loại / rejected", result.Stdout);
        Assert.Contains("00016", result.Stderr, StringComparison.Ordinal);
        Dictionary<(string Unit, string Period), string[]> rows = Read(temp.File("out.csv"));
        Assert.Equal("10", rows[("00004", "2025-M06")][3]);    // Quán Thánh's June on Ba Đình
        Assert.Equal("15", rows[("00004", "2025-YTD-M07")][3]);
        Assert.False(rows.ContainsKey(("00013", "2025-M06")));
        Assert.DoesNotContain(rows.Values, r => r[7].Contains("UnitsChanged", StringComparison.Ordinal));
    }

    private static Dictionary<(string Unit, string Period), string[]> Read(string path) =>
        File.ReadAllLines(path).Skip(1)
            .Select(l => l.Split(','))
            .Where(r => r[0] == Retail)
            .ToDictionary(r => (r[1], r[2]), r => r);
}
