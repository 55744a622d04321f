using System.Text;
using Ktxh.Indicators;
using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ktxh.Indicators.Tests;

public class CatalogueLookupTests
{
    private static readonly IndicatorCatalogue Catalogue = SampleCatalogue.Build();

    [Fact]
    public void Lookups_by_code_agency_parent_and_form()
    {
        Assert.Equal("Dân số trung bình", Catalogue.Get("POP").NameVi);
        Assert.True(Catalogue.Contains("DISB"));
        Assert.False(Catalogue.TryGet("GHOST", out _));
        Assert.Null(Catalogue.Find("GHOST"));
        Assert.Throws<KeyNotFoundException>(() => Catalogue.Get("GHOST"));
        Assert.Equal(["DISB", "PLAN", "DISB_PCT"], Catalogue.ByAgency("KBNN").Select(i => i.Code));
        Assert.Empty(Catalogue.ByAgency("NONE"));
        Assert.Equal(["INV_STATE", "INV_OTHER"], Catalogue.ComponentsOf("INV").Select(i => i.Code));
        Assert.Equal(["POP_URBAN"], Catalogue.OfWhichOf("POP").Select(i => i.Code));
        Assert.Equal("INV", Catalogue.ParentOf("INV_STATE")!.Code);
        Assert.Equal(["INV", "INV_STATE", "INV_OTHER"], Catalogue.ByForm("001.Q/BCC-CTK").Select(i => i.Code));
        Assert.Equal(["002.N/BCC-CTK"], Catalogue.FormsContaining("POP_URBAN").Select(f => f.Code));
        Assert.True(Catalogue.TryGetFormSet("CTK-SET", out FormSet set));
        Assert.Equal(2, set.FormCodes.Count);
    }

    [Theory]
    [InlineData("giai ngan", "DISB")]
    [InlineData("GIAI NGÂN", "DISB")]
    [InlineData("Giải Ngân", "DISB")]
    [InlineData("dan so trung binh", "POP")]
    [InlineData("đầu tư công", "PLAN")]
    [InlineData("dau tu cong", "DISB")]
    [InlineData("danh gia", "NOTE")]
    [InlineData("Đánh GIÁ", "NOTE")]
    [InlineData("disbursed", "DISB")]
    [InlineData("disb_pct", "DISB_PCT")]
    public void Search_ignores_diacritics_and_case(string query, string expected) =>
        Assert.Contains(Catalogue.Search(query), i => i.Code == expected);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("khong co chi tieu nay")]
    public void Search_with_no_match_is_empty(string query) => Assert.Empty(Catalogue.Search(query));

    [Fact]
    public void Decomposed_input_is_normalised_to_nfc()
    {
        string nfd = "Dân số".Normalize(NormalizationForm.FormD);
        var indicator = new Indicator { Code = "X", NameVi = nfd, ValueKind = ValueKind.Text };
        Assert.True(indicator.NameVi.IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Dân số", indicator.NameVi);
        IndicatorCatalogue c = new IndicatorCatalogueBuilder()
            .Add(new Indicator { Code = "MÃ1".Normalize(NormalizationForm.FormD), NameVi = "a", Periods = [PeriodType.Year], ValueKind = ValueKind.Text })
            .Build();
        Assert.True(c.Contains("MÃ1"));
        Assert.True(c.Contains("MÃ1".Normalize(NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Giải ngân vốn Đầu tư", "giai ngan von dau tu")]
    [InlineData("  ĐƯỜNG   bộ ", "duong bo")]
    [InlineData("Tỷ lệ hộ nghèo", "ty le ho ngheo")]
    public void Folding(string text, string folded) => Assert.Equal(folded, VietnameseText.Fold(text));

    [Fact]
    public void Validity_dates_select_the_indicators_in_force()
    {
        Assert.Contains(Catalogue.ValidOn(new LocalDate(2025, 1, 1)), i => i.Code == "CPI");
        Assert.DoesNotContain(Catalogue.ValidOn(new LocalDate(2031, 1, 1)), i => i.Code == "CPI");
        Assert.Contains(Catalogue.ValidOn(new LocalDate(2031, 1, 1)), i => i.Code == "POP");
    }

    [Fact]
    public void Diff_lists_added_removed_and_changed_with_fields()
    {
        IndicatorCatalogueBuilder b = new IndicatorCatalogueBuilder().WithVersion("test-2");
        foreach (Agency a in Catalogue.Agencies)
        {
            b.AddAgency(a);
        }

        foreach (Disaggregation d in Catalogue.Disaggregations)
        {
            b.AddDisaggregation(d);
        }

        foreach (Indicator i in Catalogue.Indicators.Where(i => i.Code != "NOTE"))
        {
            b.Add(i.Code == "POP"
                ? new Indicator
                {
                    Code = i.Code, NameVi = i.NameVi, NameEn = i.NameEn, MeasureUnitCode = "PERSON", Periods = i.Periods, ValueKind = i.ValueKind,
                    Precision = 0, AgencyCode = i.AgencyCode, Disaggregations = i.Disaggregations, EmbargoedUntilPublished = i.EmbargoedUntilPublished,
                }
                : i);
        }

        b.Add(new Indicator { Code = "NEW", NameVi = "Mới", Periods = [PeriodType.Year], ValueKind = ValueKind.Count, MeasureUnitCode = "ENTERPRISE" });
        IndicatorCatalogue newer = b.Build();
        CatalogueDiff diff = Catalogue.DiffTo(newer);
        Assert.Equal(["NEW"], diff.Added.Select(i => i.Code));
        Assert.Equal(["NOTE"], diff.Removed.Select(i => i.Code));
        IndicatorChange change = Assert.Single(diff.Changed);
        Assert.Equal("POP", change.Code);
        Assert.Equal(["unit", "precision"], change.ChangedFields);
        Assert.True(Catalogue.DiffTo(Catalogue).IsEmpty);
    }

    [Fact]
    public void ToBuilder_rebuilds_an_equal_catalogue()
    {
        IndicatorCatalogue again = Catalogue.ToBuilder().Build();
        Assert.True(Catalogue.DiffTo(again).IsEmpty);
        Assert.Equal(IndicatorCatalogueJson.Write(Catalogue), IndicatorCatalogueJson.Write(again));
    }

    [Fact]
    public void Concurrent_readers_see_the_same_answers()
    {
        IndicatorCatalogue c = IndicatorCatalogue.BuiltIn;
        int[] counts = new int[64];
        Parallel.For(0, counts.Length, k => counts[k] = c.Search("ty le").Count + c.Indicators.Count(i => c.TryGet(i.Code, out _)));
        Assert.All(counts, n => Assert.Equal(counts[0], n));
    }

    [Fact]
    public void Di_registers_the_built_in_catalogue_by_default()
    {
        var services = new ServiceCollection();
        services.AddKtxhIndicators().AddKtxhIndicators();
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Assert.Same(IndicatorCatalogue.BuiltIn, provider.GetRequiredService<IndicatorCatalogue>());
        Assert.Same(BuiltInIndicatorCatalogueSource.Instance, provider.GetRequiredService<IIndicatorCatalogueSource>());
        Assert.Same(MeasureUnitRegistry.Default, provider.GetRequiredService<MeasureUnitRegistry>());
        Assert.NotNull(provider.GetRequiredService<DataValueValidator>());
        Assert.Single(services, d => d.ServiceType == typeof(IndicatorCatalogue));
        Assert.Single(services, d => d.ServiceType == typeof(IIndicatorCatalogueSource));
    }

    [Fact]
    public void Di_calls_compose_the_later_source_and_the_earlier_units_both_apply()
    {
        var services = new ServiceCollection();
        services.AddKtxhIndicators(o => o.MeasureUnits = MeasureUnitRegistry.Default)
            .AddKtxhIndicators(o => o.UseJsonFile("/does/not/exist.json"));
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // The second call is not dropped: its file is what the container loads, and a missing file is a located error.
        Assert.Equal("exist.json", provider.GetRequiredService<IIndicatorCatalogueSource>().VersionId);
        var e = Assert.Throws<KtxhException>(() => provider.GetRequiredService<IndicatorCatalogue>());
        KtxhError error = Assert.Single(e.Errors);
        Assert.Equal(CatalogueErrorCode.InvalidJson.ToString(), error.Code);
        Assert.Equal("exist.json", error.Location.Source);
        Assert.Same(MeasureUnitRegistry.Default, provider.GetRequiredService<MeasureUnitRegistry>());
    }

    /// <summary>A host's own store: a one-indicator catalogue built in code.</summary>
    private sealed class TinySource : IIndicatorCatalogueSource
    {
        public int Loads { get; private set; }

        public string VersionId => "tiny-1";

        public KtxhResult<IndicatorCatalogue> Load()
        {
            Loads++;
            var b = new IndicatorCatalogueBuilder().WithVersion("tiny-1");
            b.Add(new Indicator { Code = "TINY", NameVi = "Chỉ tiêu nhỏ", ValueKind = ValueKind.Count, MeasureUnitCode = "PERSON", Periods = [PeriodType.Month] });
            return b.BuildResult();
        }
    }

    [Fact]
    public void Di_serves_the_catalogue_of_a_source_the_host_implements()
    {
        var source = new TinySource();
        var services = new ServiceCollection();
        services.AddSingleton<IIndicatorCatalogueSource>(source);
        services.AddKtxhIndicators();
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        IndicatorCatalogue catalogue = provider.GetRequiredService<IndicatorCatalogue>();
        Assert.Equal("tiny-1", catalogue.Version);
        Assert.Equal("TINY", Assert.Single(catalogue.Indicators).Code);
        Assert.Same(catalogue, provider.GetRequiredService<IndicatorCatalogue>());
        Assert.Equal(1, source.Loads);
        Assert.False(provider.GetRequiredService<DataValueValidator>().Validate([DataValue.Number("HNM.CTK.01.001", "x", ReportingPeriod.Month(2026, 1), 1m)]).IsValid);
    }

    [Fact]
    public void Di_loads_a_json_file_or_stream()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ktxh-{Guid.NewGuid()}.json");
        File.WriteAllText(path, SampleCatalogue.Json());
        try
        {
            using ServiceProvider fromFile = new ServiceCollection().AddKtxhIndicators(o => o.UseJsonFile(path)).BuildServiceProvider();
            Assert.Equal(11, fromFile.GetRequiredService<IndicatorCatalogue>().Count);
            using ServiceProvider fromStream = new ServiceCollection()
                .AddKtxhIndicators(o => o.UseJsonStream(() => new MemoryStream(Encoding.UTF8.GetBytes(SampleCatalogue.Json()))))
                .BuildServiceProvider();
            Assert.Equal("test-1", fromStream.GetRequiredService<IndicatorCatalogue>().Version);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Di_reports_an_invalid_json_catalogue_when_resolved()
    {
        using ServiceProvider provider = new ServiceCollection()
            .AddKtxhIndicators(o => o.UseJsonStream(() => new MemoryStream(Encoding.UTF8.GetBytes("{\"schemaVersion\": 7}"))))
            .BuildServiceProvider();
        var e = Assert.Throws<KtxhException>(() => provider.GetRequiredService<IndicatorCatalogue>());
        Assert.Equal(CatalogueErrorCode.UnsupportedSchemaVersion.ToString(), Assert.Single(e.Errors).Code);
    }
}
