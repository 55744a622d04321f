using NodaTime;

namespace Ktxh.Periods;

public sealed partial record DeadlineRule
{
    /// <summary>
    /// Resolves the deadline of <paramref name="period"/>: the nominal date under this rule, and the effective date,
    /// moved to the next working day of <paramref name="calendar"/> when the nominal date is a weekly rest day or a
    /// holiday (QĐ 690/QĐ-UBND 2025 Điều 14.2, seed 002; Civil Code 2015 Art. 148(5)).
    /// </summary>
    /// <param name="period">The reporting period.</param>
    /// <param name="calendar">The working calendar of the reporting units.</param>
    /// <param name="cutoff">
    /// The cut-off convention of the regime; <see cref="CutoffConvention.Calendar"/> (the period itself, as in the
    /// statistical regime) when null.
    /// </param>
    /// <returns>The deadline.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">
    /// The cut-off convention defines no window for the period's type; the message is in Vietnamese and English.
    /// </exception>
    public Deadline Resolve(ReportingPeriod period, WorkingCalendar calendar, CutoffConvention? cutoff = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var windowResult = (cutoff ?? CutoffConvention.Calendar).WindowFor(period);
        if (!windowResult.Success)
        {
            throw new InvalidOperationException(windowResult.Error.Value.Message);
        }

        var window = windowResult.Value;
        LocalDate nominal = NominalDate(period, calendar, window.End);
        LocalDate effective = calendar.NextWorkingDayOnOrAfter(nominal);
        var skipped = new List<DayOff>();
        for (LocalDate day = nominal; day < effective; day = day.PlusDays(1))
        {
            // Every day before the effective one is a day off, so the calendar can say why.
            skipped.Add(calendar.GetDayOff(day)!);
        }

        return new Deadline(period, this, nominal, effective, window, skipped);
    }
}
