using System.Collections.Immutable;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Ktxh.Integration.Tests.Packaging;

/// <summary>
/// The NuGet packages as a host receives them: <c>dotnet pack</c> of every project under <c>src/</c>, then each .nupkg
/// opened and checked against DESIGN.md (dependencies between packages, nothing upward, no test or benchmark packages),
/// the package conventions (README at the root and named in the nuspec, XML documentation beside the assembly, symbols
/// package) and the built-in data (every data file embedded, byte for byte).
/// </summary>
[Trait("Category", "Packaging")]
[Collection("Packages")]
public sealed class PackageTests
{
    private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection.Abstractions";
    private const string Options = "Microsoft.Extensions.Options";

    /// <summary>DESIGN.md "Dependencies between packages": the direct dependencies each package must have.</summary>
    private static readonly Dictionary<string, string[]> RequiredDependencies = new(StringComparer.Ordinal)
    {
        ["Ktxh.Core"] = [],
        ["Ktxh.Periods"] = ["Ktxh.Core", "NodaTime", "NodaTime.Serialization.SystemTextJson", DependencyInjection, Options],
        ["Ktxh.Indicators"] = ["Ktxh.Periods", DependencyInjection, Options],
        ["Ktxh.Aggregation"] = ["Ktxh.Indicators", DependencyInjection, "Microsoft.Extensions.Options"],
        ["Ktxh.Workflow"] = ["Ktxh.Indicators", DependencyInjection],
        ["Ktxh.Excel"] = ["Ktxh.Indicators", "ClosedXML", DependencyInjection],
        ["Ktxh.Workflow.Sqlite"] = ["Ktxh.Workflow", "Microsoft.Data.Sqlite", DependencyInjection],
        ["Ktxh.Workflow.PostgreSql"] = ["Ktxh.Workflow", "Npgsql", DependencyInjection],
    };

    /// <summary>Packages no shipped package may depend on: test, benchmark and tool packages, and the DI container itself.</summary>
    private static readonly string[] ForbiddenPrefixes =
    [
        "xunit", "FsCheck", "Microsoft.NET.Test.Sdk", "NodaTime.Testing", "BenchmarkDotNet", "DuckDB", "System.CommandLine",
        "coverlet", "Moq", "NSubstitute",
    ];

    private readonly PackedPackages packages;

    public PackageTests(PackedPackages packages) => this.packages = packages;

    /// <summary>The shipped packages: one per folder under src/.</summary>
    public static TheoryData<string> ShippedPackages()
    {
        string src = Path.Combine(PackedPackages.FindRepositoryRoot(), "src");
        return new TheoryData<string>(Directory.GetDirectories(src)
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!);
    }

    [Fact]
    public void The_first_packages_are_packed()
    {
        Assert.Superset(new HashSet<string> { "Ktxh.Core", "Ktxh.Periods", "Ktxh.Indicators", "Ktxh.Aggregation" }, packages.PackageIds.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(ShippedPackages))]
    public void The_readme_is_at_the_root_and_named_in_the_nuspec(string id)
    {
        using ZipArchive zip = packages.Open(id);
        XElement metadata = Metadata(zip, id);
        Assert.Equal(id, Child(metadata, "id")?.Value);
        Assert.Equal("README.md", Child(metadata, "readme")?.Value);
        ZipArchiveEntry? readme = zip.GetEntry("README.md");
        Assert.NotNull(readme);
        byte[] packed = ReadAll(readme);
        Assert.Equal(File.ReadAllBytes(Path.Combine(packages.RepositoryRoot, "src", id, "README.md")), packed);
        Assert.StartsWith("# " + id, System.Text.Encoding.UTF8.GetString(packed).TrimStart('\uFEFF'));
    }

    [Theory]
    [MemberData(nameof(ShippedPackages))]
    public void The_nuspec_carries_the_shared_metadata(string id)
    {
        using ZipArchive zip = packages.Open(id);
        XElement metadata = Metadata(zip, id);
        Assert.Equal("MIT", Child(metadata, "license")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Child(metadata, "description")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(Child(metadata, "authors")?.Value));
        Assert.Contains("vietnam", Child(metadata, "tags")?.Value ?? string.Empty);
    }

    [Theory]
    [MemberData(nameof(ShippedPackages))]
    public void The_assembly_and_its_xml_documentation_are_in_lib_net10(string id)
    {
        using ZipArchive zip = packages.Open(id);
        string[] lib = zip.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal)).Select(e => e.FullName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([$"lib/net10.0/{id}.dll", $"lib/net10.0/{id}.xml"], lib);

        XDocument docs = XDocument.Load(zip.GetEntry($"lib/net10.0/{id}.xml")!.Open());
        Assert.Equal(id, docs.Root?.Element("assembly")?.Element("name")?.Value);
        string ns = id == "Ktxh.Core" ? "Ktxh." : id; // Ktxh.Core's types are in the root namespace Ktxh
        Assert.Contains(docs.Root!.Element("members")!.Elements("member"),
            m => m.Attribute("name")?.Value.StartsWith("T:" + ns, StringComparison.Ordinal) == true);
    }

    [Theory]
    [MemberData(nameof(ShippedPackages))]
    public void The_symbols_package_holds_the_pdb(string id)
    {
        using ZipArchive zip = packages.Open(id, "snupkg");
        Assert.NotNull(zip.GetEntry($"lib/net10.0/{id}.pdb"));
    }

    [Theory]
    [MemberData(nameof(ShippedPackages))]
    public void The_package_holds_nothing_of_tests_samples_or_benchmarks(string id)
    {
        using ZipArchive zip = packages.Open(id);
        Assert.DoesNotContain(zip.Entries, e =>
            e.FullName.Contains("Tests", StringComparison.OrdinalIgnoreCase)
            || e.FullName.Contains("Benchmark", StringComparison.OrdinalIgnoreCase)
            || e.FullName.Contains("ktxh.dll", StringComparison.Ordinal)
            || e.FullName.StartsWith("content", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(ShippedPackages))]
    public void The_dependencies_are_those_of_the_design(string id)
    {
        Assert.True(RequiredDependencies.ContainsKey(id), $"DESIGN.md gives no dependencies for a package named {id}: add it there and here.");
        Dictionary<string, string> dependencies = Dependencies(id);
        string version = PackageVersion(id);

        // What the design asks for is there.
        Assert.Superset(RequiredDependencies[id].ToHashSet(), dependencies.Keys.ToHashSet());

        // Nothing else, but the dependencies of the Ktxh packages it builds on (central transitive pinning lists them
        // directly, with the same versions).
        // DESIGN.md: every package may take the DI abstractions and Microsoft.Extensions.Options (for its AddKtxh…).
        HashSet<string> allowed = [.. RequiredDependencies[id], DependencyInjection, Options];
        foreach (string upstream in RequiredDependencies[id].Where(d => d.StartsWith("Ktxh.", StringComparison.Ordinal)))
        {
            allowed.UnionWith(Closure(upstream));
        }

        foreach ((string dependency, string dependencyVersion) in dependencies)
        {
            Assert.False(ForbiddenPrefixes.Any(p => dependency.StartsWith(p, StringComparison.OrdinalIgnoreCase)), $"{id} depends on {dependency}");
            Assert.False(dependency == "Microsoft.Extensions.DependencyInjection", $"{id} depends on the DI container; only the abstractions are allowed");
            if (dependency.StartsWith("Ktxh.", StringComparison.Ordinal) || id != "Ktxh.Excel")
            {
                Assert.True(allowed.Contains(dependency), $"{id} depends on {dependency}, which DESIGN.md does not allow (allowed: {string.Join(", ", allowed)})");
            }

            // Ktxh packages travel together, at the same version; third-party versions are the central ones.
            string expected = dependency.StartsWith("Ktxh.", StringComparison.Ordinal) ? version : CentralVersion(dependency) ?? dependencyVersion;
            Assert.True(expected == dependencyVersion, $"{id} depends on {dependency} {dependencyVersion}, expected {expected}");
        }
    }

    [Fact]
    public void Periods_depends_on_exactly_Core_NodaTime_its_json_support_and_the_DI_abstractions_and_options()
    {
        Assert.Equal(
            ["Ktxh.Core", "Microsoft.Extensions.DependencyInjection.Abstractions", "Microsoft.Extensions.Options", "NodaTime", "NodaTime.Serialization.SystemTextJson"],
            Dependencies("Ktxh.Periods").Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_package_depends_upward()
    {
        // Core knows no other package; Periods only Core; Indicators nothing of aggregation, workflow or Excel;
        // Aggregation, Workflow and Excel do not reference each other.
        string[] layer2 = ["Ktxh.Aggregation", "Ktxh.Workflow", "Ktxh.Excel"];
        foreach (string id in packages.PackageIds)
        {
            string[] ktxh = [.. Dependencies(id).Keys.Where(d => d.StartsWith("Ktxh.", StringComparison.Ordinal))];
            if (id == "Ktxh.Core")
            {
                Assert.Empty(Dependencies(id));
            }
            else if (id == "Ktxh.Periods")
            {
                Assert.Equal(["Ktxh.Core"], ktxh);
            }
            else if (id == "Ktxh.Indicators")
            {
                Assert.Equal(["Ktxh.Periods"], ktxh);
            }
            else if (layer2.Contains(id))
            {
                Assert.DoesNotContain(ktxh, layer2.Contains);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ShippedPackages))]
    public void Every_data_file_is_embedded_byte_for_byte(string id)
    {
        string data = Path.Combine(packages.RepositoryRoot, "src", id, "Data");
        string[] files = Directory.Exists(data) ? Directory.GetFiles(data, "*", SearchOption.AllDirectories) : [];
        using ZipArchive zip = packages.Open(id);
        Dictionary<string, byte[]> resources = EmbeddedResources(ReadAll(zip.GetEntry($"lib/net10.0/{id}.dll")!));
        foreach (string file in files)
        {
            string name = $"{id}.Data.{Path.GetFileName(file)}";
            Assert.True(resources.TryGetValue(name, out byte[]? bytes), $"{name} is not embedded in the packed {id}.dll (resources: {string.Join(", ", resources.Keys)})");
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(bytes), $"{name} in the packed {id}.dll differs from {file}");
        }
    }

    [Fact]
    public void The_built_in_data_is_there()
    {
        using ZipArchive periods = packages.Open("Ktxh.Periods");
        Assert.Contains("Ktxh.Periods.Data.vn-civil-service-calendar.json", EmbeddedResources(ReadAll(periods.GetEntry("lib/net10.0/Ktxh.Periods.dll")!)).Keys);
        using ZipArchive indicators = packages.Open("Ktxh.Indicators");
        Assert.Superset(
            new HashSet<string> { "Ktxh.Indicators.Data.units.json", "Ktxh.Indicators.Data.admin-units-vn.tsv" },
            EmbeddedResources(ReadAll(indicators.GetEntry("lib/net10.0/Ktxh.Indicators.dll")!)).Keys.ToHashSet());
    }

    [Theory]
    [InlineData("tests/Ktxh.Core.Tests/Ktxh.Core.Tests.csproj")]
    [InlineData("tests/Ktxh.Periods.Tests/Ktxh.Periods.Tests.csproj")]
    [InlineData("tests/Ktxh.Workflow.Tests/Ktxh.Workflow.Tests.csproj")]
    [InlineData("tests/Ktxh.Indicators.Tests/Ktxh.Indicators.Tests.csproj")]
    [InlineData("tests/Ktxh.Aggregation.Tests/Ktxh.Aggregation.Tests.csproj")]
    [InlineData("tests/Ktxh.Integration.Tests/Ktxh.Integration.Tests.csproj")]
    [InlineData("benchmarks/Ktxh.Benchmarks/Ktxh.Benchmarks.csproj")]
    [InlineData("samples/Ktxh.Cli/Ktxh.Cli.csproj")]
    public void Tests_benchmarks_and_samples_are_not_packable(string project)
    {
        (int exitCode, string output) = PackedPackages.RunDotnet(packages.RepositoryRoot, TimeSpan.FromMinutes(5),
            "msbuild", project, "-getProperty:IsPackable", "-nologo");
        Assert.True(exitCode == 0, output);
        Assert.Equal("false", output.Trim());
    }

    private Dictionary<string, string> Dependencies(string id)
    {
        using ZipArchive zip = packages.Open(id);
        XElement metadata = Metadata(zip, id);
        XElement[] groups = [.. metadata.Descendants().Where(e => e.Name.LocalName == "group")];
        Assert.All(groups, g => Assert.Equal("net10.0", g.Attribute("targetFramework")?.Value));
        return metadata.Descendants()
            .Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value, StringComparer.Ordinal);
    }

    // Every package id reachable from id through the packed packages' dependencies.
    private HashSet<string> Closure(string id)
    {
        HashSet<string> seen = new(StringComparer.Ordinal);
        Stack<string> todo = new([id]);
        while (todo.TryPop(out string? next))
        {
            if (!seen.Add(next) || !next.StartsWith("Ktxh.", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (string dependency in Dependencies(next).Keys)
            {
                todo.Push(dependency);
            }
        }

        return seen;
    }

    private string PackageVersion(string id)
    {
        using ZipArchive zip = packages.Open(id);
        return Child(Metadata(zip, id), "version")!.Value;
    }

    private string? CentralVersion(string package) => XDocument.Load(Path.Combine(packages.RepositoryRoot, "Directory.Packages.props"))
        .Descendants("PackageVersion")
        .FirstOrDefault(e => string.Equals(e.Attribute("Include")?.Value, package, StringComparison.OrdinalIgnoreCase))
        ?.Attribute("Version")?.Value;

    private static XElement Metadata(ZipArchive zip, string id)
    {
        ZipArchiveEntry? nuspec = zip.GetEntry(id + ".nuspec");
        Assert.NotNull(nuspec);
        using Stream stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static XElement? Child(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    // The manifest resources embedded in an assembly, read from its metadata without loading it.
    private static Dictionary<string, byte[]> EmbeddedResources(byte[] assembly)
    {
        using var pe = new PEReader(ImmutableArray.Create(assembly));
        MetadataReader metadata = pe.GetMetadataReader();
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        DirectoryEntry directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
        foreach (ManifestResourceHandle handle in metadata.ManifestResources)
        {
            ManifestResource resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil)
            {
                continue; // linked, not embedded
            }

            PEMemoryBlock block = pe.GetSectionData(directory.RelativeVirtualAddress);
            BlobReader reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            int length = reader.ReadInt32();
            result[metadata.GetString(resource.Name)] = reader.ReadBytes(length);
        }

        return result;
    }
}
