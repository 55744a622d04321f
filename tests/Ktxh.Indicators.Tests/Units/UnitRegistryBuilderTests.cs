namespace Ktxh.Indicators.Tests.Units;

/// <summary>Building and extending registries; dimensions as products of base dimensions.</summary>
public sealed class UnitRegistryBuilderTests
{
    [Fact]
    public void Compound_units_are_real_products_and_quotients()
    {
        MeasureUnitRegistry r = MeasureUnitRegistry.Default;
        MeasureUnit quintalPerHa = r.Get("QUINTAL").Divide(r.Get("HA"));
        Assert.Equal("QUINTAL_PER_HA", quintalPerHa.Code);
        Assert.Equal(r.Get("QUINTAL_PER_HA").Dimension, quintalPerHa.Dimension);
        Assert.Equal(r.Get("QUINTAL_PER_HA").Scale, quintalPerHa.Scale);
        Assert.False(quintalPerHa.IsAdditive);

        MeasureUnit tonneKm = r.Get("TONNE").Multiply(r.Get("KM"));
        Assert.Equal(r.Get("TONNE_KM").Scale, tonneKm.Scale);
        Assert.Equal(r.Get("TONNE_KM").Dimension, tonneKm.Dimension);

        MeasureUnit litrePerPerson = r.Get("LITRE").Divide(r.Get("PERSON"));
        Assert.Equal(0.001m, litrePerPerson.Scale);
    }

    [Fact]
    public void Dimensions_compare_by_their_factors_whatever_the_order()
    {
        Dimension yield = Dimension.Mass / Dimension.Area;
        Dimension same = Dimension.Length.Pow(-2) * Dimension.Mass;
        Assert.Equal(yield, same);
        Assert.Equal(yield.GetHashCode(), same.GetHashCode());
        Assert.Equal("LENGTH^-2*MASS", yield.ToString());
        Assert.Equal("khối lượng/diện tích", yield.NameVi);
        Assert.Equal("mass/area", yield.NameEn);
        Assert.True((Dimension.Persons / Dimension.Persons).IsDimensionless);
        Assert.Equal(Dimension.Dimensionless, default);
        Assert.Equal(Dimension.Volume, Dimension.Area * Dimension.Length);
        Assert.Equal(-2, yield.ExponentOf(BaseDimension.Length));
        Assert.Equal(Dimension.Energy, MeasureUnitRegistry.Default.Get("KWH").Dimension);
        Assert.Equal("năng lượng", Dimension.Energy.NameVi);
    }

    [Theory]
    [InlineData("MASS/LENGTH^2", "LENGTH^-2*MASS")]
    [InlineData("MASS*LENGTH^2/TIME^2", "LENGTH^2*MASS*TIME^-2")]
    [InlineData("1", "1")]
    [InlineData("PERSON/PERSON", "1")]
    [InlineData("1/TIME", "TIME^-1")]
    public void Dimension_text_is_parsed(string text, string canonical)
    {
        Assert.Equal(canonical, MeasureUnitRegistry.CreateBuilder().ParseDimension(text).Value.ToString());
    }

    [Theory]
    [InlineData("MASS/", MeasureUnitErrorCode.InvalidDefinition)]
    [InlineData("NOPE", MeasureUnitErrorCode.InvalidDefinition)]
    [InlineData("MASS^x", MeasureUnitErrorCode.InvalidDefinition)]
    [InlineData("", MeasureUnitErrorCode.InvalidDefinition)]
    public void Bad_dimension_text_is_reported(string text, MeasureUnitErrorCode kind)
    {
        Assert.True(MeasureUnitRegistry.CreateBuilder().ParseDimension(text, ErrorLocation.AtJsonPath("$.x")).Errors[0].Is(kind));
    }

    [Fact]
    public void Extending_the_default_leaves_it_unchanged()
    {
        MeasureUnitRegistry extended = MeasureUnitRegistry.Default.ToBuilder()
            .AddAlias("VND_BN", "tỷ")
            .Add(new MeasureUnit("SAO_BAC_BO", "Sào Bắc Bộ", "sao (northern, 360 m²)", Dimension.Area, 360m, new[] { "sào" }))
            .Build();

        Assert.Equal("VND_BN", extended.Resolve("Tỷ").Value.Code);
        Assert.False(MeasureUnitRegistry.Default.TryResolve("Tỷ", out _));
        Assert.Equal(3.6m, extended.Parse("sào").ConvertTo(100m, extended.Parse("ha")).Value);
        Assert.False(MeasureUnitRegistry.Default.TryResolve("sào", out _));
    }

    [Fact]
    public void A_text_that_already_means_another_unit_is_rejected_when_added()
    {
        MeasureUnitRegistryBuilder b = MeasureUnitRegistry.Default.ToBuilder();
        ArgumentException ex = Assert.Throws<ArgumentException>(() => b.AddAlias("VND_M", "Tỉ đồng"));
        Assert.Contains("VND_BN", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => b.Add(new MeasureUnit("VND_BN", "Tỷ đồng mới", "new", Dimension.MoneyVnd, 1m)));
        Assert.Equal("VND_BN", b.Build().Resolve("Tỉ đồng").Value.Code);
    }

    [Theory]
    [InlineData("vnd_bn")]
    [InlineData("")]
    public void Bad_codes_are_rejected(string code)
    {
        Assert.Throws<ArgumentException>(() => new MeasureUnit(code, "x", "x", Dimension.Mass, 1m));
    }

    [Fact]
    public void A_non_positive_scale_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new MeasureUnit("X", "x", "x", Dimension.Mass, 0m));
    }

    [Fact]
    public void Json_adds_base_dimensions_and_units()
    {
        MeasureUnitRegistryBuilder b = MeasureUnitRegistry.CreateBuilder();
        KtxhResult<MeasureUnitRegistry> r = b.AddJson("""
            {
              "baseDimensions": [ { "code": "TREE", "nameVi": "số cây", "nameEn": "trees", "kind": "Count", "baseUnitVi": "cây" } ],
              "units": [
                { "code": "TREE", "nameVi": "Cây", "nameEn": "tree", "dimension": "TREE", "scale": "1" },
                { "code": "TREE_K", "nameVi": "Nghìn cây", "nameEn": "thousand trees", "dimension": "TREE", "scale": "1000", "aliases": [ "1000 cây" ] },
                { "code": "TREE_PER_HA", "nameVi": "Cây/ha", "nameEn": "trees per hectare", "dimension": "TREE/LENGTH^2", "scale": "0.0001", "additive": false }
              ]
            }
            """, "trees.json").BuildResult();
        Assert.True(r.Success, r.ToString());
        Assert.Equal(3, r.Value.Units.Length);
        MeasureUnitRegistry reg = b.Build();
        Assert.Equal(2.5m, reg.Parse("Cây").ConvertTo(2500m, reg.Parse("ngàn cây")).Value);
        Assert.Equal(2500m, reg.Parse("1.000 cây").ConvertTo(2.5m, reg.Parse("Cây")).Value);
        Assert.False(reg.Parse("Cây/ha").IsAdditive);
        Assert.Contains(reg.BaseDimensions, d => d.Code == "TREE" && d.Kind == BaseDimensionKind.Count);
    }

    [Fact]
    public void Invalid_json_adds_nothing_and_reports_every_problem_with_its_path()
    {
        MeasureUnitRegistryBuilder b = MeasureUnitRegistry.Default.ToBuilder();
        int before = b.Units.Count;
        KtxhResult<MeasureUnitRegistry> r = b.AddJson("""
            {
              "units": [
                { "code": "GOOD", "nameVi": "Tốt", "nameEn": "good", "dimension": "MASS", "scale": "1" },
                { "code": "BAD_SCALE", "nameVi": "Xấu", "nameEn": "bad", "dimension": "MASS", "scale": "-1" },
                { "code": "BAD_DIM", "nameVi": "Xấu 2", "nameEn": "bad 2", "dimension": "WHAT", "scale": "1" },
                { "code": "CLASH", "nameVi": "Tỷ đồng", "nameEn": "clash", "dimension": "VND", "scale": "1" }
              ]
            }
            """, "host.json").BuildResult();

        Assert.False(r.Success);
        Assert.Equal(3, r.Errors.Count);
        Assert.Equal(ErrorLocation.AtJsonPath("$.units[1].scale").WithSource("host.json"), r.Errors[0].Location);
        Assert.Equal(ErrorLocation.AtJsonPath("$.units[2].dimension").WithSource("host.json"), r.Errors[1].Location);
        Assert.Equal(ErrorLocation.AtJsonPath("$.units[3]").WithSource("host.json"), r.Errors[2].Location);
        Assert.Equal(before, b.Units.Count);
        Assert.DoesNotContain(b.Units, u => u.Code == "GOOD");
        Assert.Equal(r.Errors, Assert.Throws<KtxhException>(() => b.Build()).Errors);
    }

    [Theory]
    [InlineData("{ \"units\": [ { \"code\": \"TREE\", \"nameVi\": \"Cây\", \"nameEn\": \"tree\", \"dimension\": \"MASS\", \"scale\": \"1\", \"aliasses\": [ \"c\" ] } ] }", "$.units[0].aliasses")]
    [InlineData("{ \"baseDimensions\": [ { \"code\": \"TREE\", \"nameVi\": \"số cây\", \"nameEn\": \"trees\", \"kind\": \"Count\", \"baseUnitVi\": \"cây\", \"knd\": \"x\" } ] }", "$.baseDimensions[0].knd")]
    public void A_misspelt_property_is_an_error_not_a_silently_dropped_setting(string json, string path)
    {
        MeasureUnitRegistryBuilder b = MeasureUnitRegistry.CreateBuilder();
        KtxhResult<MeasureUnitRegistry> r = b.AddJson(json).BuildResult();

        Assert.False(r.Success);
        Assert.Equal(path, r.Errors[0].Location.JsonPath);
        Assert.Contains("Thuộc tính không xác định", r.Errors[0].MessageVi);
        Assert.Contains("Unknown property", r.Errors[0].MessageEn);
        Assert.DoesNotContain(b.Units, u => u.Code == "TREE");
    }

    [Theory]
    [InlineData("{ \"units\": 5 }", "$.units")]
    [InlineData("{ \"units\": [ 7 ] }", "$.units[0]")]
    [InlineData("{ \"baseDimensions\": [ \"x\" ] }", "$.baseDimensions[0]")]
    [InlineData("{ \"units\": [ { \"code\": \"X\", \"nameVi\": \"x\", \"nameEn\": \"x\", \"dimension\": \"MASS^2000000000*MASS^2000000000\", \"scale\": \"1\" } ] }", "$.units[0].dimension")]
    [InlineData("[]", "$")]
    public void Json_of_the_wrong_shape_is_reported_with_its_path(string json, string path)
    {
        KtxhResult<MeasureUnitRegistry> r = MeasureUnitRegistry.CreateBuilder().AddJson(json).BuildResult();
        Assert.False(r.Success);
        Assert.Equal(path, r.Errors[0].Location.JsonPath);
    }

    [Fact]
    public void Malformed_json_is_reported_not_thrown()
    {
        KtxhResult<MeasureUnitRegistry> r = MeasureUnitRegistry.CreateBuilder().AddJson("{ \"units\": [ ", "broken.json").BuildResult();
        Assert.True(r.Errors[0].Is(JsonReadErrorCode.InvalidJson), r.ToString());
        Assert.Equal("broken.json", r.Errors[0].Location.Source);
        Assert.Equal(1, r.Errors[0].Location.Line);
    }

    [Fact]
    public void The_embedded_data_file_is_valid_on_its_own()
    {
        using Stream s = typeof(MeasureUnitRegistry).Assembly.GetManifestResourceStream("Ktxh.Indicators.Data.units.json")!;
        KtxhResult<MeasureUnitRegistry> r = MeasureUnitRegistry.CreateBuilder().AddJson(s).BuildResult();
        Assert.True(r.Success, r.ToString());
        Assert.Equal(MeasureUnitRegistry.Default.Units.Length, r.Value.Units.Length);
    }
}
