namespace Ktxh.Periods;

/// <summary>What a <see cref="WorkingCalendar"/> knows about one year: official (with the decisions loaded) or a
/// forecast by rule, and the notes of the data (facts that could not be verified, say so here).</summary>
/// <param name="Year">The gregorian year.</param>
/// <param name="IsForecast">True when no official decision is loaded for the year: its Tết days, National Day
/// adjacent day and compensation days are predicted by rule and may differ from what the government announces.</param>
/// <param name="Decisions">The official documents loaded for the year (empty for a forecast).</param>
/// <param name="Notes">Notes of the data for the year (e.g. a fact whose source could not be verified).</param>
/// <param name="LaborCode">The Labor Code whose holiday rules apply to the year (e.g. "45/2019/QH14").</param>
public sealed record CalendarYearInfo(
    int Year,
    bool IsForecast,
    IReadOnlyList<OfficialDecision> Decisions,
    IReadOnlyList<string> Notes,
    string LaborCode);
