using NodaTime;

namespace Ktxh.Periods;

/// <summary>A day that is not a working day, with its name in Vietnamese and English, the reason and the
/// regulation or decision it comes from.</summary>
/// <param name="Date">The day.</param>
/// <param name="NameVi">The name in Vietnamese (NFC), e.g. "Tết Nguyên đán".</param>
/// <param name="NameEn">The name in English, e.g. "Lunar New Year (Tết)".</param>
/// <param name="Reason">Why the day is off.</param>
/// <param name="Source">The law article or the official decision cited (number, date, issuer); <c>null</c> for a
/// plain weekly rest day or a local day given without a source.</param>
public sealed record DayOff(LocalDate Date, string NameVi, string NameEn, DayOffReason Reason, string? Source)
{
    /// <summary>True when the day comes from a forecast by rule (no official decision loaded for its year): it is
    /// what the rules predict, not what the government announced.</summary>
    public bool IsForecast { get; init; }

    /// <summary>For a <see cref="DayOffReason.Compensation"/> day, the holiday it compensates; for a
    /// <see cref="DayOffReason.Swap"/> day, the Saturday worked in exchange; otherwise <c>null</c>.</summary>
    public LocalDate? RelatedDate { get; init; }
}
