namespace Ktxh.Indicators.Tests.Units;

/// <summary>How unit texts are normalised and resolved, and how failures are reported.</summary>
public sealed class UnitResolutionTests
{
    [Theory]
    [InlineData("Tỷ đồng", "VND_BN")]
    [InlineData("tỷ đồng", "VND_BN")]
    [InlineData("TỶ ĐỒNG", "VND_BN")]
    [InlineData("Tỉ đồng", "VND_BN")]
    [InlineData("tỷ  đồng", "VND_BN")]
    [InlineData("tỷ\u00A0đồng", "VND_BN")]
    [InlineData("tỷ VNĐ", "VND_BN")]
    [InlineData("Nghìn tấn", "TONNE_K")]
    [InlineData("Ngàn tấn", "TONNE_K")]
    [InlineData("1000 tấn", "TONNE_K")]
    [InlineData("1.000 tấn", "TONNE_K")]
    [InlineData("1,000 tấn", "TONNE_K")]
    [InlineData("10^3 tấn", "TONNE_K")]
    [InlineData("1000tấn", "TONNE_K")]
    [InlineData("1.000.000 đồng", "VND_M")]
    [InlineData("1000000 đồng", "VND_M")]
    [InlineData("ngàn đồng", "VND_K")]
    [InlineData("m²", "M2")]
    [InlineData("M2", "M2")]
    [InlineData("1000 m²", "M2_K")]
    [InlineData("m³", "M3")]
    [InlineData("km²", "KM2")]
    [InlineData("người/km²", "PERSON_PER_KM2")]
    [InlineData("Người / km2", "PERSON_PER_KM2")]
    [InlineData("tạ / ha", "QUINTAL_PER_HA")]
    [InlineData("(Tạ/ha)", "QUINTAL_PER_HA")]
    [InlineData("Khu,cụm", "INDUSTRIAL_ZONE")]
    [InlineData("Khu ,  cụm", "INDUSTRIAL_ZONE")]
    [InlineData("tấn·km", "TONNE_KM")]
    [InlineData("tấn × km", "TONNE_KM")]
    [InlineData("Bác sĩ", "DOCTOR")]
    [InlineData("giường/10.000 dân", "BED_PER_10K_PERSON")]
    [InlineData("‰", "PERMILLE")]
    [InlineData("phần trăm", "PCT")]
    [InlineData("billion dong", "VND_BN")]
    [InlineData("VND_BN", "VND_BN")]
    [InlineData("kW.h", "KWH")]
    [InlineData("triệu kWh", "KWH_M")]
    public void Spelling_variants_resolve_to_one_unit(string text, string code)
    {
        KtxhResult<MeasureUnit> r = MeasureUnitRegistry.Default.Resolve(text);
        Assert.True(r.Success, r.ToString());
        Assert.Equal(code, r.Value.Code);
    }

    [Theory]
    [InlineData("Ty dong", "VND_BN")]
    [InlineData("Trieu dong", "VND_M")]
    [InlineData("Nghin tan", "TONNE_K")]
    [InlineData("Nguoi", "PERSON")]
    [InlineData("Ta/ha", "QUINTAL_PER_HA")]
    [InlineData("Ho", "HOUSEHOLD")]
    [InlineData("Doanh nghiep", "ENTERPRISE")]
    [InlineData("Luot", "VISIT")]
    public void Text_without_diacritics_from_ocr_resolves_when_only_one_unit_fits(string text, string code)
    {
        Assert.Equal(code, MeasureUnitRegistry.Default.Resolve(text).Value.Code);
    }

    [Fact]
    public void Text_without_diacritics_that_fits_several_units_is_reported_with_the_candidates()
    {
        MeasureUnitRegistry registry = MeasureUnitRegistry.CreateBuilder()
            .Add(new MeasureUnit("TONNE", "Tấn", "tonne", Dimension.Mass, 1000m))
            .Add(new MeasureUnit("TAN_X", "Tân", "made-up unit", Dimension.Persons, 1m))
            .Build();

        KtxhResult<MeasureUnit> r = registry.Resolve("tan");

        Assert.False(r.Success);
        Assert.Equal(MeasureUnitErrorCode.AmbiguousUnit.ToString(), r.Errors[0].Code);
        Assert.Contains("TONNE", r.Errors[0].MessageVi, StringComparison.Ordinal);
        Assert.Contains("TAN_X", r.Errors[0].MessageEn, StringComparison.Ordinal);
        Assert.Equal("TONNE", registry.Resolve("tấn").Value.Code);
    }

    [Fact]
    public void Text_with_wrong_diacritics_is_not_matched_by_the_ocr_fallback()
    {
        // The fallback applies only to plain ASCII input; "tân" is a different word, not a spelling of "tấn".
        Assert.False(MeasureUnitRegistry.Default.TryResolve("tân", out _));
    }

    [Theory]
    [InlineData("xyz")]
    [InlineData("Tỷ")]
    [InlineData("sào")]
    [InlineData("tấn/ha/năm")]
    public void Unknown_text_is_reported_in_both_languages_and_never_guessed(string text)
    {
        KtxhResult<MeasureUnit> r = MeasureUnitRegistry.Default.Resolve(text);
        Assert.False(r.Success);
        KtxhError e = r.Errors[0];
        Assert.Equal(MeasureUnitErrorCode.UnknownUnit.ToString(), e.Code);
        Assert.Equal("Không nhận ra đơn vị tính '" + text + "'", e.MessageVi);
        Assert.Equal("Unknown unit of measure '" + text + "'", e.MessageEn);
        Assert.Equal("Không nhận ra đơn vị tính '" + text + "' / Unknown unit of measure '" + text + "'", e.Message);
        Assert.False(MeasureUnitRegistry.Default.TryResolve(text, out MeasureUnit? none));
        Assert.Null(none);
        KtxhException ex = Assert.Throws<KtxhException>(() => MeasureUnitRegistry.Default.Parse(text));
        Assert.Contains("Unknown unit of measure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_says_where_the_text_came_from()
    {
        KtxhError e = MeasureUnitRegistry.Default.Resolve("xyz", ErrorLocation.AtJsonPath("$.indicators[12].unit")).Errors[0];
        Assert.Equal("$.indicators[12].unit", e.Location.JsonPath);
        Assert.StartsWith("$.indicators[12].unit: [UnknownUnit] ", e.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n")]
    public void Empty_text_is_reported_as_empty(string? text)
    {
        KtxhResult<MeasureUnit> r = MeasureUnitRegistry.Default.Resolve(text);
        Assert.Equal(MeasureUnitErrorCode.EmptyText.ToString(), r.Errors[0].Code);
    }

    [Theory]
    [InlineData("Tỷ đồng", "tỷ đồng")]
    [InlineData("  Nghìn   tấn ", "nghìn tấn")]
    [InlineData("Ngàn tấn", "nghìn tấn")]
    [InlineData("1.000 tấn", "nghìn tấn")]
    [InlineData("1000c", "nghìn c")]
    [InlineData("m²", "m2")]
    [InlineData("(tấn)", "tấn")]
    [InlineData("Tạ / ha", "tạ/ha")]
    [InlineData("hoá", "hóa")]
    [InlineData("thuỷ", "thủy")]
    [InlineData("quý", "quý")]
    [InlineData("Khu,cụm", "khu, cụm")]
    [InlineData("1,5", "1,5")]
    [InlineData("Tỉ", "tỷ")]
    public void Normalisation_follows_the_documented_steps(string text, string key)
    {
        Assert.Equal(key, MeasureUnitText.Normalize(text));
    }

    [Fact]
    public void Get_finds_by_code_and_reports_an_unknown_code_in_both_languages()
    {
        Assert.Equal("Tỷ đồng", MeasureUnitRegistry.Default.Get("VND_BN").NameVi);
        Assert.True(MeasureUnitRegistry.Default.TryGet("HA", out MeasureUnit? ha));
        Assert.Equal(10000m, ha.Scale);
        KeyNotFoundException ex = Assert.Throws<KeyNotFoundException>(() => MeasureUnitRegistry.Default.Get("NOPE"));
        Assert.Contains("Không có đơn vị tính mã 'NOPE'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("No unit of measure has code 'NOPE'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnitsOf_lists_the_units_of_a_dimension_smallest_first()
    {
        string[] codes = MeasureUnitRegistry.Default.UnitsOf(Dimension.MoneyVnd).Select(u => u.Code).ToArray();
        Assert.Equal(new[] { "VND", "VND_K", "VND_M", "VND_BN", "VND_TN" }, codes);
    }

    [Fact]
    public void The_default_registry_is_built_once_and_shared_between_threads()
    {
        MeasureUnitRegistry[] seen = new MeasureUnitRegistry[16];
        Parallel.For(0, seen.Length, i => seen[i] = MeasureUnitRegistry.Default);
        Assert.All(seen, r => Assert.Same(MeasureUnitRegistry.Default, r));
        Assert.True(MeasureUnitRegistry.Default.Units.Length > 100);
    }
}
