using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ktxh.Indicators.Tests;

/// <summary>Issue 10: catalogue JSON is read without the serializer when it is plain; what that reader reads must be
/// what the serializer reads, and anything it does not read plainly goes to the serializer (which reports it as before).</summary>
public class CatalogueDocumentReaderTests
{
    /// <summary>Values put in place of a property (or added under a new name) of an indicator, a rule or the root.</summary>
    private static readonly string[] Replacements =
    [
        "null", "\"text\"", "\"\"", "3", "-2", "1.5", "1e2", "2147483648", "1e40", "79228162514264337593543950336", "true", "false",
        "[]", "[null]", "[\"Month\", null]", "[1]", "{}", "{\"method\": \"Sum\"}", "{\"method\": \"Sum\", \"extra\": 1}",
    ];

    private static readonly string[] Names =
    [
        "code", "nameVi", "periods", "precision", "order", "embargoed", "acrossUnits", "acrossTime", "disaggregations", "factor", "method",
        "schemaVersion", "componentTolerance", "agencies", "forms", "Code", "unknown", "$comment",
    ];

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public Property A_plain_catalogue_is_read_as_the_serializer_reads_it(GeneratedCatalogue generated)
    {
        string json = IndicatorCatalogueJson.Write(generated.Catalogue);
        using JsonDocument doc = JsonDocument.Parse(json);
        CatalogueDocument? fast = CatalogueDocumentReader.TryRead(doc.RootElement);
        Assert.NotNull(fast);
        Assert.Equal(Text(doc.Deserialize(CatalogueJsonContext.Default.CatalogueDocument)), Text(fast));
        return true.ToProperty();
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 400)]
    public Property A_changed_catalogue_is_read_as_the_serializer_reads_it_or_left_to_it(GeneratedCatalogue generated)
    {
        Gen<(int At, string Name, string Value)> change =
            from at in Gen.Choose(0, 3)
            from name in Gen.Elements(Names)
            from value in Gen.Elements(Replacements)
            select (at, name, value);
        return Prop.ForAll(change.ToArbitrary(), c =>
        {
            JsonObject root = JsonNode.Parse(IndicatorCatalogueJson.Write(generated.Catalogue))!.AsObject();
            JsonObject target = c.At switch
            {
                0 => root,
                1 when root["indicators"] is JsonArray { Count: > 0 } a => a[0]!.AsObject(),
                2 when root["indicators"] is JsonArray { Count: > 0 } a && a[0]!["acrossUnits"] is JsonObject rule => rule,
                _ when root["agencies"] is JsonArray { Count: > 0 } a => a[0]!.AsObject(),
                _ => root,
            };
            target[c.Name] = JsonNode.Parse(c.Value);
            string json = root.ToJsonString();
            using JsonDocument doc = JsonDocument.Parse(json);
            CatalogueDocument? fast = CatalogueDocumentReader.TryRead(doc.RootElement);
            string? serializer;
            try
            {
                serializer = Text(doc.Deserialize(CatalogueJsonContext.Default.CatalogueDocument));
            }
            catch (JsonException)
            {
                serializer = null;
            }

            if (fast is not null)
            {
                Assert.Equal(serializer, Text(fast));
            }

            // And through the public reader: the same result, problems included, with or without the fast path.
            KtxhResult<IndicatorCatalogue> read = IndicatorCatalogueJson.Read(json);
            Assert.Equal(fast is not null || serializer is not null, read.Success || read.Errors.All(e => !e.Is(CatalogueErrorCode.InvalidJson)));
            return true.ToProperty().Classify(fast is not null, "read plainly").Classify(serializer is null, "serializer error");
        });
    }

    private static string? Text(CatalogueDocument? doc) =>
        doc is null ? null : JsonSerializer.Serialize(doc, CatalogueJsonContext.Default.CatalogueDocument);
}
