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
/// Runs <c>ktxh</c> commands in-process, through <c>KtxhCli.Run</c>, as <c>samples/Ktxh.Cli/Program.cs</c> runs them,
/// but with writers of the test's own: the commands write only to the writers they are given, never to the global
/// <see cref="Console"/>, so runs need no redirection and no lock.
/// </summary>
public static class CliRunner
{
    /// <summary>Runs <c>ktxh <paramref name="args"/></c> and captures its output.</summary>
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exitCode = KtxhCli.Run(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs <c>ktxh <paramref name="args"/></c> as a separate process (<c>dotnet ktxh.dll</c>, copied beside the tests),
    /// to check what the real process writes on its standard streams (its encoding and exit code included).
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

/// <summary>The CLI tests: run one at a time (several start processes or run the whole demo; the machine is small).</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection
{
}
