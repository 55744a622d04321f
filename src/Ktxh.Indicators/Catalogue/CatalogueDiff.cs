namespace Ktxh.Indicators;

/// <summary>What changed in an indicator between two catalogue versions.</summary>
/// <param name="Code">The indicator code.</param>
/// <param name="Before">The indicator in the older catalogue.</param>
/// <param name="After">The indicator in the newer catalogue.</param>
/// <param name="ChangedFields">The changed fields, named as in the JSON schema (<c>unit</c>, <c>nameVi</c>, <c>acrossUnits</c>…).</param>
public sealed record IndicatorChange(string Code, Indicator Before, Indicator After, IReadOnlyList<string> ChangedFields);

/// <summary>The differences between two catalogue versions: added, removed and changed indicators. Immutable.</summary>
/// <param name="Added">Indicators only in the newer catalogue, in its order.</param>
/// <param name="Removed">Indicators only in the older catalogue, in its order.</param>
/// <param name="Changed">Indicators in both whose definition differs, in the newer catalogue's order.</param>
public sealed record CatalogueDiff(IReadOnlyList<Indicator> Added, IReadOnlyList<Indicator> Removed, IReadOnlyList<IndicatorChange> Changed)
{
    /// <summary>Gets a value indicating whether the two catalogues define the same indicators.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;

    /// <summary>Compares two catalogue versions.</summary>
    /// <param name="older">The older catalogue.</param>
    /// <param name="newer">The newer catalogue.</param>
    /// <returns>The differences.</returns>
    public static CatalogueDiff Between(IndicatorCatalogue older, IndicatorCatalogue newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var added = new List<Indicator>();
        var changed = new List<IndicatorChange>();
        foreach (Indicator after in newer.Indicators)
        {
            if (!older.TryGet(after.Code, out Indicator before))
            {
                added.Add(after);
                continue;
            }

            IReadOnlyList<string> fields = ChangedFields(before, after);
            if (fields.Count > 0)
            {
                changed.Add(new IndicatorChange(after.Code, before, after, fields));
            }
        }

        Indicator[] removed = older.Indicators.Where(i => !newer.Contains(i.Code)).ToArray();
        return new CatalogueDiff(added, removed, changed);
    }

    /// <summary>Lists the fields (JSON names) whose values differ between two definitions of an indicator.</summary>
    /// <param name="before">The older definition.</param>
    /// <param name="after">The newer definition.</param>
    /// <returns>The changed field names, in schema order.</returns>
    public static IReadOnlyList<string> ChangedFields(Indicator before, Indicator after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var fields = new List<string>();
        void Check(string name, bool same)
        {
            if (!same)
            {
                fields.Add(name);
            }
        }

        Check("code", before.Code == after.Code);
        Check("nameVi", before.NameVi == after.NameVi);
        Check("nameEn", before.NameEn == after.NameEn);
        Check("unit", before.MeasureUnitCode == after.MeasureUnitCode);
        Check("periods", before.Periods.SequenceEqual(after.Periods));
        Check("valueKind", before.ValueKind == after.ValueKind);
        Check("precision", before.Precision == after.Precision);
        Check("agency", before.AgencyCode == after.AgencyCode);
        Check("parent", before.Relation?.ParentCode == after.Relation?.ParentCode);
        Check("relation", before.Relation?.Kind == after.Relation?.Kind);
        Check("order", before.Order == after.Order);
        Check("acrossUnits", before.AcrossUnits == after.AcrossUnits);
        Check("acrossTime", before.AcrossTime == after.AcrossTime);
        Check("disaggregations", before.Disaggregations.SequenceEqual(after.Disaggregations));
        Check("priceBasis", before.PriceBasis == after.PriceBasis);
        Check("confidentiality", before.Confidentiality == after.Confidentiality);
        Check("embargoed", before.EmbargoedUntilPublished == after.EmbargoedUntilPublished);
        Check("validFrom", before.ValidFrom == after.ValidFrom);
        Check("validTo", before.ValidTo == after.ValidTo);
        Check("note", before.Note == after.Note);
        return fields;
    }
}
