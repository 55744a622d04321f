using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ktxh.Core.Tests.Json;

public class LocatedJsonTests
{
    [Fact]
    public void Well_formed_json_parses_with_or_without_a_byte_order_mark()
    {
        const string json = "{\"a\": [1, 2, {\"b\": \"Hà Nội\"}]}";
        using JsonDocument plain = LocatedJson.Parse(json).Value;
        using JsonDocument withBomText = LocatedJson.Parse("\uFEFF" + json).Value;
        using JsonDocument withBomBytes = LocatedJson.Parse(new ReadOnlyMemory<byte>([.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Encoding.UTF8.GetBytes(json)])).Value;
        using JsonDocument fromStream = LocatedJson.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))).Value;
        foreach (JsonDocument d in new[] { plain, withBomText, withBomBytes, fromStream })
        {
            Assert.Equal("Hà Nội", d.RootElement.GetProperty("a")[2].GetProperty("b").GetString());
        }
    }

    [Fact]
    public void Comments_and_trailing_commas_follow_the_options()
    {
        const string json = "{\n  // a note\n  \"a\": 1,\n}";
        Assert.True(LocatedJson.Parse(json).Success);
        KtxhResult<JsonDocument> strict = LocatedJson.Parse(json, LocatedJsonOptions.Default with { AllowComments = false });
        Assert.True(strict.Errors[0].Is(JsonReadErrorCode.InvalidJson));
        Assert.Equal(2, strict.Errors[0].Location.Line);
    }

    [Fact]
    public void Every_duplicate_property_is_reported_with_line_column_and_path()
    {
        const string json = "{\n  \"items\": [\n    {\"code\": \"A\", \"code\": \"B\"},\n    {\"x\": 1}\n  ],\n  \"items\": []\n}";
        KtxhResult<JsonDocument> result = LocatedJson.Parse(json, new LocatedJsonOptions { Source = "c.json" });
        Assert.False(result.Success);
        Assert.Equal(2, result.Errors.Count);
        KtxhError first = result.Errors[0];
        Assert.True(first.Is(JsonReadErrorCode.DuplicateProperty));
        Assert.Equal("$.items[0].code", first.Location.JsonPath);
        Assert.Equal(3, first.Location.Line);
        Assert.Equal(19, first.Location.Column);
        Assert.Equal("c.json", first.Location.Source);
        Assert.Contains("\"code\"", first.MessageVi, StringComparison.Ordinal);
        Assert.Equal("$.items", result.Errors[1].Location.JsonPath);
        Assert.Equal(6, result.Errors[1].Location.Line);
    }

    [Fact]
    public void A_syntax_error_is_located_in_characters_not_bytes()
    {
        // "Hà Nội" is 6 characters but 9 bytes: the column must count what a person sees.
        const string json = "{\"tên\": \"Hà Nội\" \"x\": 1}";
        KtxhError error = Assert.Single(LocatedJson.Parse(json).Errors);
        Assert.True(error.Is(JsonReadErrorCode.InvalidJson));
        Assert.Equal(1, error.Location.Line);
        Assert.Equal(json.IndexOf("\"x\"", StringComparison.Ordinal) + 1, error.Location.Column);
        Assert.Contains("dòng 1", error.MessageVi, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", error.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("{")]
    [InlineData("[1,,2]")]
    [InlineData("{\"a\": tru}")]
    [InlineData("\"unterminated")]
    [InlineData("{} {}")]
    public void Malformed_text_is_an_error_never_an_exception(string json)
    {
        KtxhResult<JsonDocument> result = LocatedJson.Parse(json);
        KtxhError error = Assert.Single(result.Errors);
        Assert.True(error.Is(JsonReadErrorCode.InvalidJson));
        Assert.NotNull(error.Location.Line);
    }

    [Fact]
    public void Nesting_beyond_the_limit_and_size_beyond_the_limit_are_refused()
    {
        string deep = new string('[', 100) + new string(']', 100);
        Assert.True(LocatedJson.Parse(deep).Errors[0].Is(JsonReadErrorCode.InvalidJson));
        var small = new LocatedJsonOptions { MaxBytes = 10 };
        Assert.True(LocatedJson.Parse("[1,2,3,4,5,6,7]", small).Errors[0].Is(JsonReadErrorCode.TooLarge));
        Assert.True(LocatedJson.Parse(new MemoryStream(new byte[1000]), small).Errors[0].Is(JsonReadErrorCode.TooLarge));
    }

    [Fact]
    public void A_hostile_number_of_duplicates_stops_at_the_error_limit()
    {
        string json = "{" + string.Join(",", Enumerable.Repeat("\"k\":1", 10_000)) + "}";
        Assert.Equal(100, LocatedJson.Parse(json).Errors.Count);
    }

    [Property(MaxTest = 200)]
    public Property A_property_repeated_anywhere_is_found_at_its_path()
        => Prop.ForAll(
            Gen.Choose(0, 5).ToArbitrary(),
            Gen.Choose(0, 5).ToArbitrary(),
            Gen.Elements("a", "mã", "b c", "x'y").ToArbitrary(),
            (depth, index, key) =>
            {
                // An array of `index + 1` objects nested `depth` levels down; the last object names `key` twice.
                string inner = $"{{\"{key}\": 1, \"other\": 2, \"{key}\": 3}}";
                string array = "[" + string.Join(",", Enumerable.Repeat("{}", index).Append(inner)) + "]";
                string json = array;
                string path = $"[{index}]";
                for (int i = 0; i < depth; i++)
                {
                    json = $"{{\"l{i}\": {json}}}";
                    path = $".l{i}" + path;
                }

                KtxhResult<JsonDocument> result = LocatedJson.Parse(json);
                string expectedPath = "$" + ReversePath(depth) + $"[{index}]" + (key is "a" or "mã" ? "." + key : $"['{key.Replace("'", "\\'", StringComparison.Ordinal)}']");
                bool found = !result.Success && result.Errors.Count == 1 && result.Errors[0].Location.JsonPath == expectedPath;
                return found.Classify(depth == 0, "top level").Classify(key.Contains(' ', StringComparison.Ordinal), "quoted key");
            });

    private static string ReversePath(int depth)
    {
        var sb = new StringBuilder();
        for (int i = depth - 1; i >= 0; i--)
        {
            sb.Append(".l").Append(i);
        }

        return sb.ToString();
    }
}
