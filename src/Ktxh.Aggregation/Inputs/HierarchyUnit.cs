namespace Ktxh.Aggregation;

/// <summary>The role of a reporting unit in the aggregation hierarchy.</summary>
public enum HierarchyRole
{
    /// <summary>The nation (the root).</summary>
    Nation = 0,

    /// <summary>A province or centrally-run city (tỉnh, thành phố).</summary>
    Province = 1,

    /// <summary>A district (before 1/7/2025 only).</summary>
    District = 2,

    /// <summary>A commune, ward or special zone (xã, phường, đặc khu).</summary>
    Commune = 3,

    /// <summary>A department or agency (sở, ban, ngành) reporting at its province. Agencies differ in kind, so one
    /// agency reporting an indicator does not make every agency expected to.</summary>
    Agency = 4,
}

/// <summary>One node of the hierarchy the engine rolls up: a unit code, its parent's code and its role.</summary>
/// <param name="Code">The unit's code (2-digit province, 5-digit commune, QĐ 19/2025/QĐ-TTg; any code for agencies).</param>
/// <param name="ParentCode">The parent's code, or null for the root (the nation).</param>
/// <param name="Role">The unit's role.</param>
public readonly record struct HierarchyUnit(string Code, string? ParentCode, HierarchyRole Role);
