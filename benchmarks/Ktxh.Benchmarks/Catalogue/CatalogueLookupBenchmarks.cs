using BenchmarkDotNet.Attributes;
using Ktxh.Indicators;

namespace Ktxh.Benchmarks.Catalogue;

/// <summary>
/// Looking up every indicator of the built-in catalogue by code (449 look-ups per operation) with
/// <see cref="IndicatorCatalogue.TryGet"/> (frozen dictionary, NFC key) against the naive peer, a linear scan of the
/// list; and a diacritic-insensitive search with precomputed folded names against folding every name per query.
/// </summary>
[MemoryDiagnoser]
public class CatalogueLookupBenchmarks
{
    private IndicatorCatalogue _catalogue = IndicatorCatalogue.BuiltIn;
    private string[] _codes = [];

    [GlobalSetup]
    public void Setup()
    {
        _catalogue = IndicatorCatalogue.BuiltIn;
        _codes = _catalogue.Indicators.Select(i => i.Code).Reverse().ToArray();
    }

    [Benchmark(Baseline = true, Description = "peer: linear scan by code")]
    public int LinearScan()
    {
        int found = 0;
        IReadOnlyList<Indicator> all = _catalogue.Indicators;
        foreach (string code in _codes)
        {
            for (int i = 0; i < all.Count; i++)
            {
                if (string.Equals(all[i].Code, code, StringComparison.Ordinal))
                {
                    found++;
                    break;
                }
            }
        }

        return found;
    }

    [Benchmark(Description = "IndicatorCatalogue.TryGet")]
    public int CatalogueTryGet()
    {
        int found = 0;
        foreach (string code in _codes)
        {
            if (_catalogue.TryGet(code, out _))
            {
                found++;
            }
        }

        return found;
    }

    [Benchmark(Description = "peer: fold every name per search")]
    public int NaiveSearch()
    {
        string[] words = VietnameseText.Fold("giai ngan").Split(' ');
        return _catalogue.Indicators.Count(i =>
        {
            string text = VietnameseText.Fold($"{i.Code} {i.NameVi} {i.NameEn}");
            return words.All(w => text.Contains(w, StringComparison.Ordinal));
        });
    }

    [Benchmark(Description = "IndicatorCatalogue.Search")]
    public int CatalogueSearch() => _catalogue.Search("giai ngan").Count;
}
