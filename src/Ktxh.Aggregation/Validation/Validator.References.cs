using System.Runtime.CompilerServices;
using Ktxh.Indicators;
using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation;

/// <summary>The reference rules: what the aggregation engine cannot use, found before it drops it (issue 8 §3).</summary>
public sealed partial class Validator
{
    /// <summary>
    /// Finds the values that refer to something that does not exist or does not apply, each an error at its input:
    /// an indicator not in the catalogue (<c>UNKNOWN_INDICATOR</c>), a reporting unit not in
    /// <paramref name="hierarchy"/> (<c>UNKNOWN_UNIT</c>), a disaggregation the indicator does not have or a category
    /// its dimension does not list (<c>UNKNOWN_DISAGGREGATION</c>), a period whose type the indicator is not reported in
    /// (<c>PERIOD_TYPE</c>; only for indicators whose catalogue entry lists period types) and a missing period
    /// (<c>PERIOD_MISSING</c>). These are the values aggregation drops or must not add, so that a validation passes
    /// only what aggregation uses.
    /// </summary>
    /// <param name="values">The values; an <see cref="AggregationInputs"/> gives each finding its file and line.</param>
    /// <param name="hierarchy">The reporting units values may be reported for, or null not to check units.</param>
    /// <returns>The findings in input order, each with <see cref="ValidationFinding.Location"/> (file and line, or
    /// the input's index) and the values involved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public IReadOnlyList<ValidationFinding> CheckReferences(IReadOnlyList<AggregationInput> values, AdministrativeHierarchy? hierarchy = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Func<AggregationInput, bool>? unitKnown = hierarchy is null ? null : v => v.UnitCode is not null && hierarchy.TryGet(v.UnitCode, out _);
        return values is AggregationInputs file ? ReferencesByKey(file, unitKnown, hierarchy is null ? null : new Func<string, ReportingPeriod, bool>((unit, period) => hierarchy.TryGet(unit, out _))) : References(values, unitKnown);
    }

    /// <summary>
    /// The same reference rules, with each value's reporting unit looked up among the units in force in the value's
    /// own period (the unit's version on the period's last day), as <see cref="AggregationEngine"/> built on a
    /// <see cref="ReportingUnitDirectory"/> reads it: a file spanning 1 July 2025 names old communes for June and new
    /// ones for July, and neither is unknown.
    /// </summary>
    /// <param name="values">The values; an <see cref="AggregationInputs"/> gives each finding its file and line.</param>
    /// <param name="directory">Every version of every reporting unit.</param>
    /// <returns>The findings in input order, as <see cref="CheckReferences(IReadOnlyList{AggregationInput}, AdministrativeHierarchy?)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or <paramref name="directory"/> is null.</exception>
    public IReadOnlyList<ValidationFinding> CheckReferences(IReadOnlyList<AggregationInput> values, ReportingUnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(directory);

        // A value without a period is reported as PERIOD_MISSING; its unit is then only required to exist at all. A file
        // names each unit and period many times, so each pair is looked up once.
        var known = new Dictionary<(string Unit, LocalDate End), bool>();
        Func<AggregationInput, bool> unitKnown = v =>
        {
            if (v.UnitCode is null)
            {
                return false;
            }

            LocalDate end = v.Period.IsDefault ? default : v.Period.End;
            if (!known.TryGetValue((v.UnitCode, end), out bool found))
            {
                found = v.Period.IsDefault ? directory.VersionsOf(v.UnitCode).Count > 0 : directory.Find(v.UnitCode, end) is not null;
                known[(v.UnitCode, end)] = found;
            }

            return found;
        };

        // Read from a file: each distinct unit and period, indicator and period, indicator and disaggregation is checked
        // once through the file's ids; only a line with a problem is looked at again, by the same rules as any other.
        return values is AggregationInputs file
            ? ReferencesByKey(file, unitKnown, (unit, period) => directory.Find(unit, period.End) is not null)
            : References(values, unitKnown);
    }

    private List<ValidationFinding> References(IReadOnlyList<AggregationInput> values, Func<AggregationInput, bool>? unitKnown)
    {
        var findings = new List<ValidationFinding>();
        for (int i = 0; i < values.Count; i++)
        {
            Check(values[i], values is AggregationInputs file ? file.LocationOf(i) : ErrorLocation.AtIndex(i), unitKnown, findings);
        }

        return findings;
    }

    /// <summary>The reference rules on a file's inputs: the verdict of each distinct key is computed once (indicator;
    /// unit and period; indicator and period type; indicator and disaggregation), and the lines with a problem are
    /// checked by <see cref="Check"/>, so the findings and their order are those of the line by line check.</summary>
    private List<ValidationFinding> ReferencesByKey(AggregationInputs file, Func<AggregationInput, bool>? lineUnitKnown, Func<string, ReportingPeriod, bool>? unitKnown)
    {
        int periods = file.Periods.Length;
        var indicators = new Indicator?[file.IndicatorCodes.Length];
        var periodOk = new bool[indicators.Length * periods];
        for (int k = 0; k < indicators.Length; k++)
        {
            if (Catalogue.TryGet(file.IndicatorCodes[k], out Indicator indicator))
            {
                indicators[k] = indicator;
                for (int p = 0; p < periods; p++)
                {
                    periodOk[(k * periods) + p] = indicator.Periods.Count == 0 || indicator.IsReportedFor(file.Periods[p].Type);
                }
            }
        }

        // Per unit and period: 0 not looked up yet, 1 known, 2 unknown (a table when it is small, else a dictionary).
        long cells = (long)file.UnitCodes.Length * periods;
        sbyte[]? unitTable = cells <= 1 << 24 ? new sbyte[cells] : null;
        var unitVerdict = new Dictionary<long, bool>();
        var disVerdict = new Dictionary<long, bool>();
        var findings = new List<ValidationFinding>();
        int[][]? disIds = file.DisaggregationIds;

        // A line's verdict depends only on its indicator and period, its unit and period, and its disaggregation. When
        // every indicator and every unit of the file is fine in every period of the file (a large file without
        // disaggregations: each pair is checked once here instead of each line), no line can have a problem.
        long pairs = (long)(indicators.Length + file.UnitCodes.Length) * periods;
        if (disIds is null && unitTable is not null && pairs * 4 < file.Count && EveryPairFine(file, indicators, periodOk, unitTable, unitKnown))
        {
            return findings;
        }

        CheckLines(file, indicators, periodOk, unitTable, unitVerdict, disVerdict, findings, lineUnitKnown, unitKnown);
        return findings;
    }

    /// <summary>The per-line pass of <see cref="ReferencesByKey"/> (compiled optimised at its first call, which a file
    /// whose pairs are all fine never makes): each line's verdict from its keys' verdicts, computed on first use; a line
    /// with a problem is checked by <see cref="Check"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckLines(AggregationInputs file, Indicator?[] indicators, bool[] periodOk, sbyte[]? unitTable, Dictionary<long, bool> unitVerdict,
        Dictionary<long, bool> disVerdict, List<ValidationFinding> findings, Func<AggregationInput, bool>? lineUnitKnown, Func<string, ReportingPeriod, bool>? unitKnown)
    {
        int periods = file.Periods.Length;
        long dis = file.Disaggregations.Length;
        int[][]? disIds = file.DisaggregationIds;
        for (int i = 0; i < file.Count; i++)
        {
            int s = i >> AggregationInputs.SegmentShift;
            int o = i & AggregationInputs.SegmentMask;
            int k = file.IndicatorIds[s][o];
            int p = file.PeriodIds[s][o];
            Indicator? indicator = indicators[k];
            bool fine = indicator is not null && periodOk[(k * periods) + p];
            if (fine && unitKnown is not null)
            {
                long key = ((long)file.UnitIds[s][o] * periods) + p;
                sbyte verdict = unitTable is null ? (unitVerdict.TryGetValue(key, out bool v) ? (sbyte)(v ? 1 : 2) : (sbyte)0) : unitTable[key];
                if (verdict == 0)
                {
                    fine = unitKnown(file.UnitCodes[file.UnitIds[s][o]], file.Periods[p]);
                    verdict = (sbyte)(fine ? 1 : 2);
                    if (unitTable is null)
                    {
                        unitVerdict[key] = fine;
                    }
                    else
                    {
                        unitTable[key] = verdict;
                    }
                }

                fine = verdict == 1;
            }

            if (fine && disIds is not null && disIds[s][o] != 0)
            {
                long key = (k * dis) + disIds[s][o];
                if (!disVerdict.TryGetValue(key, out fine))
                {
                    fine = DisaggregationProblem(indicator!, file.Disaggregations[disIds[s][o]]) is null;
                    disVerdict[key] = fine;
                }
            }

            if (!fine)
            {
                Check(file[i], file.LocationOf(i), lineUnitKnown, findings);
            }
        }
    }

    /// <summary>Whether every indicator of a file is known and reported for every period of the file, and every unit is
    /// known in every period (filling in <paramref name="unitTable"/> as <see cref="ReferencesByKey"/> does); false at
    /// the first pair that is not, or when a period is missing.</summary>
    private static bool EveryPairFine(AggregationInputs file, Indicator?[] indicators, bool[] periodOk, sbyte[] unitTable, Func<string, ReportingPeriod, bool>? unitKnown)
    {
        int periods = file.Periods.Length;
        for (int p = 0; p < periods; p++)
        {
            if (file.Periods[p].IsDefault)
            {
                return false;
            }
        }

        for (int k = 0; k < indicators.Length; k++)
        {
            if (indicators[k] is null || Array.IndexOf(periodOk, false, k * periods, periods) >= 0)
            {
                return false;
            }
        }

        for (int u = 0; u < file.UnitCodes.Length && unitKnown is not null; u++)
        {
            for (int p = 0; p < periods; p++)
            {
                long key = ((long)u * periods) + p;
                if (unitTable[key] == 0)
                {
                    unitTable[key] = (sbyte)(unitKnown(file.UnitCodes[u], file.Periods[p]) ? 1 : 2);
                }

                if (unitTable[key] != 1)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The reference rules on one value; its findings are added in rule order.</summary>
    private void Check(AggregationInput v, ErrorLocation location, Func<AggregationInput, bool>? unitKnown, List<ValidationFinding> findings)
    {
        void Add(string rule, string vi, string en) =>
            findings.Add(new ValidationFinding(rule, FindingKind.BuiltIn, ValidationSeverity.Error, v.UnitCode ?? string.Empty, v.Period, v.Disaggregation,
                [new KeyValuePair<string, decimal?>(v.IndicatorCode ?? string.Empty, v.Value)], vi, en) { Location = location });

        if (v.IndicatorCode is null || !Catalogue.TryGet(v.IndicatorCode, out Indicator indicator))
        {
            Add("UNKNOWN_INDICATOR", $"Chỉ tiêu '{v.IndicatorCode}' không có trong danh mục", $"Indicator '{v.IndicatorCode}' is not in the catalogue");
            return;
        }

        if (unitKnown is not null && !unitKnown(v))
        {
            Add("UNKNOWN_UNIT", $"Đơn vị báo cáo '{v.UnitCode}' không có trong hệ thống đơn vị (trong kỳ của dòng)", $"Reporting unit '{v.UnitCode}' is not in the hierarchy of units (in the line's period)");
        }

        if (v.Period.IsDefault)
        {
            Add("PERIOD_MISSING", "Thiếu kỳ báo cáo", "The period is missing");
        }
        else if (indicator.Periods.Count > 0 && !indicator.IsReportedFor(v.Period.Type))
        {
            string types = string.Join(", ", indicator.Periods);
            Add("PERIOD_TYPE", $"Chỉ tiêu {indicator.Code} không báo cáo theo kỳ {v.Period.Type} (chỉ theo: {types})",
                $"Indicator {indicator.Code} is not reported for {v.Period.Type} periods (only: {types})");
        }

        if (DisaggregationProblem(indicator, v.Disaggregation) is { } problem)
        {
            Add("UNKNOWN_DISAGGREGATION", problem.Vi, problem.En);
        }
    }

    /// <summary>Why a disaggregation key does not apply to an indicator, or null when it does (or is the total).</summary>
    private (string Vi, string En)? DisaggregationProblem(Indicator indicator, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return null;
        }

        KtxhResult<DisaggregationKey> parsed = DisaggregationKey.ParseWithResult(key);
        if (!parsed.Success)
        {
            return ($"Phân tổ '{key}' không đúng dạng (chiều=nhóm;…)", $"Disaggregation '{key}' is not in the form dimension=category;…");
        }

        foreach ((string dimension, string category) in parsed.Value.Parts)
        {
            if (!indicator.Disaggregations.Contains(dimension, StringComparer.Ordinal))
            {
                string known = indicator.Disaggregations.Count == 0 ? "không có / none" : string.Join(", ", indicator.Disaggregations);
                return ($"Chỉ tiêu {indicator.Code} không có phân tổ '{dimension}' (có: {known})", $"Indicator {indicator.Code} has no disaggregation '{dimension}' (has: {known})");
            }

            if (Catalogue.TryGetDisaggregation(dimension, out Disaggregation d) && d.Categories.Count > 0 && !d.HasCategory(category))
            {
                string known = string.Join(", ", d.Categories.Select(c => c.Code));
                return ($"Phân tổ '{dimension}' không có nhóm '{category}' (có: {known})", $"Disaggregation '{dimension}' has no category '{category}' (has: {known})");
            }
        }

        return null;
    }
}
