namespace Ktxh.Integration.Tests.Cli;

/// <summary><c>ktxh demo</c> and the command list.</summary>
[Collection("Console")]
public class DemoCommandTests
{
    [Fact]
    public void Demo_runs()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("demo"));
        Assert.Contains("Ktxh demo reporting cycle", stdout);
    }

    [Fact]
    public void Help_lists_every_command()
    {
        CliResult result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (string name in Ktxh.Cli.Commands.CommandCatalog.All().Select(c => c.Name))
        {
            Assert.Contains(name, result.Stdout);
        }
    }
}
