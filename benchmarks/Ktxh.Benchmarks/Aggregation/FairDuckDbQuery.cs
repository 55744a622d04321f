using System.Globalization;
using System.Text;
using Ktxh.Periods;

namespace Ktxh.Benchmarks.Aggregation;

/// <summary>
/// The DuckDB peer of the national roll-up as a competent user writes it (issue 10): one pass that puts each commune's
/// twelve months side by side, one <c>GROUPING SETS</c> pass over those rows computing every target period as columns
/// (value, units that reported every month of the period, least maturity), then <c>UNPIVOT</c> to one row per
/// indicator, unit and period, with the expected units joined from the province table. It produces what
/// <c>ktxh aggregate</c> writes apart from the flags: value, reported units, expected units, maturity.
/// </summary>
/// <remarks>Written for the benchmark data: one value per commune, indicator and month of 2026, no revisions, every
/// commune reporting every month (a quarter's value is the sum of its months; the checks before timing compare every
/// aggregate with the engine's).</remarks>
internal static class FairDuckDbQuery
{
    /// <summary>The 32 target periods of 2026 and the months each holds.</summary>
    public static IReadOnlyList<(string Id, int[] Months)> Targets { get; } = BuildTargets();

    /// <summary>The roll-up query.</summary>
    /// <param name="facts">A relation with columns <c>ind, prov, commune, month (1–12), value, mat (1–3)</c>.</param>
    /// <param name="provinces">A relation with columns <c>prov, expected</c> (communes per province, every province).</param>
    /// <returns>SQL selecting <c>ind, prov, commune, period, value, reported, expected, maturity</c>; <c>prov</c> and
    /// <c>commune</c> are null above their level.</returns>
    public static string Rollup(string facts, string provinces)
    {
        var sql = new StringBuilder();
        sql.Append("WITH w AS (SELECT ind, prov, commune");
        for (int m = 1; m <= 12; m++)
        {
            sql.Append(CultureInfo.InvariantCulture, $", sum(value) FILTER (WHERE month = {m}) AS v{m}, min(mat) FILTER (WHERE month = {m}) AS m{m}");
        }

        sql.Append(CultureInfo.InvariantCulture, $" FROM {facts} GROUP BY ind, prov, commune),\n");
        sql.Append("g AS (SELECT ind, prov, commune");
        for (int t = 0; t < Targets.Count; t++)
        {
            int[] months = Targets[t].Months;
            string sum = string.Join(" + ", months.Select(m => $"v{m}"));
            string all = string.Join(" AND ", months.Select(m => $"v{m} IS NOT NULL"));
            string least = months.Length == 1 ? $"m{months[0]}" : $"least({string.Join(", ", months.Select(m => $"m{m}"))})";
            sql.Append(CultureInfo.InvariantCulture, $", sum({sum}) AS v_{t}, CAST(sum(({all})::INTEGER) AS INTEGER) AS r_{t}, min({least}) AS m_{t}");
        }

        sql.Append(" FROM w GROUP BY GROUPING SETS ((ind, prov, commune), (ind, prov), (ind))),\n");
        sql.Append("u AS (UNPIVOT g ON ");
        sql.Append(string.Join(", ", Targets.Select((x, t) => $"(v_{t}, r_{t}, m_{t}) AS \"{x.Id}\"")));
        sql.Append(" INTO NAME period VALUE value, reported, maturity)\n");
        sql.Append(CultureInfo.InvariantCulture, $"""
            SELECT u.ind, u.prov, u.commune, u.period, u.value, u.reported,
                   CASE WHEN u.commune IS NOT NULL THEN 1 WHEN u.prov IS NOT NULL THEN e.expected ELSE (SELECT CAST(sum(expected) AS INTEGER) FROM {provinces}) END AS expected,
                   u.maturity
            FROM u LEFT JOIN {provinces} e ON e.prov = u.prov
            """);
        return sql.ToString();
    }

    private static (string, int[])[] BuildTargets() =>
        NationalData.TargetsOf(ReportingPeriod.Month(2026, 1))
            .Concat(Enumerable.Range(2, 11).SelectMany(m => NationalData.TargetsOf(ReportingPeriod.Month(2026, m))))
            .Distinct()
            .Select(p => (p.Id, Enumerable.Range(1, 12).Where(m => p.Start.Month <= m && ReportingPeriod.Month(2026, m).End <= p.End).ToArray()))
            .ToArray();
}
