namespace Ktxh.Workflow;

/// <summary>
/// Where the workflow's events live: append-only streams (one per submission) chained into one store-wide audit
/// chain, with an index of submissions for queries. The contract durable stores (SQLite, PostgreSQL) implement.
/// </summary>
/// <remarks>
/// <para>Concurrency contract: <see cref="AppendAsync"/> is atomic and serialisable per store. It appends only when
/// the stream's current version equals the expected version (optimistic concurrency): of two approvers acting at
/// once on the same version, one succeeds and the other gets <see cref="WorkflowErrorCode.ConcurrencyConflict"/>;
/// nothing is lost or half-written. A command id is recorded at most once (idempotency): appending an event whose
/// command id is already stored fails with <see cref="WorkflowErrorCode.DuplicateCommandId"/> and changes nothing.</para>
/// <para>The store seals each event with <see cref="AuditChain.Seal"/>, linking it to the previous event of its
/// stream and of the whole store, inside the same atomic step that assigns positions.</para>
/// <para>Implementations must be thread-safe.</para>
/// </remarks>
public interface IWorkflowStore
{
    /// <summary>Appends events to one stream if its version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="expectedVersion">The version the caller read (0 for a new stream).</param>
    /// <param name="events">The events, all of this stream.</param>
    /// <param name="index">The submission's index entry after the events, or null for streams that are not submissions.</param>
    /// <param name="cancellationToken">Cancels the wait (never a half-written append).</param>
    /// <returns>The stored events, or <see cref="WorkflowErrorCode.ConcurrencyConflict"/> /
    /// <see cref="WorkflowErrorCode.DuplicateCommandId"/>.</returns>
    ValueTask<KtxhResult<IReadOnlyList<StoredEvent>>> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEvent> events,
        SubmissionIndexEntry? index, CancellationToken cancellationToken = default);

    /// <summary>Reads one stream, in version order (empty when it does not exist).</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the events of one stream whose version is greater than <paramref name="afterVersion"/>, in version
    /// order (empty when the stream has no newer event, or does not exist). The engine keeps each stream it has
    /// read in memory and calls this before every command to catch up with what other engines or processes
    /// appended, so a store should answer it cheaply (an index on stream and version; an empty answer should not
    /// allocate much).
    /// </summary>
    /// <remarks>The default implementation reads the whole stream and skips the older events; the stores of this
    /// package and of the SQLite and PostgreSQL packages override it with a direct read.</remarks>
    /// <param name="streamId">The stream.</param>
    /// <param name="afterVersion">The version the caller already holds (0 for the whole stream).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The newer events.</returns>
    async ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAfterAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<StoredEvent> all = await ReadStreamAsync(streamId, cancellationToken).ConfigureAwait(false);
        return afterVersion <= 0 ? all : all.Where(e => e.StreamVersion > afterVersion).ToArray();
    }

    /// <summary>Finds the event recorded for a command id.</summary>
    /// <param name="commandId">The command id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The event, or null.</returns>
    ValueTask<StoredEvent?> FindByCommandAsync(Guid commandId, CancellationToken cancellationToken = default);

    /// <summary>Queries the submission index.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The matching entries, ordered by stream id.</returns>
    ValueTask<IReadOnlyList<SubmissionIndexEntry>> QueryAsync(SubmissionQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads every event of the store from a position on, in position order (for verification and export).</summary>
    /// <param name="fromPosition">The first position (from 1).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events.</returns>
    ValueTask<IReadOnlyList<StoredEvent>> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default);

    /// <summary>The head of the store's chain.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The anchor.</returns>
    ValueTask<AuditAnchor> GetHeadAsync(CancellationToken cancellationToken = default);
}
