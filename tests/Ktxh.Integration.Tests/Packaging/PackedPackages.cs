using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Ktxh.Integration.Tests.Packaging;

/// <summary>The package tests share one packing of the projects.</summary>
[CollectionDefinition("Packages")]
public sealed class PackagesCollection : ICollectionFixture<PackedPackages>
{
}

/// <summary>
/// Packs every shipped project (<c>src/*/*.csproj</c>) once, with a plain <c>dotnet pack -c Release</c> into a temporary
/// folder, for the package tests; deletes the folder afterwards.
/// </summary>
public sealed class PackedPackages : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Packs the projects.</summary>
    public PackedPackages()
    {
        RepositoryRoot = FindRepositoryRoot();
        OutputDirectory = Path.Combine(Path.GetTempPath(), "ktxh-pack-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(OutputDirectory);
        Projects = Directory.GetDirectories(Path.Combine(RepositoryRoot, "src"))
            .Select(d => Path.Combine(d, Path.GetFileName(d) + ".csproj"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToArray();
        foreach (string project in Projects)
        {
            Pack(project);
        }
    }

    /// <summary>The folder holding <c>Ktxh.Sdk.sln</c>.</summary>
    public string RepositoryRoot { get; }

    /// <summary>Where the packages were written.</summary>
    public string OutputDirectory { get; }

    /// <summary>Every shipped project, <c>src/X/X.csproj</c>.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>The package ids: the project names.</summary>
    public IEnumerable<string> PackageIds => Projects.Select(Path.GetFileNameWithoutExtension)!;

    /// <summary>The path of the .nupkg (or .snupkg) of <paramref name="id"/>.</summary>
    public string PackagePath(string id, string extension = "nupkg")
    {
        string[] found = Directory.GetFiles(OutputDirectory, $"{id}.*.{extension}")
            .Where(f => IsVersionedName(Path.GetFileName(f), id, extension))
            .ToArray();
        Assert.True(found.Length == 1, $"expected one {id}.<version>.{extension} in {OutputDirectory}, found {found.Length}");
        return found[0];
    }

    /// <summary>Opens the package <paramref name="id"/> as a zip.</summary>
    public ZipArchive Open(string id, string extension = "nupkg") => ZipFile.OpenRead(PackagePath(id, extension));

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }

    /// <summary>The repository root: the first folder above the test binaries with <c>Ktxh.Sdk.sln</c>.</summary>
    public static string FindRepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ktxh.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Ktxh.Sdk.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in the repository root; returns exit code and output.</summary>
    public static (int ExitCode, string Output) RunDotnet(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may run under `dotnet test`, whose MSBuild settings must not leak into a separate build.
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {timeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private void Pack(string project)
    {
        (int exitCode, string output) = RunDotnet(RepositoryRoot, PackTimeout,
            "pack", project, "-c", "Release", "-o", OutputDirectory, "--disable-build-servers", "-nologo");
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"dotnet pack {project} failed with exit code {exitCode}:\n{output}");
        }
    }

    // "Ktxh.Periods.0.1.0.nupkg" but not "Ktxh.Periods.Extra.0.1.0.nupkg".
    private static bool IsVersionedName(string fileName, string id, string extension)
    {
        string version = fileName[(id.Length + 1)..^(extension.Length + 1)];
        return version.Length > 0 && char.IsDigit(version[0]);
    }
}
