using System.Globalization;

namespace Ktxh.Integration.Tests.Packaging;

/// <summary>
/// A host that knows only the packages: a new console project outside the repository referencing <c>Ktxh.Aggregation</c>
/// from the packed .nupkg files (Ktxh.Indicators, Ktxh.Periods and NodaTime come transitively), restored into its own
/// package folder so no earlier copy of the Ktxh packages is used, built and run. Its output proves the dependency chain
/// and the embedded data (calendar, catalogue, administrative units, units of measure) work from the packages.
/// </summary>
[Trait("Category", "Packaging")]
[Collection("Packages")]
public sealed class PackageConsumerTests
{
    private const string Program = """
        using System.Globalization;
        using Ktxh.Aggregation;
        using Ktxh.Indicators;
        using Ktxh.Indicators.MeasureUnits;
        using Ktxh.Indicators.ReportingUnits;
        using Ktxh.Periods;
        using NodaTime;

        LunarDate tet = VietnameseLunarCalendar.FromGregorian(new LocalDate(2026, 2, 17));
        Console.WriteLine($"lunar {tet.Year}-{tet.Month}-{tet.Day} leap={tet.IsLeapMonth}");
        WorkingCalendar calendar = WorkingCalendar.VietnamCivilService;
        Console.WriteLine($"official-2026 {!calendar.IsForecast(2026)}");
        Deadline deadline = DeadlineRule.Parse("day-of-month-after:15").Resolve(ReportingPeriod.Parse("2026-M01"), calendar);
        Console.WriteLine($"deadline {deadline.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Console.WriteLine($"indicators {IndicatorCatalogue.BuiltIn.Count}");
        AdministrativeHierarchy units = ReportingUnitDirectory.Vietnam.AsOf(new LocalDate(2026, 1, 1));
        Console.WriteLine($"hanoi-communes {units.CommunesOf("01").Count}");
        Console.WriteLine($"convert {MeasureUnitConverter.Convert(1234.5m, "Triệu đồng", "Tỷ đồng").Value.ToString(CultureInfo.InvariantCulture)}");
        ReportingPeriod january = ReportingPeriod.Parse("2026-M01");
        AggregationResult result = AggregationEngine.Create(IndicatorCatalogue.BuiltIn, units, new LocalDate(2026, 1, 31)).Aggregate(
        [
            new AggregationInput("HNM.CTK.09.002", "00004", january, 100.5m),
            new AggregationInput("HNM.CTK.09.002", "00008", january, 200.25m),
        ]);
        Console.WriteLine($"hanoi-sum {result.ValueOf("HNM.CTK.09.002", "01", january)?.ToString(CultureInfo.InvariantCulture)}");
        """;

    private readonly PackedPackages packages;

    public PackageConsumerTests(PackedPackages packages) => this.packages = packages;

    [Fact]
    public void A_host_built_on_the_packages_alone_runs_the_whole_chain()
    {
        string folder = Path.Combine(Path.GetTempPath(), "ktxh-consumer-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string version = Path.GetFileName(packages.PackagePath("Ktxh.Aggregation"))["Ktxh.Aggregation.".Length..^".nupkg".Length];
            string globalPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
                ? configured
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

            // Stop MSBuild's upward search for shared props, and restore from the packed folder plus the packages the
            // repository's own restore already holds (no network needed), into a package folder of the consumer's own.
            File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />");
            File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />");
            File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config>
                    <add key="globalPackagesFolder" value="{Path.Combine(folder, "packages")}" />
                  </config>
                  <packageSources>
                    <clear />
                    <add key="ktxh" value="{packages.OutputDirectory}" />
                    <add key="restored" value="{globalPackages}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(folder, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Ktxh.Aggregation" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);

            (int exitCode, string output) = PackedPackages.RunDotnet(folder, TimeSpan.FromMinutes(10),
                "run", "-c", "Release", "--disable-build-servers", "-nologo");

            Assert.True(exitCode == 0, output);
            Assert.Contains("lunar 2026-1-1 leap=False", output);
            Assert.Contains("official-2026 True", output);
            Assert.Contains("deadline 2026-02-23", output);
            Assert.Contains("indicators " + Ktxh.Indicators.IndicatorCatalogue.BuiltIn.Count.ToString(CultureInfo.InvariantCulture), output);
            Assert.Contains("hanoi-communes 126", output);
            Assert.Contains("convert 1.2345", output);
            Assert.Contains("hanoi-sum 300.75", output);

            // The Ktxh packages came from the packed folder, not from an earlier cache.
            Assert.True(Directory.Exists(Path.Combine(folder, "packages", "ktxh.periods", version)));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
