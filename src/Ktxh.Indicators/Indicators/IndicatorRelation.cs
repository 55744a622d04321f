namespace Ktxh.Indicators;

/// <summary>How an indicator relates to its parent row.</summary>
public enum IndicatorRelationKind
{
    /// <summary>
    /// A component: the components of a parent add up to it (within the catalogue's
    /// <see cref="IndicatorCatalogue.ComponentTolerance"/>). Rows marked "+" in seed 004.
    /// </summary>
    Component = 1,

    /// <summary>
    /// "Trong đó" (of which): a part of the parent that is never added to it and must not exceed it.
    /// </summary>
    OfWhich = 2,

    /// <summary>A detail listed under the parent for presentation, with no arithmetic law (such as sector indices under a total index).</summary>
    Detail = 3,
}

/// <summary>An indicator's place under a parent indicator.</summary>
/// <param name="Kind">The kind of relation.</param>
/// <param name="ParentCode">The parent indicator's code (NFC).</param>
public readonly record struct IndicatorRelation(IndicatorRelationKind Kind, string ParentCode)
{
    /// <summary>Creates a component relation.</summary>
    /// <param name="parentCode">The parent code.</param>
    /// <returns>The relation.</returns>
    public static IndicatorRelation ComponentOf(string parentCode) => new(IndicatorRelationKind.Component, VietnameseText.Normalize(parentCode)!);

    /// <summary>Creates an of-which ("Trong đó") relation.</summary>
    /// <param name="parentCode">The parent code.</param>
    /// <returns>The relation.</returns>
    public static IndicatorRelation OfWhichOf(string parentCode) => new(IndicatorRelationKind.OfWhich, VietnameseText.Normalize(parentCode)!);

    /// <summary>Creates a detail relation.</summary>
    /// <param name="parentCode">The parent code.</param>
    /// <returns>The relation.</returns>
    public static IndicatorRelation DetailOf(string parentCode) => new(IndicatorRelationKind.Detail, VietnameseText.Normalize(parentCode)!);
}
