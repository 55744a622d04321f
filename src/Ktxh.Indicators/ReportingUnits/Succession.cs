using NodaTime;

namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// One line of succession: an old unit (or part of it) passed into a new unit on <see cref="EffectiveDate"/>. Immutable.
/// </summary>
/// <remarks>
/// The built-in successions come from the official conversion table of the reform effective 2025-07-01
/// (Resolution 202/2025/QH15): one succession per line of the table (old commune → new commune), plus one per old
/// province (derived: every old province merged whole into one new province). Part transfers carry no share in the
/// official table: <see cref="Share"/> is <see langword="null"/> unless a host supplies weights
/// (<see cref="SuccessionMap.ApplyWeights"/>).
/// </remarks>
/// <param name="FromCode">Code of the old unit, as in the code table in force before the change (corrected where the source misprinted it; see <paramref name="FromCodeAsPrinted"/>).</param>
/// <param name="FromKind">Level of the old unit (a commune; a district for the island districts that became special zones; a province).</param>
/// <param name="FromName">Name of the old unit (from the code table; from the conversion table when the code table lacks it).</param>
/// <param name="ToCode">Code of the new unit (valid from <paramref name="EffectiveDate"/>).</param>
/// <param name="Kind">Kind of change.</param>
/// <param name="EffectiveDate">The day the new unit exists and the old one (or the part) left; the old unit's last day is the day before.</param>
/// <param name="Share">Fraction (0–1] of the old unit that went into the new one, for additive series; 1 for whole changes; <see langword="null"/> when unknown.</param>
/// <param name="Scope">For part transfers, what part moved (area, population) where the source says.</param>
/// <param name="Source">The source of the line, e.g. "Bảng chuyển đổi ĐVHC 01/7/2025, dòng 4".</param>
/// <param name="Detail">The source's own note when it says more than the kind (verbatim, NFC), else <see langword="null"/>.</param>
/// <param name="FromCodeAsPrinted">The old code as printed in the source when it differed from <paramref name="FromCode"/>, else <see langword="null"/>.</param>
public sealed record Succession(
    string FromCode,
    ReportingUnitKind FromKind,
    string FromName,
    string ToCode,
    SuccessionKind Kind,
    LocalDate EffectiveDate,
    decimal? Share,
    PartTransferScope Scope,
    string Source,
    string? Detail = null,
    string? FromCodeAsPrinted = null)
{
    /// <summary>Whether the share of the old unit that went this way is known (always for whole changes).</summary>
    public bool IsShareKnown => Share.HasValue;

    /// <summary>Whether the whole old unit went this way (every kind but <see cref="SuccessionKind.PartTransfer"/>).</summary>
    public bool IsWhole => Kind != SuccessionKind.PartTransfer;

    /// <summary>Formats as <c>from → to (kind, share)</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        $"{FromCode} {FromName} → {ToCode} ({Kind}, {(Share is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "share unknown")}, {EffectiveDate:yyyy-MM-dd})";
}
