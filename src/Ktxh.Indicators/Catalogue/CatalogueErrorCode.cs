namespace Ktxh.Indicators;

/// <summary>What is wrong in a catalogue (each found by <see cref="IndicatorCatalogueBuilder.Validate"/> or the JSON loader).</summary>
public enum CatalogueErrorCode
{
    /// <summary>Two indicators (or agencies, forms, form sets, disaggregations) share a code.</summary>
    DuplicateCode = 1,

    /// <summary>A code is empty.</summary>
    MissingCode = 2,

    /// <summary>A Vietnamese name is empty.</summary>
    MissingName = 3,

    /// <summary>A parent code names no indicator.</summary>
    UnknownParent = 4,

    /// <summary>The parent chain loops back to the indicator.</summary>
    ParentCycle = 5,

    /// <summary>An of-which row cannot be a part of the parent it names (a different kind of value or unit dimension).</summary>
    OfWhichParentMismatch = 6,

    /// <summary>A component is not additive, or does not match its parent's kind of value or unit dimension.</summary>
    ComponentMismatch = 7,

    /// <summary>A unit code is not in the unit registry.</summary>
    UnknownUnit = 8,

    /// <summary>An aggregation rule does not fit the indicator's value kind.</summary>
    RuleDoesNotFitValueKind = 9,

    /// <summary>A rule lacks an operand its method needs (numerator, denominator, weight, formula), or has a bad factor.</summary>
    RuleMissingOperand = 10,

    /// <summary>A rule's numerator, denominator or weight names no indicator.</summary>
    RuleUnknownIndicator = 11,

    /// <summary>A formula's text does not parse.</summary>
    FormulaSyntax = 12,

    /// <summary>A formula names an unknown indicator.</summary>
    FormulaUnknownCode = 13,

    /// <summary>Derived indicators depend on each other in a loop.</summary>
    FormulaCycle = 14,

    /// <summary>An agency code names no agency.</summary>
    UnknownAgency = 15,

    /// <summary>A disaggregation code names no disaggregation dimension.</summary>
    UnknownDisaggregation = 16,

    /// <summary>ValidTo is before ValidFrom.</summary>
    InvalidValidity = 17,

    /// <summary>An indicator lists no period type.</summary>
    NoPeriods = 18,

    /// <summary>A precision outside 0–28.</summary>
    InvalidPrecision = 19,

    /// <summary>A form row names an unknown indicator.</summary>
    FormUnknownIndicator = 20,

    /// <summary>A form lists an indicator twice.</summary>
    FormDuplicateRow = 21,

    /// <summary>A form row marked "of which" is not an of-which part of the nearest row above it at a lower level.</summary>
    FormOfWhichMismatch = 22,

    /// <summary>A form set lists an unknown form.</summary>
    FormSetUnknownForm = 23,

    /// <summary>The JSON text is malformed or a value has the wrong type.</summary>
    InvalidJson = 24,

    /// <summary>The JSON's <c>schemaVersion</c> is missing or not supported.</summary>
    UnsupportedSchemaVersion = 25,

    /// <summary>A required JSON field is missing or has a value outside its allowed set.</summary>
    InvalidField = 26,

    /// <summary>The form's rows or the indicator is not reported for the form's period type.</summary>
    FormPeriodMismatch = 27,

    /// <summary>The component tolerance is negative.</summary>
    InvalidTolerance = 28,
}
