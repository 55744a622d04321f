using System.CommandLine;
using Ktxh.Cli.Commands;

namespace Ktxh.Cli;

/// <summary>
/// The <c>ktxh</c> command line as one object: the root command with every command of <see cref="CommandCatalog"/>,
/// and the rule that a command line System.CommandLine cannot parse (an unknown option, a missing required value) is
/// invalid input like any other: a message in Vietnamese and English on the error stream, nothing on the output
/// stream, exit code 2.
/// </summary>
internal static class KtxhCli
{
    /// <summary>Exit code for input the command cannot accept (bad options, arguments or values).</summary>
    public const int InvalidInput = 2;

    /// <summary>Creates the root command with every top-level command.</summary>
    public static RootCommand CreateRoot()
    {
        var root = new RootCommand("ktxh: Vietnam socio-economic indicator reporting tools (Ktxh SDK)");
        foreach (var command in CommandCatalog.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="configuration">Where output and errors go; the console when null.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, InvocationConfiguration? configuration = null)
    {
        var parsed = CreateRoot().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            TextWriter error = configuration?.Error ?? Console.Error;
            foreach (var problem in parsed.Errors)
            {
                // Our own validators already speak both languages; System.CommandLine's own messages are English only.
                error.WriteLine(problem.Message.Contains(" / ", StringComparison.Ordinal)
                    ? $"Dòng lệnh không hợp lệ / Invalid command line: {problem.Message}"
                    : $"Dòng lệnh không hợp lệ: {problem.Message} / Invalid command line: {problem.Message}");
            }

            error.WriteLine("Xem cách dùng: ktxh --help hoặc ktxh <lệnh> --help. / For usage: ktxh --help or ktxh <command> --help.");
            return InvalidInput;
        }

        return configuration is null ? parsed.Invoke() : parsed.Invoke(configuration);
    }
}
