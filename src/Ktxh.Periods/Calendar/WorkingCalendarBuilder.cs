using System.Text;
using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// Builds a <see cref="WorkingCalendar"/>: another week (e.g. a 6-day week), local days off, newer official
/// decisions loaded from JSON at run time, and the Ngày Văn hóa Việt Nam rule. Starts from the civil-service
/// calendar (Monday–Friday, built-in decisions 2020–2026).
/// </summary>
/// <remarks>
/// <para>Methods named <c>With…</c> chain; data is checked when the calendar is built: <see cref="BuildResult"/>
/// returns the calendar or every error found in every decision set given (located, in Vietnamese and English), and
/// <see cref="Build"/> throws them as a <see cref="KtxhException"/>. Nothing is built when any data is invalid.</para>
/// <para>A builder is not thread-safe; the calendar it builds is immutable and thread-safe, and later changes to the
/// builder do not affect it.</para>
/// </remarks>
public sealed class WorkingCalendarBuilder
{
    // The decision sets, applied in order at build time: each replaces the years it decides.
    private readonly List<Func<KtxhResult<CalendarDecisions>>> _decisions = [BuiltInCalendarDecisionSource.Instance.Load];
    private readonly Dictionary<LocalDate, DayOff> _localDays = new();
    private IsoDayOfWeek[] _restDays = [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
    private LocalDate? _cultureDayFrom;

    /// <summary>Starts with the civil-service week (Saturday and Sunday off) and the built-in decisions
    /// (<see cref="BuiltInCalendarDecisionSource"/>).</summary>
    public WorkingCalendarBuilder()
    {
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

    /// <summary>Removes every official decision, built-in or given before: every year becomes a forecast by rule
    /// (until decisions are given again).</summary>
    /// <returns>This builder.</returns>
    public WorkingCalendarBuilder WithoutDecisions()
    {
        _decisions.Clear();
        return this;
    }

    /// <summary>
    /// Takes every official decision from <paramref name="source"/> instead of the built-in ones (and instead of any
    /// given before); the source is loaded when the calendar is built.
    /// </summary>
    /// <param name="source">The source, such as a <see cref="JsonCalendarDecisionSource"/> or a host's own.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public WorkingCalendarBuilder WithDecisionSource(ICalendarDecisionSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _decisions.Clear();
        _decisions.Add(source.Load);
        return this;
    }

    /// <summary>
    /// Adds official decisions: a year they decide replaces that year's decisions given before (built-in or other);
    /// the other years stay.
    /// </summary>
    /// <param name="decisions">The decisions.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="decisions"/> is null.</exception>
    public WorkingCalendarBuilder WithDecisions(CalendarDecisions decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        KtxhResult<CalendarDecisions> loaded = KtxhResult<CalendarDecisions>.ForValue(decisions);
        _decisions.Add(() => loaded);
        return this;
    }

    /// <summary>
    /// Adds official decisions read from JSON (the format of the built-in data, documented in <c>docs/calendar.md</c>):
    /// a year in the data replaces that year's decisions. The text is read now and checked when the calendar is built:
    /// <see cref="BuildResult"/> then lists every error (JSON path, or line and column), in Vietnamese and English.
    /// To check data on its own, use <see cref="CalendarDecisions.Parse(string, string?)"/>.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The input's name (a file name), put into every error's location; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public WorkingCalendarBuilder WithDecisions(string json, string? source = null)
    {
        KtxhResult<CalendarDecisions> parsed = CalendarDecisions.Parse(json, source);
        _decisions.Add(() => parsed);
        return this;
    }

    /// <summary>Adds official decisions read from a UTF-8 JSON stream (read now, to its end, not closed); see
    /// <see cref="WithDecisions(string, string?)"/>.</summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="source">The input's name, put into every error's location; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public WorkingCalendarBuilder WithDecisions(Stream utf8Json, string? source = null)
    {
        KtxhResult<CalendarDecisions> parsed = CalendarDecisions.Parse(utf8Json, source);
        _decisions.Add(() => parsed);
        return this;
    }

    /// <summary>Builds the immutable, thread-safe calendar, or returns every error found in the decisions given.</summary>
    /// <returns>The calendar, or the errors (<see cref="CalendarDataErrorCode"/> and <see cref="JsonReadErrorCode"/>
    /// codes, each located and in Vietnamese and English).</returns>
    public KtxhResult<WorkingCalendar> BuildResult()
    {
        var decisions = new Dictionary<int, YearDecision>();
        var errors = new List<KtxhError>();
        foreach (Func<KtxhResult<CalendarDecisions>> load in _decisions)
        {
            KtxhResult<CalendarDecisions> loaded = load() ?? throw new InvalidOperationException(
                "Nguồn quyết định lịch trả về null / A calendar decision source returned null.");
            if (loaded.TryGetValue(out CalendarDecisions? set))
            {
                foreach (YearDecision year in set.Items)
                {
                    decisions[year.Year] = year;
                }
            }
            else
            {
                errors.AddRange(loaded.Errors);
            }
        }

        return KtxhResult.FromErrorsOr(errors, () => new WorkingCalendar(new CalendarOptions(
            _restDays,
            decisions,
            _localDays.Values.OrderBy(d => d.Date).ToArray(),
            _cultureDayFrom)));
    }

    /// <summary>Builds the immutable, thread-safe calendar.</summary>
    /// <returns>The calendar.</returns>
    /// <exception cref="KtxhException">Decisions given are invalid; the exception carries every error.</exception>
    public WorkingCalendar Build() => BuildResult().GetValueOrThrow();
}
