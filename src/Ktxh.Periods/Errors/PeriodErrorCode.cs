namespace Ktxh.Periods;

/// <summary>
/// What is wrong with a period identifier, an ISO-8601 interval, a DHIS2 identifier, a deadline rule or a cut-off
/// request: the code of the <see cref="KtxhError"/> that <see cref="ReportingPeriod.ParseWithResult"/>,
/// <see cref="ReportingPeriod.ParseIsoInterval"/>, <see cref="ReportingPeriod.ParseDhis2"/>,
/// <see cref="ReportingPeriod.ToDhis2"/>, <see cref="DeadlineRule.ParseWithResult"/>,
/// <see cref="CutoffRule.Apply"/> and <see cref="CutoffConvention.WindowFor"/> report. The error's location is the
/// character position (from 0) in the text where one is known.
/// </summary>
public enum PeriodErrorCode
{
    /// <summary>The text is empty.</summary>
    Empty = 1,

    /// <summary>The text does not follow the grammar (a missing separator, a non-digit, characters after the end).</summary>
    InvalidSyntax = 2,

    /// <summary>A number is outside its range (a month 13, week 54 of a 52-week year, a year 0000).</summary>
    OutOfRange = 3,

    /// <summary>A well-formed interval is not exactly a reporting period (or not one of the kind asked for).</summary>
    NotAPeriod = 4,

    /// <summary>The other system has no kind for this period (DHIS2 has no half-months), or does not support the kind read.</summary>
    NotRepresentable = 5,

    /// <summary>A cut-off convention or rule does not define a window for the period's kind.</summary>
    NotApplicable = 6,
}
