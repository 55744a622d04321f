using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Workflow;

/// <summary>The settings of a <see cref="WorkflowEngine"/>: the policies per regime, the working calendar and the
/// time zone in which days are counted. Read once when the engine is created.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>The policies by regime name (<see cref="Assignment.Regime"/>); a regime not listed uses
    /// <see cref="DefaultPolicy"/>.</summary>
    public IDictionary<string, WorkflowPolicy> Policies { get; } = new Dictionary<string, WorkflowPolicy>(StringComparer.Ordinal);

    /// <summary>The policy of regimes not listed in <see cref="Policies"/>.</summary>
    public WorkflowPolicy DefaultPolicy { get; set; } = WorkflowPolicy.Default;

    /// <summary>The working calendar (closing of data entry, lateness in working days).</summary>
    public WorkingCalendar Calendar { get; set; } = WorkingCalendar.VietnamCivilService;

    /// <summary>The time zone in which an instant becomes a day (Asia/Ho_Chi_Minh).</summary>
    public DateTimeZone TimeZone { get; set; } = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>How many submissions the engine keeps in memory between commands (default 100,000; 0 turns the
    /// cache off). The cache is always caught up with the store before a command is decided, so it changes speed,
    /// never outcomes; when full it is emptied and refilled from the store.</summary>
    public int StreamCacheCapacity { get; set; } = 100_000;

    /// <summary>Whom <see cref="WorkflowEngine.VerifyAuditChainAsync"/> trusts as signers: trust anchors, revocation
    /// mode and the account → certificate mapping (default <see cref="SignatureTrust.System"/>).</summary>
    public SignatureTrust SignatureTrust { get; set; } = SignatureTrust.System;
}
