using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Ktxh.Indicators;

namespace Ktxh.Benchmarks.Units;

/// <summary>
/// Resolving unit texts and converting values, against naive peers: a linear scan over names and aliases, a
/// case-insensitive Dictionary without normalisation, and plain decimal arithmetic (value × from / to).
/// Run: dotnet run -c Release --project benchmarks/Ktxh.Benchmarks -- --filter '*UnitBenchmarks*' --job short
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class UnitBenchmarks
{
    // The unit column of seed 004 as printed (each text once), then the same texts as other forms spell them.
    private static readonly string[] Verbatim =
    {
        "Nghìn người", "%", "Tỷ đồng", "Tấn", "Nghìn quả", "Nghìn tấn", "ha", "1000 m3", "1000 lít", "Triệu lít",
        "1000 m2", "1000 cái", "1000 tấn", "1000 sp", "Triệu mét", "1000c", "Triệu đồng", "Nghìn ha", "Tạ/ha",
        "Nghìn con", "m3", "Nghìn m3", "Huyện", "Xã", "Người", "Hộ", "trẻ", "Giường", "Bác sỹ", "trường", "nhà trẻ",
        "nhóm/lớp", "nhóm", "lớp", "người", "phòng", "trẻ/nhóm", "gv/nhóm", "trẻ/gv", "trẻ/lớp", "gv/lớp", "hs/gv",
        "hs/lớp", "Mức độ", "trung tâm", "học viên", "Khu, cụm", "Doanh nghiệp", "Dự án", "Triệu USD", "Nghìn lượt",
        "Cơ sở", "Phòng", "Buồng", "Lượt", "Đêm", "Vụ", "Hồ sơ", "Tài khoản",
    };

    private static readonly string[] Variants = Verbatim
        .Select((t, i) => (i % 4) switch
        {
            0 => "  " + t.ToUpperInvariant() + " ",
            1 => t.Normalize(NormalizationForm.FormD),
            2 => t.Replace("Nghìn", "1.000", StringComparison.Ordinal).Replace(" ", "  ", StringComparison.Ordinal),
            _ => t.Replace("Nghìn", "Ngàn", StringComparison.Ordinal).ToLowerInvariant(),
        })
        .ToArray();

    private (string Text, MeasureUnit Unit)[] _scan = Array.Empty<(string, MeasureUnit)>();
    private Dictionary<string, MeasureUnit> _dictionary = new();
    private (MeasureUnit From, MeasureUnit To, decimal Value)[] _conversions = Array.Empty<(MeasureUnit, MeasureUnit, decimal)>();

    /// <summary>Builds the peers from the same registry.</summary>
    [GlobalSetup]
    public void Setup()
    {
        MeasureUnitRegistry r = MeasureUnitRegistry.Default;
        _scan = r.Units.SelectMany(u => new[] { u.Code, u.NameVi, u.NameEn }.Concat(u.Aliases).Select(t => (t, u))).ToArray();
        _dictionary = new Dictionary<string, MeasureUnit>(StringComparer.OrdinalIgnoreCase);
        foreach ((string t, MeasureUnit u) in _scan)
        {
            _dictionary.TryAdd(t, u);
        }

        string[][] pairs =
        {
            new[] { "Triệu đồng", "Tỷ đồng" }, new[] { "Tỷ đồng", "Triệu đồng" }, new[] { "Tấn", "Nghìn tấn" },
            new[] { "Nghìn ha", "ha" }, new[] { "Tạ/ha", "Tấn/ha" }, new[] { "Triệu lít", "m3" },
            new[] { "%", "‰" }, new[] { "Nghìn người", "Người" },
        };
        var list = new List<(MeasureUnit, MeasureUnit, decimal)>();
        for (int i = 0; i < 64; i++)
        {
            string[] p = pairs[i % pairs.Length];
            list.Add((r.Parse(p[0]), r.Parse(p[1]), 1234.5m + (i * 17.25m)));
        }

        _conversions = list.ToArray();
        _ = r.Resolve("Tỷ đồng"); // load the registry outside the measurement

        // What each approach finds, printed once into the benchmark log (the speed only means something beside it).
        Console.WriteLine(
            "// Units found of " + Verbatim.Length + " — verbatim: scan " + Scan(Verbatim) + ", dictionary " + Lookup(Verbatim) +
            ", registry " + Resolve(Verbatim) + "; variants: scan " + Scan(Variants) + ", dictionary " + Lookup(Variants) +
            ", registry " + Resolve(Variants));
    }

    /// <summary>Peer: linear scan, case-insensitive, no normalisation (seed texts as printed).</summary>
    /// <returns>Units found.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Resolve verbatim")]
    public int LinearScan_Verbatim() => Scan(Verbatim);

    /// <summary>Peer: Dictionary, case-insensitive, no normalisation (seed texts as printed).</summary>
    /// <returns>Units found.</returns>
    [Benchmark]
    [BenchmarkCategory("Resolve verbatim")]
    public int Dictionary_Verbatim() => Lookup(Verbatim);

    /// <summary>Ours: MeasureUnitRegistry.TryResolve (seed texts as printed).</summary>
    /// <returns>Units found.</returns>
    [Benchmark]
    [BenchmarkCategory("Resolve verbatim")]
    public int Registry_Verbatim() => Resolve(Verbatim);

    /// <summary>Peer: linear scan on variant spellings (it misses most of them).</summary>
    /// <returns>Units found.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Resolve variants")]
    public int LinearScan_Variants() => Scan(Variants);

    /// <summary>Peer: Dictionary on variant spellings (it misses most of them).</summary>
    /// <returns>Units found.</returns>
    [Benchmark]
    [BenchmarkCategory("Resolve variants")]
    public int Dictionary_Variants() => Lookup(Variants);

    /// <summary>Ours on variant spellings (finds all of them).</summary>
    /// <returns>Units found.</returns>
    [Benchmark]
    [BenchmarkCategory("Resolve variants")]
    public int Registry_Variants() => Resolve(Variants);

    /// <summary>Peer: value × from.Scale / to.Scale in decimal (rounds silently when inexact).</summary>
    /// <returns>The sum of results.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Convert")]
    public decimal NaiveDecimal_Convert()
    {
        decimal s = 0m;
        foreach ((MeasureUnit f, MeasureUnit t, decimal v) in _conversions)
        {
            s += v * f.Scale / t.Scale;
        }

        return s;
    }

    /// <summary>Ours: exact conversion with a result object.</summary>
    /// <returns>The sum of results.</returns>
    [Benchmark]
    [BenchmarkCategory("Convert")]
    public decimal Exact_ConvertTo()
    {
        decimal s = 0m;
        foreach ((MeasureUnit f, MeasureUnit t, decimal v) in _conversions)
        {
            s += f.ConvertTo(v, t).Value;
        }

        return s;
    }

    /// <summary>Ours: exact conversion, Try form.</summary>
    /// <returns>The sum of results.</returns>
    [Benchmark]
    [BenchmarkCategory("Convert")]
    public decimal Exact_TryConvert()
    {
        decimal s = 0m;
        foreach ((MeasureUnit f, MeasureUnit t, decimal v) in _conversions)
        {
            if (MeasureUnitConverter.TryConvert(v, f, t, out decimal x))
            {
                s += x;
            }
        }

        return s;
    }

    private int Scan(string[] texts)
    {
        int found = 0;
        foreach (string text in texts)
        {
            foreach ((string t, MeasureUnit _) in _scan)
            {
                if (string.Equals(t, text, StringComparison.OrdinalIgnoreCase))
                {
                    found++;
                    break;
                }
            }
        }

        return found;
    }

    private int Lookup(string[] texts)
    {
        int found = 0;
        foreach (string text in texts)
        {
            if (_dictionary.ContainsKey(text))
            {
                found++;
            }
        }

        return found;
    }

    private static int Resolve(string[] texts)
    {
        int found = 0;
        foreach (string text in texts)
        {
            if (MeasureUnitRegistry.Default.TryResolve(text, out _))
            {
                found++;
            }
        }

        return found;
    }
}
