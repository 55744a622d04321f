using System.Collections.Concurrent;
using Ktxh.Indicators;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation;

/// <summary>Per-period hierarchies (issue 9 §2): each period is aggregated on the units in force in it.</summary>
public sealed partial class AggregationEngine
{
    private LocalDate[] _boundaries = [];
    private ConcurrentDictionary<int, AggregationEngine>? _eraEngines;
    private ConcurrentDictionary<(int First, int Last), Lazy<EraBridge>>? _bridges;

    /// <summary>The directory of unit versions when the engine was built with one
    /// (<see cref="Create(IndicatorCatalogue, ReportingUnitDirectory, LocalDate, AggregationOptions?, IMeasureConverter?)"/>):
    /// each period is then aggregated on the units in force in that period. Null for an engine built on one hierarchy.</summary>
    public ReportingUnitDirectory? Directory { get; private set; }

    /// <summary>
    /// Builds an engine that aggregates <b>each period on the units in force in it</b> (issue 9 §2): lines of 2025-M06
    /// on the old communes, districts and 63 provinces, lines of 2025-M07 on the new communes and 34 provinces. A period
    /// that straddles a change of units (the year 2025, 2025-9M, 2025-YTD-M07 and later) is aggregated, for a series
    /// with lines on both sides, on the provinces and the nation of its last part (the old units of the earlier part
    /// roll up to the province that succeeded theirs), with rows only for units that existed all through, flagged
    /// <see cref="AggregateFlags.UnitsChanged"/>. With <see cref="AggregationOptions.OnCurrentUnits"/> the older lines
    /// are first remapped onto the units in force on <paramref name="asOf"/> (<see cref="HistoricalRemapper"/>) and the
    /// whole series is aggregated on them. See docs/aggregation-csv.md, "Across the 2025 reform".
    /// </summary>
    /// <param name="catalogue">The indicator catalogue.</param>
    /// <param name="directory">Every version of every unit, e.g. <c>ReportingUnitDirectory.Vietnam</c>.</param>
    /// <param name="asOf">The date of "today's units": the engine's <see cref="Units"/>, and the units series are mapped
    /// onto with <see cref="AggregationOptions.OnCurrentUnits"/>.</param>
    /// <param name="options">The options, or null for <see cref="AggregationOptions.Default"/>.</param>
    /// <param name="converter">Converts between units of measure, or null for <see cref="MeasureConverter.Default"/>.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="ArgumentNullException">The catalogue or the directory is null.</exception>
    public static AggregationEngine Create(IndicatorCatalogue catalogue, ReportingUnitDirectory directory, LocalDate asOf, AggregationOptions? options = null, IMeasureConverter? converter = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        AggregationEngine engine = Create(catalogue, directory.AsOf(asOf), asOf, options, converter);
        engine.Directory = directory;
        engine._boundaries = directory.ChangeDates.ToArray();
        engine._eraEngines = new ConcurrentDictionary<int, AggregationEngine>();
        engine._bridges = new ConcurrentDictionary<(int, int), Lazy<EraBridge>>();
        return engine;
    }

    /// <summary>The era (between two change dates of the directory) holding a day.</summary>
    internal int EraOf(LocalDate date)
    {
        int i = Array.BinarySearch(_boundaries, date);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>The first day of an era (its representative day for era 0).</summary>
    private LocalDate EraDay(int era) =>
        era > 0 ? _boundaries[era - 1] : _boundaries.Length > 0 ? _boundaries[0].PlusDays(-1) : AsOf;

    /// <summary>The engine of one era: this one for the era of <see cref="AsOf"/>, else one built on that era's tree.</summary>
    private AggregationEngine EraEngine(int era) => era == EraOf(AsOf)
        ? this
        : _eraEngines!.GetOrAdd(era, e =>
        {
            LocalDate day = e == 0 ? EraDay(0) : _boundaries[e - 1];
            return Create(Catalogue, Directory!.AsOf(day), day, Options, Converter);
        });

    /// <summary>The era a line is read in: that of its period's last day (a line for a period that straddles a change
    /// is read against the units in force at its end); a line without a period goes to the era of <see cref="AsOf"/>
    /// (where it is rejected).</summary>
    private int EraOfLine(in AggregationInput x) => x.Period.IsDefault ? EraOf(AsOf) : EraOf(x.Period.End);

    private AggregationResult AggregateByPeriod(AggregationInput[] all)
    {
        if (Options.OnCurrentUnits)
        {
            return AggregateOnCurrentUnits(all);
        }

        var byEra = new SortedDictionary<int, List<int>>();
        for (int i = 0; i < all.Length; i++)
        {
            int e = EraOfLine(all[i]);
            if (!byEra.TryGetValue(e, out List<int>? list))
            {
                byEra[e] = list = [];
            }

            list.Add(i);
        }

        if (byEra.Count <= 1)
        {
            // One era: exactly the single-hierarchy run on that era's units.
            return new Run(EraEngine(byEra.Count == 0 ? EraOf(AsOf) : byEra.Keys.First())).Execute(all);
        }

        var parts = new List<EraPart>(byEra.Count);
        foreach ((int era, List<int> lines) in byEra)
        {
            AggregationInput[] subset = lines.Select(i => all[i]).ToArray();
            parts.Add(new EraPart(new Run(EraEngine(era)).Execute(subset), lines.ToArray(), era));
        }

        // The bridge: every line on one tree, the last era's units plus the older versions under their successors.
        int first = byEra.Keys.First();
        int last = byEra.Keys.Last();
        EraBridge bridge = _bridges!.GetOrAdd((first, last), k => new Lazy<EraBridge>(() => BuildBridge(k.First, k.Last))).Value;
        var bridged = new AggregationInput[all.Length];
        for (int i = 0; i < all.Length; i++)
        {
            AggregationInput x = all[i];
            int e = EraOfLine(x);
            if (e < last && x.UnitCode is not null && Directory!.Find(x.UnitCode, x.Period.End) is { } version && bridge.KeyOf.TryGetValue(version.Id, out string? key))
            {
                x = x with { UnitCode = key };
            }

            bridged[i] = x;
        }

        AggregationResult bridgeResult = new Run(bridge.Engine).Execute(bridged);
        return AggregationResult.Combine(this, all, parts, new BridgePart(bridgeResult, bridge.ExistsFrom), []);
    }

    /// <summary>Remaps the lines of older units onto the units in force on <see cref="AsOf"/> and aggregates everything
    /// on them (<see cref="AggregationOptions.OnCurrentUnits"/>).</summary>
    private AggregationResult AggregateOnCurrentUnits(AggregationInput[] all)
    {
        ReportingUnitDirectory directory = Directory!;
        var current = new List<int>(all.Length);
        var older = new List<int>();
        for (int i = 0; i < all.Length; i++)
        {
            AggregationInput x = all[i];
            bool isOld = !x.Period.IsDefault && x.UnitCode is not null && EraOf(x.Period.End) < EraOf(AsOf)
                && directory.Find(x.UnitCode, x.Period.End) is { } then
                && directory.Find(x.UnitCode, AsOf)?.Id != then.Id;
            (isOld ? older : current).Add(i);
        }

        if (older.Count == 0)
        {
            return new Run(this).Execute(all);
        }

        RemapResult remapped = new HistoricalRemapper(Catalogue, directory.Successions, AsOf).Remap(older.Select(i => all[i]));
        var firstIndex = new Dictionary<AggregationInput, int>();
        foreach (int i in older)
        {
            firstIndex.TryAdd(all[i], i);
        }

        var issues = remapped.NotRemapped
            .Select(r => new AggregationIssue(
                firstIndex.TryGetValue(r.Value, out int at) ? at : -1,
                r.Value.IndicatorCode,
                r.Value.UnitCode,
                r.Value.Period.Id,
                $"Không chuyển sang đơn vị hiện hành ngày {AsOf:yyyy-MM-dd}: {r.ReasonVi}",
                $"Not remapped onto the units of {AsOf:yyyy-MM-dd}: {r.ReasonEn}"))
            .ToList();

        AggregationInput[] combined = current.Select(i => all[i]).Concat(remapped.Values).ToArray();
        int[] source = current.Concat(Enumerable.Repeat(-1, remapped.Values.Count)).ToArray();
        AggregationResult result = new Run(this).Execute(combined);
        return AggregationResult.Combine(this, all, [new EraPart(result, source, EraOf(AsOf))], null, issues);
    }

    /// <summary>The tree of the last era plus, as extra nodes keyed by their version id (<c>code@from</c>), every older
    /// version of the eras from <paramref name="first"/>: an old province under the province that succeeded it, every
    /// other old unit under its parent of the time.</summary>
    private EraBridge BuildBridge(int first, int last)
    {
        ReportingUnitDirectory directory = Directory!;
        LocalDate lastDay = last == 0 ? EraDay(0) : _boundaries[last - 1];
        AdministrativeHierarchy now = directory.AsOf(lastDay);
        var keyOf = new Dictionary<ReportingUnitId, string>();
        var existsFrom = new Dictionary<string, LocalDate?>(StringComparer.Ordinal);
        var nodes = new List<HierarchyUnit>();
        foreach (ReportingUnit u in now.Units)
        {
            keyOf[u.Id] = u.Code;
            nodes.Add(ToHierarchyUnit(u));
            existsFrom[u.Code] = u.Kind is ReportingUnitKind.Nation or ReportingUnitKind.Province ? null : u.ValidFrom ?? LocalDate.MinIsoValue;
        }

        LocalDate from = first == 0 ? LocalDate.MinIsoValue : _boundaries[first - 1];
        var older = directory.Units
            .Where(v => !keyOf.ContainsKey(v.Id) && v.ValidTo is { } to && to > from && to <= lastDay)
            .ToList();
        foreach (ReportingUnit v in older)
        {
            keyOf[v.Id] = v.Id.ToString();
        }

        var real = new Dictionary<string, HierarchyUnit>(StringComparer.Ordinal);
        foreach (ReportingUnit v in older)
        {
            LocalDate inside = v.ValidTo!.Value.PlusDays(-1);
            string? parent;
            if (v.Kind == ReportingUnitKind.Province)
            {
                ReportingUnit? successor = directory.Successions.MapForwardToProvince(v.Code, lastDay);
                parent = successor is not null && keyOf.ContainsKey(successor.Id) ? successor.Code : now.Nation?.Code;
            }
            else
            {
                parent = v.ParentCode is null ? null
                    : directory.Find(v.ParentCode, inside) is { } p && keyOf.TryGetValue(p.Id, out string? pk) ? pk : now.Nation?.Code;
            }

            HierarchyUnit node = ToHierarchyUnit(v);
            real[keyOf[v.Id]] = node;
            nodes.Add(node with { Code = keyOf[v.Id], ParentCode = parent });
        }

        // The bridge is read for straddling periods only; coverage there is not held against the threshold (see docs).
        Func<string, HierarchyUnit, bool>? expected = Options.ExpectedReporters;
        AggregationOptions options = Options with
        {
            CoverageMode = CoverageMode.Produce,
            OnCurrentUnits = false,
            ExpectedReporters = expected is null ? null : (ind, hu) => expected(ind, real.TryGetValue(hu.Code, out HierarchyUnit r) ? r : hu),
        };
        return new EraBridge(Create(Catalogue, nodes, lastDay, options, Converter), keyOf, existsFrom);
    }

    /// <summary>The tree spanning several eras and how older unit versions are keyed in it.</summary>
    private sealed record EraBridge(AggregationEngine Engine, Dictionary<ReportingUnitId, string> KeyOf, Dictionary<string, LocalDate?> ExistsFrom);
}

/// <summary>The run of one era: its result and, for each of its inputs, the index of the line in the caller's inputs
/// (−1 for a value made by remapping).</summary>
internal sealed record EraPart(AggregationResult Result, int[] SourceIndex, int Era);

/// <summary>The run on the bridge tree and, per unit code of the last era, the first day a row may cover
/// (null for provinces and the nation, which are always written).</summary>
internal sealed record BridgePart(AggregationResult Result, IReadOnlyDictionary<string, LocalDate?> ExistsFrom);
