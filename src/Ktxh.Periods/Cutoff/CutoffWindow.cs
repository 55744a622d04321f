using NodaTime;
using NodaTime.Text;

namespace Ktxh.Periods;

/// <summary>
/// The data cut-off window (thời gian chốt số liệu) of a reporting period: the figures reported for
/// <see cref="Period"/> are those of the days <see cref="Start"/> to <see cref="End"/>, both inclusive.
/// </summary>
/// <param name="Period">The reporting period.</param>
/// <param name="Start">The first day of the window.</param>
/// <param name="End">The last day of the window (the cut-off date, ngày chốt số liệu).</param>
/// <remarks>Produced by <see cref="CutoffConvention.WindowFor"/>. Immutable and thread-safe.</remarks>
public readonly record struct CutoffWindow(ReportingPeriod Period, LocalDate Start, LocalDate End)
{
    /// <summary>Whether <paramref name="date"/> lies in the window.</summary>
    /// <param name="date">The date.</param>
    /// <returns>Whether Start ≤ date ≤ End.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>The number of days in the window, both ends included.</summary>
    public int LengthInDays => NodaTime.Period.DaysBetween(Start, End) + 1;

    /// <summary>The window as a NodaTime <see cref="DateInterval"/>.</summary>
    /// <returns>The interval.</returns>
    public DateInterval ToDateInterval() => new(Start, End);

    /// <summary>The window as <c>2026-M07: 2026-06-15..2026-07-14</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Period.Id}: {LocalDatePattern.Iso.Format(Start)}..{LocalDatePattern.Iso.Format(End)}";
}
