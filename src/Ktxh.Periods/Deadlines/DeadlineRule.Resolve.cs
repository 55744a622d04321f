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
    /// <exception cref="ArgumentOutOfRangeException">
    /// The nominal or effective date falls outside the calendar's range (1900–2199 for the built-in calendars) or
    /// outside the dates NodaTime can represent (a period of year 9999).
    /// </exception>
    public Deadline Resolve(ReportingPeriod period, WorkingCalendar calendar, CutoffConvention? cutoff = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var windowResult = (cutoff ?? CutoffConvention.Calendar).WindowFor(period);
        if (!windowResult.Success)
        {
            throw new InvalidOperationException(windowResult.Errors[0].Message);
        }

        var window = windowResult.Value;
        LocalDate nominal;
        try
        {
            nominal = NominalDate(period, calendar, window.End);
        }
        catch (OverflowException)
        {
            // NodaTime's date arithmetic overflows past 9999-12-31: report it as the documented range error.
            throw new ArgumentOutOfRangeException(nameof(period), period.Id,
                $"Hạn báo cáo của kỳ {period.Id} nằm ngoài phạm vi ngày hỗ trợ / The deadline of period {period.Id} is outside the supported dates.");
        }

        LocalDate effective = calendar.NextWorkingDayOnOrAfter(nominal);
        return new Deadline(period, this, nominal, effective, window, DaysOffBetween(calendar, nominal, effective));
    }

    // Most deadlines fall on a working day: they share one empty list instead of allocating their own.
    private static IReadOnlyList<DayOff> DaysOffBetween(WorkingCalendar calendar, LocalDate nominal, LocalDate effective)
    {
        if (nominal == effective)
        {
            return [];
        }

        var skipped = new DayOff[Period.DaysBetween(nominal, effective)];
        for (int i = 0; i < skipped.Length; i++)
        {
            // Every day before the effective one is a day off, so the calendar can say why.
            skipped[i] = calendar.GetDayOff(nominal.PlusDays(i))!;
        }

        return skipped;
    }
}
