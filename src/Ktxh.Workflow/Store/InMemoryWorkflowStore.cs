using Ktxh.Workflow.Store;

namespace Ktxh.Workflow;

/// <summary>
/// A thread-safe in-memory <see cref="IWorkflowStore"/> (for tests, demos and hosts that keep the events elsewhere).
/// One lock serialises appends, as a durable store's transaction would; reads take the same lock and return
/// immutable snapshots.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredEvent> _all = [];
    private readonly Dictionary<string, List<StoredEvent>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, StoredEvent> _commands = [];
    private readonly SortedDictionary<string, SubmissionIndexEntry> _index = new(StringComparer.Ordinal);

    /// <summary>The number of events stored.</summary>
    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _all.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<KtxhResult<IReadOnlyList<StoredEvent>>> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEvent> events,
        SubmissionIndexEntry? index, CancellationToken cancellationToken = default)
    {
        StoreAppendRules.CheckArguments(streamId, events);
        cancellationToken.ThrowIfCancellationRequested();
        if (StoreAppendRules.RepeatedCommand(events) is { } repeated)
        {
            return new(StoreAppendRules.Duplicate(streamId, repeated));
        }

        lock (_gate)
        {
            List<StoredEvent>? stream = _streams.GetValueOrDefault(streamId);
            long actual = stream?.Count ?? 0;
            if (actual != expectedVersion)
            {
                return new(StoreAppendRules.Conflict(streamId, actual, expectedVersion));
            }

            HashSet<Guid>? seen = events.Count > 1 ? [] : null;
            foreach (PendingEvent p in events)
            {
                if (_commands.ContainsKey(p.CommandId) || (seen is not null && !seen.Add(p.CommandId)))
                {
                    return new(StoreAppendRules.Duplicate(streamId, p.CommandId));
                }
            }

            stream ??= _streams[streamId] = [];
            var stored = new List<StoredEvent>(events.Count);
            foreach (PendingEvent p in events)
            {
                StoredEvent e = AuditChain.Seal(p, _all.Count + 1, stream.Count + 1,
                    stream.Count == 0 ? AuditChain.Genesis : stream[^1].Hash,
                    _all.Count == 0 ? AuditChain.Genesis : _all[^1].Hash);
                _all.Add(e);
                stream.Add(e);
                _commands[p.CommandId] = e;
                stored.Add(e);
            }

            if (index is not null)
            {
                _index[streamId] = index;
            }

            return new(KtxhResult.ForValue<IReadOnlyList<StoredEvent>>(stored));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_streams.TryGetValue(streamId, out var s) ? s.ToArray() : []);
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAfterAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_streams.TryGetValue(streamId, out var s) || s.Count <= afterVersion)
            {
                return new(Array.Empty<StoredEvent>());
            }

            int skip = (int)Math.Max(afterVersion, 0);
            return new(s.GetRange(skip, s.Count - skip).ToArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask<StoredEvent?> FindByCommandAsync(Guid commandId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_commands.GetValueOrDefault(commandId));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<SubmissionIndexEntry>> QueryAsync(SubmissionQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return new(_index.Values.Where(query.Matches).ToArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<StoredEvent>> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            int skip = (int)Math.Clamp(fromPosition - 1, 0, _all.Count);
            return new(_all.Skip(skip).ToArray());
        }
    }

    /// <inheritdoc/>
    public ValueTask<AuditAnchor> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_all.Count == 0 ? new AuditAnchor(0, AuditChain.Genesis) : new AuditAnchor(_all.Count, _all[^1].Hash));
        }
    }

    /// <summary>Replaces a stored event (tests of the audit chain only: simulates tampering with the storage).</summary>
    internal void TamperForTests(int index, StoredEvent replacement)
    {
        lock (_gate)
        {
            StoredEvent original = _all[index];
            _all[index] = replacement;
            List<StoredEvent> stream = _streams[original.StreamId];
            stream[stream.IndexOf(original)] = replacement;
        }
    }
}
