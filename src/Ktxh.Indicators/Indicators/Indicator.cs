using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Indicators;

/// <summary>
/// A socio-economic indicator (chỉ tiêu kinh tế - xã hội): what is reported, in what unit, for which periods, by whom,
/// and how it aggregates. Immutable and thread-safe; text is normalised to NFC as it is set.
/// </summary>
/// <remarks>
/// Indicators are identified by a stable <see cref="Code"/>. An indicator that changes or is retired keeps its history
/// through <see cref="ValidFrom"/> and <see cref="ValidTo"/> instead of being rewritten. The Hà Nam IOC appendix
/// (seed 004) gives for each indicator its providing agency, name, unit and reporting period; seed 003 adds
/// confidentiality (Điều 8) and the rule that indicators of the provincial statistical indicator system are not shared
/// before the statistics office publishes them (Điều 7.1b).
/// </remarks>
public sealed class Indicator
{
    /// <summary>Gets the stable code.</summary>
    public required string Code { get; init => field = VietnameseText.Normalize(value) ?? string.Empty; }

    /// <summary>Gets the Vietnamese name.</summary>
    public required string NameVi { get; init => field = VietnameseText.NormalizeName(value) ?? string.Empty; }

    /// <summary>Gets the English name, if any.</summary>
    public string? NameEn { get; init => field = VietnameseText.NormalizeName(value); }

    /// <summary>Gets the unit of measure's registry code (see the units registry), or <see langword="null"/> for text and unitless indicators.</summary>
    public string? MeasureUnitCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the kinds of period the indicator is reported for.</summary>
    public IReadOnlyList<PeriodType> Periods { get; init => field = (value?.Distinct().ToArray() ?? []).AsReadOnly(); } = [];

    /// <summary>Gets what the value measures.</summary>
    public required ValueKind ValueKind { get; init; }

    /// <summary>Gets the number of decimals values are shown and rounded with (0–28).</summary>
    public int Precision { get; init; }

    /// <summary>Gets the code of the responsible agency (cơ quan chủ trì), if any.</summary>
    public string? AgencyCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the relation to a parent indicator, if the indicator is a component, an of-which row or a detail.</summary>
    public IndicatorRelation? Relation { get; init; }

    /// <summary>Gets the display order (among the indicators of the same agency or parent); ties keep the order of addition.</summary>
    public int Order { get; init; }

    /// <summary>Gets the rule across reporting units; defaults from <see cref="AggregationRuleFit.DefaultAcrossUnits"/> when not set.</summary>
    public AggregationRule AcrossUnits { get => field ?? AggregationRuleFit.DefaultAcrossUnits(ValueKind); init; }

    /// <summary>Gets the rule across time; defaults from <see cref="AggregationRuleFit.DefaultAcrossTime"/> when not set.</summary>
    public AggregationRule AcrossTime { get => field ?? AggregationRuleFit.DefaultAcrossTime(ValueKind); init; }

    /// <summary>Gets the codes of the disaggregation dimensions (phân tổ) the indicator is broken down by.</summary>
    public IReadOnlyList<string> Disaggregations { get; init => field = (value?.Select(v => VietnameseText.Normalize(v)!).ToArray() ?? []).AsReadOnly(); } = [];

    /// <summary>Gets the price basis (current or comparable prices of a base year) of a monetary indicator.</summary>
    public PriceBasis PriceBasis { get; init; }

    /// <summary>Gets who may receive the values (seed 003, Điều 8).</summary>
    public Confidentiality Confidentiality { get; init; } = Confidentiality.Public;

    /// <summary>
    /// Gets a value indicating whether the values are held back until the statistics office publishes them
    /// (indicators of the provincial statistical indicator system, seed 003 Điều 7.1b).
    /// </summary>
    public bool EmbargoedUntilPublished { get; init; }

    /// <summary>Gets the first day the definition applies, or <see langword="null"/> when it always has.</summary>
    public LocalDate? ValidFrom { get; init; }

    /// <summary>Gets the last day the definition applies, or <see langword="null"/> when it is still in force.</summary>
    public LocalDate? ValidTo { get; init; }

    /// <summary>Gets a free note (definition, source, remark).</summary>
    public string? Note { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets a value indicating whether the indicator is derived from others by a formula or a ratio.</summary>
    public bool IsDerived => AcrossUnits.Method is AggregationMethod.Formula or AggregationMethod.Ratio;

    /// <summary>Tells whether the definition applies on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when <paramref name="date"/> lies within [<see cref="ValidFrom"/>, <see cref="ValidTo"/>].</returns>
    public bool IsValidOn(LocalDate date) => (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);

    /// <summary>Tells whether the indicator is reported for a kind of period.</summary>
    /// <param name="periodType">The kind of period.</param>
    /// <returns><see langword="true"/> when it is listed in <see cref="Periods"/>.</returns>
    public bool IsReportedFor(PeriodType periodType) => Periods.Contains(periodType);

    /// <inheritdoc/>
    public override string ToString() => $"{Code} {NameVi}";
}
