using System.Text.Json;
using System.Text.Json.Nodes;
using Ktxh.Indicators;

namespace Ktxh.Integration.Tests.Cli;

/// <summary><c>ktxh catalogue show|validate|export</c> on the built-in catalogue (seed 004, Hà Nam IOC indicators).</summary>
[Collection("Console")]
public sealed class CatalogueCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Show_lists_every_built_in_indicator()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("catalogue", "show"));
        int count = IndicatorCatalogue.BuiltIn.Count;
        Assert.Contains($"{count} chỉ tiêu / indicators (catalogue {IndicatorCatalogue.BuiltIn.Version})", stdout);
        Assert.Equal(count + 1, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("HNM.CTK.09.001   TỔNG SỐ [VND_M; Month; Amount]", stdout);
        Assert.Contains("Trong đó: Thịt lợn [TONNE; Quarter; Amount]", stdout);
    }

    [Fact]
    public void Show_filters_by_agency()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("catalogue", "show", "--agency", "KBNN"));
        Assert.Contains("HNM.KBNN.01.001  Giá trị giải ngân vốn đầu tư công [VND_BN; HalfMonth; Amount]", stdout);
        Assert.Contains("2 chỉ tiêu / indicators", stdout);
    }

    [Fact]
    public void Show_rejects_an_unknown_agency_bilingually()
    {
        // Issue 8 §4: an unknown agency is invalid input (exit 2).
        CliAssert.RejectedBilingually(CliRunner.Run("catalogue", "show", "--agency", "XYZ"), 2, "không có cơ quan 'XYZ'", "no agency 'XYZ'");
    }

    [Fact]
    public void Show_json_is_the_catalogue_json()
    {
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("catalogue", "show", "--json"));
        Assert.Equal(IndicatorCatalogue.BuiltIn.Count, json.GetProperty("indicators").GetArrayLength());
        Assert.Equal(IndicatorCatalogue.BuiltIn.Forms.Count, json.GetProperty("forms").GetArrayLength());
    }

    [Fact]
    public void Show_json_of_one_agency_lists_its_indicators()
    {
        // This one writes to the process's stdout stream itself: run it as a process.
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.RunProcess("catalogue", "show", "--agency", "KBNN", "--json"));
        Assert.Equal(["HNM.KBNN.01.001", "HNM.KBNN.01.002"], json.EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        JsonElement disbursed = json[0];
        Assert.Equal("Giá trị giải ngân vốn đầu tư công", disbursed.GetProperty("nameVi").GetString());
        Assert.Equal("VND_BN", disbursed.GetProperty("unit").GetString());
        Assert.Equal("HalfMonth", disbursed.GetProperty("periods")[0].GetString());
        Assert.Equal("KBNN", disbursed.GetProperty("agency").GetString());
    }

    [Fact]
    public void Export_then_validate_round_trips_the_built_in_catalogue()
    {
        string file = temp.File("catalogue.json");
        string exported = CliAssert.Succeeded(CliRunner.Run("catalogue", "export", file));
        Assert.Contains($"Đã ghi / Wrote {IndicatorCatalogue.BuiltIn.Count} chỉ tiêu / indicators", exported);

        string validated = CliAssert.Succeeded(CliRunner.Run("catalogue", "validate", file));
        Assert.Contains($"Hợp lệ / Valid: {IndicatorCatalogue.BuiltIn.Count} chỉ tiêu / indicators, {IndicatorCatalogue.BuiltIn.Forms.Count} biểu / forms", validated);

        // Read back, written again: the same JSON, and the same catalogue.
        KtxhResult<IndicatorCatalogue> read = IndicatorCatalogueJson.ReadFile(file);
        Assert.True(read.Success, string.Join('\n', read.Errors));
        Assert.Equal(JsonNode.Parse(File.ReadAllText(file))!.ToJsonString(), JsonNode.Parse(IndicatorCatalogueJson.Write(read.Value!))!.ToJsonString());
        Assert.Equal(IndicatorCatalogue.BuiltIn.Indicators.Select(i => i.Code), read.Value!.Indicators.Select(i => i.Code));
        Assert.Equal(IndicatorCatalogue.BuiltIn.Forms.Select(f => f.Code), read.Value.Forms.Select(f => f.Code));
        Assert.Equal(IndicatorCatalogue.BuiltIn.Version, read.Value.Version);
    }

    [Fact]
    public void Validate_reports_a_duplicate_code_with_its_json_path()
    {
        string file = temp.File("catalogue.json");
        CliAssert.Succeeded(CliRunner.Run("catalogue", "export", file));
        JsonNode root = JsonNode.Parse(File.ReadAllText(file))!;
        JsonArray indicators = root["indicators"]!.AsArray();
        string first = indicators[0]!["code"]!.GetValue<string>();
        indicators[5]!["code"] = first;
        File.WriteAllText(temp.File("dup.json"), root.ToJsonString());

        CliResult result = CliRunner.Run("catalogue", "validate", temp.File("dup.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"$.indicators[5].code: [DuplicateCode] Mã chỉ tiêu '{first}' bị trùng với $.indicators[0] / Indicator code '{first}' duplicates $.indicators[0]", result.Stdout);
    }

    [Fact]
    public void Validate_reports_truncated_json_with_its_line()
    {
        string file = temp.File("catalogue.json");
        CliAssert.Succeeded(CliRunner.Run("catalogue", "export", file));
        File.WriteAllText(temp.File("broken.json"), File.ReadAllText(file)[..5000]);

        CliResult result = CliRunner.Run("catalogue", "validate", temp.File("broken.json"));
        Assert.Equal(1, result.ExitCode);
        // Located by Ktxh.Core's LocatedJson, as every JSON format of the SDK: "broken.json, dòng 120, cột 7 / … : [InvalidJson] …".
        Assert.Contains("broken.json, ", result.Stdout);
        Assert.Contains("dòng ", result.Stdout);
        Assert.Contains(": [InvalidJson] ", result.Stdout);
        Assert.Contains("1 lỗi / errors", result.Stdout);
    }

    [Fact]
    public void Validate_reports_a_missing_file()
    {
        // Issue 8 §4: a file that cannot be read is invalid input: exit 2, on stderr, nothing on stdout, no .NET text.
        CliResult result = CliRunner.Run("catalogue", "validate", temp.File("none.json"));
        CliAssert.RejectedBilingually(result, 2, "không tìm thấy tệp", "not found");
        Assert.DoesNotContain("Could not find", result.Stderr);
    }
}
