using System.Text.Json.Nodes;
using Ktxh.Indicators;

namespace Ktxh.Indicators.Tests;

/// <summary>Each validation error of a JSON catalogue, with its error code and JSON path.</summary>
public class CatalogueJsonValidationTests
{
    private static readonly Dictionary<string, Action<JsonNode>> Mutations = new()
    {
        ["duplicate code"] = d => d["indicators"]![1]!["code"] = "POP",
        ["missing code"] = d => d["indicators"]![2]!["code"] = "",
        ["missing name"] = d => d["indicators"]![2]!["nameVi"] = " ",
        ["unknown parent"] = d => d["indicators"]![3]!["parent"] = "NOPE",
        ["parent cycle"] = d => { d["indicators"]![2]!["parent"] = "INV_STATE"; d["indicators"]![2]!["relation"] = "Detail"; },
        ["of-which with another dimension"] = d => d["indicators"]![1]!["unit"] = "VND_BN",
        ["component not additive"] = d => { d["indicators"]![3]!["valueKind"] = "Percentage"; d["indicators"]![3]!["acrossUnits"] = Rule("None"); d["indicators"]![3]!["acrossTime"] = Rule("None"); },
        ["unknown unit"] = d => d["indicators"]![9]!["unit"] = "NOT_A_UNIT",
        ["percentage summed"] = d => d["indicators"]![7]!["acrossUnits"] = Rule("Sum"),
        ["stock summed over time"] = d => d["indicators"]![0]!["acrossTime"] = Rule("Sum"),
        ["text aggregated"] = d => d["indicators"]![10]!["acrossUnits"] = Rule("Last"),
        ["ratio without denominator"] = d => d["indicators"]![7]!["acrossUnits"]!.AsObject().Remove("denominator"),
        ["ratio with unknown numerator"] = d => d["indicators"]![7]!["acrossUnits"]!["numerator"] = "GHOST",
        ["weight unknown"] = d => d["indicators"]![9]!["acrossUnits"]!["weight"] = "GHOST",
        ["formula syntax"] = d => d["indicators"]![8]!["acrossUnits"]!["formula"] = "INV_STATE / (INV * 100",
        ["formula unknown code"] = d => d["indicators"]![8]!["acrossUnits"]!["formula"] = "INV_STATE / GHOST * 100",
        ["formula cycle"] = d => { d["indicators"]![8]!["acrossUnits"]!["formula"] = "[DISB_PCT] * 2"; d["indicators"]![7]!["acrossUnits"]!["numerator"] = "GROWTH"; },
        ["unknown agency"] = d => d["indicators"]![5]!["agency"] = "SXX",
        ["unknown disaggregation"] = d => d["indicators"]![0]!["disaggregations"]![1] = "age",
        ["validity reversed"] = d => d["indicators"]![9]!["validTo"] = "2019-12-31",
        ["no periods"] = d => d["indicators"]![4]!["periods"] = new JsonArray(),
        ["bad precision"] = d => d["indicators"]![4]!["precision"] = 40,
        ["bad value kind"] = d => d["indicators"]![4]!["valueKind"] = "Money",
        ["bad period name"] = d => d["indicators"]![4]!["periods"]![0] = "Decade",
        ["bad date"] = d => d["indicators"]![9]!["validFrom"] = "01/01/2020",
        ["form unknown indicator"] = d => d["forms"]![0]!["rows"]![2]!["indicator"] = "GHOST",
        ["form duplicate row"] = d => d["forms"]![0]!["rows"]![2]!["indicator"] = "INV_STATE",
        ["form of-which not under its parent"] = d => d["forms"]![0]!["rows"]![1]!["ofWhich"] = true,
        ["form period mismatch"] = d => d["forms"]![1]!["periodType"] = "Month",
        ["form set unknown form"] = d => d["formSets"]![0]!["forms"]![1] = "999.N/BCC-X",
        ["duplicate agency"] = d => d["agencies"]![1]!["code"] = "CTK",
        ["schema version"] = d => d["schemaVersion"] = 2,
        ["unknown field"] = d => d["indicators"]![0]!["unti"] = "PERSON",
        ["wrong type"] = d => d["indicators"]![0]!["precision"] = "one",
        ["negative tolerance"] = d => d["componentTolerance"] = -1,
        ["negative row level"] = d => d["forms"]![0]!["rows"]![1]!["level"] = -1,
        ["bad deadline"] = d => d["forms"]![0]!["deadline"] = "day-of-month-after:40",
        ["unknown cut-off"] = d => d["forms"]![0]!["cutOff"] = "decree99",
        ["cut-off without the form's period"] = d => { d["forms"]![0]!["cutOff"] = "decree09"; d["forms"]![0]!["periodType"] = "HalfMonth"; d["forms"]![0]!["mixedPeriods"] = true; },
    };

    private static JsonObject Rule(string method) => new() { ["method"] = method };

    public static TheoryData<string, CatalogueErrorCode, string> Cases => new()
    {
        { "duplicate code", CatalogueErrorCode.DuplicateCode, "$.indicators[1].code" },
        { "missing code", CatalogueErrorCode.MissingCode, "$.indicators[2].code" },
        { "missing name", CatalogueErrorCode.MissingName, "$.indicators[2].nameVi" },
        { "unknown parent", CatalogueErrorCode.UnknownParent, "$.indicators[3].parent" },
        { "parent cycle", CatalogueErrorCode.ParentCycle, "$.indicators[2].parent" },
        { "of-which with another dimension", CatalogueErrorCode.OfWhichParentMismatch, "$.indicators[1].parent" },
        { "component not additive", CatalogueErrorCode.ComponentMismatch, "$.indicators[3].relation" },
        { "unknown unit", CatalogueErrorCode.UnknownUnit, "$.indicators[9].unit" },
        { "percentage summed", CatalogueErrorCode.RuleDoesNotFitValueKind, "$.indicators[7].acrossUnits.method" },
        { "stock summed over time", CatalogueErrorCode.RuleDoesNotFitValueKind, "$.indicators[0].acrossTime.method" },
        { "text aggregated", CatalogueErrorCode.RuleDoesNotFitValueKind, "$.indicators[10].acrossUnits.method" },
        { "ratio without denominator", CatalogueErrorCode.RuleMissingOperand, "$.indicators[7].acrossUnits.denominator" },
        { "ratio with unknown numerator", CatalogueErrorCode.RuleUnknownIndicator, "$.indicators[7].acrossUnits.numerator" },
        { "weight unknown", CatalogueErrorCode.RuleUnknownIndicator, "$.indicators[9].acrossUnits.weight" },
        { "formula syntax", CatalogueErrorCode.FormulaSyntax, "$.indicators[8].acrossUnits.formula" },
        { "formula unknown code", CatalogueErrorCode.FormulaUnknownCode, "$.indicators[8].acrossUnits.formula" },
        { "formula cycle", CatalogueErrorCode.FormulaCycle, "$.indicators[7].acrossUnits" },
        { "unknown agency", CatalogueErrorCode.UnknownAgency, "$.indicators[5].agency" },
        { "unknown disaggregation", CatalogueErrorCode.UnknownDisaggregation, "$.indicators[0].disaggregations[1]" },
        { "validity reversed", CatalogueErrorCode.InvalidValidity, "$.indicators[9].validTo" },
        { "no periods", CatalogueErrorCode.NoPeriods, "$.indicators[4].periods" },
        { "bad precision", CatalogueErrorCode.InvalidPrecision, "$.indicators[4].precision" },
        { "bad value kind", CatalogueErrorCode.InvalidField, "$.indicators[4].valueKind" },
        { "bad period name", CatalogueErrorCode.InvalidField, "$.indicators[4].periods[0]" },
        { "bad date", CatalogueErrorCode.InvalidField, "$.indicators[9].validFrom" },
        { "form unknown indicator", CatalogueErrorCode.FormUnknownIndicator, "$.forms[0].rows[2].indicator" },
        { "form duplicate row", CatalogueErrorCode.FormDuplicateRow, "$.forms[0].rows[2].indicator" },
        { "form of-which not under its parent", CatalogueErrorCode.FormOfWhichMismatch, "$.forms[0].rows[1].ofWhich" },
        { "form period mismatch", CatalogueErrorCode.FormPeriodMismatch, "$.forms[1].rows[0].indicator" },
        { "form set unknown form", CatalogueErrorCode.FormSetUnknownForm, "$.formSets[0].forms[1]" },
        { "duplicate agency", CatalogueErrorCode.DuplicateCode, "$.agencies[1].code" },
        { "schema version", CatalogueErrorCode.UnsupportedSchemaVersion, "$.schemaVersion" },
        { "unknown field", CatalogueErrorCode.InvalidJson, "$.indicators[0].unti" },
        { "wrong type", CatalogueErrorCode.InvalidJson, "$.indicators[0].precision" },
        { "negative tolerance", CatalogueErrorCode.InvalidTolerance, "$.componentTolerance" },
        { "negative row level", CatalogueErrorCode.InvalidField, "$.forms[0].rows[1].level" },
        { "bad deadline", CatalogueErrorCode.InvalidField, "$.forms[0].deadline" },
        { "unknown cut-off", CatalogueErrorCode.InvalidField, "$.forms[0].cutOff" },
        { "cut-off without the form's period", CatalogueErrorCode.InvalidField, "$.forms[0].cutOff" },
    };

    internal static KtxhResult<IndicatorCatalogue> ReadMutated(string mutation)
    {
        JsonNode doc = JsonNode.Parse(SampleCatalogue.Json())!;
        Mutations[mutation](doc);
        return IndicatorCatalogueJson.Read(doc.ToJsonString());
    }

    [Fact]
    public void The_sample_catalogue_is_valid()
    {
        KtxhResult<IndicatorCatalogue> result = IndicatorCatalogueJson.Read(SampleCatalogue.Json());
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal(11, result.Value!.Count);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_defect_is_reported_with_its_code_and_json_path(string mutation, CatalogueErrorCode code, string path)
    {
        KtxhResult<IndicatorCatalogue> result = ReadMutated(mutation);
        Assert.False(result.Success);
        Assert.Throws<KtxhException>(() => result.Value);
        Assert.Contains(result.Errors, e => e.Is(code) && e.Location.JsonPath == path);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_message_is_bilingual(string mutation, CatalogueErrorCode code, string path)
    {
        _ = code;
        _ = path;
        foreach (KtxhError e in ReadMutated(mutation).Errors)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.MessageVi));
            Assert.False(string.IsNullOrWhiteSpace(e.MessageEn));
            Assert.NotEqual(e.MessageVi, e.MessageEn);
        }
    }

    [Fact]
    public void Every_error_code_of_the_table_is_distinct_from_a_valid_read()
    {
        Assert.All(Mutations.Keys, m => Assert.False(ReadMutated(m).Success, m));
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        JsonNode doc = JsonNode.Parse(SampleCatalogue.Json())!;
        Mutations["unknown unit"](doc);
        Mutations["percentage summed"](doc);
        Mutations["unknown agency"](doc);
        Mutations["form set unknown form"](doc);
        KtxhResult<IndicatorCatalogue> result = IndicatorCatalogueJson.Read(doc.ToJsonString());
        Assert.Equal(
            new[] { "$.indicators[5].agency", "$.indicators[7].acrossUnits.method", "$.indicators[9].unit", "$.formSets[0].forms[1]" }.Order(),
            result.Errors.Select(e => e.Location.JsonPath).Order());
    }

    [Fact]
    public void Malformed_json_is_reported_with_line_and_path()
    {
        KtxhResult<IndicatorCatalogue> result = IndicatorCatalogueJson.Read("{ \"schemaVersion\": 1, \"indicators\": [ { \"code\": } ] }");
        KtxhError error = Assert.Single(result.Errors);
        Assert.Equal(CatalogueErrorCode.InvalidJson.ToString(), error.Code);
        Assert.Contains("line 1", error.MessageEn);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        KtxhResult<IndicatorCatalogue> result = IndicatorCatalogueJson.ReadFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".json"));
        Assert.Equal(CatalogueErrorCode.InvalidJson.ToString(), Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Missing_schema_version_is_rejected()
    {
        KtxhResult<IndicatorCatalogue> result = IndicatorCatalogueJson.Read("{ \"indicators\": [] }");
        Assert.Equal(CatalogueErrorCode.UnsupportedSchemaVersion.ToString(), Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Build_throws_with_every_error_and_builder_paths_follow_insertion_order()
    {
        IndicatorCatalogueBuilder b = SampleCatalogue.Builder();
        b.Add(new Indicator { Code = "X", NameVi = "X", MeasureUnitCode = "NOPE", Periods = [Ktxh.Periods.PeriodType.Year], ValueKind = ValueKind.Amount });
        b.Add(new Indicator { Code = "X", NameVi = "X again", Periods = [Ktxh.Periods.PeriodType.Year], ValueKind = ValueKind.Amount });
        var e = Assert.Throws<KtxhException>(() => b.Build());
        Assert.Contains(e.Errors, x => x.Location.JsonPath == "$.indicators[11].unit" && x.Is(CatalogueErrorCode.UnknownUnit));
        Assert.Contains(e.Errors, x => x.Location.JsonPath == "$.indicators[12].code" && x.Is(CatalogueErrorCode.DuplicateCode));
    }

    [Fact]
    public void Unit_checks_can_be_switched_off()
    {
        IndicatorCatalogueBuilder b = SampleCatalogue.Builder();
        b.WithMeasureUnits(null);
        b.Add(new Indicator { Code = "X", NameVi = "X", MeasureUnitCode = "NOPE", Periods = [Ktxh.Periods.PeriodType.Year], ValueKind = ValueKind.Amount });
        Assert.True(b.BuildResult().Success);
    }
}
