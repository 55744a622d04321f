using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.Forms;
using Ktxh.Periods;
using Ktxh.Workflow;

namespace Ktxh.Cli.Excel;

/// <summary>
/// The "% of plan" (% so với kế hoạch năm) of the rows of an aggregates CSV (the file <c>ktxh aggregate</c> writes):
/// which value of the file is compared with a yearly target, then <see cref="PlanCompletion.Compute"/>.
/// </summary>
/// <remarks>
/// <para>A year (or year-to-date, or plan period) is compared through its own value. A month, quarter, half-year or
/// nine months is compared through its <b>year-to-date</b> value (lũy kế từ đầu năm): the aggregates CSV holds it as a
/// period row of its own, <c>2026-YTD-M05</c> for May, <c>2026-YTD-M06</c> for the second quarter and the first half
/// (docs/aggregation-csv.md). That value is handed to <see cref="PlanCompletion"/> as the period's
/// <see cref="FormColumnKind.CumulativeYearToDate"/> value, the one it compares for such periods: a month's own value
/// against a year's target would mislead. Without its year-to-date row, such a period gets no percentage; a week or
/// half-month never does (a year-to-date row covers whole months).</para>
/// <para>Pure; thread-safe.</para>
/// </remarks>
internal static class ReportPlanActuals
{
    /// <summary>The actual value compared with the yearly target of (<paramref name="indicator"/>, <paramref name="unit"/>,
    /// <paramref name="period"/>), or null when the file holds none.</summary>
    /// <param name="indicator">The indicator code.</param>
    /// <param name="unit">The unit code.</param>
    /// <param name="period">The period shown in the report.</param>
    /// <param name="values">Every value of the file by indicator, unit and period (not only the periods shown).</param>
    /// <returns>The value, with <see cref="FormColumnKind.CumulativeYearToDate"/> when it is a year-to-date value.</returns>
    public static DataValue? ActualFor(string indicator, string unit, ReportingPeriod period,
        IReadOnlyDictionary<(string Indicator, string Unit, ReportingPeriod Period), decimal> values)
    {
        switch (period.Type)
        {
            case PeriodType.Year or PeriodType.YearToDate or PeriodType.MultiYear:
                return values.TryGetValue((indicator, unit, period), out decimal own) ? DataValue.Number(indicator, unit, period, own) : null;
            case PeriodType.Month or PeriodType.Quarter or PeriodType.HalfYear or PeriodType.NineMonths:
                ReportingPeriod ytd = ReportingPeriod.YearToDate(period.Start.Year, period.End.Month);
                return values.TryGetValue((indicator, unit, ytd), out decimal cumulative)
                    ? DataValue.Number(indicator, unit, period, cumulative) with { Column = FormColumnKind.CumulativeYearToDate }
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The percentage of the yearly target of each shown (indicator, unit, period) that has an actual value and a
    /// target, rounded to <see cref="PlanCompletion.DefaultDecimals"/> places.</summary>
    /// <param name="shown">The rows shown in the report.</param>
    /// <param name="values">Every value of the file (the year-to-date rows of the months shown among them).</param>
    /// <param name="targetsOf">The accepted targets that apply to a period.</param>
    /// <returns>The percentages; a row without one is absent.</returns>
    public static Dictionary<(string Indicator, string Unit, ReportingPeriod Period), decimal> Percentages(
        IEnumerable<(string Indicator, string Unit, ReportingPeriod Period)> shown,
        IReadOnlyDictionary<(string Indicator, string Unit, ReportingPeriod Period), decimal> values,
        Func<ReportingPeriod, IReadOnlyList<PlanTarget>> targetsOf)
    {
        ArgumentNullException.ThrowIfNull(shown);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(targetsOf);
        var percents = new Dictionary<(string, string, ReportingPeriod), decimal>();
        foreach (var byPeriod in shown.Distinct().GroupBy(s => s.Period))
        {
            var actuals = byPeriod.Select(s => ActualFor(s.Indicator, s.Unit, s.Period, values)).OfType<DataValue>().ToList();
            if (actuals.Count == 0)
            {
                continue; // nothing to compare: the plan database is not even asked
            }

            foreach (PlanCompletionRow row in PlanCompletion.Compute(actuals, targetsOf(byPeriod.Key), byPeriod.Key))
            {
                if (row.Disaggregation.Length == 0 && row.PercentOfYearlyTarget is { } percent)
                {
                    percents[(row.IndicatorCode, row.UnitCode, row.Period)] = percent;
                }
            }
        }

        return percents;
    }
}
