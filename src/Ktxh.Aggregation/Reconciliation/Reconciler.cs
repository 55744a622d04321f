using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>What kind of discrepancy reconciliation found.</summary>
public enum DiscrepancyKind
{
    /// <summary>Both sides have a value and they differ by more than the tolerance.</summary>
    Different = 0,

    /// <summary>Only the first (reported, typed) side has a value.</summary>
    MissingOnOtherSide = 1,

    /// <summary>Only the second (computed, other source) side has a value.</summary>
    MissingOnThisSide = 2,
}

/// <summary>One discrepancy (sai lệch) found by reconciliation (đối soát).</summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Disaggregation">The disaggregation, or null for the total.</param>
/// <param name="UnitCode">The reporting unit.</param>
/// <param name="Period">The period.</param>
/// <param name="Kind">What differs.</param>
/// <param name="Reported">The first side's value (e.g. the total an agency typed).</param>
/// <param name="Other">The second side's value (e.g. the computed total, or another system's figure).</param>
/// <param name="Difference">Reported − other, when both exist.</param>
/// <param name="Tolerance">The tolerance that applied.</param>
/// <param name="Explanation">When the other side is a computed aggregate: where it came from (its inputs).</param>
public sealed record Discrepancy(
    string IndicatorCode,
    string? Disaggregation,
    string UnitCode,
    ReportingPeriod Period,
    DiscrepancyKind Kind,
    decimal? Reported,
    decimal? Other,
    decimal? Difference,
    decimal Tolerance,
    AggregateExplanation? Explanation);

/// <summary>
/// Reconciliation (đối soát): compares two value sets — the totals a unit typed against the totals the engine
/// computed, or this system's figures against another source's — with a tolerance per indicator, and reports every
/// discrepancy with both values (and, for computed totals, the inputs behind them).
/// </summary>
/// <remarks>Stateless and thread-safe. Tolerances are absolute (in the indicator's unit of measure).</remarks>
public static class Reconciler
{
    /// <summary>Compares typed totals with the aggregates computed by the engine.</summary>
    /// <param name="reported">The typed values (e.g. a province's total entered by an agency).</param>
    /// <param name="computed">The engine's result over the detailed inputs.</param>
    /// <param name="tolerance">The absolute tolerance per indicator code, or null for 0 (exact).</param>
    /// <returns>Every discrepancy: differing values, and typed values with no computed counterpart.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<Discrepancy> Compare(IEnumerable<AggregationInput> reported, AggregationResult computed, Func<string, decimal>? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(reported);
        ArgumentNullException.ThrowIfNull(computed);
        var list = new List<Discrepancy>();
        foreach (AggregationInput r in Latest(reported))
        {
            decimal tol = tolerance?.Invoke(r.IndicatorCode) ?? 0m;
            bool found = computed.TryGet(r.IndicatorCode, r.UnitCode, r.Period, out Aggregate a, r.Disaggregation);
            if (!found || a.Value is null)
            {
                list.Add(new Discrepancy(r.IndicatorCode, r.Disaggregation, r.UnitCode, r.Period, DiscrepancyKind.MissingOnOtherSide, r.Value, null, null, tol, found ? computed.Explain(a) : null));
                continue;
            }

            decimal diff = r.Value - a.Value.Value;
            if (Math.Abs(diff) > tol)
            {
                list.Add(new Discrepancy(r.IndicatorCode, r.Disaggregation, r.UnitCode, r.Period, DiscrepancyKind.Different, r.Value, a.Value, diff, tol, computed.Explain(a)));
            }
        }

        return list;
    }

    /// <summary>Compares two value sets (this system against another source), key by key.</summary>
    /// <param name="left">This side's values.</param>
    /// <param name="right">The other side's values.</param>
    /// <param name="tolerance">The absolute tolerance per indicator code, or null for 0.</param>
    /// <returns>Every discrepancy, including values present on one side only.</returns>
    /// <exception cref="ArgumentNullException">A value set is null.</exception>
    public static IReadOnlyList<Discrepancy> Compare(IEnumerable<AggregationInput> left, IEnumerable<AggregationInput> right, Func<string, decimal>? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var l = Latest(left).ToDictionary(Key);
        var r = Latest(right).ToDictionary(Key);
        var list = new List<Discrepancy>();
        foreach (var key in l.Keys.Union(r.Keys).OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item3, StringComparer.Ordinal).ThenBy(k => k.Item4))
        {
            decimal tol = tolerance?.Invoke(key.Item1) ?? 0m;
            bool hasL = l.TryGetValue(key, out AggregationInput a);
            bool hasR = r.TryGetValue(key, out AggregationInput b);
            if (hasL && hasR)
            {
                decimal diff = a.Value - b.Value;
                if (Math.Abs(diff) > tol)
                {
                    list.Add(new Discrepancy(key.Item1, key.Item2, key.Item3, key.Item4, DiscrepancyKind.Different, a.Value, b.Value, diff, tol, null));
                }
            }
            else
            {
                list.Add(new Discrepancy(key.Item1, key.Item2, key.Item3, key.Item4, hasL ? DiscrepancyKind.MissingOnOtherSide : DiscrepancyKind.MissingOnThisSide, hasL ? a.Value : null, hasR ? b.Value : null, null, tol, null));
            }
        }

        return list;
    }

    private static (string, string?, string, ReportingPeriod) Key(AggregationInput x) => (x.IndicatorCode, x.Disaggregation, x.UnitCode, x.Period);

    private static IEnumerable<AggregationInput> Latest(IEnumerable<AggregationInput> values) =>
        values.Select((x, i) => (x, i))
            .GroupBy(p => Key(p.x))
            .Select(g => g.OrderBy(p => p.x.Maturity).ThenBy(p => p.i).Last().x);
}
