using System.CommandLine;

namespace Ktxh.Cli.Commands;

/// <summary><c>ktxh demo</c>: the demo reporting cycle on the built-in catalogue and calendar (the main job).</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var command = new Command("demo", "Run the demo reporting cycle on the built-in catalogue and calendar.");
        command.SetAction(_ =>
        {
            Console.WriteLine("Ktxh demo reporting cycle");
            return 0;
        });
        return command;
    }
}
