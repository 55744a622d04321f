namespace Ktxh.Workflow;

/// <summary>Whether a submission met its deadline (seed 002 "002-hanoi-ktxh-system-regulation.txt" Điều 19.4: units
/// that do not report, or report late, are reported to the People's Committee and it counts in emulation scoring).</summary>
public enum TimelinessStatus
{
    /// <summary>Not sent, and the deadline has not passed.</summary>
    NotYetDue = 1,

    /// <summary>Sent on or before the deadline.</summary>
    OnTime = 2,

    /// <summary>Sent after the deadline.</summary>
    Late = 3,

    /// <summary>Not sent, and the deadline has passed.</summary>
    Missing = 4,

    /// <summary>Cancelled or withdrawn: not counted.</summary>
    NotApplicable = 5,
}
