using NodaTime;

namespace Ktxh.Workflow;

/// <summary>The timeliness of one submission. Immutable.</summary>
/// <param name="Status">On time, late, missing, not yet due, or not applicable.</param>
/// <param name="DueDate">The effective deadline.</param>
/// <param name="SentOn">The day it was sent (under the <see cref="SentPolicy"/>), in the engine's time zone.</param>
/// <param name="WorkingDaysLate">For a late report, the working days after the deadline up to the day sent (at least 1,
/// so a report sent on a rest day after the deadline is late by one); for a missing report, up to today; otherwise 0.</param>
public readonly record struct Timeliness(TimelinessStatus Status, LocalDate DueDate, LocalDate? SentOn, int WorkingDaysLate);
