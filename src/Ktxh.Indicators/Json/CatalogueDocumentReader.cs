using System.Text.Json;

namespace Ktxh.Indicators;

/// <summary>
/// Reads a well-formed catalogue document straight from its parsed <see cref="JsonDocument"/>, as the source-generated
/// <see cref="CatalogueJsonContext"/> would, without the serializer: its first use compiles hundreds of generic methods
/// (property metadata over <c>int?</c>, <c>decimal?</c>, <c>bool?</c>, converters) that ReadyToRun code cannot hold,
/// about half the start-up cost of reading a catalogue. Only the plain case is read here: every property known, spelled
/// exactly, once, with a value of its own type (or null). Anything else (an unknown property, a value of the wrong
/// type, a number out of range) returns null, and the serializer reads the document and reports the problem as before.
/// </summary>
internal static class CatalogueDocumentReader
{
    /// <summary>The document, or null when the serializer must read it (see the class remarks).</summary>
    /// <param name="root">The root element.</param>
    public static CatalogueDocument? TryRead(JsonElement root) => root.ValueKind == JsonValueKind.Object ? Root(root) : null;

    private static CatalogueDocument? Root(JsonElement e)
    {
        var d = new CatalogueDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "schemaVersion":
                    if (!Once(ref seen, 0) || !Int(v, out int? x0))
                    {
                        return null;
                    }

                    d.SchemaVersion = x0;
                    break;
                case "version":
                    if (!Once(ref seen, 1) || !Text(v, out string? x1))
                    {
                        return null;
                    }

                    d.Version = x1;
                    break;
                case "componentTolerance":
                    if (!Once(ref seen, 2) || !Number(v, out decimal? x2))
                    {
                        return null;
                    }

                    d.ComponentTolerance = x2;
                    break;
                case "agencies":
                    if (!Once(ref seen, 3) || !List(v, Agency, out List<AgencyDocument>? x3))
                    {
                        return null;
                    }

                    d.Agencies = x3;
                    break;
                case "disaggregations":
                    if (!Once(ref seen, 4) || !List(v, Disaggregation, out List<DisaggregationDocument>? x4))
                    {
                        return null;
                    }

                    d.Disaggregations = x4;
                    break;
                case "indicators":
                    if (!Once(ref seen, 5) || !List(v, Indicator, out List<IndicatorDocument>? x5))
                    {
                        return null;
                    }

                    d.Indicators = x5;
                    break;
                case "forms":
                    if (!Once(ref seen, 6) || !List(v, Form, out List<FormDocument>? x6))
                    {
                        return null;
                    }

                    d.Forms = x6;
                    break;
                case "formSets":
                    if (!Once(ref seen, 7) || !List(v, FormSet, out List<FormSetDocument>? x7))
                    {
                        return null;
                    }

                    d.FormSets = x7;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static AgencyDocument? Agency(JsonElement e)
    {
        var d = new AgencyDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "code":
                    if (!Once(ref seen, 0) || !Text(v, out string? x0))
                    {
                        return null;
                    }

                    d.Code = x0;
                    break;
                case "nameVi":
                    if (!Once(ref seen, 1) || !Text(v, out string? x1))
                    {
                        return null;
                    }

                    d.NameVi = x1;
                    break;
                case "nameEn":
                    if (!Once(ref seen, 2) || !Text(v, out string? x2))
                    {
                        return null;
                    }

                    d.NameEn = x2;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static DisaggregationDocument? Disaggregation(JsonElement e)
    {
        var d = new DisaggregationDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "code":
                    if (!Once(ref seen, 0) || !Text(v, out string? x0))
                    {
                        return null;
                    }

                    d.Code = x0;
                    break;
                case "nameVi":
                    if (!Once(ref seen, 1) || !Text(v, out string? x1))
                    {
                        return null;
                    }

                    d.NameVi = x1;
                    break;
                case "nameEn":
                    if (!Once(ref seen, 2) || !Text(v, out string? x2))
                    {
                        return null;
                    }

                    d.NameEn = x2;
                    break;
                case "categories":
                    if (!Once(ref seen, 3) || !List(v, Category, out List<CategoryDocument>? x3))
                    {
                        return null;
                    }

                    d.Categories = x3;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static CategoryDocument? Category(JsonElement e)
    {
        var d = new CategoryDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "code":
                    if (!Once(ref seen, 0) || !Text(v, out string? x0))
                    {
                        return null;
                    }

                    d.Code = x0;
                    break;
                case "nameVi":
                    if (!Once(ref seen, 1) || !Text(v, out string? x1))
                    {
                        return null;
                    }

                    d.NameVi = x1;
                    break;
                case "nameEn":
                    if (!Once(ref seen, 2) || !Text(v, out string? x2))
                    {
                        return null;
                    }

                    d.NameEn = x2;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static IndicatorDocument? Indicator(JsonElement e)
    {
        var d = new IndicatorDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "code":
                    if (!Once(ref seen, 0) || !Text(v, out string? x0))
                    {
                        return null;
                    }

                    d.Code = x0;
                    break;
                case "nameVi":
                    if (!Once(ref seen, 1) || !Text(v, out string? x1))
                    {
                        return null;
                    }

                    d.NameVi = x1;
                    break;
                case "nameEn":
                    if (!Once(ref seen, 2) || !Text(v, out string? x2))
                    {
                        return null;
                    }

                    d.NameEn = x2;
                    break;
                case "unit":
                    if (!Once(ref seen, 3) || !Text(v, out string? x3))
                    {
                        return null;
                    }

                    d.Unit = x3;
                    break;
                case "periods":
                    if (!Once(ref seen, 4) || !Texts(v, out List<string>? x4))
                    {
                        return null;
                    }

                    d.Periods = x4;
                    break;
                case "valueKind":
                    if (!Once(ref seen, 5) || !Text(v, out string? x5))
                    {
                        return null;
                    }

                    d.ValueKind = x5;
                    break;
                case "precision":
                    if (!Once(ref seen, 6) || !Int(v, out int? x6))
                    {
                        return null;
                    }

                    d.Precision = x6;
                    break;
                case "agency":
                    if (!Once(ref seen, 7) || !Text(v, out string? x7))
                    {
                        return null;
                    }

                    d.Agency = x7;
                    break;
                case "parent":
                    if (!Once(ref seen, 8) || !Text(v, out string? x8))
                    {
                        return null;
                    }

                    d.Parent = x8;
                    break;
                case "relation":
                    if (!Once(ref seen, 9) || !Text(v, out string? x9))
                    {
                        return null;
                    }

                    d.Relation = x9;
                    break;
                case "order":
                    if (!Once(ref seen, 10) || !Int(v, out int? x10))
                    {
                        return null;
                    }

                    d.Order = x10;
                    break;
                case "acrossUnits":
                    if (!Once(ref seen, 11) || !Object(v, Rule, out RuleDocument? x11))
                    {
                        return null;
                    }

                    d.AcrossUnits = x11;
                    break;
                case "acrossTime":
                    if (!Once(ref seen, 12) || !Object(v, Rule, out RuleDocument? x12))
                    {
                        return null;
                    }

                    d.AcrossTime = x12;
                    break;
                case "disaggregations":
                    if (!Once(ref seen, 13) || !Texts(v, out List<string>? x13))
                    {
                        return null;
                    }

                    d.Disaggregations = x13;
                    break;
                case "priceBasis":
                    if (!Once(ref seen, 14) || !Text(v, out string? x14))
                    {
                        return null;
                    }

                    d.PriceBasis = x14;
                    break;
                case "confidentiality":
                    if (!Once(ref seen, 15) || !Text(v, out string? x15))
                    {
                        return null;
                    }

                    d.Confidentiality = x15;
                    break;
                case "embargoed":
                    if (!Once(ref seen, 16) || !Bool(v, out bool? x16))
                    {
                        return null;
                    }

                    d.Embargoed = x16;
                    break;
                case "validFrom":
                    if (!Once(ref seen, 17) || !Text(v, out string? x17))
                    {
                        return null;
                    }

                    d.ValidFrom = x17;
                    break;
                case "validTo":
                    if (!Once(ref seen, 18) || !Text(v, out string? x18))
                    {
                        return null;
                    }

                    d.ValidTo = x18;
                    break;
                case "note":
                    if (!Once(ref seen, 19) || !Text(v, out string? x19))
                    {
                        return null;
                    }

                    d.Note = x19;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static RuleDocument? Rule(JsonElement e)
    {
        var d = new RuleDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "method":
                    if (!Once(ref seen, 0) || !Text(v, out string? x0))
                    {
                        return null;
                    }

                    d.Method = x0;
                    break;
                case "numerator":
                    if (!Once(ref seen, 1) || !Text(v, out string? x1))
                    {
                        return null;
                    }

                    d.Numerator = x1;
                    break;
                case "denominator":
                    if (!Once(ref seen, 2) || !Text(v, out string? x2))
                    {
                        return null;
                    }

                    d.Denominator = x2;
                    break;
                case "factor":
                    if (!Once(ref seen, 3) || !Number(v, out decimal? x3))
                    {
                        return null;
                    }

                    d.Factor = x3;
                    break;
                case "weight":
                    if (!Once(ref seen, 4) || !Text(v, out string? x4))
                    {
                        return null;
                    }

                    d.Weight = x4;
                    break;
                case "formula":
                    if (!Once(ref seen, 5) || !Text(v, out string? x5))
                    {
                        return null;
                    }

                    d.Formula = x5;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static FormDocument? Form(JsonElement e)
    {
        var d = new FormDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "code":
                    if (!Once(ref seen, 0) || !Text(v, out string? x0))
                    {
                        return null;
                    }

                    d.Code = x0;
                    break;
                case "nameVi":
                    if (!Once(ref seen, 1) || !Text(v, out string? x1))
                    {
                        return null;
                    }

                    d.NameVi = x1;
                    break;
                case "nameEn":
                    if (!Once(ref seen, 2) || !Text(v, out string? x2))
                    {
                        return null;
                    }

                    d.NameEn = x2;
                    break;
                case "version":
                    if (!Once(ref seen, 3) || !Text(v, out string? x3))
                    {
                        return null;
                    }

                    d.Version = x3;
                    break;
                case "periodType":
                    if (!Once(ref seen, 4) || !Text(v, out string? x4))
                    {
                        return null;
                    }

                    d.PeriodType = x4;
                    break;
                case "mixedPeriods":
                    if (!Once(ref seen, 5) || !Bool(v, out bool? x5))
                    {
                        return null;
                    }

                    d.MixedPeriods = x5;
                    break;
                case "cutOff":
                    if (!Once(ref seen, 6) || !Text(v, out string? x6))
                    {
                        return null;
                    }

                    d.CutOff = x6;
                    break;
                case "deadline":
                    if (!Once(ref seen, 7) || !Text(v, out string? x7))
                    {
                        return null;
                    }

                    d.Deadline = x7;
                    break;
                case "agency":
                    if (!Once(ref seen, 8) || !Text(v, out string? x8))
                    {
                        return null;
                    }

                    d.Agency = x8;
                    break;
                case "filledBy":
                    if (!Once(ref seen, 9) || !Texts(v, out List<string>? x9))
                    {
                        return null;
                    }

                    d.FilledBy = x9;
                    break;
                case "receivedBy":
                    if (!Once(ref seen, 10) || !Texts(v, out List<string>? x10))
                    {
                        return null;
                    }

                    d.ReceivedBy = x10;
                    break;
                case "rows":
                    if (!Once(ref seen, 11) || !List(v, Row, out List<RowDocument>? x11))
                    {
                        return null;
                    }

                    d.Rows = x11;
                    break;
                case "columns":
                    if (!Once(ref seen, 12) || !List(v, Column, out List<ColumnDocument>? x12))
                    {
                        return null;
                    }

                    d.Columns = x12;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static RowDocument? Row(JsonElement e)
    {
        var d = new RowDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "indicator":
                    if (!Once(ref seen, 0) || !Text(v, out string? x0))
                    {
                        return null;
                    }

                    d.Indicator = x0;
                    break;
                case "level":
                    if (!Once(ref seen, 1) || !Int(v, out int? x1))
                    {
                        return null;
                    }

                    d.Level = x1;
                    break;
                case "ofWhich":
                    if (!Once(ref seen, 2) || !Bool(v, out bool? x2))
                    {
                        return null;
                    }

                    d.OfWhich = x2;
                    break;
                case "required":
                    if (!Once(ref seen, 3) || !Bool(v, out bool? x3))
                    {
                        return null;
                    }

                    d.Required = x3;
                    break;
                case "label":
                    if (!Once(ref seen, 4) || !Text(v, out string? x4))
                    {
                        return null;
                    }

                    d.Label = x4;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static ColumnDocument? Column(JsonElement e)
    {
        var d = new ColumnDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "kind":
                    if (!Once(ref seen, 0) || !Text(v, out string? x0))
                    {
                        return null;
                    }

                    d.Kind = x0;
                    break;
                case "mode":
                    if (!Once(ref seen, 1) || !Text(v, out string? x1))
                    {
                        return null;
                    }

                    d.Mode = x1;
                    break;
                case "headerVi":
                    if (!Once(ref seen, 2) || !Text(v, out string? x2))
                    {
                        return null;
                    }

                    d.HeaderVi = x2;
                    break;
                case "headerEn":
                    if (!Once(ref seen, 3) || !Text(v, out string? x3))
                    {
                        return null;
                    }

                    d.HeaderEn = x3;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static FormSetDocument? FormSet(JsonElement e)
    {
        var d = new FormSetDocument();
        int seen = 0;
        foreach (JsonProperty p in e.EnumerateObject())
        {
            JsonElement v = p.Value;
            switch (p.Name)
            {
                case "code":
                    if (!Once(ref seen, 0) || !Text(v, out string? x0))
                    {
                        return null;
                    }

                    d.Code = x0;
                    break;
                case "nameVi":
                    if (!Once(ref seen, 1) || !Text(v, out string? x1))
                    {
                        return null;
                    }

                    d.NameVi = x1;
                    break;
                case "nameEn":
                    if (!Once(ref seen, 2) || !Text(v, out string? x2))
                    {
                        return null;
                    }

                    d.NameEn = x2;
                    break;
                case "unitKinds":
                    if (!Once(ref seen, 3) || !Texts(v, out List<string>? x3))
                    {
                        return null;
                    }

                    d.UnitKinds = x3;
                    break;
                case "forms":
                    if (!Once(ref seen, 4) || !Texts(v, out List<string>? x4))
                    {
                        return null;
                    }

                    d.Forms = x4;
                    break;
                default:
                    return null;
            }
        }

        return d;
    }

    private static bool Text(JsonElement v, out string? value)
    {
        value = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return v.ValueKind is JsonValueKind.String or JsonValueKind.Null;
    }

    private static bool Int(JsonElement v, out int? value)
    {
        value = null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i))
        {
            value = i;
            return true;
        }

        return v.ValueKind == JsonValueKind.Null;
    }

    private static bool Number(JsonElement v, out decimal? value)
    {
        value = null;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out decimal d))
        {
            value = d;
            return true;
        }

        return v.ValueKind == JsonValueKind.Null;
    }

    private static bool Bool(JsonElement v, out bool? value)
    {
        value = v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
        return v.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null;
    }

    /// <summary>A list of texts (a null item stays null, as the serializer reads it), or null.</summary>
    private static bool Texts(JsonElement v, out List<string>? value)
    {
        value = null;
        if (v.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<string>(v.GetArrayLength());
        foreach (JsonElement item in v.EnumerateArray())
        {
            if (!Text(item, out string? text))
            {
                return false;
            }

            list.Add(text!);
        }

        value = list;
        return true;
    }

    /// <summary>A list of objects (a null item stays null), or null.</summary>
    private static bool List<T>(JsonElement v, Func<JsonElement, T?> read, out List<T>? value)
        where T : class
    {
        value = null;
        if (v.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<T>(v.GetArrayLength());
        foreach (JsonElement item in v.EnumerateArray())
        {
            if (!Object(item, read, out T? element))
            {
                return false;
            }

            list.Add(element!);
        }

        value = list;
        return true;
    }

    /// <summary>An object (or null); false when it is neither or holds something the serializer must read.</summary>
    private static bool Object<T>(JsonElement v, Func<JsonElement, T?> read, out T? value)
        where T : class
    {
        value = null;
        if (v.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        value = read(v);
        return value is not null;
    }

    /// <summary>Marks a property of an object as read; false when it was already (a repeated property goes to the serializer).</summary>
    private static bool Once(ref int seen, int property)
    {
        int bit = 1 << property;
        if ((seen & bit) != 0)
        {
            return false;
        }

        seen |= bit;
        return true;
    }
}
