using System.Reflection;
using System.Text;
using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// Builds a <see cref="WorkingCalendar"/>: another week (e.g. a 6-day week), local days off, newer official
/// decisions loaded from JSON at run time, and the Ngày Văn hóa Việt Nam rule. Starts from the civil-service
/// calendar (Monday–Friday, built-in decisions 2020–2026).
/// </summary>
/// <remarks>
/// A builder is not thread-safe; the calendar it builds is immutable and thread-safe, and later changes to the
/// builder do not affect it. Methods that take data validate all of it first and change nothing when any of it is
/// invalid.
/// </remarks>
public sealed class WorkingCalendarBuilder
{
    /// <summary>The name of the embedded resource with the built-in decisions.</summary>
    public const string BuiltInResourceName = "Ktxh.Periods.Data.vn-civil-service-calendar.json";

    private static readonly Lazy<IReadOnlyList<YearDecision>> BuiltIn = new(LoadBuiltIn, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<int, YearDecision> _decisions = new();
    private readonly Dictionary<LocalDate, DayOff> _localDays = new();
    private IsoDayOfWeek[] _restDays = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
    private LocalDate? _cultureDayFrom;

    /// <summary>Starts with the civil-service week (Saturday and Sunday off) and the built-in decisions.</summary>
    /// <exception cref="InvalidOperationException">The embedded data is invalid (a packaging defect).</exception>
    public WorkingCalendarBuilder()
    {
        foreach (YearDecision decision in BuiltIn.Value)
        {
            _decisions[decision.Year] = decision;
        }
    }

    /// <summary>Sets the weekly rest days, e.g. <c>IsoDayOfWeek.Sunday</c> alone for a 6-day week. Official swaps
    /// apply only where the day worked is a rest day and the swapped day is a working day of this week.</summary>
    /// <param name="restDays">The rest days (at least one, at most six).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No rest day, seven rest days, or a value that is not a day of the
    /// week.</exception>
    public WorkingCalendarBuilder WithWeeklyRestDays(params IsoDayOfWeek[] restDays)
    {
        ArgumentNullException.ThrowIfNull(restDays);
        IsoDayOfWeek[] distinct = restDays.Distinct().ToArray();
        if (distinct.Length is 0 or 7 || distinct.Any(d => d < IsoDayOfWeek.Monday || d > IsoDayOfWeek.Sunday))
        {
            throw new ArgumentException(
                "Cần từ 1 đến 6 ngày nghỉ hằng tuần hợp lệ / Between 1 and 6 valid weekly rest days are required.",
                nameof(restDays));
        }

        _restDays = distinct;
        return this;
    }

    /// <summary>Adds a local day off (e.g. a province's own day), reason <see cref="DayOffReason.Local"/>. A local
    /// day on a rest day, a holiday or another day off changes nothing; no compensation is given for it.</summary>
    /// <param name="date">The date.</param>
    /// <param name="nameVi">The name in Vietnamese.</param>
    /// <param name="nameEn">The name in English.</param>
    /// <param name="source">The decision that grants it, if any.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1900–2199.</exception>
    public WorkingCalendarBuilder AddLocalDayOff(LocalDate date, string nameVi, string nameEn, string? source = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameVi);
        ArgumentException.ThrowIfNullOrWhiteSpace(nameEn);
        if (date < WorkingCalendar.MinDate || date > WorkingCalendar.MaxDate)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "Ngoài phạm vi 1900–2199 / Outside 1900–2199.");
        }

        _localDays[date] = new DayOff(date, nameVi.Trim().Normalize(NormalizationForm.FormC),
            nameEn.Trim().Normalize(NormalizationForm.FormC), DayOffReason.Local, source?.Normalize(NormalizationForm.FormC));
        return this;
    }

    /// <summary>
    /// Switches on Ngày Văn hóa Việt Nam (24/11) as a public holiday from <paramref name="effectiveFrom"/>. The
    /// Politburo chose the day (2025) and Government Resolution 30/NQ-CP (2026) orders the amendment of Labor Code
    /// Art. 112(1); it is a holiday only once the amended Code is in force, so it is off by default and the host
    /// gives the effective date. When on, it is compensated like the other holidays.
    /// </summary>
    /// <param name="effectiveFrom">The first date the holiday applies (the amendment's entry into force).</param>
    /// <returns>This builder.</returns>
    public WorkingCalendarBuilder WithVietnamCultureDay(LocalDate effectiveFrom)
    {
        _cultureDayFrom = effectiveFrom;
        return this;
    }

    /// <summary>Switches the Ngày Văn hóa Việt Nam rule off again (the default).</summary>
    /// <returns>This builder.</returns>
    public WorkingCalendarBuilder WithoutVietnamCultureDay()
    {
        _cultureDayFrom = null;
        return this;
    }

    /// <summary>Removes every official decision, built-in or loaded: every year becomes a forecast by rule.</summary>
    /// <returns>This builder.</returns>
    public WorkingCalendarBuilder WithoutDecisions()
    {
        _decisions.Clear();
        return this;
    }

    /// <summary>
    /// Loads official decisions from JSON (the format of the built-in data, documented in <c>docs/calendar.md</c>).
    /// A year in the data replaces that year's decisions. All or nothing: when any error is found, nothing is loaded
    /// and the result lists every error with its JSON path (or line and position), in Vietnamese and English.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The years loaded, or the errors.</returns>
    public CalendarDataResult WithDecisions(string json)
    {
        ArgumentNullException.ThrowIfNull(json);

        // Text read without BOM detection (File.ReadAllBytes decoded by hand, a web upload) may start with U+FEFF.
        (IReadOnlyList<YearDecision> years, IReadOnlyList<CalendarDataError> errors) = DecisionDataReader.Parse(json.TrimStart('\uFEFF'));
        if (errors.Count > 0)
        {
            return new CalendarDataResult(Array.Empty<int>(), errors);
        }

        foreach (YearDecision year in years)
        {
            _decisions[year.Year] = year;
        }

        return new CalendarDataResult(years.Select(y => y.Year).ToArray(), Array.Empty<CalendarDataError>());
    }

    /// <summary>Loads official decisions from a UTF-8 JSON stream; see <see cref="WithDecisions(string)"/>.</summary>
    /// <param name="utf8Json">The stream (read to its end, not closed).</param>
    /// <returns>The years loaded, or the errors.</returns>
    public CalendarDataResult WithDecisions(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var reader = new StreamReader(utf8Json, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return WithDecisions(reader.ReadToEnd());
    }

    /// <summary>Builds the immutable, thread-safe calendar.</summary>
    /// <returns>The calendar.</returns>
    public WorkingCalendar Build() => new(new CalendarOptions(
        _restDays,
        new Dictionary<int, YearDecision>(_decisions),
        _localDays.Values.OrderBy(d => d.Date).ToArray(),
        _cultureDayFrom));

    private static IReadOnlyList<YearDecision> LoadBuiltIn()
    {
        Assembly assembly = typeof(WorkingCalendarBuilder).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(BuiltInResourceName)
            ?? throw new InvalidOperationException($"Thiếu tài nguyên nhúng / Missing embedded resource {BuiltInResourceName}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        (IReadOnlyList<YearDecision> years, IReadOnlyList<CalendarDataError> errors) = DecisionDataReader.Parse(reader.ReadToEnd());
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                "Dữ liệu lịch nhúng không hợp lệ / The embedded calendar data is invalid: " + string.Join("; ", errors));
        }

        return years;
    }
}
