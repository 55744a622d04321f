using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Indicators.Tests;

public class BuiltInCatalogueTests
{
    private static int TsvRowCount(string resource) =>
        BuiltInCatalogue.ReadResource(resource).Split('\n').Skip(1).Count(l => l.TrimEnd('\r').Length > 0);

    [Fact]
    public void Built_in_catalogue_loads_with_no_errors()
    {
        KtxhResult<IndicatorCatalogue> result = BuiltInCatalogue.Load();
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void Built_in_count_equals_the_number_of_tsv_rows()
    {
        Assert.Equal(TsvRowCount(BuiltInCatalogue.IndicatorsResourceName), IndicatorCatalogue.BuiltIn.Count);
    }

    [Fact]
    public void Every_agency_group_becomes_a_form_and_every_indicator_is_on_its_group_form()
    {
        IndicatorCatalogue c = IndicatorCatalogue.BuiltIn;
        Assert.Equal(TsvRowCount(BuiltInCatalogue.AgenciesResourceName), c.Forms.Count);
        Assert.Equal(c.Count, c.Forms.Sum(f => f.Rows.Count));
        Assert.All(c.Indicators, i => Assert.Single(c.FormsContaining(i.Code)));
    }

    [Fact]
    public void Every_agency_has_a_form_set_listing_its_forms()
    {
        IndicatorCatalogue c = IndicatorCatalogue.BuiltIn;
        Assert.Equal(c.Agencies.Count, c.FormSets.Count);
        foreach (FormSet set in c.FormSets)
        {
            Assert.All(set.FormCodes, code => Assert.Equal(set.Code, c.GetForm(code).AgencyCode));
        }
    }

    [Fact]
    public void Built_in_is_the_same_instance_each_time()
    {
        Assert.Same(IndicatorCatalogue.BuiltIn, IndicatorCatalogue.BuiltIn);
    }

    [Fact]
    public void Built_in_round_trips_through_json()
    {
        IndicatorCatalogue c = IndicatorCatalogue.BuiltIn;
        KtxhResult<IndicatorCatalogue> back = IndicatorCatalogueJson.Read(IndicatorCatalogueJson.Write(c));
        Assert.True(back.Success, string.Join(Environment.NewLine, back.Errors.Take(10)));
        Assert.True(c.DiffTo(back.Value!).IsEmpty);
        Assert.Equal(IndicatorCatalogueJson.Write(c), IndicatorCatalogueJson.Write(back.Value!));
    }

    [Fact]
    public void Average_population_is_a_yearly_stock_in_thousand_persons()
    {
        Indicator population = IndicatorCatalogue.BuiltIn.Search("dan so trung binh").First();
        Assert.Equal(ValueKind.Stock, population.ValueKind);
        Assert.Equal("PERSON_K", population.MeasureUnitCode);
        Assert.Contains(PeriodType.Year, population.Periods);
        Assert.Equal("CTK", population.AgencyCode);
    }

    [Fact]
    public void Search_finds_treasury_disbursement_without_diacritics()
    {
        IReadOnlyList<Indicator> found = IndicatorCatalogue.BuiltIn.Search("giai ngan");
        Assert.NotEmpty(found);
        Assert.All(found, i => Assert.Contains("giai ngan", VietnameseText.Fold(i.Code + " " + i.NameVi + " " + i.NameEn)));
    }
}
