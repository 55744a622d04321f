using System.Text;
using System.Text.Json.Nodes;
using Ktxh.Indicators;

namespace Ktxh.Indicators.Tests;

/// <summary>
/// Hostile and malformed input into every reading entry point of Ktxh.Indicators: no exception escapes (only the
/// documented <see cref="ArgumentNullException"/> for a null argument), nothing half-applies, and a failure carries at
/// least one located error in Vietnamese and English ("vi / en").
/// </summary>
public sealed class HostileInputTests
{
    /// <summary>Whole documents that are not what any reader expects.</summary>
    public static TheoryData<string> HostileDocuments() => new()
    {
        "", " ", "\uFEFF", "null", "true", "42", "\"text\"", "[]", "{}", "[null]", "{\"a\":",
        new string('[', 10_000) + new string(']', 10_000),
        new string('[', 63) + new string(']', 63),
        "{\"schemaVersion\":1e400}", "{\"schemaVersion\":99999999999999999999999999}", "{\"schemaVersion\":\"1\"}",
        "{\"schemaVersion\":null}", "{\"schemaVersion\":1,\"schemaVersion\":1}", "{\"schemaVersion\":-1}",
        "\0", "\uD800", "{\"units\":null}", "{\"units\":[null]}", "{\"baseDimensions\":[null]}",
        "{\"schemaVersion\":1,\"indicators\":[null]}",
        "{\"schemaVersion\":1,\"indicators\":[{}]}", "{\"schemaVersion\":1,\"forms\":[null]}",
        "{\"schemaVersion\":1,\"agencies\":[null]}", "{\"schemaVersion\":1,\"formSets\":[null]}",
        "{\"schemaVersion\":1,\"disaggregations\":[null]}", "{\"schemaVersion\":1,\"disaggregations\":[{\"categories\":[null]}]}",
        "{\"schemaVersion\":1,\"forms\":[{\"rows\":[null],\"columns\":[null]}]}",
    };

    /// <summary>Invalid UTF-8 byte sequences.</summary>
    public static TheoryData<byte[]> InvalidUtf8() => new()
    {
        new byte[] { 0xC3, 0x28 },
        new byte[] { (byte)'"', 0xFF, (byte)'"' },
        new byte[] { 0xEF, 0xBB },
        new byte[] { (byte)'"', 0xED, 0xA0, 0x80, (byte)'"' },
    };

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public void Catalogue_hostile_document_is_a_located_bilingual_failure(string json)
    {
        KtxhResult<IndicatorCatalogue> result = IndicatorCatalogueJson.Read(json);
        AssertCatalogueFailure(result);
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void Catalogue_invalid_utf8_is_a_located_bilingual_failure(byte[] bytes)
    {
        AssertCatalogueFailure(IndicatorCatalogueJson.Read(new MemoryStream(bytes)));
    }

    [Fact]
    public void Catalogue_with_a_byte_order_mark_reads_like_without()
    {
        byte[] utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(SampleCatalogue.Json())).ToArray();
        KtxhResult<IndicatorCatalogue> fromStream = IndicatorCatalogueJson.Read(new MemoryStream(utf8));
        KtxhResult<IndicatorCatalogue> fromText = IndicatorCatalogueJson.Read("\uFEFF" + SampleCatalogue.Json());
        Assert.True(fromStream.Success, string.Join("\n", fromStream.Errors));
        Assert.True(fromText.Success, string.Join("\n", fromText.Errors));
    }

    [Fact]
    public void Catalogue_every_node_replaced_by_hostile_value_never_throws()
    {
        var failures = new List<string>();
        foreach ((string where, string json) in Mutate(SampleCatalogue.Json()))
        {
            try
            {
                KtxhResult<IndicatorCatalogue> result = IndicatorCatalogueJson.Read(json);
                if (!result.Success && result.Errors.Any(e => !IsBilingual(e.MessageVi, e.MessageEn) || string.IsNullOrWhiteSpace(e.Location.JsonPath)))
                {
                    failures.Add($"{where}: error without a located bilingual message: {string.Join("; ", result.Errors)}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{where}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void Builder_unit_with_a_blank_code_is_located_by_its_add_call()
    {
        KtxhResult<ReportingUnitDirectory> result = ReportingUnitDirectory.CreateBuilder()
            .Add("01", "Hà Nội", ReportingUnitKind.Province, null)
            .Add(" ", "Không mã", ReportingUnitKind.Province, null)
            .BuildResult();
        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Location.Index == 1 && e.Is(ReportingUnitsErrorCode.InvalidUnit));
        Assert.All(result.Errors, e => Assert.False(e.Location.IsNone, e.ToString()));
    }

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public void Units_hostile_document_fails_and_adds_nothing(string json)
    {
        MeasureUnitRegistryBuilder builder = MeasureUnitRegistry.CreateBuilder();
        int before = builder.Units.Count;
        KtxhResult<MeasureUnitRegistry> result = builder.AddJson(json, "hostile.json").BuildResult();
        if (result.Success)
        {
            // An empty object is a valid empty document: it adds nothing.
            Assert.Equal(before, result.Value.Units.Length);
        }
        else
        {
            AssertUnitFailure(result);
        }

        Assert.Equal(before, builder.Units.Count);
    }

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void Units_invalid_utf8_fails_and_adds_nothing(byte[] bytes)
    {
        MeasureUnitRegistryBuilder builder = MeasureUnitRegistry.CreateBuilder();
        KtxhResult<MeasureUnitRegistry> result = builder.AddJson(new MemoryStream(bytes), "hostile.json").BuildResult();
        AssertUnitFailure(result);
        Assert.Equal(MeasureUnitRegistry.CreateBuilder().Units.Count, builder.Units.Count);
    }

    [Fact]
    public void Units_every_node_replaced_by_hostile_value_never_throws_nor_half_applies()
    {
        const string json = """
            {
              "baseDimensions": [ { "code": "APPLE", "nameVi": "số táo", "nameEn": "apples", "kind": "Count", "baseUnitVi": "quả" } ],
              "units": [
                { "code": "APPLE", "nameVi": "Quả", "nameEn": "apple", "dimension": "APPLE", "scale": "1", "aliases": [ "quả táo" ] },
                { "code": "K_APPLE", "nameVi": "Nghìn quả", "nameEn": "thousand apples", "dimension": "APPLE", "scale": "1000" },
                { "code": "APPLE_HA", "nameVi": "Quả/ha", "nameEn": "apples per hectare", "dimension": "APPLE/LENGTH^2", "scale": "0.0001" }
              ]
            }
            """;
        Assert.True(MeasureUnitRegistry.CreateBuilder().AddJson(json).BuildResult().Success);
        var failures = new List<string>();
        foreach ((string where, string mutated) in Mutate(json))
        {
            MeasureUnitRegistryBuilder builder = MeasureUnitRegistry.CreateBuilder();
            int before = builder.Units.Count;
            try
            {
                KtxhResult<MeasureUnitRegistry> result = builder.AddJson(mutated, "m.json").BuildResult();
                if (!result.Success && (result.Errors.Any(e => !IsBilingual(e.MessageVi, e.MessageEn) || e.Location.IsNone) || builder.Units.Count != before))
                {
                    failures.Add($"{where}: half-applied or unlocated: {string.Join("; ", result.Errors)}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{where}: {e.GetType().Name}: {e.Message}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Theory]
    [MemberData(nameof(HostileDocuments))]
    public void Admin_units_hostile_text_never_throws(string text)
    {
        KtxhResult<ReportingUnitDirectory> result = ReportingUnitDirectory.ReadCompact(new StringReader(text));
        Assert.All(result.Errors, e => Assert.True(IsBilingual(e.MessageVi, e.MessageEn) && !e.Location.IsNone, e.ToString()));
    }

    [Fact]
    public void Admin_units_text_starting_with_a_byte_order_mark_reads_like_without()
    {
        string text = string.Join('\n', BuiltInLines());
        KtxhResult<ReportingUnitDirectory> plain = ReportingUnitDirectory.ReadCompact(new StringReader(text));
        KtxhResult<ReportingUnitDirectory> withBom = ReportingUnitDirectory.ReadCompact(new StringReader("\uFEFF" + text));
        Assert.True(plain.Success, string.Join("\n", plain.Errors.Take(5)));
        Assert.True(withBom.Success, string.Join("\n", withBom.Errors.Take(5)));
        Assert.Equal(plain.Value!.Units.Count, withBom.Value!.Units.Count);
    }

    [Fact]
    public void Admin_units_every_line_truncated_or_garbled_never_throws()
    {
        string[] lines = BuiltInLines().Take(400).ToArray();
        var failures = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i][0] == '#')
            {
                continue;
            }

            string[] fields = lines[i].Split('\t');
            foreach (string variant in LineVariants(fields))
            {
                string[] copy = (string[])lines.Clone();
                copy[i] = variant;
                try
                {
                    KtxhResult<ReportingUnitDirectory> result = ReportingUnitDirectory.ReadCompact(new StringReader(string.Join('\n', copy)));
                    if (result.Errors.Any(e => !IsBilingual(e.MessageVi, e.MessageEn) || e.Location.IsNone))
                    {
                        failures.Add($"line {i + 1} '{variant}': {string.Join("; ", result.Errors.Where(e => e.Location.IsNone).Take(3))}");
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"line {i + 1} '{variant}': {e.GetType().Name}: {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct().Take(40)));
    }

    private static IEnumerable<string> LineVariants(string[] fields)
    {
        for (int n = 1; n < fields.Length; n++)
        {
            yield return string.Join('\t', fields.Take(n));
        }

        for (int k = 1; k < fields.Length; k++)
        {
            foreach (string bad in new[] { "", "x", "99999999999999999999", "0000-00-00", "\uFEFF" })
            {
                string[] copy = (string[])fields.Clone();
                copy[k] = bad;
                yield return string.Join('\t', copy);
            }
        }
    }

    private static IEnumerable<string> BuiltInLines()
    {
        using Stream stream = typeof(ReportingUnitDirectory).Assembly.GetManifestResourceStream("Ktxh.Indicators.Data.admin-units-vn.tsv")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string all = reader.ReadToEnd();
        return all.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    /// <summary>Every node of <paramref name="json"/> replaced, one at a time, by null, a wrong type, a huge number.</summary>
    private static IEnumerable<(string Where, string Json)> Mutate(string json)
    {
        JsonNode root = JsonNode.Parse(json, documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        var paths = new List<string>();
        Collect(root, paths);
        string[] replacements = { "null", "1e400", "-99999999999999999999999999999", "\"\"", "[]", "{}", "true", "\"\\u0000\"" };
        foreach (string path in paths)
        {
            foreach (string replacement in replacements)
            {
                JsonNode copy = JsonNode.Parse(root.ToJsonString())!;
                Replace(copy, path, replacement);
                yield return ($"{path} := {replacement}", copy.ToJsonString());
            }
        }
    }

    private static void Collect(JsonNode node, List<string> paths)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (KeyValuePair<string, JsonNode?> p in o)
                {
                    if (p.Value is not null)
                    {
                        paths.Add(p.Value.GetPath());
                        Collect(p.Value, paths);
                    }
                }

                break;
            case JsonArray a:
                foreach (JsonNode? item in a)
                {
                    if (item is not null)
                    {
                        paths.Add(item.GetPath());
                        Collect(item, paths);
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode root, string path, string replacementJson)
    {
        // Walk the path produced by JsonNode.GetPath ($.a[0].b or $['odd key']).
        JsonNode? parent = null;
        JsonNode current = root;
        object? key = null;
        int i = 1;
        while (i < path.Length)
        {
            parent = current;
            if (path[i] == '.')
            {
                int end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                key = path[(i + 1)..end];
                current = current[(string)key]!;
                i = end;
            }
            else
            {
                int end = path.IndexOf(']', i);
                string inner = path[(i + 1)..end];
                if (inner.StartsWith('\''))
                {
                    key = inner[1..^1];
                    current = current[(string)key]!;
                }
                else
                {
                    key = int.Parse(inner, System.Globalization.CultureInfo.InvariantCulture);
                    current = current[(int)key]!;
                }

                i = end + 1;
            }
        }

        JsonNode? replacement = JsonNode.Parse(replacementJson);
        if (key is string name)
        {
            parent![name] = replacement;
        }
        else
        {
            parent![(int)key!] = replacement;
        }
    }

    private static bool IsBilingual(string vi, string en) => !string.IsNullOrWhiteSpace(vi) && !string.IsNullOrWhiteSpace(en);

    private static void AssertCatalogueFailure(KtxhResult<IndicatorCatalogue> result)
    {
        Assert.False(result.Success);
        Assert.Throws<KtxhException>(() => result.Value);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e =>
        {
            Assert.Contains(" / ", e.ToString(), StringComparison.Ordinal);
            Assert.True(IsBilingual(e.MessageVi, e.MessageEn), e.ToString());
            Assert.False(e.Location.IsNone, e.ToString());
        });
    }

    private static void AssertUnitFailure(KtxhResult<MeasureUnitRegistry> result)
    {
        Assert.False(result.Success);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e =>
        {
            Assert.Contains(" / ", e.Message, StringComparison.Ordinal);
            Assert.True(IsBilingual(e.MessageVi, e.MessageEn), e.Message);
            Assert.False(e.Location.IsNone, e.Message);
        });
    }
}
