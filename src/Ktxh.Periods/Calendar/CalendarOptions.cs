using NodaTime;

namespace Ktxh.Periods;

/// <summary>The immutable settings a <see cref="WorkingCalendar"/> is built from.</summary>
internal sealed class CalendarOptions
{
    private readonly bool[] _rest = new bool[8]; // indexed by IsoDayOfWeek (1..7)

    public CalendarOptions(
        IEnumerable<IsoDayOfWeek> restDays,
        IReadOnlyDictionary<int, YearDecision> decisions,
        IReadOnlyList<DayOff> localDays,
        LocalDate? cultureDayFrom)
    {
        foreach (IsoDayOfWeek day in restDays)
        {
            _rest[(int)day] = true;
        }

        RestDays = Enumerable.Range(1, 7).Where(i => _rest[i]).Select(i => (IsoDayOfWeek)i).ToArray().AsReadOnly();
        Decisions = decisions;
        LocalDays = localDays;
        CultureDayFrom = cultureDayFrom;
    }

    public IReadOnlyList<IsoDayOfWeek> RestDays { get; }

    public IReadOnlyDictionary<int, YearDecision> Decisions { get; }

    public IReadOnlyList<DayOff> LocalDays { get; }

    public LocalDate? CultureDayFrom { get; }

    public bool IsRestDay(LocalDate date) => _rest[(int)date.DayOfWeek];
}
