using NodaTime;

namespace Ktxh.Periods;

/// <summary>A weekly rest day that is worked (ngày làm bù) in exchange for a weekday given off
/// (<see cref="DayOffReason.Swap"/>). It is a working day.</summary>
/// <param name="Date">The rest day that is worked (a Saturday for civil servants).</param>
/// <param name="ReplacesDate">The weekday given off in exchange.</param>
/// <param name="Source">The official decision that ordered the swap.</param>
public sealed record MakeUpWorkingDay(LocalDate Date, LocalDate ReplacesDate, string? Source);
