namespace Ktxh.Workflow;

/// <summary>How a revision ended. A revision that ended is never overwritten: a correction is a new revision.</summary>
public enum RevisionOutcome
{
    /// <summary>The submission's current revision.</summary>
    Current = 1,

    /// <summary>The unit's leader rejected it (with a reason).</summary>
    Rejected = 2,

    /// <summary>The aggregating unit returned it (with a reason).</summary>
    Returned = 3,

    /// <summary>It was accepted, then reopened for correction on a granted request.</summary>
    Reopened = 4,

    /// <summary>The assignment was withdrawn or cancelled while it was current.</summary>
    Withdrawn = 5,
}
