namespace Ktxh.Workflow.Store;

/// <summary>
/// The checks every <see cref="IWorkflowStore"/> makes before an append, and the errors of the store contract, worded
/// once for every store (in-memory, SQLite, PostgreSQL and a host's own): a stale expected version is a
/// <see cref="WorkflowErrorCode.ConcurrencyConflict"/>, a command id already recorded (or repeated in the batch) a
/// <see cref="WorkflowErrorCode.DuplicateCommandId"/>, each located at the stream and said in Vietnamese and English.
/// </summary>
/// <remarks>For store implementers; an application uses <see cref="WorkflowEngine"/>. Thread-safe (no state).</remarks>
public static class StoreAppendRules
{
    /// <summary>Checks the arguments of <see cref="IWorkflowStore.AppendAsync"/>: programmer errors, not input errors.</summary>
    /// <param name="streamId">The stream appended to.</param>
    /// <param name="events">The events to append.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An event is null or belongs to another stream.</exception>
    public static void CheckArguments(string streamId, IReadOnlyList<PendingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(streamId);
        ArgumentNullException.ThrowIfNull(events);
        for (int i = 0; i < events.Count; i++) // indexed: a foreach over the interface would allocate an enumerator
        {
            PendingEvent e = events[i];
            if (e is null || e.StreamId != streamId)
            {
                throw new ArgumentException("Mọi sự kiện phải thuộc luồng đã cho. / Every event must belong to the stream.", nameof(events));
            }
        }
    }

    /// <summary>The first command id that appears twice in one batch, if any (a batch may not repeat a command).</summary>
    /// <param name="events">The events to append.</param>
    /// <returns>The repeated command id, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="events"/> is null.</exception>
    public static Guid? RepeatedCommand(IReadOnlyList<PendingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var seen = new HashSet<Guid>();
        foreach (PendingEvent e in events)
        {
            if (!seen.Add(e.CommandId))
            {
                return e.CommandId;
            }
        }

        return null;
    }

    /// <summary>The stream is not at the version the command read (<see cref="WorkflowErrorCode.ConcurrencyConflict"/>).</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="actual">The stream's version in the store.</param>
    /// <param name="expected">The version the command was based on.</param>
    /// <returns>The failed append.</returns>
    public static KtxhResult<IReadOnlyList<StoredEvent>> Conflict(string streamId, long actual, long expected) =>
        KtxhResult<IReadOnlyList<StoredEvent>>.ForError(KtxhError.Create(WorkflowErrorCode.ConcurrencyConflict, ErrorLocation.AtField(streamId),
            $"Báo cáo {streamId} đã được thay đổi (phiên bản {actual}, lệnh dựa trên phiên bản {expected}); hãy tải lại.",
            $"Submission {streamId} was changed meanwhile (version {actual}, the command was based on version {expected}); reload."));

    /// <summary>The command id is already recorded (<see cref="WorkflowErrorCode.DuplicateCommandId"/>).</summary>
    /// <param name="streamId">The stream appended to.</param>
    /// <param name="commandId">The command id.</param>
    /// <returns>The failed append.</returns>
    public static KtxhResult<IReadOnlyList<StoredEvent>> Duplicate(string streamId, Guid commandId) =>
        KtxhResult<IReadOnlyList<StoredEvent>>.ForError(KtxhError.Create(WorkflowErrorCode.DuplicateCommandId, ErrorLocation.AtField(streamId),
            $"Mã lệnh {commandId} đã được ghi nhận.", $"Command id {commandId} is already recorded."));
}
