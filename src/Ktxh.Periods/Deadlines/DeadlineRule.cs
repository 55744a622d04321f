using System.Globalization;
using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// How a reporting regime sets the nominal deadline of a report for a period: "the 12th of the next month",
/// "the 25th of the last month of the period", "3 working days after the cut-off", "15/9 of the next year"…
/// </summary>
/// <remarks>
/// <para>
/// A rule gives the <em>nominal</em> date; <see cref="Resolve"/> then moves a nominal date that falls on a weekly rest
/// day or a public holiday to the next working day, as the Hanoi regulation (QĐ 690/QĐ-UBND 2025, Điều 14.2; seed
/// 002) and the Civil Code 2015 (Art. 148(5)) require.
/// </para>
/// <para>Rules have one canonical text form (<see cref="Id"/>), which <see cref="Parse"/> reads back:</para>
/// <list type="table">
/// <listheader><term>text</term><description>meaning</description></listheader>
/// <item><term><c>day-of-month-after:12</c></term><description>day 12 of the month after the period ends</description></item>
/// <item><term><c>day-of-month-after:20:2</c></term><description>day 20 of the second month after the period ends</description></item>
/// <item><term><c>day-of-last-month:25</c></term><description>day 25 of the period's last month (Decree 09/2019/NĐ-CP Art. 13)</description></item>
/// <item><term><c>working-days-after-cutoff:3</c></term><description>the 3rd working day after the cut-off window ends</description></item>
/// <item><term><c>days-after-period:20</c></term><description>20 calendar days after the period's last day</description></item>
/// <item><term><c>fixed-date:09-15</c></term><description>15 September of the year after the period's year</description></item>
/// <item><term><c>fixed-date:03-31:2</c></term><description>31 March, two years after the period's year</description></item>
/// <item><term><c>date:2026-03-31</c></term><description>an explicit date (ad hoc reports)</description></item>
/// </list>
/// <para>
/// A day of the month beyond the month's length (day 31 in April, 29 February in a common year) means the month's
/// last day. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed partial record DeadlineRule
{
    private DeadlineRule(DeadlineRuleKind kind, int day = 0, int offset = 0, int month = 0, LocalDate? date = null)
    {
        Kind = kind;
        Day = day;
        Offset = offset;
        Month = month;
        Date = date;
    }

    /// <summary>The kind of rule.</summary>
    public DeadlineRuleKind Kind { get; }

    /// <summary>The day of the month (1–31) for month- and date-based rules; 0 otherwise.</summary>
    public int Day { get; }

    /// <summary>
    /// The rule's count: months after the period (<see cref="DeadlineRuleKind.DayOfMonthAfterPeriod"/>), working days
    /// (<see cref="DeadlineRuleKind.WorkingDaysAfterCutoff"/>), calendar days
    /// (<see cref="DeadlineRuleKind.CalendarDaysAfterPeriod"/>) or years after the period's year
    /// (<see cref="DeadlineRuleKind.FixedDateInLaterYear"/>); 0 otherwise.
    /// </summary>
    public int Offset { get; }

    /// <summary>The month (1–12) for <see cref="DeadlineRuleKind.FixedDateInLaterYear"/>; 0 otherwise.</summary>
    public int Month { get; }

    /// <summary>The date of an <see cref="DeadlineRuleKind.ExplicitDate"/> rule; null otherwise.</summary>
    public LocalDate? Date { get; }

    /// <summary>The canonical text of the rule (see the remarks of <see cref="DeadlineRule"/>).</summary>
    public string Id => Kind switch
    {
        DeadlineRuleKind.DayOfMonthAfterPeriod => Offset == 1
            ? Invariant($"day-of-month-after:{Day}")
            : Invariant($"day-of-month-after:{Day}:{Offset}"),
        DeadlineRuleKind.DayOfLastMonthOfPeriod => Invariant($"day-of-last-month:{Day}"),
        DeadlineRuleKind.WorkingDaysAfterCutoff => Invariant($"working-days-after-cutoff:{Offset}"),
        DeadlineRuleKind.CalendarDaysAfterPeriod => Invariant($"days-after-period:{Offset}"),
        DeadlineRuleKind.FixedDateInLaterYear => Offset == 1
            ? Invariant($"fixed-date:{Month:00}-{Day:00}")
            : Invariant($"fixed-date:{Month:00}-{Day:00}:{Offset}"),
        DeadlineRuleKind.ExplicitDate => "date:" + Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException("Unknown deadline rule kind."),
    };

    /// <summary>Day <paramref name="day"/> of the month that comes <paramref name="monthsAfter"/> months after the period ends.</summary>
    /// <param name="day">The day of the month, 1–31 (a day past the month's end means its last day).</param>
    /// <param name="monthsAfter">How many months after the period's last month, 1–12 (1: the next month).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of its range.</exception>
    public static DeadlineRule DayOfMonthAfterPeriod(int day, int monthsAfter = 1)
    {
        CheckRange(day, 1, 31, nameof(day));
        CheckRange(monthsAfter, 1, 12, nameof(monthsAfter));
        return new DeadlineRule(DeadlineRuleKind.DayOfMonthAfterPeriod, day: day, offset: monthsAfter);
    }

    /// <summary>
    /// Day <paramref name="day"/> of the last month of the period. Decree 09/2019/NĐ-CP Art. 13 sets the 25th for
    /// periodic reports to the Government (<see cref="Decree09GovernmentReports"/>).
    /// </summary>
    /// <param name="day">The day of the month, 1–31 (a day past the month's end means its last day).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is out of range.</exception>
    public static DeadlineRule DayOfLastMonthOfPeriod(int day)
    {
        CheckRange(day, 1, 31, nameof(day));
        return new DeadlineRule(DeadlineRuleKind.DayOfLastMonthOfPeriod, day: day);
    }

    /// <summary>The <paramref name="workingDays"/>-th working day after the last day of the period's cut-off window.</summary>
    /// <param name="workingDays">How many working days, 1–366.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is out of range.</exception>
    public static DeadlineRule WorkingDaysAfterCutoff(int workingDays)
    {
        CheckRange(workingDays, 1, 366, nameof(workingDays));
        return new DeadlineRule(DeadlineRuleKind.WorkingDaysAfterCutoff, offset: workingDays);
    }

    /// <summary><paramref name="days"/> calendar days after the last day of the period.</summary>
    /// <param name="days">How many days, 0–366 (0: the period's last day).</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is out of range.</exception>
    public static DeadlineRule CalendarDaysAfterPeriod(int days)
    {
        CheckRange(days, 0, 366, nameof(days));
        return new DeadlineRule(DeadlineRuleKind.CalendarDaysAfterPeriod, offset: days);
    }

    /// <summary>A fixed day and month in a year after the period's year (statistical forms: 15/9 of the next year).</summary>
    /// <param name="month">The month, 1–12.</param>
    /// <param name="day">The day, 1–31, valid for the month (29 February means the 28th in a common year).</param>
    /// <param name="yearsAfter">How many years after the period's year (<see cref="ReportingPeriod.Year"/>), 1–10.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, or the day does not exist in the month.</exception>
    public static DeadlineRule FixedDateInLaterYear(int month, int day, int yearsAfter = 1)
    {
        CheckRange(month, 1, 12, nameof(month));
        // Checked against a leap year so that 29 February is allowed.
        CheckRange(day, 1, CalendarSystem.Iso.GetDaysInMonth(2024, month), nameof(day));
        CheckRange(yearsAfter, 1, 10, nameof(yearsAfter));
        return new DeadlineRule(DeadlineRuleKind.FixedDateInLaterYear, day: day, offset: yearsAfter, month: month);
    }

    /// <summary>An explicit deadline date, for ad hoc reports.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The rule.</returns>
    public static DeadlineRule ExplicitDate(LocalDate date) =>
        new(DeadlineRuleKind.ExplicitDate, date: date.WithCalendar(CalendarSystem.Iso));

    /// <summary>
    /// The deadline of Decree 09/2019/NĐ-CP Art. 13 for periodic reports to the Government: the 25th of the last
    /// month of the period.
    /// </summary>
    public static DeadlineRule Decree09GovernmentReports { get; } = DayOfLastMonthOfPeriod(25);

    /// <summary>The nominal deadline of <paramref name="period"/> under this rule, before any move off a day off.</summary>
    /// <param name="period">The reporting period.</param>
    /// <param name="calendar">The working calendar (used by <see cref="DeadlineRuleKind.WorkingDaysAfterCutoff"/>).</param>
    /// <param name="cutoffEnd">The last day of the period's cut-off window (used by <see cref="DeadlineRuleKind.WorkingDaysAfterCutoff"/>).</param>
    /// <returns>The nominal date.</returns>
    internal LocalDate NominalDate(ReportingPeriod period, WorkingCalendar calendar, LocalDate cutoffEnd)
    {
        switch (Kind)
        {
            case DeadlineRuleKind.DayOfMonthAfterPeriod:
                return DayInMonth(period.End.PlusMonths(Offset), Day);
            case DeadlineRuleKind.DayOfLastMonthOfPeriod:
                return DayInMonth(period.End, Day);
            case DeadlineRuleKind.WorkingDaysAfterCutoff:
                return calendar.AddWorkingDays(cutoffEnd, Offset);
            case DeadlineRuleKind.CalendarDaysAfterPeriod:
                return period.End.PlusDays(Offset);
            case DeadlineRuleKind.FixedDateInLaterYear:
                int year = period.Year + Offset;
                if (year > ReportingPeriod.MaxYear)
                {
                    throw new ArgumentOutOfRangeException(nameof(period), period.Id,
                        Invariant($"Năm của hạn báo cáo {year} vượt quá {ReportingPeriod.MaxYear} / The deadline's year {year} is past {ReportingPeriod.MaxYear}."));
                }

                return new LocalDate(year, Month, Math.Min(Day, CalendarSystem.Iso.GetDaysInMonth(year, Month)));
            case DeadlineRuleKind.ExplicitDate:
                return Date!.Value;
            default:
                throw new InvalidOperationException("Unknown deadline rule kind.");
        }
    }

    /// <summary>Returns <see cref="Id"/>.</summary>
    /// <returns>The canonical text of the rule.</returns>
    public override string ToString() => Id;

    private static LocalDate DayInMonth(LocalDate anyDayOfMonth, int day) =>
        new(anyDayOfMonth.Year, anyDayOfMonth.Month, Math.Min(day, CalendarSystem.Iso.GetDaysInMonth(anyDayOfMonth.Year, anyDayOfMonth.Month)));

    private static void CheckRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(
                name,
                value,
                Invariant($"Giá trị {name} = {value} nằm ngoài khoảng {min}–{max}. / {name} = {value} is outside {min}–{max}."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
