using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Ktxh.Cli;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>What one run of <c>ktxh</c> gave: its exit code and everything it wrote on stdout and stderr.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>For assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// Runs <c>ktxh</c> commands in-process, through <c>KtxhCli.Run</c>, as <c>samples/Ktxh.Cli/Program.cs</c> runs them.
/// The commands write with <see cref="Console"/> directly, so the console is redirected for the run: every test that
/// uses this runner is in the <see cref="ConsoleCollection"/>, which xUnit runs alone.
/// </summary>
public static class CliRunner
{
    private static readonly object Gate = new();

    /// <summary>Runs <c>ktxh <paramref name="args"/></c> and captures its output.</summary>
    public static CliResult Run(params string[] args)
    {
        lock (Gate)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            TextWriter oldOut = Console.Out;
            TextWriter oldError = Console.Error;
            Console.SetOut(stdout);
            Console.SetError(stderr);
            int exitCode;
            try
            {
                exitCode = KtxhCli.Run(args, new InvocationConfiguration { Output = stdout, Error = stderr });
            }
            finally
            {
                Console.SetOut(oldOut);
                Console.SetError(oldError);
            }

            return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
        }
    }

    /// <summary>
    /// Runs <c>ktxh <paramref name="args"/></c> as a separate process (<c>dotnet ktxh.dll</c>, copied beside the tests),
    /// for the commands that write to the process's standard output stream itself (<c>ktxh lunar --json</c>), which
    /// an in-process redirection cannot see.
    /// </summary>
    public static CliResult RunProcess(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "ktxh.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("ktxh " + string.Join(' ', args) + " did not finish within a minute");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>The tests that redirect the console: run one at a time, never beside another test.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection
{
}
