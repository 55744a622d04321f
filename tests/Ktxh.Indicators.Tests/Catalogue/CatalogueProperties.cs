using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Indicators;

namespace Ktxh.Indicators.Tests;

public class CatalogueProperties
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public void Any_valid_catalogue_round_trips_through_json(GeneratedCatalogue generated)
    {
        string json = IndicatorCatalogueJson.Write(generated.Catalogue);
        KtxhResult<IndicatorCatalogue> back = IndicatorCatalogueJson.Read(json);
        Assert.True(back.Success, string.Join(Environment.NewLine, back.Errors));
        Assert.True(generated.Catalogue.DiffTo(back.Value!).IsEmpty);
        Assert.Equal(generated.Catalogue.Version, back.Value!.Version);
        Assert.Equal(generated.Catalogue.ComponentTolerance, back.Value.ComponentTolerance);
        Assert.Equal(generated.Catalogue.Forms.Count, back.Value.Forms.Count);
        Assert.Equal(json, IndicatorCatalogueJson.Write(back.Value));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public void Every_injected_defect_is_rejected_with_its_error_code(GeneratedCatalogue generated, CatalogueDefect defect, NonNegativeInt pick)
    {
        JsonNode doc = JsonNode.Parse(IndicatorCatalogueJson.Write(generated.Catalogue))!;
        JsonArray indicators = doc["indicators"]!.AsArray();
        int i = pick.Get % indicators.Count;
        JsonNode target = indicators[i]!;
        string code = target["code"]!.GetValue<string>();
        CatalogueErrorCode expected = Inject(doc, target, code, defect, indicators);
        KtxhResult<IndicatorCatalogue> result = IndicatorCatalogueJson.Read(doc.ToJsonString());
        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Is(expected));
    }

    private static CatalogueErrorCode Inject(JsonNode doc, JsonNode target, string code, CatalogueDefect defect, JsonArray indicators)
    {
        switch (defect)
        {
            case CatalogueDefect.DuplicateCode:
                indicators.Add(target.DeepClone());
                return CatalogueErrorCode.DuplicateCode;
            case CatalogueDefect.MissingName:
                target["nameVi"] = "";
                return CatalogueErrorCode.MissingName;
            case CatalogueDefect.UnknownParent:
                target["parent"] = "NO_SUCH_PARENT";
                return CatalogueErrorCode.UnknownParent;
            case CatalogueDefect.ParentCycle:
                target["parent"] = code;
                target["relation"] = "Detail";
                return CatalogueErrorCode.ParentCycle;
            case CatalogueDefect.UnknownUnit:
                target["unit"] = "NO_SUCH_UNIT";
                return CatalogueErrorCode.UnknownUnit;
            case CatalogueDefect.RuleDoesNotFit:
                target["valueKind"] = "Text";
                target["acrossUnits"] = new JsonObject { ["method"] = "Sum" };
                return CatalogueErrorCode.RuleDoesNotFitValueKind;
            case CatalogueDefect.RuleMissingOperand:
                target["acrossTime"] = new JsonObject { ["method"] = "WeightedAverage" };
                return CatalogueErrorCode.RuleMissingOperand;
            case CatalogueDefect.FormulaSyntax:
                target["acrossUnits"] = new JsonObject { ["method"] = "Formula", ["formula"] = $"[{code}] * (2" };
                return CatalogueErrorCode.FormulaSyntax;
            case CatalogueDefect.FormulaUnknownCode:
                target["acrossUnits"] = new JsonObject { ["method"] = "Formula", ["formula"] = "[NO_SUCH_CODE] / 2" };
                return CatalogueErrorCode.FormulaUnknownCode;
            case CatalogueDefect.FormulaCycle:
                target["acrossUnits"] = new JsonObject { ["method"] = "Formula", ["formula"] = $"[{code}] + 1" };
                return CatalogueErrorCode.FormulaCycle;
            case CatalogueDefect.UnknownAgency:
                target["agency"] = "NO_SUCH_AGENCY";
                return CatalogueErrorCode.UnknownAgency;
            case CatalogueDefect.UnknownDisaggregation:
                target["disaggregations"] = new JsonArray("age");
                return CatalogueErrorCode.UnknownDisaggregation;
            case CatalogueDefect.InvalidValidity:
                target["validFrom"] = "2030-01-01";
                target["validTo"] = "2029-12-31";
                return CatalogueErrorCode.InvalidValidity;
            case CatalogueDefect.NoPeriods:
                target["periods"] = new JsonArray();
                return CatalogueErrorCode.NoPeriods;
            case CatalogueDefect.InvalidPrecision:
                target["precision"] = -1;
                return CatalogueErrorCode.InvalidPrecision;
            case CatalogueDefect.UnsupportedSchemaVersion:
                doc["schemaVersion"] = 0;
                return CatalogueErrorCode.UnsupportedSchemaVersion;
            case CatalogueDefect.FormUnknownIndicator:
                doc["forms"]!.AsArray().Add(new JsonObject
                {
                    ["code"] = "BAD.FORM", ["nameVi"] = "Biểu lỗi", ["periodType"] = "Year",
                    ["rows"] = new JsonArray(new JsonObject { ["indicator"] = "NO_SUCH_CODE" }),
                });
                return CatalogueErrorCode.FormUnknownIndicator;
            case CatalogueDefect.FormSetUnknownForm:
                doc["formSets"]!.AsArray().Add(new JsonObject { ["code"] = "BAD.SET", ["nameVi"] = "Hệ lỗi", ["forms"] = new JsonArray("NO_SUCH_FORM") });
                return CatalogueErrorCode.FormSetUnknownForm;
            default:
                throw new ArgumentOutOfRangeException(nameof(defect));
        }
    }

    // The expected matches come from the ASCII words the names were written from (see SearchCase), never from the
    // folding under test: an ASCII query finds exactly the names whose letters, diacritics and case aside, contain it.
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public Property Search_finds_exactly_the_names_that_contain_the_query_ignoring_diacritics_and_case(SearchCase search)
    {
        IndicatorCatalogue c = search.Catalogue();
        string[] expected = search.Expected.Select(i => $"Q{i}").ToArray();
        string[] found = c.Search(search.Query).Select(i => i.Code).ToArray();
        bool accentedTarget = search.Expected.Any(i => search.Names[i].Any(ch => ch > 0x7F));
        return (expected.SequenceEqual(found)).Label($"expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]")
            .Classify(accentedTarget, "a match has diacritics")
            .Classify(search.Names.Any(n => n.Any(ch => ch is 'đ' or 'Đ')), "a name has đ/Đ")
            .Classify(search.Names.Any(n => !n.IsNormalized(System.Text.NormalizationForm.FormC)), "a name is decomposed")
            .Collect($"{expected.Length} match(es)");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public void Search_finds_every_indicator_by_its_whole_name_in_upper_case(GeneratedCatalogue generated, NonNegativeInt pick)
    {
        IndicatorCatalogue c = generated.Catalogue;
        Indicator target = c.Indicators[pick.Get % c.Count];
        Assert.Contains(target, c.Search(target.NameVi.ToUpperInvariant()));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
    public void Lookup_by_code_agrees_with_a_linear_scan(GeneratedCatalogue generated)
    {
        IndicatorCatalogue c = generated.Catalogue;
        foreach (Indicator i in c.Indicators)
        {
            Assert.Same(c.Indicators.Single(x => x.Code == i.Code), c.Get(i.Code));
            Assert.Equal(c.Indicators.Where(x => x.AgencyCode == i.AgencyCode && i.AgencyCode is not null), i.AgencyCode is null ? [] : c.ByAgency(i.AgencyCode));
        }
    }
}
