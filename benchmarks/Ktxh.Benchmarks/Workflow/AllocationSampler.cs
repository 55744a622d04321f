using System.Diagnostics.Tracing;

namespace Ktxh.Benchmarks.Workflow;

/// <summary>
/// Samples allocations by type through the runtime's own event (GCAllocationTick, one event per ~100 KB allocated,
/// naming the type of the object that crossed the mark): which types make up the bytes allocated per transition.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private volatile bool _on;

    public void Start() => _on = true;

    public void Stop() => _on = false;

    public IEnumerable<(string Type, long Bytes)> Top(int n)
    {
        lock (_bytes)
        {
            return _bytes.OrderByDescending(x => x.Value).Take(n).Select(x => (x.Key, x.Value)).ToArray();
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || !e.EventName!.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        int typeAt = e.PayloadNames!.IndexOf("TypeName");
        int amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
        string type = typeAt >= 0 ? e.Payload[typeAt] as string ?? "?" : "?";
        long amount = amountAt >= 0 ? Convert.ToInt64(e.Payload[amountAt], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_bytes)
        {
            _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
        }
    }
}
