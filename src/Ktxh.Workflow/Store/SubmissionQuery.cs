using Ktxh.Periods;

namespace Ktxh.Workflow;

/// <summary>
/// A filter over submissions: every property set must match (null matches anything). A durable store translates it
/// into its query language; <see cref="Matches"/> is the reference meaning. Immutable.
/// </summary>
public sealed record SubmissionQuery
{
    /// <summary>Every submission.</summary>
    public static SubmissionQuery All { get; } = new();

    /// <summary>The form code.</summary>
    public string? FormCode { get; init; }

    /// <summary>The reporting unit.</summary>
    public string? UnitCode { get; init; }

    /// <summary>The receiving (aggregating) unit.</summary>
    public string? ReceivingUnitCode { get; init; }

    /// <summary>The exact period.</summary>
    public ReportingPeriod? Period { get; init; }

    /// <summary>The year of the period (<see cref="ReportingPeriod.Year"/>).</summary>
    public int? Year { get; init; }

    /// <summary>The kind of report.</summary>
    public SubmissionKind? Kind { get; init; }

    /// <summary>The states wanted; null or empty means any.</summary>
    public IReadOnlyCollection<SubmissionState>? States { get; init; }

    /// <summary>Whether an index entry matches.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns><see langword="true"/> when every filter set matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    public bool Matches(SubmissionIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        SubmissionId s = entry.Submission;
        return (FormCode is null || s.FormCode == FormCode)
            && (UnitCode is null || s.UnitCode == UnitCode)
            && (ReceivingUnitCode is null || entry.ReceivingUnitCode == ReceivingUnitCode)
            && (Period is not { } p || s.Period == p)
            && (Year is not { } y || s.Period.Year == y)
            && (Kind is not { } k || s.Kind == k)
            && (States is null || States.Count == 0 || States.Contains(entry.State));
    }
}
