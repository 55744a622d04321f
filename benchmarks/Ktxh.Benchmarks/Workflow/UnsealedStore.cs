using System.Text;
using Ktxh.Workflow;

namespace Ktxh.Benchmarks.Workflow;

/// <summary>
/// Benchmark only: the in-memory store without the audit chain. Events are kept in the body format readers expect
/// (<c>{"event": …}</c>) but not sealed: no SHA-256 of the body, no links to the previous events. It measures what
/// the chain costs; it is not a store to use (<see cref="AuditChain.Verify"/> fails on it).
/// </summary>
internal sealed class UnsealedStore : IWorkflowStore
{
    private static readonly byte[] Prefix = Encoding.UTF8.GetBytes("{\"event\":");
    private readonly Lock _gate = new();
    private readonly List<StoredEvent> _all = [];
    private readonly Dictionary<string, List<StoredEvent>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, StoredEvent> _commands = [];
    private readonly SortedDictionary<string, SubmissionIndexEntry> _index = new(StringComparer.Ordinal);

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

    public ValueTask<KtxhResult<IReadOnlyList<StoredEvent>>> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<PendingEvent> events,
        SubmissionIndexEntry? index, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            List<StoredEvent>? stream = _streams.GetValueOrDefault(streamId);
            if ((stream?.Count ?? 0) != expectedVersion)
            {
                return new(KtxhResult<IReadOnlyList<StoredEvent>>.ForError(KtxhError.Create(WorkflowErrorCode.ConcurrencyConflict,
                    ErrorLocation.AtField(streamId), "Xung đột phiên bản.", "Version conflict.")));
            }

            stream ??= _streams[streamId] = [];
            var stored = new List<StoredEvent>(events.Count);
            foreach (PendingEvent p in events)
            {
                byte[] body = new byte[Prefix.Length + p.Json.Length + 1];
                Prefix.CopyTo(body, 0);
                p.Json.Span.CopyTo(body.AsSpan(Prefix.Length));
                body[^1] = (byte)'}';
                var e = new StoredEvent(_all.Count + 1, streamId, stream.Count + 1, p.CommandId, body, string.Empty);
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

    public ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_streams.TryGetValue(streamId, out var s) ? s.ToArray() : []);
        }
    }

    public ValueTask<IReadOnlyList<StoredEvent>> ReadStreamAfterAsync(string streamId, long afterVersion, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_streams.TryGetValue(streamId, out var s) && s.Count > afterVersion ? s.Skip((int)Math.Max(afterVersion, 0)).ToArray() : []);
        }
    }

    public ValueTask<StoredEvent?> FindByCommandAsync(Guid commandId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_commands.GetValueOrDefault(commandId));
        }
    }

    public ValueTask<IReadOnlyList<SubmissionIndexEntry>> QueryAsync(SubmissionQuery query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_index.Values.Where(query.Matches).ToArray());
        }
    }

    public ValueTask<IReadOnlyList<StoredEvent>> ReadAllAsync(long fromPosition = 1, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(_all.Skip((int)Math.Clamp(fromPosition - 1, 0, _all.Count)).ToArray());
        }
    }

    public ValueTask<AuditAnchor> GetHeadAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return new(new AuditAnchor(_all.Count, string.Empty));
        }
    }
}
