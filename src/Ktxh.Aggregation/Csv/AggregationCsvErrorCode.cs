namespace Ktxh.Aggregation;

/// <summary>What is wrong in an aggregation CSV file (the <see cref="KtxhError.CodeValue"/> of the errors of
/// <see cref="AggregationCsv.ReadInputs(Stream, string?)"/>).</summary>
public enum AggregationCsvErrorCode
{
    /// <summary>The file is empty: there is no header line.</summary>
    EmptyFile = 1,

    /// <summary>A header names a column the format does not have.</summary>
    UnsupportedColumn,

    /// <summary>A header names the same column twice.</summary>
    DuplicateColumn,

    /// <summary>A required column (<c>indicator</c>, <c>unit</c>, <c>period</c>, <c>value</c>) is missing.</summary>
    MissingColumn,

    /// <summary>A line has a different number of fields from the header.</summary>
    FieldCount,

    /// <summary>A quoted field is not closed before the end of the file.</summary>
    UnclosedQuote,

    /// <summary>Text follows a closing quote inside a field.</summary>
    TextAfterQuote,

    /// <summary>The indicator code is empty.</summary>
    MissingIndicator,

    /// <summary>The reporting-unit code is empty.</summary>
    MissingReportingUnit,

    /// <summary>The period is not a reporting-period identifier (e.g. <c>2026-M07</c>).</summary>
    InvalidPeriod,

    /// <summary>The value is not a number in invariant culture (<c>.</c> as the decimal separator).</summary>
    InvalidValue,

    /// <summary>The maturity is not estimate, preliminary or official.</summary>
    InvalidMaturity,

    /// <summary>The value is a number <see cref="decimal"/> cannot hold exactly: more significant digits than it holds
    /// (28–29, e.g. a 40-digit fraction) or beyond its range. It is refused, never rounded.</summary>
    InexactValue,
}
