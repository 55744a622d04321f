namespace Ktxh.Workflow;

/// <summary>What a successful verification of the audit chain saw. Immutable.</summary>
/// <param name="EventCount">The number of events.</param>
/// <param name="StreamCount">The number of streams.</param>
/// <param name="SignedEventCount">The number of events with a valid signature.</param>
/// <param name="Signers">The signers' certificate subjects, distinct, sorted.</param>
/// <param name="Head">The head of the chain.</param>
public sealed record AuditChainSummary(long EventCount, int StreamCount, long SignedEventCount, IReadOnlyList<string> Signers, AuditAnchor Head);
