using NodaTime;

namespace Ktxh.Periods;

/// <summary>One year's official decisions, as loaded from the data (internal model of one entry of
/// <c>vn-civil-service-calendar.json</c>).</summary>
internal sealed record YearDecision(
    int Year,
    IReadOnlyList<OfficialDecision> Decisions,
    IReadOnlyList<LocalDate> TetDays,
    OfficialDecision TetSource,
    LocalDate? NationalDayAdjacent,
    OfficialDecision? NationalDayAdjacentSource,
    IReadOnlyList<SwapDecision> Swaps,
    IReadOnlyList<ExtraDayOffDecision> ExtraDaysOff,
    IReadOnlyList<string> Notes);

/// <summary>A weekday given off in exchange for a rest day worked, by an official decision.</summary>
internal sealed record SwapDecision(LocalDate DayOff, LocalDate WorkedDay, OfficialDecision Source);

/// <summary>An extra day off granted by an official decision beyond the Labor Code's holidays.</summary>
internal sealed record ExtraDayOffDecision(LocalDate Date, string NameVi, string NameEn, OfficialDecision Source);
