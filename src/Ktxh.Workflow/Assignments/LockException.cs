using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// An exception to the closing of data entry, granted by the aggregating unit to one reporting unit for one period,
/// with a reason and an end date (inclusive). Granted with <see cref="WorkflowEngine.GrantLockExceptionAsync"/>;
/// kept as an event like every other command. Immutable.
/// </summary>
/// <param name="UnitCode">The reporting unit.</param>
/// <param name="Period">The period.</param>
/// <param name="Until">The last day on which entry is open again.</param>
/// <param name="Reason">Why.</param>
public sealed record LockException(string UnitCode, ReportingPeriod Period, LocalDate Until, string Reason)
{
    /// <summary>The event stream that holds the exceptions of a unit and period.</summary>
    /// <param name="unitCode">The reporting unit.</param>
    /// <param name="period">The period.</param>
    /// <returns>The stream id: <c>LockException|unit|period</c>.</returns>
    public static string StreamIdFor(string unitCode, ReportingPeriod period) => $"LockException|{unitCode}|{period.Id}";
}
