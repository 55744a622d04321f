using System.CommandLine;
using Ktxh.Aggregation;
using Ktxh.Cli.Commands;
using Ktxh.Indicators;
using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;

namespace Ktxh.Cli;

/// <summary>
/// The <c>ktxh</c> command line as one object: the packages composed once in a service collection, as a host would
/// compose them (<c>AddKtxh…</c>); the root command with every command of <see cref="CommandCatalog"/>; and the rule
/// that a command line System.CommandLine cannot parse (an unknown option, a missing required value) is invalid input
/// like any other: a message in Vietnamese and English on the error writer, nothing on the output writer, exit code 2.
/// </summary>
internal static class KtxhCli
{
    /// <summary>Exit code for input the command cannot accept (bad options, arguments or values).</summary>
    public const int InvalidInput = 2;

    // Built once, on first use; the services are immutable singletons, safe for concurrent runs.
    private static readonly Lazy<ServiceProvider> Provider = new(() => new ServiceCollection()
        .AddKtxhPeriods()
        .AddKtxhIndicators()
        .AddKtxhReportingUnits()
        .AddKtxhAggregation()
        .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));

    /// <summary>The services every command resolves what it needs from.</summary>
    public static IServiceProvider Services => Provider.Value;

    /// <summary>Creates the root command with every top-level command, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static RootCommand CreateRoot(TextWriter output, TextWriter error)
    {
        var cli = new CliContext(Services, output, error);
        var root = new RootCommand("ktxh: Vietnam socio-economic indicator reporting tools (Ktxh SDK)");
        foreach (var command in CommandCatalog.All(cli))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where results go (standard output for the real CLI).</param>
    /// <param name="error">Where messages about invalid input go (standard error for the real CLI).</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var parsed = CreateRoot(output, error).Parse(args);
        if (parsed.Errors.Count > 0)
        {
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

        // Help and System.CommandLine's own output go to the same writers.
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
