namespace Ktxh.Workflow.Sharing;

/// <summary>A request to share a datum: to whom and for what. Immutable and thread-safe.</summary>
public sealed record SharingRequest
{
    /// <summary>Gets a request from a body of the reporting system for its work.</summary>
    public static SharingRequest ToReportingSystem { get; } = new() { Audience = SharingAudience.ReportingSystem };

    /// <summary>Gets a request from outside the reporting system.</summary>
    public static SharingRequest ToOutside { get; } = new() { Audience = SharingAudience.Outside };

    /// <summary>Gets who would receive the datum.</summary>
    public required SharingAudience Audience { get; init; }

    /// <summary>
    /// Gets a value indicating whether the share would serve a private interest of an organisation or person to the harm
    /// of the national interest, the community's or others' lawful interests (seed 003 Điều 8 khoản 4); the host or an
    /// officer decides this about the request.
    /// </summary>
    public bool HarmsOthersForPrivateInterest { get; init; }
}
