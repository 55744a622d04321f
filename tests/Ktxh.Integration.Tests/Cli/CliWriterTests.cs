namespace Ktxh.Integration.Tests.Cli;

/// <summary>The CLI writes only to the writers it is given: runs side by side do not mix their output.</summary>
public class CliWriterTests
{
    [Fact]
    public void Concurrent_runs_each_get_their_own_output_and_errors()
    {
        string[][] commands =
        [
            ["calendar", "2026"],
            ["periods", "2026", "--type", "quarter"],
            ["units", "list", "--province", "01", "--as-of", "2026-01-01"],
            ["calendar", "1800"], // invalid: a message on the error writer only
        ];
        CliResult[] alone = commands.Select(CliRunner.Run).ToArray();
        CliResult[][] together = new CliResult[4][];
        Parallel.For(0, together.Length, i => together[i] = commands.Select(CliRunner.Run).ToArray());

        Assert.All(together, run => Assert.Equal(alone, run));
        Assert.All(alone.Take(3), r => Assert.True(r.ExitCode == 0 && r.Stdout.Length > 0 && r.Stderr.Length == 0, r.ToString()));
        CliAssert.RejectedBilingually(alone[3], 2, "Năm 1800 nằm ngoài phạm vi", "Year 1800 is outside");
    }
}
