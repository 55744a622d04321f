using Ktxh.Aggregation.Engine;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>
/// The outcome of one <see cref="AggregationEngine.Aggregate"/> call: every aggregate (every indicator, every level of
/// the hierarchy, every period the inputs roll up to) held in dense arrays, the inputs that were rejected and the
/// indicators left out, with reasons. Any aggregate can explain itself (<see cref="Explain"/>).
/// </summary>
/// <remarks>Immutable; thread-safe for reading.</remarks>
public sealed partial class AggregationResult
{
    private readonly AggregationEngine _engine;
    private readonly IReadOnlyList<AggregationInput> _inputs;
    private readonly PeriodSlots _slots;
    private readonly SeriesPlan[] _plans;
    private readonly SeriesResult?[] _results;
    private readonly Observations _obs;
    private readonly Dictionary<(string, string?), int> _seriesByKey;
    private readonly Dictionary<ReportingPeriod, int> _slotByPeriod;
    private readonly int[] _unitsInPreOrder;

    internal AggregationResult(
        AggregationEngine engine,
        IReadOnlyList<AggregationInput> inputs,
        PeriodSlots slots,
        SeriesPlan[] plans,
        SeriesResult?[] results,
        Observations obs,
        UnitRows rows,
        IReadOnlyList<AggregationIssue> rejected,
        IReadOnlyList<AggregationIssue> omitted)
    {
        _engine = engine;
        _inputs = inputs;
        _slots = slots;
        _plans = plans;
        _results = results;
        _obs = obs;
        Rejected = rejected;
        Omitted = omitted;
        _seriesByKey = new Dictionary<(string, string?), int>();
        foreach (SeriesPlan p in plans)
        {
            _seriesByKey[(p.IndicatorCode, p.Disaggregation)] = p.Index;
        }

        _slotByPeriod = new Dictionary<ReportingPeriod, int>(slots.Count);
        for (int g = 0; g < slots.Count; g++)
        {
            _slotByPeriod[slots.Spans[g]] = g;
        }

        Rows = rows;
        _unitsInPreOrder = rows.PreOrder;
    }

    /// <summary>The unit rows of the run's grid.</summary>
    internal UnitRows Rows { get; }

    /// <summary>The engine that produced the result (for the CSV writer).</summary>
    internal AggregationEngine Engine => _engine;

    /// <summary>The plan of each series.</summary>
    internal SeriesPlan[] Plans => _plans;

    /// <summary>The period slots of the run.</summary>
    internal PeriodSlots Slots => _slots;

    /// <summary>The unit rows (<see cref="UnitRows"/>) from the top down (pre-order), the order of <see cref="Aggregates"/>.</summary>
    internal int[] UnitsInPreOrder => _unitsInPreOrder;

    /// <summary>The local slots of a series in chronological order, the order of <see cref="Aggregates"/>.</summary>
    internal int[] LocalSlotsInOrder(SeriesResult r)
    {
        int[] rank = _slotRank ??= SlotRanks();
        var keys = new int[r.Slots.Length];
        var order = new int[r.Slots.Length];
        for (int l = 0; l < order.Length; l++)
        {
            keys[l] = rank[r.Slots[l]];
            order[l] = l;
        }

        Array.Sort(keys, order);
        return order;
    }

    /// <summary>The chronological rank of each period slot (ties, if any, by slot), computed once.</summary>
    private int[] SlotRanks()
    {
        int[] bySpan = [.. Enumerable.Range(0, _slots.Count).OrderBy(g => _slots.Spans[g]).ThenBy(g => g)];
        var rank = new int[bySpan.Length];
        for (int k = 0; k < bySpan.Length; k++)
        {
            rank[bySpan[k]] = k;
        }

        return rank;
    }

    private int[]? _slotRank;

    /// <summary>Whether <see cref="Aggregates"/> lists the cell: units that reported or hold a value, and units above
    /// with expected reporters for a series aggregated across units. A unit without a row is never listed (a leaf that
    /// reported nothing).</summary>
    internal static bool IsListed(SeriesResult r, int l, int row, bool upward)
    {
        int i = (l * r.Units) + row;
        return r.IsRow(i) || (upward && !r.Rows.IsLeaf[row] && r.Expected[r.Rows.UnitOf[row]] > 0);
    }

    /// <summary>The inputs that were not used (unknown indicator or unit, incompatible unit of measure, a second period
    /// type for the same indicator…), each with where and why.</summary>
    public IReadOnlyList<AggregationIssue> Rejected { get; }

    /// <summary>The indicators left out (not aggregable, text, a missing operand…), each with the reason; and, one per
    /// series, aggregates written without a value because they overflow <see cref="decimal"/>
    /// (<see cref="AggregateFlags.Overflow"/>), with the first unit and period.</summary>
    public IReadOnlyList<AggregationIssue> Omitted { get; }

    /// <summary>The periods of the run: the inputs' periods and every period they roll up to, in chronological order.</summary>
    public IReadOnlyList<ReportingPeriod> Periods => _composite is not null ? CompositePeriods() : _slots.Spans.Order().ToArray();

    /// <summary>
    /// Every aggregate: for each indicator (and disaggregation) with data, each period it has data in, each unit that
    /// reported and every unit above (provinces and the nation are listed even when none of their units reported, so
    /// a gap shows). Listed indicator by indicator, period by period, units from the top down.
    /// </summary>
    /// <returns>A lazily enumerated sequence (national runs hold tens of millions of aggregates); a result spanning a
    /// change of units (several runs, see docs/aggregation-csv.md) is put together once, on the first call.</returns>
    public IEnumerable<Aggregate> Aggregates()
    {
        if (_composite is not null)
        {
            return CompositeAggregates();
        }

        return SingleAggregates();
    }

    /// <summary>
    /// A cursor over every aggregate, in the order of <see cref="Aggregates"/>, that reads the result's arrays in place:
    /// no <see cref="Aggregate"/> and no allocation per aggregate (see <see cref="AggregateCursor"/>).
    /// </summary>
    /// <returns>A cursor before the first aggregate; call <see cref="AggregateCursor.MoveNext"/> first.</returns>
    public AggregateCursor GetCursor() => new(this);

    private IEnumerable<Aggregate> SingleAggregates()
    {
        AggregateCursor c = GetCursor();
        while (c.MoveNext())
        {
            yield return c.Current;
        }
    }

    /// <summary>The series with results grouped by indicator (in the order indicators first appear), the total first and
    /// then each disaggregation in the order it first appears (issue 9 §4: a disaggregated series follows its
    /// indicator's totals, not the end of the file).</summary>
    internal IEnumerable<SeriesResult> SeriesInOutputOrder()
    {
        var firstOfIndicator = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (SeriesPlan p in _plans)
        {
            firstOfIndicator.TryAdd(p.IndicatorCode, p.Index);
        }

        return _results
            .Where(r => r is not null)
            .Select(r => r!)
            .OrderBy(r => firstOfIndicator[_plans[r.Series].IndicatorCode])
            .ThenBy(r => _plans[r.Series].Disaggregation is null ? 0 : 1)
            .ThenBy(r => r.Series);
    }

    /// <summary>Finds one aggregate.</summary>
    /// <param name="indicatorCode">The indicator.</param>
    /// <param name="unitCode">The reporting unit (any level).</param>
    /// <param name="period">The period.</param>
    /// <param name="aggregate">The aggregate, if the indicator has data (or is derived) there.</param>
    /// <param name="disaggregation">The disaggregation, or null for the total.</param>
    /// <returns>Whether the run holds an aggregate for that indicator, unit and period.</returns>
    public bool TryGet(string indicatorCode, string unitCode, ReportingPeriod period, out Aggregate aggregate, string? disaggregation = null)
    {
        aggregate = default;
        if (_composite is not null)
        {
            return CompositeTryGet(indicatorCode, unitCode, period, out aggregate, disaggregation);
        }

        if (!Locate(indicatorCode, disaggregation, unitCode, period, out SeriesResult? r, out int l, out int u))
        {
            return false;
        }

        aggregate = Make(r!, l, u);
        return true;
    }

    /// <summary>The value of one aggregate, or null when it is missing or not in the run.</summary>
    /// <param name="indicatorCode">The indicator.</param>
    /// <param name="unitCode">The reporting unit.</param>
    /// <param name="period">The period.</param>
    /// <param name="disaggregation">The disaggregation, or null for the total.</param>
    /// <returns>The exact value or null.</returns>
    public decimal? ValueOf(string indicatorCode, string unitCode, ReportingPeriod period, string? disaggregation = null) =>
        TryGet(indicatorCode, unitCode, period, out Aggregate a, disaggregation) ? a.Value : null;

    /// <summary>
    /// Explains an aggregate: the rule, every input under it (unit, period, value as entered, its unit of measure, the
    /// converted value, maturity, whether it was used or superseded by a later revision) and, for a ratio or formula,
    /// the aggregated operands it was computed from.
    /// </summary>
    /// <param name="aggregate">An aggregate of this result.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentException">The aggregate is not part of this result.</exception>
    public AggregateExplanation Explain(Aggregate aggregate)
    {
        if (_composite is not null)
        {
            return CompositeExplain(aggregate);
        }

        if (!Locate(aggregate.IndicatorCode, aggregate.Disaggregation, aggregate.UnitCode, aggregate.Period, out SeriesResult? r, out int l, out int node))
        {
            throw new ArgumentException("Tổng hợp này không thuộc kết quả / The aggregate is not part of this result", nameof(aggregate));
        }

        SeriesPlan plan = _plans[r!.Series];
        int g = r.Slots[l];
        string rule = $"{plan.AcrossUnits} across units, {plan.AcrossTime} across time";
        var operands = new List<Aggregate>();
        if (plan.IsDerived)
        {
            int[] deps = plan.Formula is null ? [plan.Numerator, plan.Denominator] : plan.FormulaInputs;
            foreach (int d in deps)
            {
                SeriesResult? dr = d >= 0 ? _results[d] : null;
                int dl = dr?.LocalOfGlobal[g] ?? -1;
                if (dl >= 0)
                {
                    operands.Add(Make(dr!, dl, node));
                }
            }

            rule = plan.Formula is null
                ? $"Ratio: Σ{_plans[plan.Numerator].IndicatorCode} / Σ{_plans[plan.Denominator].IndicatorCode} × {plan.Factor}"
                : $"Formula over {string.Join(", ", plan.FormulaInputs.Select(f => _plans[f].IndicatorCode))}";
            return new AggregateExplanation(Make(r, l, node), rule, [], operands);
        }

        var leaves = new HashSet<int>(_slots.LeavesOf[g]);
        UnitTree tree = _engine.Tree;
        byte ceiling = (byte)(_engine.Options.Revisions.MaturityCeiling == 0 ? Maturity.Official : _engine.Options.Revisions.MaturityCeiling);
        var chosen = new Dictionary<(int Unit, int Leaf), int>();
        var candidates = new List<int>();
        for (int k = _obs.SeriesStart[r.Series]; k < _obs.SeriesStart[r.Series + 1]; k++)
        {
            if (!leaves.Contains(_obs.Leaf[k]) || !tree.IsUnder(_obs.Unit[k], node))
            {
                continue;
            }

            candidates.Add(k);
            if (_obs.Maturity[k] > ceiling)
            {
                continue;
            }

            var key = (_obs.Unit[k], _obs.Leaf[k]);
            if (!chosen.TryGetValue(key, out int old) || _obs.Maturity[k] >= _obs.Maturity[old])
            {
                chosen[key] = k;
            }
        }

        // For a last-value rule over time only the last sub-period with a value at this unit counts.
        int lastLeaf = -1;
        if (plan.AcrossTime == Rule.Last && _slots.LeavesOf[g].Length > 1)
        {
            foreach (int leaf in _slots.LeavesOf[g])
            {
                int ll = r.LocalOfGlobal[leaf];
                int row = r.Rows.RowOf[node];
                if (ll >= 0 && row >= 0 && (r.Flags[(ll * r.Units) + row] & SeriesResult.HasValue) != 0)
                {
                    lastLeaf = leaf;
                }
            }
        }

        var inputs = new List<ExplainedInput>(candidates.Count);
        foreach (int k in candidates)
        {
            AggregationInput x = _inputs[_obs.SourceOf(k)];
            bool used = chosen.TryGetValue((_obs.Unit[k], _obs.Leaf[k]), out int c) && c == k && (lastLeaf < 0 || _obs.Leaf[k] == lastLeaf);
            inputs.Add(new ExplainedInput(_obs.SourceOf(k), x.UnitCode, x.Period, x.Value, x.MeasureUnitCode ?? _engine.Indicators[IndicatorIndex(plan)].MeasureUnitCode, _obs.Value[k], x.Maturity, used));
        }

        return new AggregateExplanation(Make(r, l, node), rule, inputs, operands);
    }

    /// <summary>
    /// The columns of a Vietnamese report for one indicator, unit and period: this period, cumulative since the start
    /// of the year (lũy kế), the same period last year (cùng kỳ), the index and change over it, the previous period and
    /// the index over it, the share of the parent unit's total and the % of the yearly target (plan completion).
    /// </summary>
    /// <param name="indicatorCode">The indicator.</param>
    /// <param name="unitCode">The reporting unit.</param>
    /// <param name="period">The period.</param>
    /// <param name="yearlyTarget">The unit's target for the year (kế hoạch năm), or null.</param>
    /// <param name="disaggregation">The disaggregation, or null for the total.</param>
    /// <returns>The row; a column is null where its data are missing or a denominator is zero.</returns>
    /// <remarks>Comparisons need the earlier periods in the same run: feed last year's values too. Share of the total
    /// is given for additive kinds only (amounts, stocks, counts); for the others it has no meaning.</remarks>
    public ReportRow Report(string indicatorCode, string unitCode, ReportingPeriod period, decimal? yearlyTarget = null, string? disaggregation = null)
    {
        decimal? thisPeriod = ValueOf(indicatorCode, unitCode, period, disaggregation);
        decimal? cumulative = period.Type switch
        {
            PeriodType.Month or PeriodType.Quarter or PeriodType.HalfYear or PeriodType.NineMonths =>
                ValueOf(indicatorCode, unitCode, ReportingPeriod.YearToDate(period.Start.Year, period.End.Month), disaggregation),
            PeriodType.YearToDate or PeriodType.Year => thisPeriod,
            _ => null,
        };
        decimal? samePeriod = ValueOf(indicatorCode, unitCode, period.SamePeriodPreviousYear(), disaggregation);
        decimal? previous = period.Type == PeriodType.YearToDate ? null : ValueOf(indicatorCode, unitCode, period.Previous(), disaggregation);
        decimal? share = null;
        bool additive = _engine.TryGetIndicator(indicatorCode, out int ind)
            && _engine.Indicators[ind].ValueKind is ValueKind.Amount or ValueKind.Stock or ValueKind.Count;
        if (additive && ParentCodeOf(indicatorCode, disaggregation, unitCode, period) is { } parentCode)
        {
            share = Percent(thisPeriod, ValueOf(indicatorCode, parentCode, period, disaggregation));
        }

        decimal? planBase = period.Type == PeriodType.Year ? thisPeriod : cumulative;
        return new ReportRow(
            indicatorCode,
            unitCode,
            period,
            thisPeriod,
            cumulative,
            samePeriod,
            Percent(thisPeriod, samePeriod),
            thisPeriod - samePeriod,
            previous,
            Percent(thisPeriod, previous),
            share,
            yearlyTarget,
            Percent(planBase, yearlyTarget));
    }

    private static decimal? Percent(decimal? numerator, decimal? denominator) =>
        numerator is null || denominator is null || denominator.Value == 0m ? null : RollupKernel.Ratio(numerator.Value, denominator.Value, 100m);

    private int IndicatorIndex(SeriesPlan plan) => _engine.TryGetIndicator(plan.IndicatorCode, out int i) ? i : 0;

    private bool Locate(string indicatorCode, string? disaggregation, string unitCode, ReportingPeriod period, out SeriesResult? r, out int l, out int u)
    {
        r = null;
        l = -1;
        u = -1;
        string code = _engine.TryGetIndicator(indicatorCode, out int ind) ? _engine.Indicators[ind].Code : indicatorCode;
        if (!_seriesByKey.TryGetValue((code, string.IsNullOrEmpty(disaggregation) ? null : disaggregation), out int s)
            || _results[s] is null
            || !_slotByPeriod.TryGetValue(period, out int g)
            || !_engine.Tree.TryGetIndex(unitCode, out u))
        {
            return false;
        }

        r = _results[s];
        l = r!.LocalOfGlobal[g];
        if (l < 0 && _slots.Twin[g] >= 0)
        {
            // The period is a leaf of some series and a target of others: this series has it in the other slot.
            l = r.LocalOfGlobal[_slots.Twin[g]];
        }

        // A series not aggregated across units has aggregates only where units reported.
        return l >= 0 && (_plans[s].AcrossUnits != Rule.None || r.Exists(l, u));
    }

    private Aggregate Make(SeriesResult r, int l, int u)
    {
        SeriesPlan plan = _plans[r.Series];
        int row = r.Rows.RowOf[u];
        if (row < 0)
        {
            // A leaf that reported nothing has no row in the grid: its cell would hold no value, no unit counted and
            // nothing but NoData, whatever the rule.
            return new Aggregate(plan.IndicatorCode, plan.Disaggregation, _engine.Tree.Codes[u], _slots.Spans[r.Slots[l]], null, new Coverage(0, r.Expected[u]), null, AggregateFlags.NoData);
        }

        int i = (l * r.Units) + row;
        int f = r.Flags[i];
        return new Aggregate(
            plan.IndicatorCode,
            plan.Disaggregation,
            _engine.Tree.Codes[u],
            _slots.Spans[r.Slots[l]],
            (f & SeriesResult.HasValue) != 0 ? r.Value[i] : null,
            new Coverage(r.Reported[i], r.Expected[u]),
            r.Maturity[i] is >= 1 and <= 3 ? (Maturity)r.Maturity[i] : null,
            (AggregateFlags)(f & ~SeriesResult.Internal));
    }
}
