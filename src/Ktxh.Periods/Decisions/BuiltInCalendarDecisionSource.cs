using System.Reflection;

namespace Ktxh.Periods;

/// <summary>
/// The official decisions embedded in the package (resource <see cref="ResourceName"/>, the years listed in
/// <c>docs/calendar.md</c>): the default source of <see cref="WorkingCalendar.VietnamCivilService"/> and of every
/// <see cref="WorkingCalendarBuilder"/>.
/// </summary>
/// <remarks>Read once, on first use; thread-safe.</remarks>
public sealed class BuiltInCalendarDecisionSource : ICalendarDecisionSource
{
    /// <summary>The name of the embedded resource with the built-in decisions.</summary>
    public const string ResourceName = "Ktxh.Periods.Data.vn-civil-service-calendar.json";

    private readonly Lazy<KtxhResult<CalendarDecisions>> _loaded = new(Read, LazyThreadSafetyMode.ExecutionAndPublication);

    private BuiltInCalendarDecisionSource()
    {
    }

    /// <summary>The one instance.</summary>
    public static BuiltInCalendarDecisionSource Instance { get; } = new();

    /// <summary><c>ktxh-builtin</c> and the years decided, such as <c>ktxh-builtin 2020–2026</c>.</summary>
    public string VersionId => _loaded.Value.TryGetValue(out CalendarDecisions? d) && d.Years.Count > 0
        ? $"ktxh-builtin {d.Years[0]}–{d.Years[^1]}"
        : "ktxh-builtin";

    /// <summary>The built-in decisions (the same instance on every call).</summary>
    /// <returns>The decisions; a failure only if the package is damaged.</returns>
    public KtxhResult<CalendarDecisions> Load() => _loaded.Value;

    private static KtxhResult<CalendarDecisions> Read()
    {
        Assembly assembly = typeof(BuiltInCalendarDecisionSource).Assembly;
        using Stream stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Thiếu tài nguyên nhúng / Missing embedded resource {ResourceName}.");
        return CalendarDecisions.Parse(stream, ResourceName);
    }
}
