using Ktxh.Indicators;

namespace Ktxh.Indicators.Tests;

/// <summary>
/// The catalogue is shared between threads: a caller that casts one of its lists back to an array or list and writes
/// to it must not change what other callers see.
/// </summary>
public sealed class CatalogueImmutabilityTests
{
    private static readonly IndicatorCatalogue Catalogue = IndicatorCatalogue.BuiltIn;

    /// <summary>Every list the catalogue and its model objects hand out.</summary>
    public static TheoryData<string> Lists() => new()
    {
        "Indicators", "Agencies", "Disaggregations", "Forms", "FormSets", "ByAgency", "ChildrenOf",
        "Indicator.Periods", "Indicator.Disaggregations", "Form.Rows", "Form.Columns", "Form.FilledBy", "Form.ReceivedBy",
        "FormSet.FormCodes", "FormSet.UnitKinds", "Disaggregation.Categories", "FormColumn.StandardPeriodic",
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void A_list_cast_back_cannot_be_written(string name)
    {
        object list = Get(name);
        Assert.True(list is System.Collections.IList, name + " is empty or not a list in the built-in catalogue");
        var asList = (System.Collections.IList)list;
        Assert.NotEmpty(asList);
        object? first = asList[0];
        Assert.True(asList.IsReadOnly, name + " can be written through IList");
        Assert.ThrowsAny<NotSupportedException>(() => asList[0] = first);
        Assert.False(list is Array, name + " is a bare array: (T[])list can overwrite the catalogue");
    }

    private static object Get(string name)
    {
        Indicator withParent = Catalogue.Indicators.First(i => i.Relation is not null);
        Indicator withDisaggregation = Catalogue.Indicators.FirstOrDefault(i => i.Disaggregations.Count > 0)
            ?? SampleCatalogue.Builder().Build().Indicators.First(i => i.Disaggregations.Count > 0);
        IndicatorCatalogue sample = SampleCatalogue.Builder().Build();
        ReportForm form = Catalogue.Forms.First(f => f.FilledBy.Count > 0 && f.ReceivedBy.Count > 0 && f.Columns.Count > 0);
        FormSet set = Catalogue.FormSets.Count > 0 ? Catalogue.FormSets.First(s => s.UnitKinds.Count > 0) : sample.FormSets.First();
        Disaggregation disaggregation = (Catalogue.Disaggregations.Count > 0 ? Catalogue.Disaggregations : sample.Disaggregations)
            .First(d => d.Categories.Count > 0);
        return name switch
        {
            "Indicators" => Catalogue.Indicators,
            "Agencies" => Catalogue.Agencies,
            "Disaggregations" => sample.Disaggregations,
            "Forms" => Catalogue.Forms,
            "FormSets" => sample.FormSets,
            "ByAgency" => Catalogue.ByAgency(Catalogue.Indicators.First(i => i.AgencyCode is not null).AgencyCode!),
            "ChildrenOf" => Catalogue.ChildrenOf(withParent.Relation!.Value.ParentCode),
            "Indicator.Periods" => Catalogue.Indicators[0].Periods,
            "Indicator.Disaggregations" => withDisaggregation.Disaggregations,
            "Form.Rows" => form.Rows,
            "Form.Columns" => form.Columns,
            "Form.FilledBy" => form.FilledBy,
            "Form.ReceivedBy" => form.ReceivedBy,
            "FormSet.FormCodes" => set.FormCodes,
            "FormSet.UnitKinds" => set.UnitKinds,
            "Disaggregation.Categories" => disaggregation.Categories,
            "FormColumn.StandardPeriodic" => FormColumn.StandardPeriodic,
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}
