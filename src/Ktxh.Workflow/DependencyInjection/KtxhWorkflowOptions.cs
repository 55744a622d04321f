using Ktxh.Periods;

namespace Ktxh.Workflow;

/// <summary>The options of <see cref="KtxhWorkflowServiceCollectionExtensions.AddKtxhWorkflow(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{KtxhWorkflowOptions})"/>;
/// repeated <c>Configure</c> calls compose.</summary>
public sealed class KtxhWorkflowOptions
{
    /// <summary>The policies by regime name.</summary>
    public IDictionary<string, WorkflowPolicy> Policies { get; } = new Dictionary<string, WorkflowPolicy>(StringComparer.Ordinal);

    /// <summary>The policy of regimes not listed.</summary>
    public WorkflowPolicy DefaultPolicy { get; set; } = WorkflowPolicy.Default;

    /// <summary>What counts as sent in the timeliness reports.</summary>
    public SentPolicy SentPolicy { get; set; } = SentPolicy.FirstSend;

    /// <summary>The time zone id in which instants become days.</summary>
    public string TimeZoneId { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>How many submissions the engine keeps in memory (<see cref="WorkflowEngineOptions.StreamCacheCapacity"/>).</summary>
    public int StreamCacheCapacity { get; set; } = 100_000;

    /// <summary>Whom the audit chain's verification trusts as signers (<see cref="WorkflowEngineOptions.SignatureTrust"/>).</summary>
    public SignatureTrust SignatureTrust { get; set; } = SignatureTrust.System;
}
