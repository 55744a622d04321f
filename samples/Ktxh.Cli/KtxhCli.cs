using System.CommandLine;
using System.Globalization;
using Ktxh.Aggregation;
using Ktxh.Cli.Commands;
using Ktxh.Indicators;
using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;

namespace Ktxh.Cli;

/// <summary>
/// The <c>ktxh</c> command line as one object: the packages composed once in a service collection, as a host would
/// compose them (<c>AddKtxh…</c>); the root command with every command of <see cref="CommandCatalog"/>; and the rules
/// every command keeps (issue 8 §4):
/// <list type="bullet">
/// <item>exit code 0 for success, 1 for a negative answer about valid input (a date that is not a working day, values
/// that fail a rule), 2 for input the command cannot accept;</item>
/// <item>on exit code 2 a message in Vietnamese and English on the error writer and nothing on the output writer (the
/// output of a run is held back until its exit code is known, so a command that fails part-way prints nothing);</item>
/// <item>a command line System.CommandLine cannot parse is invalid input like any other, told in the project's own
/// words in both languages (never System.CommandLine's English text, never a .NET type name);</item>
/// <item>an exception no command expected ends the run with <see cref="InternalError"/> and a bilingual message
/// without the exception's text (a bug to report, never a stack trace).</item>
/// </list>
/// </summary>
internal static class KtxhCli
{
    /// <summary>Exit code for a negative answer about valid input.</summary>
    public const int Negative = 1;

    /// <summary>Exit code for input the command cannot accept (bad options, arguments, values or files).</summary>
    public const int InvalidInput = 2;

    /// <summary>Exit code for a failure no command expected (a bug in ktxh); EX_SOFTWARE of sysexits.h.</summary>
    public const int InternalError = 70;

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

        // The output waits for the exit code: on invalid input nothing of it is shown.
        var held = new StringWriter(CultureInfo.InvariantCulture) { NewLine = output.NewLine };

        // Numbers are written one way whatever the machine's culture (a Vietnamese culture would print 1.5 as "1,5"),
        // and System.CommandLine's texts do not switch language under the user's culture.
        CultureInfo culture = CultureInfo.CurrentCulture;
        CultureInfo uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        int exit;
        try
        {
            exit = RunHeld(args, held, error);
        }
        catch (Exception)
        {
            // Deliberately without the exception's text: it would be English, name .NET types and may leak paths.
            error.WriteLine("Lỗi nội bộ của ktxh (không do dữ liệu vào); xin báo lỗi kèm dòng lệnh đã chạy. / "
                + "Internal error in ktxh (not caused by the input); please report it with the command line that was run.");
            return InternalError;
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }

        if (exit != InvalidInput)
        {
            output.Write(held.ToString());
            output.Flush();
        }

        return exit;
    }

    private static int RunHeld(string[] args, TextWriter output, TextWriter error)
    {
        var parsed = CreateRoot(output, error).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (string message in CommandLineMessages.Describe(parsed))
            {
                error.WriteLine($"Dòng lệnh không hợp lệ / Invalid command line: {message}");
            }

            error.WriteLine("Xem cách dùng: ktxh --help hoặc ktxh <lệnh> --help. / For usage: ktxh --help or ktxh <command> --help.");
            return InvalidInput;
        }

        // Help and System.CommandLine's own output go to the same writers; an exception reaches Run's last resort.
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }
}
