using Ktxh.Indicators;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation;

/// <summary>A value that could not be remapped, and why (nothing is guessed).</summary>
/// <param name="Value">The old value.</param>
/// <param name="CandidateTargets">The new units it could belong to, if known.</param>
/// <param name="ReasonVi">Why, in Vietnamese.</param>
/// <param name="ReasonEn">Why, in English.</param>
public sealed record RemapIssue(AggregationInput Value, IReadOnlyList<string> CandidateTargets, string ReasonVi, string ReasonEn);

/// <summary>The outcome of a historical remapping.</summary>
/// <param name="Values">The values on the new units: additive ones allocated by share and summed per new unit; others
/// carried where the old unit maps whole and alone onto one new unit.</param>
/// <param name="Recomputed">Ratio and formula values left out because the engine recomputes them from the remapped
/// numerators, denominators and operands.</param>
/// <param name="NotRemapped">Values that could not be remapped, each with the reason.</param>
public sealed record RemapResult(IReadOnlyList<AggregationInput> Values, IReadOnlyList<AggregationInput> Recomputed, IReadOnlyList<RemapIssue> NotRemapped);

/// <summary>
/// Maps series reported under old administrative units (before the 1/7/2025 reform, Resolution 202/2025/QH15) onto
/// the units in force on a date, using the succession data (whole merges, part transfers with shares).
/// </summary>
/// <remarks>
/// <para>Additive indicators (summed across units: amounts, stocks, counts) are allocated by share; the last target of
/// each value takes the remainder, so the total of every indicator and period is preserved exactly. Values arriving
/// at the same new unit from several old units are added (the least maturity wins).</para>
/// <para>Ratios and formulas are not remapped: they are recomputed by the engine from the remapped numerator and
/// denominator (or operands); when those are not in the data, the value is reported. Other non-additive values
/// (averages, levels, indices) are carried only when the old unit went whole to one new unit and nothing else went
/// there; otherwise they are reported. A part transfer without a known share is reported with its candidate units,
/// never split by guess.</para>
/// <para>Of several revisions of an old value, the latest is remapped. Immutable and thread-safe.</para>
/// </remarks>
public sealed class HistoricalRemapper
{
    private readonly SuccessionMap _successions;

    /// <summary>Creates a remapper.</summary>
    /// <param name="catalogue">The catalogue (which indicators are additive, ratio operands).</param>
    /// <param name="successions">The succession data, e.g. <c>ReportingUnitDirectory.Vietnam.Successions</c> (with
    /// weights for part transfers where known).</param>
    /// <param name="asOf">The date whose units the values are mapped onto.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public HistoricalRemapper(IndicatorCatalogue catalogue, SuccessionMap successions, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(successions);
        Catalogue = catalogue;
        _successions = successions;
        AsOf = asOf;
    }

    /// <summary>The catalogue.</summary>
    public IndicatorCatalogue Catalogue { get; }

    /// <summary>The date mapped onto.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Remaps values.</summary>
    /// <param name="values">Values reported under old (or current) unit codes.</param>
    /// <returns>The remapped values, the recomputed ones left out and those that could not be remapped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public RemapResult Remap(IEnumerable<AggregationInput> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        List<AggregationInput> latest = values.Select((x, i) => (x, i))
            .GroupBy(p => (p.x.IndicatorCode, p.x.UnitCode, p.x.Period, p.x.Disaggregation))
            .Select(g => g.OrderBy(p => p.x.Maturity).ThenBy(p => p.i).Last().x)
            .ToList();
        var present = new HashSet<(string, string, ReportingPeriod, string?)>(latest.Select(x => (Code(x.IndicatorCode), x.UnitCode, x.Period, x.Disaggregation)));
        var mappings = new Dictionary<string, ForwardMapping>(StringComparer.Ordinal);
        var sums = new Dictionary<(string Indicator, string Unit, ReportingPeriod Period, string? Dis), (decimal Value, Maturity Maturity, string? Measure)>();
        var carried = new List<AggregationInput>();
        var recomputed = new List<AggregationInput>();
        var issues = new List<RemapIssue>();
        foreach (AggregationInput x in latest)
        {
            if (!Catalogue.TryGet(x.IndicatorCode, out Indicator ind))
            {
                issues.Add(new RemapIssue(x, [], $"Chỉ tiêu '{x.IndicatorCode}' không có trong danh mục", $"Indicator '{x.IndicatorCode}' is not in the catalogue"));
                continue;
            }

            AggregationRule rule = ind.AcrossUnits;
            if (rule.Method is AggregationMethod.Ratio or AggregationMethod.Formula)
            {
                string[] operands = rule.ReferencedCodes.Select(Code).ToArray();
                if (operands.Length > 0 && operands.All(o => present.Contains((o, x.UnitCode, x.Period, x.Disaggregation))))
                {
                    recomputed.Add(x);
                }
                else
                {
                    issues.Add(new RemapIssue(x, [],
                        $"Không chuyển đổi được {ind.Code}: chỉ tiêu không cộng được và thiếu tử số/mẫu số ({string.Join(", ", operands)}) của đơn vị cũ",
                        $"{ind.Code} cannot be remapped: it is not additive and the old unit's numerator/denominator ({string.Join(", ", operands)}) are missing"));
                }

                continue;
            }

            if (!mappings.TryGetValue(x.UnitCode, out ForwardMapping? map))
            {
                map = _successions.MapForward(x.UnitCode, AsOf);
                mappings[x.UnitCode] = map;
            }

            if (map.Status is ForwardMappingStatus.NoSuccessor or ForwardMappingStatus.UnknownCode || map.Targets.Count == 0)
            {
                issues.Add(new RemapIssue(x, [], $"Đơn vị {x.UnitCode} không có đơn vị kế thừa ({map.Status})", $"Unit {x.UnitCode} has no successor ({map.Status})"));
                continue;
            }

            string[] candidates = map.Targets.Select(t => t.Code).ToArray();
            if (map.HasUnknownShares)
            {
                issues.Add(new RemapIssue(x, candidates,
                    $"Đơn vị {x.UnitCode} được điều chuyển một phần sang {string.Join(", ", candidates)} mà không có tỷ lệ: không chia theo phỏng đoán",
                    $"Unit {x.UnitCode} was partly transferred to {string.Join(", ", candidates)} without a known share: not split by guess"));
                continue;
            }

            if (!map.IsComplete)
            {
                issues.Add(new RemapIssue(x, candidates,
                    $"Tỷ lệ chuyển của {x.UnitCode} cộng lại là {map.Targets.Sum(t => t.Share!.Value)}, không phải 1",
                    $"The shares of {x.UnitCode} add up to {map.Targets.Sum(t => t.Share!.Value)}, not 1"));
                continue;
            }

            if (rule.Method != AggregationMethod.Sum)
            {
                // Non-additive: only a whole, sole predecessor can carry its value.
                bool sole = map.Targets.Count == 1
                    && (map.Status == ForwardMappingStatus.StillInForce || _successions.MapBackward(map.Targets[0].Code).Select(s => s.FromCode).Distinct().Count() <= 1);
                if (!sole)
                {
                    issues.Add(new RemapIssue(x, candidates,
                        $"{ind.Code} không cộng được ({rule.Method}) và {x.UnitCode} được gộp với đơn vị khác hoặc bị chia: không chuyển đổi được",
                        $"{ind.Code} is not additive ({rule.Method}) and {x.UnitCode} was merged with other units or split: it cannot be remapped"));
                    continue;
                }

                carried.Add(x with { UnitCode = map.Targets[0].Code });
                continue;
            }

            // Additive: allocate by share, the last target taking the remainder so the total is exact.
            decimal allocated = 0m;
            for (int t = 0; t < map.Targets.Count; t++)
            {
                decimal part = t == map.Targets.Count - 1 ? x.Value - allocated : x.Value * map.Targets[t].Share!.Value;
                allocated += part;
                var key = (ind.Code, map.Targets[t].Code, x.Period, x.Disaggregation);
                if (sums.TryGetValue(key, out var s))
                {
                    // Values in different units of measure are converted by the engine later; keep them apart.
                    if (!string.Equals(s.Measure, x.MeasureUnitCode, StringComparison.Ordinal))
                    {
                        carried.Add(x with { UnitCode = map.Targets[t].Code, Value = part, IndicatorCode = ind.Code });
                        continue;
                    }

                    sums[key] = (s.Value + part, x.Maturity < s.Maturity ? x.Maturity : s.Maturity, s.Measure);
                }
                else
                {
                    sums[key] = (part, x.Maturity, x.MeasureUnitCode);
                }
            }
        }

        var output = sums.Select(kv => new AggregationInput(kv.Key.Indicator, kv.Key.Unit, kv.Key.Period, kv.Value.Value, kv.Value.Maturity, kv.Key.Dis, kv.Value.Measure))
            .Concat(carried)
            .ToList();
        return new RemapResult(output, recomputed, issues);
    }

    private string Code(string code) => Catalogue.TryGet(code, out Indicator i) ? i.Code : code;
}
