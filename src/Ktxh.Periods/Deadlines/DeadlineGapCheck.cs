using System.Globalization;
using NodaTime;

namespace Ktxh.Periods;

/// <summary>
/// The result of checking a deadline against Decree 09/2019/NĐ-CP Art. 8(5): at least one working day must lie
/// between the data cut-off date and the deadline, so that the reporting unit has a working day to compile the report.
/// </summary>
/// <param name="Deadline">The deadline checked.</param>
/// <param name="WorkingDaysBetween">
/// The working days strictly after the last day of the cut-off window and strictly before the effective deadline.
/// </param>
/// <param name="MinimumWorkingDays">The minimum the regime requires (1 under Decree 09 Art. 8(5)).</param>
public sealed record DeadlineGapCheck(Deadline Deadline, int WorkingDaysBetween, int MinimumWorkingDays)
{
    /// <summary>Whether the deadline leaves at least <see cref="MinimumWorkingDays"/> working days after the cut-off.</summary>
    public bool Passed => WorkingDaysBetween >= MinimumWorkingDays;

    /// <summary>The outcome in Vietnamese.</summary>
    public string MessageVi => Passed
        ? string.Create(CultureInfo.InvariantCulture, $"{Deadline.Period.Id}: có {WorkingDaysBetween} ngày làm việc giữa ngày chốt số liệu {Format(Deadline.Cutoff.End)} và hạn báo cáo {Format(Deadline.Effective)} (tối thiểu {MinimumWorkingDays}; Nghị định 09/2019/NĐ-CP Điều 8 khoản 5).")
        : string.Create(CultureInfo.InvariantCulture, $"{Deadline.Period.Id}: chỉ có {WorkingDaysBetween} ngày làm việc giữa ngày chốt số liệu {Format(Deadline.Cutoff.End)} và hạn báo cáo {Format(Deadline.Effective)}, ít hơn mức tối thiểu {MinimumWorkingDays} (Nghị định 09/2019/NĐ-CP Điều 8 khoản 5).");

    /// <summary>The outcome in English.</summary>
    public string MessageEn => Passed
        ? string.Create(CultureInfo.InvariantCulture, $"{Deadline.Period.Id}: {WorkingDaysBetween} working day(s) between the data cut-off {Format(Deadline.Cutoff.End)} and the deadline {Format(Deadline.Effective)} (minimum {MinimumWorkingDays}; Decree 09/2019/NĐ-CP Art. 8(5)).")
        : string.Create(CultureInfo.InvariantCulture, $"{Deadline.Period.Id}: only {WorkingDaysBetween} working day(s) between the data cut-off {Format(Deadline.Cutoff.End)} and the deadline {Format(Deadline.Effective)}, fewer than the minimum {MinimumWorkingDays} (Decree 09/2019/NĐ-CP Art. 8(5)).");

    /// <summary>
    /// Checks <paramref name="deadline"/> against the minimum gap between the cut-off date and the deadline.
    /// </summary>
    /// <param name="deadline">A resolved deadline.</param>
    /// <param name="calendar">The working calendar it was resolved with.</param>
    /// <param name="minimumWorkingDays">The minimum number of working days; 1 under Decree 09/2019/NĐ-CP Art. 8(5).</param>
    /// <returns>The check's result.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minimumWorkingDays"/> is negative.</exception>
    public static DeadlineGapCheck Check(Deadline deadline, WorkingCalendar calendar, int minimumWorkingDays = 1)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumWorkingDays);
        int count = 0;
        for (LocalDate day = deadline.Cutoff.End.PlusDays(1); day < deadline.Effective; day = day.PlusDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                count++;
            }
        }

        return new DeadlineGapCheck(deadline, count, minimumWorkingDays);
    }

    private static string Format(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
