using System.Text.Json;
using Ktxh.Indicators;
using NodaTime;

namespace Ktxh.Integration.Tests.Cli;

/// <summary>
/// <c>ktxh units</c> (administrative units, Resolution 202/2025/QH15, QĐ 19/2025/QĐ-TTg) and <c>ktxh uom</c> (units of measure).
/// </summary>
[Collection("Console")]
public class UnitsCommandTests
{
    [Fact]
    public void Hanoi_after_the_reform_has_126_communes()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("units", "list", "--province", "01", "--as-of", "2026-01-01"));
        Assert.StartsWith("01 Thành phố Hà Nội as of 2026-01-01: 126 communes", stdout);
        Assert.Contains("00004  Phường Ba Đình", stdout);
    }

    [Fact]
    public void The_34_provinces_have_3321_communes_between_them()
    {
        // Since 1/7/2025: 34 provinces and 3,321 communes (DOMAIN.md; Resolution 202/2025/QH15).
        AdministrativeHierarchy hierarchy = ReportingUnitDirectory.Vietnam.AsOf(new LocalDate(2026, 1, 1));
        string[] provinces = hierarchy.ChildrenOf("VN").Select(p => p.Code).ToArray();
        Assert.Equal(34, provinces.Length);
        int total = 0;
        foreach (string province in provinces)
        {
            JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("units", "list", "--province", province, "--as-of", "2026-01-01", "--json"));
            Assert.Equal(province, json.GetProperty("province").GetProperty("code").GetString());
            Assert.Equal(json.GetProperty("communes").GetArrayLength(), json.GetProperty("count").GetInt32());
            total += json.GetProperty("count").GetInt32();
        }

        Assert.Equal(3321, total);
    }

    [Fact]
    public void An_old_commune_maps_to_its_new_commune_and_province()
    {
        // Phường Phúc Xá (00001, Ba Đình) merged whole into Phường Hồng Hà (00097) on 1/7/2025.
        JsonElement json = CliAssert.SucceededWithJson(CliRunner.Run("units", "map", "--from", "00001", "--as-of", "2026-01-01", "--json"));
        Assert.Equal("Mapped", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("complete").GetBoolean());
        Assert.Equal("01", json.GetProperty("province").GetProperty("code").GetString());
        JsonElement target = Assert.Single(json.GetProperty("targets").EnumerateArray());
        Assert.Equal("00097", target.GetProperty("code").GetString());
        Assert.Equal(1m, target.GetProperty("share").GetDecimal());
        Assert.Equal("2025-07-01", target.GetProperty("path")[0].GetProperty("effective").GetString());
    }

    [Fact]
    public void Show_and_search_find_Hanoi()
    {
        string show = CliAssert.Succeeded(CliRunner.Run("units", "show", "01", "--as-of", "2026-01-01"));
        Assert.Contains("01 Thành phố Hà Nội (Province) as of 2026-01-01", show);
        Assert.Contains("children: 141", show); // 126 communes and the 15 built-in agencies (issue 9 §2)

        JsonElement hits = CliAssert.SucceededWithJson(CliRunner.Run("units", "search", "ba dinh", "--as-of", "2026-01-01", "--json"));
        Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("unit").GetProperty("code").GetString() == "00004");
    }

    [Fact]
    public void An_unknown_code_exits_1_with_a_bilingual_flag()
    {
        CliResult result = CliRunner.Run("units", "map", "--from", "99999", "--as-of", "2026-01-01");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Mã '99999' không tồn tại / Unknown code '99999'.", result.Stdout);
    }

    [Fact]
    public void An_unknown_province_is_rejected_bilingually()
    {
        CliAssert.RejectedBilingually(CliRunner.Run("units", "list", "--province", "99", "--as-of", "2026-01-01"), 2, "không có tỉnh mã '99'", "no province with code '99'");
    }

    [Theory]
    [InlineData("show", "01")]
    [InlineData("search", "Hà Nội")]
    public void A_bad_as_of_date_is_rejected_with_exit_code_2(string sub, string arg)
    {
        CliAssert.RejectedBilingually(CliRunner.Run("units", sub, arg, "--as-of", "2026-13-01"), 2, "ngày không hợp lệ", "invalid date");
    }

    [Theory]
    [InlineData("1234.5", "Triệu đồng", "Tỷ đồng", "1.2345")]
    [InlineData("2.5", "Tỷ đồng", "Triệu đồng", "2500")]
    [InlineData("1500", "Tấn", "Nghìn tấn", "1.5")]
    public void Uom_converts_exactly(string value, string from, string to, string expected)
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("uom", "convert", value, from, to));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Uom_refuses_to_mix_dimensions()
    {
        CliResult result = CliRunner.Run("uom", "convert", "1", "Tỷ đồng", "Tấn");
        Assert.Equal(2, result.ExitCode); // invalid input (issue 8 §4)
        Assert.Empty(result.Stdout);
        Assert.NotEmpty(result.Stderr);
    }

    [Fact]
    public void Uom_rejects_a_bad_value_bilingually()
    {
        // Issue 8 §4: invalid input is exit 2, not 1.
        CliAssert.RejectedBilingually(CliRunner.Run("uom", "convert", "abc", "Tỷ đồng", "Triệu đồng"), 2, "Giá trị 'abc' không phải số", "The value 'abc' is not a number");
    }

    [Fact]
    public void Uom_resolves_printed_unit_texts()
    {
        string stdout = CliAssert.Succeeded(CliRunner.Run("uom", "resolve", "Tỷ đồng", "Nghìn tấn"));
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
