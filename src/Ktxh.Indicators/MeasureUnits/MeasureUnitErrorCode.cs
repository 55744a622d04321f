namespace Ktxh.Indicators.MeasureUnits;

/// <summary>What went wrong when resolving, converting or loading units of measure.</summary>
public enum MeasureUnitErrorCode
{
    /// <summary>The unit text was empty or only white space.</summary>
    EmptyText = 1,

    /// <summary>The unit text matches no unit of the registry (it is never guessed).</summary>
    UnknownUnit = 2,

    /// <summary>The text, stripped of diacritics by OCR, could be more than one unit.</summary>
    AmbiguousUnit = 3,

    /// <summary>No unit has the requested code.</summary>
    UnknownCode = 4,

    /// <summary>The two units measure different dimensions (e.g. tấn and ha, or VND and USD).</summary>
    IncompatibleDimensions = 5,

    /// <summary>The exact result is a non-terminating decimal (e.g. 1 J in kWh = 1/3,600,000).</summary>
    InexactConversion = 6,

    /// <summary>The exact result needs more than 28 decimal places or 96 bits of mantissa.</summary>
    PrecisionExceeded = 7,

    /// <summary>The exact result is larger than <see cref="decimal.MaxValue"/>.</summary>
    Overflow = 8,

    /// <summary>A unit definition (JSON or builder) is invalid or conflicts with another.</summary>
    InvalidDefinition = 9,
}
