namespace Ktxh.Indicators.DataValues;

/// <summary>What is wrong with a reported value or set of values.</summary>
public enum DataValueProblemCode
{
    /// <summary>The indicator code is not in the catalogue.</summary>
    UnknownIndicator = 1,

    /// <summary>The indicator is not reported for the value's period type.</summary>
    PeriodTypeNotReported = 2,

    /// <summary>A text (or no number) for a numeric indicator.</summary>
    TextInNumericIndicator = 3,

    /// <summary>A number for a text indicator.</summary>
    NumberInTextIndicator = 4,

    /// <summary>The value's unit is unknown or does not convert into the indicator's unit.</summary>
    UnitMismatch = 5,

    /// <summary>A required row of the form has no value for a unit and period that filed the form.</summary>
    MissingRequiredRow = 6,

    /// <summary>The value's disaggregation dimension or category is not one of the indicator's.</summary>
    UnknownDisaggregation = 7,

    /// <summary>The indicator's definition does not apply in the value's period (ValidFrom/ValidTo).</summary>
    IndicatorNotValidInPeriod = 8,

    /// <summary>The indicator is not a row of the form.</summary>
    NotOnForm = 9,

    /// <summary>The value's column is not a column of the form.</summary>
    ColumnNotOnForm = 10,

    /// <summary>The value's period type is not the form's.</summary>
    FormPeriodMismatch = 11,

    /// <summary>The same value (indicator, unit, period, disaggregation, column, maturity) is given twice.</summary>
    DuplicateValue = 12,

    /// <summary>The components of a parent, all given, do not add up to it within the catalogue's component tolerance.</summary>
    ComponentSumMismatch = 13,

    /// <summary>An of-which ("Trong đó") value exceeds its parent's value.</summary>
    OfWhichExceedsParent = 14,
}

/// <summary>A problem found in a set of data values, with its location and a bilingual message.</summary>
/// <param name="Code">What is wrong.</param>
/// <param name="Index">The 0-based index of the value in the validated sequence, or <see langword="null"/> for a problem of the set (a missing row).</param>
/// <param name="Location">Where: <c>values[3].unit</c>, or <c>form.rows[2]</c> with the unit and period for a missing row.</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record DataValueProblem(DataValueProblemCode Code, int? Index, string Location, string MessageVi, string MessageEn)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Location}: [{Code}] {MessageVi} / {MessageEn}";
}

/// <summary>The outcome of validating a set of data values: every problem found.</summary>
/// <param name="Problems">Every problem, in the order of the values, then the missing rows.</param>
public sealed record DataValidationReport(IReadOnlyList<DataValueProblem> Problems)
{
    /// <summary>Gets a value indicating whether no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;
}
