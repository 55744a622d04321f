using System.CommandLine;

namespace Ktxh.Cli.Commands;

/// <summary>The list of the CLI's top-level commands, in the order <c>ktxh --help</c> shows them.</summary>
internal static class CommandCatalog
{
    /// <summary>Creates every top-level command.</summary>
    public static IEnumerable<Command> All()
    {
        yield return DemoCommand.Create();
        yield return LunarCommand.Create();
        yield return CalendarCommand.Create();
        yield return PeriodsCommand.Create();
        yield return DeadlineCommand.Create();
        yield return UnitOfMeasureCommand.Create();
        yield return UnitsCommand.Create();
        yield return CatalogueCommand.Create();
        yield return AggregateCommand.Create();
        yield return ValidateCommand.Create();
        yield return ExcelCommand.Create();
    }
}
