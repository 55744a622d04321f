namespace Ktxh.Periods;

/// <summary>
/// What is wrong in official calendar decision data (the JSON of <c>docs/calendar.md</c>): the code of the
/// <see cref="KtxhError"/> that <see cref="CalendarDecisions.Parse(string, string?)"/>, the decision sources and
/// <see cref="WorkingCalendarBuilder.BuildResult"/> report, located at a JSON path. A text that is not JSON at all,
/// or names a property twice, is reported with <see cref="JsonReadErrorCode"/> and its line and column.
/// </summary>
public enum CalendarDataErrorCode
{
    /// <summary>A value has the wrong JSON type (an object where an array belongs, a number where text belongs).</summary>
    WrongType = 1,

    /// <summary>A required value is missing or empty.</summary>
    Missing = 2,

    /// <summary>A value is not valid (a date that is not <c>yyyy-MM-dd</c>, a year outside 1900–2199, a schema version other than 1).</summary>
    InvalidValue = 3,

    /// <summary>A year, a date or a source id is given twice.</summary>
    Duplicate = 4,

    /// <summary>A <c>source</c> names no document of the year's <c>sources</c>.</summary>
    UnknownSource = 5,

    /// <summary>A date lies outside the year it is listed under, or too far from Tết or from the day it is swapped with.</summary>
    DateOutOfYear = 6,

    /// <summary>An official swap is not a weekday off for a weekend day worked.</summary>
    InvalidSwap = 7,
}
