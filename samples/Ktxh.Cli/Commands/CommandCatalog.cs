using System.CommandLine;

namespace Ktxh.Cli.Commands;

/// <summary>The list of the CLI's top-level commands, in the order <c>ktxh --help</c> shows them.</summary>
internal static class CommandCatalog
{
    /// <summary>Creates every top-level command, each running with <paramref name="cli"/>'s services and writers.</summary>
    public static IEnumerable<Command> All(CliContext cli)
    {
        yield return new DemoCommand(cli).Create();
        yield return new LunarCommand(cli).Create();
        yield return new CalendarCommand(cli).Create();
        yield return new PeriodsCommand(cli).Create();
        yield return new DeadlineCommand(cli).Create();
        yield return new UnitOfMeasureCommand(cli).Create();
        yield return new UnitsCommand(cli).Create();
        yield return new CatalogueCommand(cli).Create();
        yield return new AggregateCommand(cli).Create();
        yield return new ValidateCommand(cli).Create();
        yield return new ExcelCommand(cli).Create();
        yield return new WorkflowCommand(cli).Create();
    }
}
