using NodaTime;

namespace Ktxh.Workflow;

/// <summary>A NodaTime <see cref="IClock"/> over a <see cref="TimeProvider"/> (the host's injected time), so the
/// workflow's DI registration needs no system clock of its own. Thread-safe when the provider is.</summary>
public sealed class TimeProviderClock : IClock
{
    private readonly TimeProvider _time;

    /// <summary>Creates the clock.</summary>
    /// <param name="time">The time provider.</param>
    /// <exception cref="ArgumentNullException"><paramref name="time"/> is null.</exception>
    public TimeProviderClock(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <inheritdoc/>
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(_time.GetUtcNow());
}
