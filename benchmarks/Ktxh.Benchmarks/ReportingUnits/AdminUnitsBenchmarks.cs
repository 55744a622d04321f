using BenchmarkDotNet.Attributes;
using Ktxh.Indicators;
using NodaTime;

namespace Ktxh.Benchmarks.ReportingUnits;

/// <summary>
/// Loading the built-in administrative units (compact resource → validated directory) against a naive peer that
/// splits the two original official CSV files (2.3 MB) on commas. Both start from text already in memory.
/// Originals are read from the repository's copy, <c>tools/AdminUnitsData/Sources</c> (or from KTXH_ADMIN_UNITS_DIR).
/// </summary>
[MemoryDiagnoser]
public class AdminUnitsLoadBenchmarks
{
    private string _compact = string.Empty;
    private string _oldCsv = string.Empty;
    private string _conversionCsv = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        using Stream s = typeof(ReportingUnitDirectory).Assembly.GetManifestResourceStream("Ktxh.Indicators.Data.admin-units-vn.tsv")!;
        using var r = new StreamReader(s);
        _compact = r.ReadToEnd();
        string dir = AdminUnitsNaive.DataDirectory();
        _oldCsv = File.ReadAllText(Path.Combine(dir, "communes-before-2025-07-01.csv"));
        _conversionCsv = File.ReadAllText(Path.Combine(dir, "conversion-2025-07-01.csv"));
    }

    /// <summary>Naive: split both CSVs into rows of fields (no validation, no tree, no successions).</summary>
    [Benchmark(Baseline = true)]
    public int NaiveSplitOriginals() => AdminUnitsNaive.Split(_oldCsv).Count + AdminUnitsNaive.Split(_conversionCsv).Count;

    /// <summary>Ours: parse the compact resource, validate and build the directory with its successions.</summary>
    [Benchmark]
    public int LoadCompactDirectory() => ReportingUnitDirectory.ReadCompact(new StringReader(_compact)).GetValueOrThrow().Units.Count;

    /// <summary>Ours, ready to query: load plus both trees (before and after the reform).</summary>
    [Benchmark]
    public int LoadCompactDirectoryAndBothTrees()
    {
        ReportingUnitDirectory d = ReportingUnitDirectory.ReadCompact(new StringReader(_compact)).GetValueOrThrow();
        return d.AsOf(new LocalDate(2025, 6, 30)).Count + d.AsOf(new LocalDate(2025, 7, 1)).Count;
    }
}

/// <summary>Lookups: by code as of a date, and the predecessors of a new commune, against linear searches over the split CSV rows.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkDotNet.Configs.BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class AdminUnitsLookupBenchmarks
{
    private static readonly LocalDate Before = new(2025, 6, 30);
    private List<string[]> _oldRows = new();
    private List<string[]> _conversionRows = new();
    private string[] _oldCodes = Array.Empty<string>();
    private string[] _newCodes = Array.Empty<string>();
    private ReportingUnitDirectory _directory = null!;

    [GlobalSetup]
    public void Setup()
    {
        string dir = AdminUnitsNaive.DataDirectory();
        _oldRows = AdminUnitsNaive.Split(File.ReadAllText(Path.Combine(dir, "communes-before-2025-07-01.csv")));
        _conversionRows = AdminUnitsNaive.Split(File.ReadAllText(Path.Combine(dir, "conversion-2025-07-01.csv")));
        _directory = ReportingUnitDirectory.Vietnam;
        var rnd = new Random(20250701);
        var olds = _directory.AsOf(Before).Units.Where(u => u.Kind == ReportingUnitKind.Commune).Select(u => u.Code).ToArray();
        var news = _directory.AsOf(ReportingUnitDirectory.TwoLevelReformDate).Units.Where(u => u.Kind == ReportingUnitKind.Commune).Select(u => u.Code).ToArray();
        _oldCodes = Enumerable.Range(0, 100).Select(_ => olds[rnd.Next(olds.Length)]).ToArray();
        _newCodes = Enumerable.Range(0, 100).Select(_ => news[rnd.Next(news.Length)]).ToArray();
        _ = _directory.AsOf(Before);
    }

    /// <summary>Naive: 100 linear searches of the old table for a commune code.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("find")]
    public int NaiveFindOldCommune()
    {
        int found = 0;
        foreach (string code in _oldCodes)
        {
            foreach (string[] row in _oldRows)
            {
                if (row.Length > 5 && row[5] == code)
                {
                    found++;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Ours: 100 lookups in the tree as of 2025-06-30.</summary>
    [Benchmark, BenchmarkCategory("find")]
    public int FindOldCommune()
    {
        int found = 0;
        AdministrativeHierarchy h = _directory.AsOf(Before);
        foreach (string code in _oldCodes)
        {
            found += h.Find(code) is null ? 0 : 1;
        }

        return found;
    }

    /// <summary>Naive: 100 scans of the conversion table for the lines of a new commune.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("backward")]
    public int NaivePredecessors()
    {
        int found = 0;
        foreach (string code in _newCodes)
        {
            foreach (string[] row in _conversionRows)
            {
                if (row.Length > 4 && row[2] == code)
                {
                    found++;
                }
            }
        }

        return found;
    }

    /// <summary>Ours: 100 backward mappings.</summary>
    [Benchmark, BenchmarkCategory("backward")]
    public int Predecessors()
    {
        int found = 0;
        foreach (string code in _newCodes)
        {
            found += _directory.Successions.MapBackward(code).Count;
        }

        return found;
    }
}

/// <summary>The naive peer: split on line breaks and commas (as a quick script would; quoted fields are not handled).</summary>
internal static class AdminUnitsNaive
{
    public static string DataDirectory() =>
        Environment.GetEnvironmentVariable("KTXH_ADMIN_UNITS_DIR") is { Length: > 0 } d ? d : RepositorySources();

    // BenchmarkDotNet runs the benchmarks from a generated folder under bin/, so the repository is found by walking up
    // (from the working directory, then from the assembly) to the folder that holds Ktxh.Sdk.sln.
    private static string RepositorySources()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Ktxh.Sdk.sln")))
                {
                    return Path.Combine(dir.FullName, "tools", "AdminUnitsData", "Sources");
                }
            }
        }

        throw new DirectoryNotFoundException(
            "Không tìm thấy thư mục gốc của kho (Ktxh.Sdk.sln); đặt KTXH_ADMIN_UNITS_DIR / Repository root (Ktxh.Sdk.sln) not found; set KTXH_ADMIN_UNITS_DIR.");
    }

    public static List<string[]> Split(string csv)
    {
        var rows = new List<string[]>();
        foreach (string line in csv.Split('\n'))
        {
            rows.Add(line.TrimEnd('\r').Split(','));
        }

        return rows;
    }
}
