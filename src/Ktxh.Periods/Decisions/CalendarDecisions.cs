using System.Collections.ObjectModel;
using System.Text;

namespace Ktxh.Periods;

/// <summary>
/// A set of official calendar decisions, year by year: the Tết days, the day adjacent to National Day, the swapped
/// weekdays with the Saturdays worked and any extra day off that the Government decided, each citing its document.
/// What an <see cref="ICalendarDecisionSource"/> loads and a <see cref="WorkingCalendarBuilder"/> builds a calendar from.
/// </summary>
/// <remarks>
/// Read from the JSON format documented in <c>docs/calendar.md</c> (the format of the built-in data) with
/// <see cref="Parse(string, string?)"/>; a host that keeps decisions elsewhere (a database) writes them in that format.
/// Immutable and thread-safe.
/// </remarks>
public sealed class CalendarDecisions
{
    private readonly ReadOnlyCollection<YearDecision> _years;

    internal CalendarDecisions(IEnumerable<YearDecision> years)
    {
        _years = years.OrderBy(y => y.Year).ToArray().AsReadOnly();
        Years = _years.Select(y => y.Year).ToArray().AsReadOnly();
    }

    /// <summary>No decision: every year is a forecast by rule.</summary>
    public static CalendarDecisions Empty { get; } = new([]);

    /// <summary>The years decided, in ascending order.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The decisions of each year (internal model), in ascending order of year.</summary>
    internal IReadOnlyList<YearDecision> Items => _years;

    /// <summary>Reads decisions from JSON text. All or nothing: any error and no decision is returned.</summary>
    /// <param name="json">The text; a leading byte order mark is skipped.</param>
    /// <param name="source">The input's name (a file name), put into every error's location; optional.</param>
    /// <returns>The decisions, or every error found: a text that is not JSON or names a property twice
    /// (<see cref="JsonReadErrorCode"/>, with line and column), content errors (<see cref="CalendarDataErrorCode"/>,
    /// with the JSON path), each in Vietnamese and English.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static KtxhResult<CalendarDecisions> Parse(string json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return From(DecisionDataReader.Read(LocatedJson.Parse(json, DecisionDataReader.Options(source)), source));
    }

    /// <summary>Reads decisions from UTF-8 JSON; see <see cref="Parse(string, string?)"/>.</summary>
    /// <param name="utf8Json">The bytes; a leading byte order mark is skipped.</param>
    /// <param name="source">The input's name, put into every error's location; optional.</param>
    /// <returns>The decisions, or every error found.</returns>
    public static KtxhResult<CalendarDecisions> Parse(ReadOnlyMemory<byte> utf8Json, string? source = null)
        => From(DecisionDataReader.Read(LocatedJson.Parse(utf8Json, DecisionDataReader.Options(source)), source));

    /// <summary>Reads decisions from a UTF-8 JSON stream (read to its end, not closed); see <see cref="Parse(string, string?)"/>.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="source">The input's name, put into every error's location; optional.</param>
    /// <returns>The decisions, or every error found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static KtxhResult<CalendarDecisions> Parse(Stream utf8Json, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return From(DecisionDataReader.Read(LocatedJson.Parse(utf8Json, DecisionDataReader.Options(source)), source));
    }

    /// <summary>The years, as text.</summary>
    /// <returns>For example <c>CalendarDecisions 2020–2026 (7 years)</c>.</returns>
    public override string ToString() => Years.Count == 0
        ? "CalendarDecisions (none)"
        : new StringBuilder("CalendarDecisions ").Append(Years[0]).Append('–').Append(Years[^1])
            .Append(" (").Append(Years.Count).Append(" years)").ToString();

    private static KtxhResult<CalendarDecisions> From(KtxhResult<IReadOnlyList<YearDecision>> years)
        => years.Convert(y => new CalendarDecisions(y));
}
