namespace Ktxh.Integration.Tests.Cli;

/// <summary><c>ktxh demo</c> and the command list.</summary>
[Collection("Console")]
public class DemoCommandTests
{
    [Fact]
    public void Demo_runs()
    {
        // Exit code 0 means the province total equals the hand sum and remapping preserved the old total.
        string stdout = CliAssert.Succeeded(CliRunner.Run("demo"));
        Assert.StartsWith("Ktxh SDK — chu trình báo cáo mẫu / demo reporting cycle: tỉnh 37, kỳ 2026-M10", stdout);
        // The October 2026 monthly form is due on the 12th of the next month, a Thursday.
        Assert.Contains("12/11/2026", stdout);
        Assert.Matches(@"Kiểm tra bằng tay / hand check: Σ xã = ([\d,.]+); engine = \1\.", stdout);
        // The workflow: late units by working days, the missing one, the rejection's reason, the chain verified.
        Assert.Contains("trễ hạn / late: 3, chưa gửi / missing: 1", stdout);
        Assert.Matches(@"Trễ / late: \d+ 1 ngày làm việc / working days", stdout);
        Assert.Matches(@"Chưa gửi / missing: \d+ \(NotStarted\)", stdout);
        Assert.Contains("từ chối / the leader rejects: \"Tổng bán lẻ khác tổng các thành phần", stdout);
        Assert.Matches(@"đầu chuỗi / head [0-9a-f]{64}: đã kiểm / verified\.", stdout);

        // Issue 8 §5: the Vietnamese column "Độ tin cậy" in Vietnamese words; every outlier counted is printed.
        Assert.DoesNotMatch(@"(?m) (Estimate|Preliminary|Official)\s*$", stdout);
        Assert.Matches(@"(?m) (Ước tính|Sơ bộ|Chính thức)\s*$", stdout);
        var outlierCounts = System.Text.RegularExpressions.Regex.Matches(stdout, @"(?m)^  (OUTLIER_\w+): (\d+)\s*$");
        Assert.NotEmpty(outlierCounts);
        foreach (System.Text.RegularExpressions.Match counted in outlierCounts)
        {
            Assert.Equal(int.Parse(counted.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                System.Text.RegularExpressions.Regex.Matches(stdout, @"\] " + counted.Groups[1].Value + " ").Count);
        }
    }

    [Fact]
    public void Demo_lists_every_day_off_it_counts()
    {
        // Issue 8 §5: "N ngày nghỉ" is followed by N dated lines, one per day off, before the next heading.
        string stdout = CliAssert.Succeeded(CliRunner.Run("demo"));
        var count = System.Text.RegularExpressions.Regex.Match(stdout, @"Năm 2026: (\d+) ngày nghỉ");
        Assert.True(count.Success, "the demo states how many days off 2026 has");
        int stated = int.Parse(count.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        string[] after = stdout[(count.Index + count.Length)..].Split('\n').Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal)).ToArray();
        Assert.True(stated >= 10, $"2026 has at least the ten official holidays, stated {stated}");
        Assert.Equal(stated, after.Length);
        Assert.All(after, l => Assert.Matches(@"^  \d{2}/\d{2}/2026 \S.* / \S", l));
        Assert.Equal(stated, after.Distinct().Count());
    }

    [Theory]
    [InlineData("--period", "2026-Q4", "--period phải là một tháng", "--period must be a month")]
    [InlineData("--province", "99", "không có tỉnh mã '99'", "no province with code '99'")]
    public void Demo_rejects_bad_options_with_exit_code_2(string option, string value, string vi, string en)
    {
        CliAssert.RejectedBilingually(CliRunner.Run("demo", option, value), 2, vi, en);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        CliResult result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (string name in Ktxh.Cli.Commands.CommandCatalog.All(new Ktxh.Cli.CliContext(Ktxh.Cli.KtxhCli.Services, TextWriter.Null, TextWriter.Null)).Select(c => c.Name))
        {
            Assert.Contains(name, result.Stdout);
        }
    }
}
