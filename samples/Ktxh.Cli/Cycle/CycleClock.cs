using NodaTime;
using NodaTime.Text;

namespace Ktxh.Cli.Cycle;

/// <summary>
/// The clock of a <c>ktxh workflow</c> command: the real time, unless <c>--at</c> (or the environment variable
/// <see cref="EnvironmentVariable"/>) fixes it, so that scripts and tests replay a cycle to the same events and the
/// same chain. Accepted: an instant (<c>2026-11-10T02:00:00Z</c>), a local date and time in Asia/Ho_Chi_Minh
/// (<c>2026-11-10T09:00</c>), or a date (<c>2026-11-10</c>, meaning 09:00 there).
/// </summary>
internal static class CycleClock
{
    /// <summary>The environment variable read when <c>--at</c> is not given.</summary>
    public const string EnvironmentVariable = "KTXH_WORKFLOW_NOW";

    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Ho_Chi_Minh"];

    /// <summary>The clock for <paramref name="at"/> (or the environment variable, or the system clock).</summary>
    public static KtxhResult<IClock> Resolve(string? at)
    {
        string? text = at ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            // The CLI is the host: it is the one place where the real clock is chosen.
            return KtxhResult.ForValue<IClock>(SystemClock.Instance);
        }

        text = text.Trim();
        if (InstantPattern.ExtendedIso.Parse(text) is { Success: true } instant)
        {
            return KtxhResult.ForValue<IClock>(new FixedClock(instant.Value));
        }

        if (LocalDateTimePattern.ExtendedIso.Parse(text) is { Success: true } local)
        {
            return KtxhResult.ForValue<IClock>(new FixedClock(local.Value.InZoneLeniently(Zone).ToInstant()));
        }

        if (LocalDatePattern.Iso.Parse(text) is { Success: true } date)
        {
            return KtxhResult.ForValue<IClock>(new FixedClock(date.Value.At(new LocalTime(9, 0)).InZoneLeniently(Zone).ToInstant()));
        }

        string source = at is null ? EnvironmentVariable : "--at";
        return KtxhResult<IClock>.ForError(new KtxhError("InvalidTime", ErrorLocation.AtField(source),
            $"{source}: thời điểm '{text}' không hợp lệ (ví dụ 2026-11-10, 2026-11-10T09:00 giờ Việt Nam, 2026-11-10T02:00:00Z)",
            $"{source}: time '{text}' is not valid (e.g. 2026-11-10, 2026-11-10T09:00 Vietnam time, 2026-11-10T02:00:00Z)"));
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
