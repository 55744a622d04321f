namespace Ktxh.Indicators.ReportingUnits;

/// <summary>What is wrong with reporting-unit data (a directory being built, a compact file, succession weights).</summary>
public enum ReportingUnitsErrorCode
{
    /// <summary>A unit's own data is invalid (empty code or name, a kind that needs a parent without one, an empty validity).</summary>
    InvalidUnit = 1,

    /// <summary>Two versions of one code are in force on the same day.</summary>
    OverlappingValidity = 2,

    /// <summary>More than one nation-level unit is in force on one day.</summary>
    MoreThanOneNation = 3,

    /// <summary>A unit's parent is not in force, or is of a kind it cannot sit under.</summary>
    InvalidParent = 4,

    /// <summary>The same succession is given twice.</summary>
    DuplicateSuccession = 5,

    /// <summary>The new unit of a succession is not in force on the effective date.</summary>
    SuccessionTargetNotInForce = 6,

    /// <summary>The old unit of a succession is not in force the day before and has no name.</summary>
    SuccessionSourceUnknown = 7,

    /// <summary>A share or weight lies outside (0, 1], a whole change has a share other than 1, or the shares leaving one unit do not make 1.</summary>
    InvalidShare = 8,

    /// <summary>A line of the compact format is invalid (including an empty unit code or an invalid predecessor token).</summary>
    InvalidLine = 9,

    /// <summary>A weight names a succession that does not exist or is not a part transfer.</summary>
    UnknownSuccession = 10,
}
