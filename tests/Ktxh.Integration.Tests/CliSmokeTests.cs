namespace Ktxh.Integration.Tests;

/// <summary>The CLI's command list is wired: every command the README names is there.</summary>
public class CliSmokeTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("lunar")]
    [InlineData("calendar")]
    [InlineData("periods")]
    [InlineData("deadline")]
    public void The_command_is_registered(string name)
    {
        Assert.Contains(Ktxh.Cli.Commands.CommandCatalog.All(new Ktxh.Cli.CliContext(Ktxh.Cli.KtxhCli.Services, TextWriter.Null, TextWriter.Null)), c => c.Name == name);
    }
}
