using Ktxh.Aggregation.Engine;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation;

/// <summary>A result put together from the runs of several eras (issue 9 §2): each period is read from the run of the
/// units in force in it; a period that straddles a change, for a series with lines on both sides, from the bridge run.</summary>
public sealed partial class AggregationResult
{
    private const int BridgeOwner = -2;

    /// <summary>Whether this result was put together from several runs (no arrays of its own to format from).</summary>
    internal bool IsComposite => _composite is not null;

    private readonly Composite? _composite;

    private AggregationResult(AggregationEngine engine, IReadOnlyList<AggregationInput> inputs, Composite composite, IReadOnlyList<AggregationIssue> rejected, IReadOnlyList<AggregationIssue> omitted)
    {
        _engine = engine;
        _inputs = inputs;
        _composite = composite;
        _slots = null!;
        _plans = null!;
        _results = null!;
        _obs = null!;
        _seriesByKey = null!;
        _slotByPeriod = null!;
        _unitsInPreOrder = null!;
        Rows = null!;
        Rejected = rejected;
        Omitted = omitted;
    }

    /// <summary>Puts the runs of several groups and eras (and the bridge runs) together; the issues refer to the
    /// caller's inputs.</summary>
    internal static AggregationResult Combine(AggregationEngine engine, IReadOnlyList<AggregationInput> inputs, IReadOnlyList<EraGroup> groups, IReadOnlyList<AggregationIssue> extraRejected)
    {
        List<AggregationIssue> rejected = groups.SelectMany(g => g.Parts)
            .SelectMany(p => p.Result.Rejected.Select(i => i with { InputIndex = i.InputIndex >= 0 && i.InputIndex < p.SourceIndex.Length ? p.SourceIndex[i.InputIndex] : -1 }))
            .Concat(extraRejected)
            .OrderBy(i => i.InputIndex < 0 ? int.MaxValue : i.InputIndex)
            .ToList();
        List<AggregationIssue> omitted = groups
            .SelectMany(g => g.Parts.Select(p => p.Result).Concat(g.Bridge is null ? [] : [g.Bridge.Result]))
            .SelectMany(r => r.Omitted)
            .DistinctBy(i => (i.IndicatorCode, i.UnitCode, i.PeriodId, i.MessageEn))
            .ToList();
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int g = 0; g < groups.Count; g++)
        {
            foreach (EraPart part in groups[g].Parts)
            {
                foreach (SeriesPlan plan in part.Result._plans)
                {
                    groupOf.TryAdd(plan.IndicatorCode, g);
                }
            }
        }

        return new AggregationResult(engine, inputs, new Composite(groups, groupOf), rejected, omitted);
    }

    /// <summary>Whether this (single-run) result holds the series in the period or in a period inside it (its input
    /// periods, or for a derived series any period it has).</summary>
    private bool Holds(string indicatorCode, string? disaggregation, ReportingPeriod period)
    {
        if (!_seriesByKey.TryGetValue((indicatorCode, disaggregation), out int s) || _results[s] is not { } r)
        {
            return false;
        }

        for (int g = 0; g < _slots.Count; g++)
        {
            ReportingPeriod p = _slots.Spans[g];
            if (r.LocalOfGlobal[g] >= 0 && p.Start >= period.Start && p.End <= period.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Which run a series' period is read from: the part of its era in the series' group; for a period that
    /// straddles a change, the group's bridge when two or more eras hold the series inside that period, else the one
    /// part that holds it (a series depends only on its own inputs, issue 9 §1). Part −1: none.</summary>
    private (EraGroup? Group, int Part) OwnerOf(string indicatorCode, string? disaggregation, ReportingPeriod period)
    {
        Composite c = _composite!;
        if (!c.GroupOf.TryGetValue(indicatorCode, out int gi))
        {
            return (null, -1);
        }

        EraGroup g = c.Groups[gi];
        if (g.Parts.Count == 1)
        {
            return (g, 0);
        }

        int owner = c.Owners.GetOrAdd((indicatorCode, disaggregation, period), k =>
        {
            int es = AggregationEngine.EraOf(g.Boundaries, k.Period.Start);
            int ee = AggregationEngine.EraOf(g.Boundaries, k.Period.End);
            int holder = -1;
            int holders = 0;
            for (int i = 0; i < g.Parts.Count; i++)
            {
                if (es == ee ? g.Parts[i].Era == es : g.Parts[i].Result.Holds(k.Indicator, k.Disaggregation, k.Period))
                {
                    holders++;
                    holder = i;
                }
            }

            return es != ee && holders >= 2 && g.Bridge is not null ? BridgeOwner : holder;
        });
        return (g, owner);
    }

    /// <summary>Whether the bridge writes a row for the unit: provinces and the nation, and units that existed from the
    /// start of the period (never the replaced units, nor units created during it).</summary>
    private static bool KeepBridgeRow(BridgePart bridge, string unitCode, ReportingPeriod period) =>
        bridge.ExistsFrom.TryGetValue(unitCode, out LocalDate? from) && (from is null || from.Value <= period.Start);

    /// <summary>Every row of a composite result, in output order; computed once (the rows of several runs have to be
    /// interleaved per series).</summary>
    private IEnumerable<Aggregate> CompositeAggregates() => CompositeRows();

    /// <summary>The rows of a composite result, put together once.</summary>
    internal Aggregate[] CompositeRows() => _composite!.Rows.GetOrAdd(0, _ => OrderedCompositeRows().ToArray());

    private IEnumerable<Aggregate> OrderedCompositeRows()
    {
        Composite c = _composite!;
        var rows = new Dictionary<(string Indicator, string? Disaggregation), List<Aggregate>>();
        foreach (EraGroup g in c.Groups)
        {
            for (int p = 0; p < g.Parts.Count; p++)
            {
                foreach (Aggregate a in g.Parts[p].Result.Aggregates())
                {
                    if (OwnerOf(a.IndicatorCode, a.Disaggregation, a.Period) == (g, p))
                    {
                        Add(a);
                    }
                }
            }

            if (g.Bridge is not null)
            {
                foreach (Aggregate a in g.Bridge.Result.Aggregates())
                {
                    if (OwnerOf(a.IndicatorCode, a.Disaggregation, a.Period) == (g, BridgeOwner) && KeepBridgeRow(g.Bridge, a.UnitCode, a.Period))
                    {
                        Add(a with { Flags = a.Flags | AggregateFlags.UnitsChanged });
                    }
                }
            }
        }

        // Same order as one run: indicators as they first appear in the inputs (derived ones after), totals first,
        // then disaggregations as they first appear; within a series by period (each period comes from one run, whose
        // units are already top-down).
        var firstOfIndicator = new Dictionary<string, int>(StringComparer.Ordinal);
        var firstOfSeries = new Dictionary<(string, string?), int>();
        for (int i = 0; i < _inputs.Count; i++)
        {
            AggregationInput x = _inputs[i];
            if (x.IndicatorCode is not null && _engine.TryGetIndicator(x.IndicatorCode, out int ind))
            {
                string code = _engine.Indicators[ind].Code;
                firstOfIndicator.TryAdd(code, i);
                firstOfSeries.TryAdd((code, string.IsNullOrEmpty(x.Disaggregation) ? null : x.Disaggregation), i);
            }
        }

        var seen = rows.Keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
        var indicatorSeen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (k, i) in seen)
        {
            indicatorSeen.TryAdd(k.Indicator, i);
        }

        // Derived indicators (no line of their own) as one run adds them: by the round that reaches them from the
        // indicators present, then in catalogue order (AggregationEngine.Run.AddDerivedSeries).
        Dictionary<string, int> round = DerivedRounds(rows.Keys.Select(k => k.Indicator).Distinct(StringComparer.Ordinal), firstOfIndicator);
        IEnumerable<(string Indicator, string? Disaggregation)> order = rows.Keys
            .OrderBy(k => firstOfIndicator.GetValueOrDefault(k.Indicator, int.MaxValue))
            .ThenBy(k => round.GetValueOrDefault(k.Indicator, int.MaxValue))
            .ThenBy(k => _engine.TryGetIndicator(k.Indicator, out int index) ? index : int.MaxValue)
            .ThenBy(k => indicatorSeen[k.Indicator])
            .ThenBy(k => k.Disaggregation is null ? 0 : 1)
            .ThenBy(k => firstOfSeries.GetValueOrDefault(k, int.MaxValue))
            .ThenBy(k => seen[k]);
        foreach (var key in order)
        {
            foreach (Aggregate a in rows[key].OrderBy(a => a.Period))
            {
                yield return a;
            }
        }

        void Add(Aggregate a)
        {
            var key = (a.IndicatorCode, a.Disaggregation);
            if (!rows.TryGetValue(key, out List<Aggregate>? list))
            {
                rows[key] = list = [];
            }

            list.Add(a);
        }
    }

    /// <summary>The round in which one run would add each derived indicator: 1 for one that reads an indicator with
    /// lines, r + 1 for one that reads an indicator of round r (the smallest such r); indicators with lines are round 0.</summary>
    private Dictionary<string, int> DerivedRounds(IEnumerable<string> present, Dictionary<string, int> withLines)
    {
        var round = new Dictionary<string, int>(StringComparer.Ordinal);
        var pending = new List<(string Code, string[] Operands)>();
        foreach (string code in present)
        {
            if (withLines.ContainsKey(code))
            {
                round[code] = 0;
            }
            else if (_engine.TryGetIndicator(code, out int index))
            {
                Indicators.Indicator ind = _engine.Indicators[index];
                Indicators.AggregationRule rule = ind.AcrossUnits.Method is Indicators.AggregationMethod.Ratio or Indicators.AggregationMethod.Formula ? ind.AcrossUnits : ind.AcrossTime;
                pending.Add((code, rule.ReferencedCodes.Select(c => _engine.TryGetIndicator(c, out int o) ? _engine.Indicators[o].Code : c).ToArray()));
            }
        }

        for (int r = 1; pending.Count > 0; r++)
        {
            var reached = pending.Where(p => p.Operands.Any(o => round.TryGetValue(o, out int ro) && ro < r)).ToList();
            if (reached.Count == 0)
            {
                break;
            }

            foreach ((string code, _) in reached)
            {
                round[code] = r;
            }

            pending.RemoveAll(p => round.ContainsKey(p.Code));
        }

        return round;
    }

    private bool CompositeTryGet(string indicatorCode, string unitCode, ReportingPeriod period, out Aggregate aggregate, string? disaggregation)
    {
        aggregate = default;
        string code = _engine.TryGetIndicator(indicatorCode, out int ind) ? _engine.Indicators[ind].Code : indicatorCode;
        string? dis = string.IsNullOrEmpty(disaggregation) ? null : disaggregation;
        (EraGroup? g, int owner) = OwnerOf(code, dis, period);
        if (owner == BridgeOwner)
        {
            if (!KeepBridgeRow(g!.Bridge!, unitCode, period) || !g.Bridge!.Result.TryGet(code, unitCode, period, out aggregate, dis))
            {
                return false;
            }

            aggregate = aggregate with { Flags = aggregate.Flags | AggregateFlags.UnitsChanged };
            return true;
        }

        return owner >= 0 && g!.Parts[owner].Result.TryGet(code, unitCode, period, out aggregate, dis);
    }

    private AggregateExplanation CompositeExplain(Aggregate aggregate)
    {
        if (!CompositeTryGet(aggregate.IndicatorCode, aggregate.UnitCode, aggregate.Period, out Aggregate found, aggregate.Disaggregation))
        {
            throw new ArgumentException("Tổng hợp này không thuộc kết quả / The aggregate is not part of this result", nameof(aggregate));
        }

        (EraGroup? g, int owner) = OwnerOf(found.IndicatorCode, found.Disaggregation, found.Period);
        AggregateExplanation e;
        IReadOnlyList<ExplainedInput> inputs;
        if (owner == BridgeOwner)
        {
            // The bridge was fed the group's lines one for one, only older unit codes keyed by version.
            BridgePart bridge = g!.Bridge!;
            e = bridge.Result.Explain(found);
            inputs = e.Inputs.Select(x => x with { InputIndex = bridge.SourceIndex[x.InputIndex], UnitCode = _inputs[bridge.SourceIndex[x.InputIndex]].UnitCode }).ToList();
        }
        else
        {
            EraPart part = g!.Parts[owner];
            e = part.Result.Explain(found);
            inputs = e.Inputs.Select(x => x with { InputIndex = part.SourceIndex[x.InputIndex] }).ToList();
        }

        return e with { Aggregate = found, Inputs = inputs };
    }

    /// <summary>The code of the unit above <paramref name="unitCode"/> in the hierarchy the period is read on.</summary>
    private string? ParentCodeOf(string indicatorCode, string? disaggregation, string unitCode, ReportingPeriod period)
    {
        if (_composite is not null)
        {
            string code = _engine.TryGetIndicator(indicatorCode, out int ind) ? _engine.Indicators[ind].Code : indicatorCode;
            (EraGroup? g, int owner) = OwnerOf(code, string.IsNullOrEmpty(disaggregation) ? null : disaggregation, period);
            return owner == BridgeOwner ? g!.Bridge!.Result.ParentCodeOf(code, disaggregation, unitCode, period)
                : owner >= 0 ? g!.Parts[owner].Result.ParentCodeOf(code, disaggregation, unitCode, period)
                : null;
        }

        return _engine.Tree.TryGetIndex(unitCode, out int u) && _engine.Tree.Parent[u] >= 0 ? _engine.Tree.Codes[_engine.Tree.Parent[u]] : null;
    }

    private ReportingPeriod[] CompositePeriods()
    {
        Composite c = _composite!;
        var periods = new HashSet<ReportingPeriod>();
        foreach (EraGroup g in c.Groups)
        {
            foreach (EraPart part in g.Parts)
            {
                foreach (ReportingPeriod p in part.Result.Periods)
                {
                    int es = AggregationEngine.EraOf(g.Boundaries, p.Start);
                    if (g.Parts.Count == 1 || es != AggregationEngine.EraOf(g.Boundaries, p.End) || es == part.Era)
                    {
                        periods.Add(p);
                    }
                }
            }
        }

        return periods.Order().ToArray();
    }

    /// <summary>The runs a composite result is read from, and which run each series' period comes from (cached).</summary>
    private sealed record Composite(IReadOnlyList<EraGroup> Groups, Dictionary<string, int> GroupOf)
    {
        public System.Collections.Concurrent.ConcurrentDictionary<(string Indicator, string? Disaggregation, ReportingPeriod Period), int> Owners { get; } = new();

        public System.Collections.Concurrent.ConcurrentDictionary<int, Aggregate[]> Rows { get; } = new();
    }
}
