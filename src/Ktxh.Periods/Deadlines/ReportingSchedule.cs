using NodaTime;

namespace Ktxh.Periods;

/// <summary>One period of a schedule: the period, its data cut-off window, its deadline and the Decree 09 gap check.</summary>
/// <param name="Period">The reporting period.</param>
/// <param name="Cutoff">The data cut-off window of the period.</param>
/// <param name="Deadline">The deadline, nominal and effective.</param>
/// <param name="GapCheck">The check of Decree 09/2019/NĐ-CP Art. 8(5) (a working day between cut-off and deadline).</param>
public sealed record ScheduleEntry(ReportingPeriod Period, CutoffWindow Cutoff, Deadline Deadline, DeadlineGapCheck GapCheck);

/// <summary>
/// The schedule of a periodic report for a year: every period of one type with its cut-off window and deadline.
/// </summary>
public static class ReportingSchedule
{
    /// <summary>
    /// Every period of <paramref name="type"/> that belongs to <paramref name="year"/> (for weeks, the ISO week-year;
    /// for year-to-date, January through each month), with its cut-off window, deadline and gap check.
    /// </summary>
    /// <param name="year">The year.</param>
    /// <param name="type">The period type; <see cref="PeriodType.MultiYear"/> has no yearly schedule.</param>
    /// <param name="rule">The deadline rule.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <param name="cutoff">The cut-off convention; <see cref="CutoffConvention.Calendar"/> when null.</param>
    /// <returns>The entries in period order.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="type"/> is <see cref="PeriodType.MultiYear"/> or undefined.</exception>
    /// <exception cref="InvalidOperationException">The cut-off convention defines no window for <paramref name="type"/>.</exception>
    public static IReadOnlyList<ScheduleEntry> For(int year, PeriodType type, DeadlineRule rule, WorkingCalendar calendar,
        CutoffConvention? cutoff = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        var entries = new List<ScheduleEntry>();
        foreach (var period in PeriodsOf(year, type))
        {
            var deadline = rule.Resolve(period, calendar, cutoff);
            entries.Add(new ScheduleEntry(period, deadline.Cutoff, deadline, DeadlineGapCheck.Check(deadline, calendar)));
        }

        return entries;
    }

    private static IEnumerable<ReportingPeriod> PeriodsOf(int year, PeriodType type)
    {
        switch (type)
        {
            case PeriodType.YearToDate:
                for (int month = 1; month <= 12; month++)
                {
                    yield return ReportingPeriod.YearToDate(year, month);
                }

                yield break;
            case PeriodType.MultiYear:
                throw new ArgumentException(
                    "Kỳ nhiều năm không có lịch theo năm. / A multi-year period has no yearly schedule.", nameof(type));
            case PeriodType.Week or PeriodType.HalfMonth or PeriodType.Month or PeriodType.Quarter
                or PeriodType.HalfYear or PeriodType.NineMonths or PeriodType.Year:
                // 4 January always lies in week 1 of its ISO week-year, and in the first period of every other type.
                for (var period = ReportingPeriod.Containing(new LocalDate(year, 1, 4), type);
                     period.Year == year;
                     period = period.Next())
                {
                    yield return period;
                }

                yield break;
            default:
                throw new ArgumentException($"Loại kỳ không xác định: {type}. / Undefined period type: {type}.", nameof(type));
        }
    }
}
