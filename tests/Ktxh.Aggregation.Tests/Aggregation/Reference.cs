using Ktxh.Aggregation;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>A straightforward reference roll-up (LINQ over the inputs) that the engine is checked against.</summary>
internal static class Reference
{
    /// <summary>The inputs actually used: for each indicator, unit and period, the most mature revision (later wins ties).</summary>
    public static List<AggregationInput> Latest(IEnumerable<AggregationInput> inputs) =>
        inputs.Select((x, i) => (x, i))
            .GroupBy(p => (p.x.IndicatorCode, p.x.UnitCode, p.x.Period, p.x.Disaggregation))
            .Select(g => g.OrderBy(p => p.x.Maturity).ThenBy(p => p.i).Last().x)
            .ToList();

    public static bool IsUnder(string unit, string ancestor)
    {
        for (string? u = unit; u is not null; u = World.Units.First(x => x.Code == u).ParentCode)
        {
            if (u == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Σ of the leaves under a unit in a period (a sum rule both ways).</summary>
    public static decimal? Sum(List<AggregationInput> latest, string indicator, string unit, ReportingPeriod period)
    {
        var xs = latest.Where(x => x.IndicatorCode == indicator && IsUnder(x.UnitCode, unit) && period.Contains(x.Period)).ToList();
        return xs.Count == 0 ? null : xs.Sum(x => x.Value);
    }

    /// <summary>A stock: the sum over units of the last month (within the period) that has data under the unit.</summary>
    public static decimal? Last(List<AggregationInput> latest, string indicator, string unit, ReportingPeriod period)
    {
        var xs = latest.Where(x => x.IndicatorCode == indicator && IsUnder(x.UnitCode, unit) && period.Contains(x.Period)).ToList();
        if (xs.Count == 0)
        {
            return null;
        }

        ReportingPeriod last = xs.Max(x => x.Period);
        return xs.Where(x => x.Period == last).Sum(x => x.Value);
    }

    /// <summary>The maximum of the leaves.</summary>
    public static decimal? Max(List<AggregationInput> latest, string indicator, string unit, ReportingPeriod period)
    {
        var xs = latest.Where(x => x.IndicatorCode == indicator && IsUnder(x.UnitCode, unit) && period.Contains(x.Period)).ToList();
        return xs.Count == 0 ? null : xs.Max(x => x.Value);
    }

    /// <summary>Every period a month of 2026 rolls up to, and the months themselves.</summary>
    public static IEnumerable<ReportingPeriod> Periods2026()
    {
        for (int m = 1; m <= 12; m++)
        {
            yield return World.M(m);
            yield return ReportingPeriod.YearToDate(2026, m);
        }

        for (int q = 1; q <= 4; q++)
        {
            yield return ReportingPeriod.Quarter(2026, q);
        }

        yield return ReportingPeriod.HalfYear(2026, 1);
        yield return ReportingPeriod.HalfYear(2026, 2);
        yield return ReportingPeriod.NineMonths(2026);
        yield return ReportingPeriod.CalendarYear(2026);
    }

    public static readonly string[] AllUnits = World.Units.Select(u => u.Code).ToArray();
}
