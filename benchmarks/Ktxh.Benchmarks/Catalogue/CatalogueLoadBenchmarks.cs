using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Ktxh.Indicators;

namespace Ktxh.Benchmarks.Catalogue;

/// <summary>
/// Loading and validating the built-in catalogue (449 indicators, 33 forms): from the embedded TSV files, from its
/// JSON export, and validating an already-filled builder. The peer is <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/>
/// of the same JSON: parsing alone, with no model and no validation, the floor the full load is measured against.
/// </summary>
[MemoryDiagnoser]
public class CatalogueLoadBenchmarks
{
    private string _json = string.Empty;
    private IndicatorCatalogueBuilder _builder = new();

    [GlobalSetup]
    public void Setup()
    {
        _json = IndicatorCatalogueJson.Write(IndicatorCatalogue.BuiltIn);
        _builder = IndicatorCatalogue.BuiltIn.ToBuilder();
    }

    [Benchmark(Baseline = true, Description = "peer: JsonDocument.Parse (no model, no validation)")]
    public int ParseJsonOnly()
    {
        using JsonDocument doc = JsonDocument.Parse(_json);
        return doc.RootElement.GetProperty("indicators").GetArrayLength();
    }

    [Benchmark(Description = "IndicatorCatalogueJson.Read (model + full validation)")]
    public int LoadFromJson() => IndicatorCatalogueJson.Read(_json).GetValueOrThrow().Count;

    [Benchmark(Description = "BuiltInCatalogue.Load (embedded TSV + units + validation)")]
    public int LoadBuiltInTsv() => BuiltInCatalogue.Load().GetValueOrThrow().Count;

    [Benchmark(Description = "builder.Validate only")]
    public int ValidateOnly() => _builder.Validate().Count;
}
