using Microsoft.Extensions.DependencyInjection;

namespace Ktxh.Cli;

/// <summary>
/// What a command runs with: the services the CLI composed once (<see cref="KtxhCli.Services"/>, as a host would) and
/// the writers of this run, so that nothing writes to the global <see cref="Console"/>.
/// </summary>
/// <param name="Services">The CLI's service provider.</param>
/// <param name="Out">Where results go (standard output for the real CLI).</param>
/// <param name="Error">Where messages about invalid input go (standard error for the real CLI).</param>
internal sealed record CliContext(IServiceProvider Services, TextWriter Out, TextWriter Error)
{
    /// <summary>A service the CLI registered.</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();
}
