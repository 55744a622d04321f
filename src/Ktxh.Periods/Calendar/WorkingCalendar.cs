using System.Globalization;
using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// A working calendar: which days are working days for a group of staff, and why the others are not.
/// <see cref="VietnamCivilService"/> is the calendar of Vietnam's civil servants and public employees (Monday–Friday,
/// holidays of the Labor Code, compensation days and the official swaps of each year).
/// </summary>
/// <remarks>
/// <para><b>Rules.</b> Holidays: Labor Code 2019 (45/2019/QH14) Art. 112(1), in force from 1/1/2021; Labor Code
/// 2012 (10/2012/QH13) Art. 115(1) before (National Day one day); compensation on the next working day for a
/// holiday on the weekly rest day: Art. 111(3) (2019) / Art. 115(3) (2012). The repository's
/// <c>docs/calendar.md</c> describes the data and the rules.</para>
/// <para><b>Official and forecast years.</b> The Tết days, the day adjacent to National Day, swapped weekdays
/// (with the Saturdays worked) and any extra day off are fixed each year by the Government (dispatches of the
/// Government Office, VPCP-KGVX). The built-in data holds the decisions for 2020–2026, each cited; a host can load
/// newer ones (<see cref="WorkingCalendarBuilder.WithDecisions(string, string?)"/>) or take every decision from
/// another source (<see cref="WorkingCalendarBuilder.WithDecisionSource"/>, <see cref="ICalendarDecisionSource"/>). A year without a loaded decision is a
/// forecast by rule (<see cref="IsForecast(int)"/>): it is what the rules predict, not what will be announced.</para>
/// <para><b>Range.</b> Years 1900–2199 (the range of <see cref="VietnameseLunarCalendar"/>). Methods given a date
/// outside that range, or whose answer would fall outside it, throw <see cref="ArgumentOutOfRangeException"/>.</para>
/// <para><b>Thread safety.</b> A calendar is immutable once built; each year is computed once, on first use, with a
/// thread-safe publication. Every member can be called from any thread at the same time.</para>
/// </remarks>
public sealed class WorkingCalendar
{
    private static readonly Lazy<WorkingCalendar> CivilService = new(
        BuildCivilService, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly CalendarOptions _options;
    private readonly YearTable?[] _years = new YearTable?[HolidayRules.MaxYear - HolidayRules.MinYear + 1];

    internal WorkingCalendar(CalendarOptions options)
    {
        _options = options;
    }

    /// <summary>The first supported date (1900-01-01).</summary>
    public static LocalDate MinDate { get; } = new(HolidayRules.MinYear, 1, 1);

    /// <summary>The last supported date (2199-12-31).</summary>
    public static LocalDate MaxDate { get; } = new(HolidayRules.MaxYear, 12, 31);

    /// <summary>
    /// The calendar of Vietnam's civil servants and public employees: Monday–Friday, the Labor Code's holidays,
    /// compensation days, and the built-in official decisions for 2020–2026 (embedded resource
    /// <c>Ktxh.Periods.Data.vn-civil-service-calendar.json</c>). Ngày Văn hóa Việt Nam (24/11) is not included
    /// (see <see cref="WorkingCalendarBuilder.WithVietnamCultureDay(LocalDate)"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The embedded data is invalid (a packaging defect).</exception>
    public static WorkingCalendar VietnamCivilService => CivilService.Value;

    /// <summary>Starts a builder with the built-in civil-service week and decisions.</summary>
    /// <returns>A new builder.</returns>
    public static WorkingCalendarBuilder CreateBuilder() => new();

    // The embedded data is part of the package: an error in it is a packaging defect, not bad input.
    private static WorkingCalendar BuildCivilService()
    {
        KtxhResult<WorkingCalendar> built = new WorkingCalendarBuilder().BuildResult();
        return built.TryGetValue(out WorkingCalendar? calendar)
            ? calendar
            : throw new InvalidOperationException(
                "Dữ liệu lịch nhúng không hợp lệ / The embedded calendar data is invalid: " + string.Join("; ", built.Errors));
    }

    /// <summary>The weekly rest days of this calendar (Saturday and Sunday for civil servants).</summary>
    public IReadOnlyList<IsoDayOfWeek> WeeklyRestDays => _options.RestDays;

    /// <summary>The years with an official decision loaded, in order.</summary>
    public IReadOnlyList<int> OfficialYears => _options.Decisions.Keys.Order().ToArray();

    /// <summary>True when <paramref name="date"/> is a working day: not a weekly rest day (unless it is a rest day
    /// worked in exchange for a swapped weekday), not a holiday, compensation, swapped or local day off.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether staff work on that day.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1900–2199.</exception>
    public bool IsWorkingDay(LocalDate date) => Year(date.Year, nameof(date)).IsWorking(date.DayOfYear);

    /// <summary>The first working day on or after <paramref name="date"/>: <paramref name="date"/> itself if it is
    /// a working day. This is how a deadline that falls on a day off moves (Civil Code 2015 Art. 148(5)).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The working day.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date or the answer is outside 1900–2199.</exception>
    public LocalDate NextWorkingDayOnOrAfter(LocalDate date) => IsWorkingDay(date) ? date : AddWorkingDays(date, 1);

    /// <summary>The last working day on or before <paramref name="date"/>: <paramref name="date"/> itself if it is
    /// a working day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The working day.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date or the answer is outside 1900–2199.</exception>
    public LocalDate PreviousWorkingDayOnOrBefore(LocalDate date) => IsWorkingDay(date) ? date : AddWorkingDays(date, -1);

    /// <summary>
    /// Moves by a number of working days, like NodaTime's <c>PlusDays</c> counted in working days.
    /// </summary>
    /// <remarks>
    /// <para><paramref name="days"/> &gt; 0: the <paramref name="days"/>-th working day <i>after</i>
    /// <paramref name="date"/> (the start is never counted, whether or not it is a working day): "within 3 working
    /// days of Friday 2025-01-24" is <c>AddWorkingDays(2025-01-24, 3)</c> = 2025-02-05 (Tết lies between).</para>
    /// <para><paramref name="days"/> &lt; 0: the |<paramref name="days"/>|-th working day <i>before</i>
    /// <paramref name="date"/>.</para>
    /// <para><paramref name="days"/> = 0: <paramref name="date"/> itself, unchanged even if it is a day off (use
    /// <see cref="NextWorkingDayOnOrAfter"/> to roll onto a working day).</para>
    /// <para>Laws: the result of a non-zero move is always a working day;
    /// <c>AddWorkingDays(AddWorkingDays(d, n), -n) == d</c> when <c>d</c> is a working day; when it is not, it gives
    /// the last working day before <c>d</c> for n &gt; 0 and the first working day after <c>d</c> for n &lt; 0;
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c> for n ≥ 0, and for n &lt; 0 when <c>d</c> is a working
    /// day.</para>
    /// <para>Cost: O(years crossed + log 366), with the years precomputed.</para>
    /// </remarks>
    /// <param name="date">The start.</param>
    /// <param name="days">The number of working days to move (negative moves back).</param>
    /// <returns>The date reached.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The date or the answer is outside 1900–2199.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int days)
    {
        if (days == 0)
        {
            _ = Year(date.Year, nameof(date));
            return date;
        }

        int year = date.Year;
        YearTable table = Year(year, nameof(date));
        if (days > 0)
        {
            long remaining = days;
            int before = table.WorkingDaysUpTo(date.DayOfYear);
            while (true)
            {
                int available = table.WorkingDayCount - before;
                if (remaining <= available)
                {
                    return DayOfYear(year, table.NthWorkingDay(before + (int)remaining));
                }

                remaining -= available;
                year++;
                table = Year(year, nameof(days));
                before = 0;
            }
        }
        else
        {
            long remaining = -(long)days;
            int before = table.WorkingDaysUpTo(date.DayOfYear - 1);
            while (true)
            {
                if (remaining <= before)
                {
                    return DayOfYear(year, table.NthWorkingDay(before - (int)remaining + 1));
                }

                remaining -= before;
                year--;
                table = Year(year, nameof(days));
                before = table.WorkingDayCount;
            }
        }
    }

    /// <summary>
    /// Counts the working days after <paramref name="start"/> up to and including <paramref name="end"/> (the
    /// half-open interval (start, end]), negated when <paramref name="end"/> is before <paramref name="start"/>
    /// (then the days after <paramref name="end"/> up to and including <paramref name="start"/>). Zero when the
    /// dates are equal. Consistent with <see cref="AddWorkingDays"/>: <c>WorkingDaysBetween(d, AddWorkingDays(d, n))
    /// == n</c> for n ≥ 0.
    /// </summary>
    /// <param name="start">The start (not counted).</param>
    /// <param name="end">The end (counted).</param>
    /// <returns>The signed number of working days.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside 1900–2199.</exception>
    public int WorkingDaysBetween(LocalDate start, LocalDate end)
    {
        if (end < start)
        {
            return -WorkingDaysBetween(end, start);
        }

        YearTable first = Year(start.Year, nameof(start));
        YearTable last = Year(end.Year, nameof(end));
        if (start.Year == end.Year)
        {
            return first.WorkingDaysUpTo(end.DayOfYear) - first.WorkingDaysUpTo(start.DayOfYear);
        }

        int count = first.WorkingDayCount - first.WorkingDaysUpTo(start.DayOfYear);
        for (int year = start.Year + 1; year < end.Year; year++)
        {
            count += Year(year, nameof(end)).WorkingDayCount;
        }

        return count + last.WorkingDaysUpTo(end.DayOfYear);
    }

    /// <summary>
    /// Every day off in <paramref name="year"/> that is not a plain weekly rest day, in date order: public holidays
    /// (including a holiday that falls on a rest day, and the Tết and National Day days chosen for the year),
    /// compensation days, swapped weekdays and local days. The rest days worked in exchange for swapped weekdays
    /// are listed by <see cref="MakeUpWorkingDays(int)"/>.
    /// </summary>
    /// <param name="year">The gregorian year.</param>
    /// <returns>The days off, each with its name, reason and source.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2199.</exception>
    public IReadOnlyList<DayOff> DaysOff(int year) => Year(year, nameof(year)).DaysOff;

    /// <summary>The weekly rest days that are worked in <paramref name="year"/> (làm bù) in exchange for swapped
    /// weekdays, in date order. Each is a working day.</summary>
    /// <param name="year">The gregorian year.</param>
    /// <returns>The rest days worked.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2199.</exception>
    public IReadOnlyList<MakeUpWorkingDay> MakeUpWorkingDays(int year) => Year(year, nameof(year)).MakeUpDays;

    /// <summary>Why <paramref name="date"/> is not a working day; <c>null</c> when it is a working day.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The holiday, compensation, swapped or local day off on that date; a <see cref="DayOffReason.WeeklyRest"/>
    /// day for a plain rest day; <c>null</c> for a working day (including a rest day worked in exchange).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside 1900–2199.</exception>
    public DayOff? GetDayOff(LocalDate date)
    {
        YearTable table = Year(date.Year, nameof(date));
        if (table.DaysOffByDate.TryGetValue(date, out DayOff? dayOff))
        {
            return dayOff;
        }

        if (table.IsWorking(date.DayOfYear))
        {
            return null;
        }

        return new DayOff(date, "Nghỉ hằng tuần", "Weekly rest day", DayOffReason.WeeklyRest, null);
    }

    /// <summary>True when no official decision is loaded for <paramref name="year"/>: its Tết days, National Day
    /// adjacent day and compensation days are forecast by rule, and no swap is known. A forecast is not
    /// official.</summary>
    /// <param name="year">The gregorian year.</param>
    /// <returns>Whether the year is a forecast.</returns>
    public bool IsForecast(int year) => !_options.Decisions.ContainsKey(year);

    /// <summary>What the calendar knows about <paramref name="year"/>: official or forecast, the decisions loaded
    /// and the data's notes.</summary>
    /// <param name="year">The gregorian year.</param>
    /// <returns>The year's information.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900–2199.</exception>
    public CalendarYearInfo GetYearInfo(int year)
    {
        _ = Year(year, nameof(year));
        string code = HolidayRules.LaborCodeOn(new LocalDate(year, 12, 31));
        if (_options.Decisions.TryGetValue(year, out YearDecision? decision))
        {
            // Copies: the decision data is shared by every caller of the calendar.
            return new CalendarYearInfo(year, false, decision.Decisions.ToArray().AsReadOnly(), decision.Notes.ToArray().AsReadOnly(), code);
        }

        return new CalendarYearInfo(year, true, Array.Empty<OfficialDecision>(), Array.Empty<string>(), code);
    }

    private YearTable Year(int year, string parameter)
    {
        int index = year - HolidayRules.MinYear;
        if ((uint)index >= (uint)_years.Length)
        {
            throw new ArgumentOutOfRangeException(
                parameter,
                year,
                string.Create(CultureInfo.InvariantCulture,
                    $"Năm {year} nằm ngoài phạm vi lịch làm việc {HolidayRules.MinYear}–{HolidayRules.MaxYear} / " +
                    $"Year {year} is outside the working calendar's range {HolidayRules.MinYear}–{HolidayRules.MaxYear}."));
        }

        YearTable? table = Volatile.Read(ref _years[index]);
        if (table is null)
        {
            // Computing twice in a race is harmless (deterministic); the first published table wins.
            table = YearTable.Build(year, _options);
            table = Interlocked.CompareExchange(ref _years[index], table, null) ?? table;
        }

        return table;
    }

    private static LocalDate DayOfYear(int year, int dayOfYear) => new LocalDate(year, 1, 1).PlusDays(dayOfYear - 1);
}
