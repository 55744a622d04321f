namespace Ktxh.Workflow;

/// <summary>
/// The head of a store's chain: how many events, and the hash of the last one. A host that saves an anchor
/// elsewhere (a report, a signed log, another system) can later prove that no event was removed from the end, which
/// a chain alone cannot show. Immutable.
/// </summary>
/// <param name="Position">The position of the last event (0 for an empty store).</param>
/// <param name="Hash">The last event's hash (<see cref="AuditChain.Genesis"/> for an empty store).</param>
public sealed record AuditAnchor(long Position, string Hash);
