using System.Text.Json.Serialization;

namespace Ktxh.Indicators;

// The JSON document shapes (schema version 1, documented in docs/catalogue-json.md). Enumerations and dates are
// strings here so that a bad value is reported with its JSON path instead of failing the whole document.

internal sealed class CatalogueDocument
{
    public int? SchemaVersion { get; set; }

    public string? Version { get; set; }

    public decimal? ComponentTolerance { get; set; }

    public List<AgencyDocument>? Agencies { get; set; }

    public List<DisaggregationDocument>? Disaggregations { get; set; }

    public List<IndicatorDocument>? Indicators { get; set; }

    public List<FormDocument>? Forms { get; set; }

    public List<FormSetDocument>? FormSets { get; set; }
}

internal sealed class AgencyDocument
{
    public string? Code { get; set; }

    public string? NameVi { get; set; }

    public string? NameEn { get; set; }
}

internal sealed class DisaggregationDocument
{
    public string? Code { get; set; }

    public string? NameVi { get; set; }

    public string? NameEn { get; set; }

    public List<CategoryDocument>? Categories { get; set; }
}

internal sealed class CategoryDocument
{
    public string? Code { get; set; }

    public string? NameVi { get; set; }

    public string? NameEn { get; set; }
}

internal sealed class IndicatorDocument
{
    public string? Code { get; set; }

    public string? NameVi { get; set; }

    public string? NameEn { get; set; }

    public string? Unit { get; set; }

    public List<string>? Periods { get; set; }

    public string? ValueKind { get; set; }

    public int? Precision { get; set; }

    public string? Agency { get; set; }

    public string? Parent { get; set; }

    public string? Relation { get; set; }

    public int? Order { get; set; }

    public RuleDocument? AcrossUnits { get; set; }

    public RuleDocument? AcrossTime { get; set; }

    public List<string>? Disaggregations { get; set; }

    public string? PriceBasis { get; set; }

    public string? Confidentiality { get; set; }

    public bool? Embargoed { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }

    public string? Note { get; set; }
}

internal sealed class RuleDocument
{
    public string? Method { get; set; }

    public string? Numerator { get; set; }

    public string? Denominator { get; set; }

    public decimal? Factor { get; set; }

    public string? Weight { get; set; }

    public string? Formula { get; set; }
}

internal sealed class FormDocument
{
    public string? Code { get; set; }

    public string? NameVi { get; set; }

    public string? NameEn { get; set; }

    public string? Version { get; set; }

    public string? PeriodType { get; set; }

    public bool? MixedPeriods { get; set; }

    public string? CutOff { get; set; }

    public string? Deadline { get; set; }

    public string? Agency { get; set; }

    public List<string>? FilledBy { get; set; }

    public List<string>? ReceivedBy { get; set; }

    public List<RowDocument>? Rows { get; set; }

    public List<ColumnDocument>? Columns { get; set; }
}

internal sealed class RowDocument
{
    public string? Indicator { get; set; }

    public int? Level { get; set; }

    public bool? OfWhich { get; set; }

    public bool? Required { get; set; }

    public string? Label { get; set; }
}

internal sealed class ColumnDocument
{
    public string? Kind { get; set; }

    public string? Mode { get; set; }

    public string? HeaderVi { get; set; }

    public string? HeaderEn { get; set; }
}

internal sealed class FormSetDocument
{
    public string? Code { get; set; }

    public string? NameVi { get; set; }

    public string? NameEn { get; set; }

    public List<string>? UnitKinds { get; set; }

    public List<string>? Forms { get; set; }
}

/// <summary>Source-generated serialisation metadata for the catalogue document (no reflection, trimming-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CatalogueDocument))]
internal sealed partial class CatalogueJsonContext : JsonSerializerContext;
