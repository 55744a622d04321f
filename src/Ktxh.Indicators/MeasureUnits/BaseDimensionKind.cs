namespace Ktxh.Indicators.MeasureUnits;

/// <summary>The family a <see cref="BaseDimension"/> belongs to.</summary>
public enum BaseDimensionKind
{
    /// <summary>A physical quantity with an SI base unit (mass in kg, length in m, time in s).</summary>
    Physical = 1,

    /// <summary>Money in one currency; each currency is its own dimension (there are no exchange rates).</summary>
    Currency = 2,

    /// <summary>A count of discrete things of one kind (persons, households, enterprises, beds, heads of livestock…).</summary>
    Count = 3,

    /// <summary>An ordinal level (e.g. the "mức độ" of universal education): neither summed nor scaled.</summary>
    Level = 4,
}
