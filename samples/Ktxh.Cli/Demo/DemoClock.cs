using NodaTime;

namespace Ktxh.Cli.Demo;

/// <summary>The demo's injected clock: it stands still until the demo moves it to the next scene of the period.</summary>
internal sealed class DemoClock(Instant start) : IClock
{
    public Instant Now { get; private set; } = start;

    public Instant GetCurrentInstant() => Now;

    /// <summary>Moves to 09:00 (UTC+7) of <paramref name="date"/>.</summary>
    public void MoveTo(LocalDate date) => Now = date.At(new LocalTime(2, 0)).InUtc().ToInstant();
}
