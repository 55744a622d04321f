using Ktxh.Workflow.Store;

namespace Ktxh.Workflow;

/// <summary>
/// A thread-safe in-memory <see cref="IWorkflowStore"/> (for tests, demos and hosts that keep the events elsewhere).
/// One lock serialises appends, as a durable store's transaction would; reads take the same lock and return
/// immutable snapshots.
/// </summary>
/// <remarks>The sealed bodies are kept in large shared buffers (<see cref="BodyArena"/>) rather than one array per
/// event: a store of a national cycle holds tens of megabytes of bodies, which the garbage collector would otherwise
/// copy from generation to generation while the cycle runs.</remarks>
public sealed class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredEvent> _all = [];
    private readonly Dictionary<string, List<StoredEvent>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, StoredEvent> _commands = [];
    private readonly Dictionary<string, SubmissionIndexEntry> _index = new(StringComparer.Ordinal);
    private readonly BodyArena _bodies = new();

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
        if (events.Count > 1 && StoreAppendRules.RepeatedCommand(events) is { } repeated)
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

            for (int i = 0; i < events.Count; i++)
            {
                if (_commands.ContainsKey(events[i].CommandId))
                {
                    return new(StoreAppendRules.Duplicate(streamId, events[i].CommandId));
                }
            }

            // Every event is sealed before anything is recorded: an event that cannot be written leaves the store
            // as it was (all or nothing).
            var stored = new StoredEvent[events.Count];
            StoredEvent? previousInStream = stream is { Count: > 0 } ? stream[^1] : null;
            StoredEvent? previousInStore = _all.Count > 0 ? _all[^1] : null;
            for (int i = 0; i < stored.Length; i++)
            {
                stored[i] = previousInStream = previousInStore = AuditChain.SealLinked(events[i], _all.Count + i + 1, actual + i + 1,
                    new AuditChain.Link(previousInStream), new AuditChain.Link(previousInStore), _bodies.Keep);
            }

            stream ??= _streams[streamId] = new List<StoredEvent>(8);
            foreach (StoredEvent e in stored)
            {
                _all.Add(e);
                stream.Add(e);
                _commands[e.CommandId] = e;
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
            var matches = new List<KeyValuePair<string, SubmissionIndexEntry>>();
            foreach (KeyValuePair<string, SubmissionIndexEntry> entry in _index)
            {
                if (query.Matches(entry.Value))
                {
                    matches.Add(entry);
                }
            }

            // Ordered at query time (an index kept sorted would cost a tree insertion on every append).
            matches.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
            return new(matches.ConvertAll(static x => x.Value).ToArray());
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

    /// <summary>
    /// The store's body buffers: each sealed body is copied once into the current chunk; chunks start small and grow
    /// to 1 MiB (allocated straight into the large object heap, never copied by a collection and holding no
    /// references to trace). Used under the store's lock only.
    /// </summary>
    private sealed class BodyArena
    {
        private const int Largest = 1 << 20;
        private byte[] _chunk = new byte[4096];
        private int _used;

        public BodyArena() => Keep = KeepCore;

        /// <summary>Copies a body in and returns where it now lives.</summary>
        public Func<ReadOnlySpan<byte>, ReadOnlyMemory<byte>> Keep { get; }

        private ReadOnlyMemory<byte> KeepCore(ReadOnlySpan<byte> body)
        {
            if (body.Length > Largest / 4)
            {
                return body.ToArray();
            }

            if (_chunk.Length - _used < body.Length)
            {
                // Not zeroed: only the ranges written are ever handed out.
                _chunk = GC.AllocateUninitializedArray<byte>(Math.Min(Largest, _chunk.Length * 2));
                _used = 0;
            }

            body.CopyTo(_chunk.AsSpan(_used));
            var kept = new ReadOnlyMemory<byte>(_chunk, _used, body.Length);
            _used += body.Length;
            return kept;
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
