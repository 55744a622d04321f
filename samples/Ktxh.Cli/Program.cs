using System.Text;
using Ktxh.Cli;

// The `ktxh` command line. Each command lives in its own file under Commands/ and is listed in CommandCatalog.
// The process is the host: it owns the console and hands its writers to the CLI (UTF-8, for the Vietnamese letters).
Console.OutputEncoding = Encoding.UTF8;
return KtxhCli.Run(args, Console.Out, Console.Error);
