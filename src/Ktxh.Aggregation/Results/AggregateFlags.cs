namespace Ktxh.Aggregation;

/// <summary>What an aggregate's consumer must know about how it was made. Several flags can be set at once.</summary>
[Flags]
public enum AggregateFlags
{
    /// <summary>Complete and computed without incident.</summary>
    None = 0,

    /// <summary>Fewer units reported than were expected (see the coverage); the value covers only those that did.</summary>
    PartialCoverage = 1 << 0,

    /// <summary>The coverage policy withheld the value because too few units reported.</summary>
    Withheld = 1 << 1,

    /// <summary>A denominator (or a weight total) was zero: the value is missing, not zero or infinite.</summary>
    DivisionByZero = 1 << 2,

    /// <summary>An input the rule needs (numerator, denominator, weight, formula operand) was missing.</summary>
    MissingInput = 1 << 3,

    /// <summary>The period is not complete: some of its sub-periods have no data at all (e.g. a year with 9 months in).</summary>
    IncompletePeriod = 1 << 4,

    /// <summary>No input at all fell in this unit and period.</summary>
    NoData = 1 << 5,

    /// <summary>At least one input was revised; the value uses the revision chosen by the revision policy.</summary>
    Revised = 1 << 6,

    /// <summary>At least one input was given in another unit of measure and converted to the indicator's unit.</summary>
    Converted = 1 << 7,

    /// <summary>A formula could not be evaluated (an invalid argument, e.g. the root of a negative number).</summary>
    Invalid = 1 << 8,

    /// <summary>The exact value has more significant digits than <see cref="decimal"/> holds (28–29): an addition or
    /// multiplication had to round. The value written is the nearest decimal, not the exact aggregate.</summary>
    Inexact = 1 << 9,

    /// <summary>The exact value is beyond <see cref="decimal"/>'s range (±79,228,162,514,264,337,593,543,950,335): no
    /// value is written. Every aggregate that includes this one carries the flag too.</summary>
    Overflow = 1 << 10,

    /// <summary>The operands of a ratio or formula were reported by different units: under this unit, in this period,
    /// some unit has a line of one operand and none of another. The value combines totals of different coverage
    /// (each operand's own total); it is written, and this flag says so.</summary>
    CoverageMismatch = 1 << 11,

    /// <summary>The period straddles a change of the administrative units (1 July 2025): the aggregate adds the
    /// sub-periods before the change, on the units then in force (rolled up to the province that succeeded theirs), to
    /// those after it, on the new units. Written for provinces, the nation and units that existed all through.</summary>
    UnitsChanged = 1 << 12,
}
