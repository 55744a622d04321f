using System.Globalization;
using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// A reporting period (kỳ báo cáo): a kind (<see cref="PeriodType"/>) and the inclusive span of days it covers, such
/// as the month <c>2026-M07</c>, the quarter <c>2026-Q3</c> or the plan period <c>2021-2025</c>.
/// </summary>
/// <remarks>
/// <para>A <c>readonly record struct</c> rather than a class: a period is a small value (a kind, two dates and a
/// week rule, 16 bytes), compared and hashed by value, created in hot loops (<see cref="Containing(LocalDate, PeriodType)"/>
/// over millions of data values) and never needs identity, so it should not allocate; this follows NodaTime's
/// <c>LocalDate</c> and <c>DateInterval</c>-style values. Instances are only created through the validating factories,
/// <see cref="Parse"/> and the navigation methods, so every constructed value is valid. <c>default(ReportingPeriod)</c>
/// is not a period (its <see cref="Type"/> is 0 and its <see cref="Id"/> is empty); check with <see cref="IsDefault"/>.</para>
/// <para>The kinds and their identifiers (the canonical grammar, see <see cref="Parse"/>):
/// week <c>2026-W05</c> (ISO-8601; other week rules <c>2026-W05-SUN1</c>), half-month <c>2026-M07-H1</c> (days 1–15)
/// and <c>2026-M07-H2</c> (16 to the end), month <c>2026-M07</c>, quarter <c>2026-Q3</c>, half-year <c>2026-S1</c>,
/// nine months <c>2026-9M</c> (cumulative January–September), year <c>2026</c>, year-to-date <c>2026-YTD-M05</c>
/// (January to the end of May) and multi-year <c>2021-2025</c>. Kinds are those of Decree 09/2019/NĐ-CP Art. 12 and the
/// seeds (Hà Nam IOC list, seed 004; Hanoi QĐ 690/QĐ-UBND 2025, seed 002). Supported years are 1 to 9999 (week-years 1 to 9998).</para>
/// <para>Ordering: by <see cref="Start"/>, then <see cref="End"/>, then <see cref="Type"/>, then week rule.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public readonly partial record struct ReportingPeriod : IComparable<ReportingPeriod>, IComparable
{
    /// <summary>The first supported year.</summary>
    public const int MinYear = 1;

    /// <summary>The last supported year.</summary>
    public const int MaxYear = 9999;

    /// <summary>The last supported week-year (so that every week's days stay within NodaTime's range).</summary>
    public const int MaxWeekYear = 9998;

    /// <summary>The first year of the five-year plan cycle used by <see cref="Containing(LocalDate, PeriodType)"/> for
    /// <see cref="PeriodType.MultiYear"/> (plans 2016–2020, 2021–2025, 2026–2030…).</summary>
    public const int FiveYearPlanAnchorYear = 2021;

    private ReportingPeriod(PeriodType type, LocalDate start, LocalDate end, WeekRule weekRule)
    {
        Type = type;
        Start = start;
        End = end;
        WeekRule = weekRule;
    }

    /// <summary>The kind of period.</summary>
    public PeriodType Type { get; }

    /// <summary>The first day of the period.</summary>
    public LocalDate Start { get; }

    /// <summary>The last day of the period (inclusive).</summary>
    public LocalDate End { get; }

    /// <summary>For weeks, the week rule they follow; <see cref="WeekRule.Iso"/> for every other kind.</summary>
    public WeekRule WeekRule { get; }

    /// <summary>Whether this is <c>default(ReportingPeriod)</c>, which is not a period.</summary>
    public bool IsDefault => Type == 0;

    /// <summary>
    /// The year the period belongs to: the ISO (or rule's) week-year for weeks (so <c>2026-W01</c>, which starts on
    /// 29 December 2025, belongs to 2026), the first year for multi-year periods, otherwise the calendar year.
    /// </summary>
    public int Year => Type switch
    {
        PeriodType.Week => Start.PlusDays(WeekRule.AnchorOffset).Year,
        _ => Start.Year,
    };

    /// <summary>The week number (1–53) for weeks; 0 for every other kind.</summary>
    public int WeekNumber => Type == PeriodType.Week ? ((Start.PlusDays(WeekRule.AnchorOffset).DayOfYear - 1) / 7) + 1 : 0;

    /// <summary>The number of days in the period, both ends included.</summary>
    public int LengthInDays => Period.DaysBetween(Start, End) + 1;

    /// <summary>The canonical identifier, such as <c>2026-M07</c>; see <see cref="Parse"/> for the grammar.</summary>
    public string Id => Type switch
    {
        PeriodType.Week => WeekRule.IsIso
            ? $"{Y4(Year)}-W{D2(WeekNumber)}"
            : $"{Y4(Year)}-W{D2(WeekNumber)}-{WeekRule.Suffix}",
        PeriodType.HalfMonth => $"{Y4(Start.Year)}-M{D2(Start.Month)}-H{(Start.Day == 1 ? 1 : 2)}",
        PeriodType.Month => $"{Y4(Start.Year)}-M{D2(Start.Month)}",
        PeriodType.Quarter => $"{Y4(Start.Year)}-Q{((Start.Month - 1) / 3) + 1}",
        PeriodType.HalfYear => $"{Y4(Start.Year)}-S{(Start.Month == 1 ? 1 : 2)}",
        PeriodType.NineMonths => $"{Y4(Start.Year)}-9M",
        PeriodType.Year => Y4(Start.Year),
        PeriodType.YearToDate => $"{Y4(Start.Year)}-YTD-M{D2(End.Month)}",
        PeriodType.MultiYear => $"{Y4(Start.Year)}-{Y4(End.Year)}",
        _ => string.Empty,
    };

    /// <summary>For year-to-date periods the last month included (1–12); for other kinds the month of <see cref="End"/>.</summary>
    public int ThroughMonth => End.Month;

    /// <summary>The canonical identifier (<see cref="Id"/>).</summary>
    /// <returns>The identifier.</returns>
    public override string ToString() => Id;

    private static string Y4(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static string D2(int value) => value.ToString("D2", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- factories

    /// <summary>The ISO-8601 week <paramref name="week"/> of ISO week-year <paramref name="isoWeekYear"/>.</summary>
    /// <param name="isoWeekYear">The ISO week-year (week 1 may start in the previous December).</param>
    /// <param name="week">The week, 1 to 52 or 53 (the year has 53 weeks when it starts on a Thursday, or a leap year
    /// starts on a Wednesday; e.g. 2020 and 2026).</param>
    /// <returns>The week.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or week is out of range.</exception>
    public static ReportingPeriod Week(int isoWeekYear, int week) => Week(isoWeekYear, week, WeekRule.Iso);

    /// <summary>Week <paramref name="week"/> of <paramref name="weekYear"/> under a regime's <paramref name="rule"/>.</summary>
    /// <param name="weekYear">The week-year.</param>
    /// <param name="week">The week, 1 to 52 or 53 under that rule.</param>
    /// <param name="rule">The week rule.</param>
    /// <returns>The week.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year or week is out of range.</exception>
    public static ReportingPeriod Week(int weekYear, int week, WeekRule rule)
    {
        CheckWeekYear(weekYear, nameof(weekYear));
        int weeks = rule.WeeksInWeekYear(weekYear);
        if (week < 1 || week > weeks)
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"Năm {weekYear} có {weeks} tuần / Week-year {weekYear} has {weeks} weeks.");
        }

        var start = rule.StartOfWeekOne(weekYear).PlusDays((week - 1) * 7);
        return new ReportingPeriod(PeriodType.Week, start, start.PlusDays(6), rule);
    }

    /// <summary>A half-month: <paramref name="half"/> 1 is days 1–15, 2 is day 16 to the end of the month.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="half">1 or 2.</param>
    /// <returns>The half-month.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod HalfMonth(int year, int month, int half)
    {
        CheckYear(year, nameof(year));
        CheckRange(month, 1, 12, nameof(month));
        CheckRange(half, 1, 2, nameof(half));
        return half == 1
            ? new ReportingPeriod(PeriodType.HalfMonth, new LocalDate(year, month, 1), new LocalDate(year, month, 15), default)
            : new ReportingPeriod(PeriodType.HalfMonth, new LocalDate(year, month, 16), EndOfMonth(year, month), default);
    }

    /// <summary>A calendar month.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1–12.</param>
    /// <returns>The month.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod Month(int year, int month)
    {
        CheckYear(year, nameof(year));
        CheckRange(month, 1, 12, nameof(month));
        return Months(PeriodType.Month, year, month, month);
    }

    /// <summary>A calendar quarter.</summary>
    /// <param name="year">The year.</param>
    /// <param name="quarter">The quarter, 1–4.</param>
    /// <returns>The quarter.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod Quarter(int year, int quarter)
    {
        CheckYear(year, nameof(year));
        CheckRange(quarter, 1, 4, nameof(quarter));
        return Months(PeriodType.Quarter, year, (quarter * 3) - 2, quarter * 3);
    }

    /// <summary>A half-year: 1 is January–June, 2 is July–December.</summary>
    /// <param name="year">The year.</param>
    /// <param name="half">1 or 2.</param>
    /// <returns>The half-year.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod HalfYear(int year, int half)
    {
        CheckYear(year, nameof(year));
        CheckRange(half, 1, 2, nameof(half));
        return Months(PeriodType.HalfYear, year, (half * 6) - 5, half * 6);
    }

    /// <summary>Nine months: cumulative 1 January to 30 September.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The nine-month period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static ReportingPeriod NineMonths(int year)
    {
        CheckYear(year, nameof(year));
        return Months(PeriodType.NineMonths, year, 1, 9);
    }

    /// <summary>A calendar year. C# callers can also write <c>ReportingPeriod.Year(2026)</c> (a static extension
    /// member in <see cref="ReportingPeriodExtensions"/>, since a type cannot hold both the <see cref="Year"/> property
    /// and a <c>Year(int)</c> method).</summary>
    /// <param name="year">The year.</param>
    /// <returns>The year.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The year is out of range.</exception>
    public static ReportingPeriod CalendarYear(int year)
    {
        CheckYear(year, nameof(year));
        return Months(PeriodType.Year, year, 1, 12);
    }

    /// <summary>Year-to-date (lũy kế từ đầu năm): 1 January to the end of <paramref name="throughMonth"/>.</summary>
    /// <param name="year">The year.</param>
    /// <param name="throughMonth">The last month included, 1–12.</param>
    /// <returns>The year-to-date period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public static ReportingPeriod YearToDate(int year, int throughMonth)
    {
        CheckYear(year, nameof(year));
        CheckRange(throughMonth, 1, 12, nameof(throughMonth));
        return Months(PeriodType.YearToDate, year, 1, throughMonth);
    }

    /// <summary>A multi-year plan period, such as the five-year plan 2021–2025: 1 January of the first year to
    /// 31 December of the last.</summary>
    /// <param name="firstYear">The first year.</param>
    /// <param name="lastYear">The last year; greater than <paramref name="firstYear"/>.</param>
    /// <returns>The multi-year period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A year is out of range or the last is not after the first.</exception>
    public static ReportingPeriod MultiYear(int firstYear, int lastYear)
    {
        CheckYear(firstYear, nameof(firstYear));
        CheckYear(lastYear, nameof(lastYear));
        if (lastYear <= firstYear)
        {
            throw new ArgumentOutOfRangeException(nameof(lastYear), lastYear, "Năm cuối phải sau năm đầu / The last year must be after the first year.");
        }

        return new ReportingPeriod(PeriodType.MultiYear, new LocalDate(firstYear, 1, 1), new LocalDate(lastYear, 12, 31), default);
    }

    private static ReportingPeriod Months(PeriodType type, int year, int firstMonth, int lastMonth) =>
        new(type, new LocalDate(year, firstMonth, 1), EndOfMonth(year, lastMonth), default);

    private static LocalDate EndOfMonth(int year, int month) =>
        new(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));

    private static void CheckYear(int year, string name)
    {
        if (year < MinYear || year > MaxYear)
        {
            throw new ArgumentOutOfRangeException(name, year, $"Năm phải từ {MinYear} đến {MaxYear} / The year must be {MinYear} to {MaxYear}.");
        }
    }

    private static void CheckWeekYear(int year, string name)
    {
        if (year < MinYear || year > MaxWeekYear)
        {
            throw new ArgumentOutOfRangeException(name, year, $"Năm của tuần phải từ {MinYear} đến {MaxWeekYear} / The week-year must be {MinYear} to {MaxWeekYear}.");
        }
    }

    private static void CheckRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Giá trị phải từ {min} đến {max} / The value must be {min} to {max}.");
        }
    }

    // ---------------------------------------------------------------- containing

    /// <summary>
    /// The period of kind <paramref name="type"/> that contains <paramref name="date"/> (weeks: ISO-8601).
    /// </summary>
    /// <param name="date">The date.</param>
    /// <param name="type">The kind.</param>
    /// <returns>The period.</returns>
    /// <remarks>
    /// Week, half-month, month, quarter, half-year and year partition the calendar: every date lies in exactly one.
    /// For the cumulative kinds the choice is defined as: <see cref="PeriodType.YearToDate"/> returns the year-to-date
    /// through the date's month (the cumulative figure a report for that month shows);
    /// <see cref="PeriodType.NineMonths"/> returns January–September of the date's year and throws for October to
    /// December, which no nine-month period contains (use <see cref="TryContaining"/>);
    /// <see cref="PeriodType.MultiYear"/> returns the five-year plan period of the Vietnamese plan cycle
    /// (…, 2016–2020, 2021–2025, 2026–2030, …; see <see cref="MultiYearContaining"/> for other cycles).
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">No period of that kind contains the date, or the type is not
    /// defined, or the period would lie outside the supported years.</exception>
    public static ReportingPeriod Containing(LocalDate date, PeriodType type) => Containing(date, type, WeekRule.Iso);

    /// <summary>As <see cref="Containing(LocalDate, PeriodType)"/>, with the week rule used when
    /// <paramref name="type"/> is <see cref="PeriodType.Week"/>.</summary>
    /// <param name="date">The date.</param>
    /// <param name="type">The kind.</param>
    /// <param name="weekRule">The week rule for weeks (ignored for other kinds).</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="Containing(LocalDate, PeriodType)"/>.</exception>
    public static ReportingPeriod Containing(LocalDate date, PeriodType type, WeekRule weekRule)
    {
        if (TryContainingCore(date, type, weekRule, out var period, out string? why))
        {
            return period;
        }

        throw new ArgumentOutOfRangeException(nameof(date), date, why);
    }

    /// <summary>The period of kind <paramref name="type"/> containing <paramref name="date"/>, if there is one
    /// (see <see cref="Containing(LocalDate, PeriodType)"/>); never throws.</summary>
    /// <param name="date">The date.</param>
    /// <param name="type">The kind.</param>
    /// <param name="period">The period, or default.</param>
    /// <param name="weekRule">The week rule for weeks; ISO when omitted.</param>
    /// <returns>Whether such a period exists.</returns>
    public static bool TryContaining(LocalDate date, PeriodType type, out ReportingPeriod period, WeekRule weekRule = default) =>
        TryContainingCore(date, type, weekRule, out period, out _);

    /// <summary>The multi-year period of <paramref name="lengthInYears"/> years containing <paramref name="date"/>, in the
    /// cycle of plan periods that has one starting in <paramref name="anchorYear"/>.</summary>
    /// <param name="date">The date.</param>
    /// <param name="lengthInYears">The length of each plan period, at least 2 (five-year plans: 5).</param>
    /// <param name="anchorYear">The first year of any plan period of the cycle (e.g. 2021).</param>
    /// <returns>The plan period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The length is less than 2 or the period lies outside the supported years.</exception>
    public static ReportingPeriod MultiYearContaining(LocalDate date, int lengthInYears, int anchorYear)
    {
        if (lengthInYears < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(lengthInYears), lengthInYears, "Giai đoạn phải dài ít nhất 2 năm / A plan period is at least 2 years long.");
        }

        int offset = (((date.Year - anchorYear) % lengthInYears) + lengthInYears) % lengthInYears;
        int first = date.Year - offset;
        return MultiYear(first, first + lengthInYears - 1);
    }

    private static bool TryContainingCore(LocalDate date, PeriodType type, WeekRule weekRule, out ReportingPeriod period, out string? why)
    {
        why = null;
        int y = date.Year;
        if (y < MinYear || (y > MaxYear))
        {
            period = default;
            why = "Ngày nằm ngoài khoảng năm hỗ trợ / The date lies outside the supported years.";
            return false;
        }

        switch (type)
        {
            case PeriodType.Week:
                var start = weekRule.StartOfWeek(date);
                var anchor = start.PlusDays(weekRule.AnchorOffset);
                if (anchor.Year < MinYear || anchor.Year > MaxWeekYear)
                {
                    period = default;
                    why = "Tuần nằm ngoài khoảng năm hỗ trợ / The week lies outside the supported years.";
                    return false;
                }

                period = new ReportingPeriod(PeriodType.Week, start, start.PlusDays(6), weekRule);
                return true;
            case PeriodType.HalfMonth:
                period = HalfMonth(y, date.Month, date.Day <= 15 ? 1 : 2);
                return true;
            case PeriodType.Month:
                period = Months(PeriodType.Month, y, date.Month, date.Month);
                return true;
            case PeriodType.Quarter:
                int q = ((date.Month - 1) / 3) + 1;
                period = Months(PeriodType.Quarter, y, (q * 3) - 2, q * 3);
                return true;
            case PeriodType.HalfYear:
                period = date.Month <= 6 ? Months(PeriodType.HalfYear, y, 1, 6) : Months(PeriodType.HalfYear, y, 7, 12);
                return true;
            case PeriodType.NineMonths:
                if (date.Month > 9)
                {
                    period = default;
                    why = "Không có kỳ 9 tháng nào chứa ngày từ tháng 10 đến tháng 12 / No nine-month period contains a date in October to December.";
                    return false;
                }

                period = Months(PeriodType.NineMonths, y, 1, 9);
                return true;
            case PeriodType.Year:
                period = Months(PeriodType.Year, y, 1, 12);
                return true;
            case PeriodType.YearToDate:
                period = Months(PeriodType.YearToDate, y, 1, date.Month);
                return true;
            case PeriodType.MultiYear:
                int offset = (((y - FiveYearPlanAnchorYear) % 5) + 5) % 5;
                int first = y - offset;
                if (first < MinYear || first + 4 > MaxYear)
                {
                    period = default;
                    why = "Giai đoạn nằm ngoài khoảng năm hỗ trợ / The plan period lies outside the supported years.";
                    return false;
                }

                period = MultiYear(first, first + 4);
                return true;
            default:
                period = default;
                why = $"Loại kỳ không xác định: {(int)type} / Unknown period type: {(int)type}.";
                return false;
        }
    }

    // ---------------------------------------------------------------- navigation

    /// <summary>The next period of the same kind.</summary>
    /// <returns>The next period.</returns>
    /// <remarks>
    /// Partition kinds (week, half-month, month, quarter, half-year, year, multi-year) move to the adjacent period
    /// (its <see cref="Start"/> is this <see cref="End"/> + 1 day; a multi-year period moves by its own length,
    /// 2021–2025 → 2026–2030). Nine months moves to the next year's nine months. Year-to-date moves to the cumulative
    /// period through the next month, wrapping from <c>2026-YTD-M12</c> to <c>2027-YTD-M01</c>. In every case
    /// <c>p.Next().Previous() == p</c>.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The next period lies outside the supported years.</exception>
    /// <exception cref="InvalidOperationException">This is <c>default(ReportingPeriod)</c>.</exception>
    public ReportingPeriod Next() => Shift(+1);

    /// <summary>The previous period of the same kind (the inverse of <see cref="Next"/>).</summary>
    /// <returns>The previous period.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The previous period lies outside the supported years.</exception>
    /// <exception cref="InvalidOperationException">This is <c>default(ReportingPeriod)</c>.</exception>
    public ReportingPeriod Previous() => Shift(-1);

    /// <summary>
    /// The same period one year earlier (cùng kỳ năm trước), as reports compare against.
    /// </summary>
    /// <returns>The period a year earlier.</returns>
    /// <remarks>
    /// Weeks: the week with the same number in the previous week-year; week 53 maps to week 52 (the last week) of a
    /// previous year that has only 52 weeks (e.g. <c>2026-W53</c> → <c>2025-W52</c>), so two weeks can share the same
    /// comparison week. Multi-year periods: the previous plan period of the same length (2021–2025 → 2016–2020), since a
    /// plan period is compared with the previous plan period. Every other kind: same position, year − 1.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The period lies outside the supported years.</exception>
    /// <exception cref="InvalidOperationException">This is <c>default(ReportingPeriod)</c>.</exception>
    public ReportingPeriod SamePeriodPreviousYear()
    {
        int y = Year - 1;
        switch (Type)
        {
            case PeriodType.Week:
                CheckWeekYear(y, "year");
                return Week(y, Math.Min(WeekNumber, WeekRule.WeeksInWeekYear(y)), WeekRule);
            case PeriodType.MultiYear:
                return Shift(-1);
            case PeriodType.HalfMonth:
                return HalfMonth(y, Start.Month, Start.Day == 1 ? 1 : 2);
            case PeriodType.Month:
            case PeriodType.Quarter:
            case PeriodType.HalfYear:
            case PeriodType.NineMonths:
            case PeriodType.Year:
            case PeriodType.YearToDate:
                CheckYear(y, "year");
                return Months(Type, y, Start.Month, End.Month);
            default:
                throw new InvalidOperationException("default(ReportingPeriod) không phải một kỳ / default(ReportingPeriod) is not a period.");
        }
    }

    private ReportingPeriod Shift(int direction)
    {
        switch (Type)
        {
            case PeriodType.Week:
                var start = Start.PlusDays(7 * direction);
                int anchorYear = start.PlusDays(WeekRule.AnchorOffset).Year;
                CheckWeekYear(anchorYear, "year");
                return new ReportingPeriod(PeriodType.Week, start, start.PlusDays(6), WeekRule);
            case PeriodType.HalfMonth:
                if (Start.Day == 1)
                {
                    return direction > 0 ? HalfMonth(Start.Year, Start.Month, 2) : FromMonthIndex(MonthIndex(Start) - 1, 2);
                }

                return direction > 0 ? FromMonthIndex(MonthIndex(Start) + 1, 1) : HalfMonth(Start.Year, Start.Month, 1);
            case PeriodType.Month:
            case PeriodType.Quarter:
            case PeriodType.HalfYear:
            case PeriodType.Year:
                int months = (End.Month - Start.Month + 1) * direction;
                int first = MonthIndex(Start) + months;
                int last = MonthIndex(End) + months;
                CheckYear(first / 12, "year");
                return Months(Type, first / 12, (first % 12) + 1, (last % 12) + 1);
            case PeriodType.NineMonths:
                CheckYear(Start.Year + direction, "year");
                return Months(Type, Start.Year + direction, 1, 9);
            case PeriodType.YearToDate:
                int through = MonthIndex(End) + direction;
                CheckYear(through / 12, "year");
                return Months(Type, through / 12, 1, (through % 12) + 1);
            case PeriodType.MultiYear:
                int length = End.Year - Start.Year + 1;
                return MultiYear(Start.Year + (length * direction), End.Year + (length * direction));
            default:
                throw new InvalidOperationException("default(ReportingPeriod) không phải một kỳ / default(ReportingPeriod) is not a period.");
        }
    }

    private static int MonthIndex(LocalDate date) => (date.Year * 12) + date.Month - 1;

    private static ReportingPeriod FromMonthIndex(int index, int half) => HalfMonth(index / 12, (index % 12) + 1, half);

    // ---------------------------------------------------------------- comparison

    /// <summary>Compares by <see cref="Start"/>, then <see cref="End"/>, then <see cref="Type"/>, then week rule.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>Negative, zero or positive.</returns>
    public int CompareTo(ReportingPeriod other)
    {
        int c = Start.CompareTo(other.Start);
        if (c != 0)
        {
            return c;
        }

        c = End.CompareTo(other.End);
        if (c != 0)
        {
            return c;
        }

        c = Type.CompareTo(other.Type);
        if (c != 0)
        {
            return c;
        }

        c = WeekRule.FirstDayOfWeek.CompareTo(other.WeekRule.FirstDayOfWeek);
        return c != 0 ? c : WeekRule.MinDaysInFirstWeek.CompareTo(other.WeekRule.MinDaysInFirstWeek);
    }

    /// <inheritdoc />
    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        ReportingPeriod other => CompareTo(other),
        _ => throw new ArgumentException("Đối tượng không phải ReportingPeriod / The object is not a ReportingPeriod.", nameof(obj)),
    };

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts before or equals <paramref name="right"/>.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>The comparison.</returns>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after or equals <paramref name="right"/>.</summary>
    /// <param name="left">The left period.</param>
    /// <param name="right">The right period.</param>
    /// <returns>The comparison.</returns>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    // ---------------------------------------------------------------- relations

    /// <summary>Whether <paramref name="date"/> lies in this period.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether Start ≤ date ≤ End.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>Whether every day of <paramref name="other"/> lies in this period.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>Whether the other period is within this one.</returns>
    public bool Contains(ReportingPeriod other) => other.Start >= Start && other.End <= End;

    /// <summary>Whether the two periods share at least one day.</summary>
    /// <param name="other">The other period.</param>
    /// <returns>Whether they overlap.</returns>
    public bool Overlaps(ReportingPeriod other) => other.Start <= End && other.End >= Start;

    /// <summary>The period as a NodaTime <see cref="DateInterval"/> (both ends inclusive).</summary>
    /// <returns>The interval.</returns>
    public DateInterval ToDateInterval() => new(Start, End);
}
