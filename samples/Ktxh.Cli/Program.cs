using System.CommandLine;
using Ktxh.Cli.Commands;

// The `ktxh` command line. Each command lives in its own file under Commands/ and registers itself here.
var root = new RootCommand("ktxh: Vietnam socio-economic indicator reporting tools (Ktxh SDK)");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
