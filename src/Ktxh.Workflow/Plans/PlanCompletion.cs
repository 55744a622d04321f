using Ktxh.Indicators;
using Ktxh.Periods;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.DataValues;

namespace Ktxh.Workflow;

/// <summary>
/// The "% of plan" columns (% so với kế hoạch, % hoàn thành kế hoạch): accepted plan targets
/// (<see cref="SubmissionKind.PlanTarget"/> submissions, seed 002 "002-hanoi-ktxh-system-regulation.txt") joined to
/// actual values of a period. Pure functions; thread-safe.
/// </summary>
/// <remarks>
/// <para>Targets: in the accepted revision of a plan-target submission, a number in column
/// <see cref="FormColumnKind.YearlyTarget"/> for a year period is a yearly target; a number in column
/// <see cref="FormColumnKind.PlanPeriodTarget"/> for a multi-year period (2026–2030) is a five-year target; other
/// values are not targets. When two accepted plans give the same target, the later acceptance wins.</para>
/// <para>Actual: the value of the period itself — for a year, year-to-date or plan period its
/// <see cref="FormColumnKind.CumulativeYearToDate"/> value if given, else its <see cref="FormColumnKind.ThisPeriod"/>
/// value; for a month, quarter, half-year or nine months only its cumulative value (lũy kế: a month's own value
/// against a year's target would mislead). Of several values for one key, the most mature wins.</para>
/// <para>Percentage: actual × 100 ÷ target in exact decimal arithmetic, then rounded to <c>decimals</c> places
/// (default 2), midpoint away from zero (half up, as statistical tables round). A zero target gives no percentage
/// (<see cref="PlanCompletionStatus.ZeroTarget"/>), a missing target <see cref="PlanCompletionStatus.NoTarget"/>, a
/// missing actual <see cref="PlanCompletionStatus.NoActual"/>; a negative target is divided as it is.</para>
/// </remarks>
public static class PlanCompletion
{
    /// <summary>The decimals of a percentage unless told otherwise.</summary>
    public const int DefaultDecimals = 2;

    /// <summary>The targets in a plan-target submission's accepted revision.</summary>
    /// <param name="submission">The submission.</param>
    /// <returns>The targets; empty when the submission is not of kind <see cref="SubmissionKind.PlanTarget"/> or its
    /// current revision is not accepted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="submission"/> is null.</exception>
    public static IReadOnlyList<PlanTarget> TargetsOf(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (submission.Id.Kind != SubmissionKind.PlanTarget || submission.CurrentRevision is not { AcceptedAt: { } acceptedAt } revision)
        {
            return [];
        }

        var list = new List<PlanTarget>();
        foreach (DataValue v in revision.Content.Values)
        {
            PlanTargetKind? kind = (v.Column, v.Period.Type) switch
            {
                (FormColumnKind.YearlyTarget, PeriodType.Year) => PlanTargetKind.Yearly,
                (FormColumnKind.PlanPeriodTarget, PeriodType.MultiYear) => PlanTargetKind.PlanPeriod,
                _ => null,
            };
            if (kind is { } k && v.Value is { } value)
            {
                list.Add(new PlanTarget(v.IndicatorCode, v.ReportingUnitCode, v.Disaggregation.Canonical, v.Period, k, value, submission.Id, acceptedAt));
            }
        }

        return list;
    }

    /// <summary>Whether a target applies to a period: a yearly target to the periods within its year, a five-year
    /// target to the periods within its plan period.</summary>
    /// <param name="target">The target.</param>
    /// <param name="period">The period reported.</param>
    /// <returns><see langword="true"/> when it applies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public static bool AppliesTo(PlanTarget target, ReportingPeriod period)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Period.Start <= period.Start && period.End <= target.Period.End
            && (target.Kind == PlanTargetKind.PlanPeriod || period.Type != PeriodType.MultiYear);
    }

    /// <summary>Percent of a target: actual × 100 ÷ target, rounded to <paramref name="decimals"/> places, midpoint
    /// away from zero.</summary>
    /// <param name="actual">The actual value, or null.</param>
    /// <param name="target">The target, or null.</param>
    /// <param name="status">Why a percentage is or is not given.</param>
    /// <param name="decimals">Decimal places (0–10).</param>
    /// <returns>The percentage, or null.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–10.</exception>
    public static decimal? Percent(decimal? actual, decimal? target, out PlanCompletionStatus status, int decimals = DefaultDecimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        if (target is not { } t)
        {
            status = PlanCompletionStatus.NoTarget;
            return null;
        }

        if (t == 0m)
        {
            status = PlanCompletionStatus.ZeroTarget;
            return null;
        }

        if (actual is not { } a)
        {
            status = PlanCompletionStatus.NoActual;
            return null;
        }

        status = PlanCompletionStatus.Computed;
        decimal ratio;
        try
        {
            // Multiplying first keeps 1 ÷ 3 × 100 at 33.33…3 (28 digits) before rounding.
            ratio = a * 100m / t;
        }
        catch (OverflowException)
        {
            ratio = a / t * 100m;
        }

        return Math.Round(ratio, decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Joins actual values to targets for one period: one row per indicator, unit and disaggregation that has an
    /// actual value or an applicable target, ordered by indicator, unit and disaggregation (ordinal).
    /// </summary>
    /// <param name="actuals">Actual values (accepted, or aggregated); values of other periods are ignored.</param>
    /// <param name="targets">Accepted targets (<see cref="TargetsOf"/>); those that do not apply to the period are ignored.</param>
    /// <param name="period">The period reported.</param>
    /// <param name="decimals">Decimal places of the percentages (0–10).</param>
    /// <returns>The rows.</returns>
    /// <exception cref="ArgumentNullException">A list is null or holds null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–10.</exception>
    public static IReadOnlyList<PlanCompletionRow> Compute(IEnumerable<DataValue> actuals, IEnumerable<PlanTarget> targets, ReportingPeriod period,
        int decimals = DefaultDecimals)
    {
        ArgumentNullException.ThrowIfNull(actuals);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 10);
        bool cumulativeOnly = period.Type is not (PeriodType.Year or PeriodType.YearToDate or PeriodType.MultiYear);
        var actual = new Dictionary<(string, string, string), (decimal Value, bool Cumulative, Maturity Maturity)>();
        foreach (DataValue v in actuals)
        {
            ArgumentNullException.ThrowIfNull(v, nameof(actuals));
            bool cumulative = v.Column == FormColumnKind.CumulativeYearToDate;
            if (v.Period != period || v.Value is not { } value || !(cumulative || (v.Column == FormColumnKind.ThisPeriod && !cumulativeOnly)))
            {
                continue;
            }

            var key = (v.IndicatorCode, v.ReportingUnitCode, v.Disaggregation.Canonical);
            // Cumulative beats this-period; then the more mature value; then the later one.
            if (!actual.TryGetValue(key, out var had) || (cumulative, v.Maturity).CompareTo((had.Cumulative, had.Maturity)) >= 0)
            {
                actual[key] = (value, cumulative, v.Maturity);
            }
        }

        var yearly = new Dictionary<(string, string, string), PlanTarget>();
        var plan = new Dictionary<(string, string, string), PlanTarget>();
        foreach (PlanTarget t in targets)
        {
            ArgumentNullException.ThrowIfNull(t, nameof(targets));
            if (!AppliesTo(t, period))
            {
                continue;
            }

            var into = t.Kind == PlanTargetKind.Yearly ? yearly : plan;
            var key = (t.IndicatorCode, t.UnitCode, t.Disaggregation ?? string.Empty);
            if (!into.TryGetValue(key, out PlanTarget? had) || t.AcceptedAt >= had.AcceptedAt)
            {
                into[key] = t;
            }
        }

        var keys = new SortedSet<(string, string, string)>(actual.Keys.Concat(yearly.Keys).Concat(plan.Keys), KeyOrder.Instance);
        var rows = new List<PlanCompletionRow>(keys.Count);
        foreach (var key in keys)
        {
            decimal? a = actual.TryGetValue(key, out var found) ? found.Value : null;
            decimal? y = yearly.GetValueOrDefault(key)?.Value;
            decimal? p = plan.GetValueOrDefault(key)?.Value;
            decimal? py = Percent(a, y, out PlanCompletionStatus ys, decimals);
            decimal? pp = Percent(a, p, out PlanCompletionStatus ps, decimals);
            rows.Add(new PlanCompletionRow(key.Item1, key.Item2, key.Item3, period, a, y, py, ys, p, pp, ps));
        }

        return rows;
    }

    private sealed class KeyOrder : IComparer<(string, string, string)>
    {
        public static KeyOrder Instance { get; } = new();

        public int Compare((string, string, string) x, (string, string, string) y)
        {
            int c = string.CompareOrdinal(x.Item1, y.Item1);
            if (c == 0)
            {
                c = string.CompareOrdinal(x.Item2, y.Item2);
            }

            return c != 0 ? c : string.CompareOrdinal(x.Item3, y.Item3);
        }
    }
}
