using System.Collections.Concurrent;
using Ktxh.Indicators;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation;

/// <summary>Per-period hierarchies (issue 9 §2): each period is aggregated on the units in force in it.</summary>
public sealed partial class AggregationEngine
{
    private AdministrativeHierarchy? _hierarchy;
    private ConcurrentDictionary<AdministrativeHierarchy, AggregationEngine>? _eraEngines;
    private ConcurrentDictionary<AdministrativeHierarchy, Lazy<EraBridge>>? _bridges;
    private ConcurrentDictionary<ReportingUnitId, LocalDate[]>? _chainDates;

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
        AdministrativeHierarchy hierarchy = directory.AsOf(asOf);
        AggregationEngine engine = Create(catalogue, hierarchy, asOf, options, converter);
        engine.Directory = directory;
        engine._hierarchy = hierarchy;
        engine._eraEngines = new ConcurrentDictionary<AdministrativeHierarchy, AggregationEngine>(ReferenceEqualityComparer.Instance);
        engine._bridges = new ConcurrentDictionary<AdministrativeHierarchy, Lazy<EraBridge>>(ReferenceEqualityComparer.Instance);
        return engine;
    }

    /// <summary>The era of a day among a run's boundaries: era i covers [boundary i−1, boundary i).</summary>
    internal static int EraOf(LocalDate[] boundaries, LocalDate date)
    {
        int i = Array.BinarySearch(boundaries, date);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>The engine on the tree in force on a day: this one when it is this engine's tree.</summary>
    private AggregationEngine EngineOn(LocalDate day)
    {
        AdministrativeHierarchy tree = Directory!.AsOf(day);
        return ReferenceEquals(tree, _hierarchy) ? this : _eraEngines!.GetOrAdd(tree, t => Create(Catalogue, t, day, Options, Converter));
    }

    /// <summary>The days on which the unit version a line names, or one of its ancestors, begins or ends: only these
    /// changes matter to the line (a change of agencies does not split a file of communes).</summary>
    // Created on first use (only a file spanning a change of units needs it): a dictionary keyed by a struct is
    // JIT-compiled at start-up in the ReadyToRun process.
    private LocalDate[] ChainDates(ReportingUnit version) => LazyInitializer.EnsureInitialized(ref _chainDates).GetOrAdd(version.Id, _ =>
    {
        var dates = new List<LocalDate>(4);
        for (ReportingUnit? u = version; u is not null;)
        {
            if (u.ValidFrom is { } f)
            {
                dates.Add(f);
            }

            if (u.ValidTo is { } t)
            {
                dates.Add(t);
            }

            LocalDate inside = u.ValidTo?.PlusDays(-1) ?? u.ValidFrom ?? LocalDate.MinIsoValue;
            u = u.ParentCode is null ? null : Directory!.Find(u.ParentCode, inside);
        }

        return dates.ToArray();
    });

    /// <summary>The indicators that must be aggregated together: an indicator and every indicator its rules read
    /// (numerator, denominator, formula operands, weight), transitively (computed once per engine).</summary>
    private Dictionary<string, int> Components => field ??= BuildComponents();

    private Dictionary<string, int> BuildComponents()
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Indicator ind in Indicators)
        {
            foreach (string code in ind.AcrossUnits.ReferencedCodes.Concat(ind.AcrossTime.ReferencedCodes))
            {
                if (TryGetIndicator(code, out int o))
                {
                    Union(ind.Code, Indicators[o].Code);
                }
            }
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new Dictionary<string, int>(Indicators.Length, StringComparer.Ordinal);
        foreach (Indicator ind in Indicators)
        {
            string root = Find(ind.Code);
            if (!ids.TryGetValue(root, out int id))
            {
                ids[root] = id = ids.Count;
            }

            result[ind.Code] = id;
        }

        return result;

        string Find(string x)
        {
            while (parent.TryGetValue(x, out string? p) && !string.Equals(p, x, StringComparison.Ordinal))
            {
                x = p;
            }

            return x;
        }

        void Union(string a, string b)
        {
            string ra = Find(a);
            string rb = Find(b);
            if (!string.Equals(ra, rb, StringComparison.Ordinal))
            {
                parent[ra] = rb;
            }
        }
    }

    /// <summary>Test hook: when set, a file within one era still takes the per-era path (to compare it with the
    /// single-era fast path).</summary>
    internal bool PerEraOnly { get; set; }

    /// <summary>
    /// Whether the whole file lies in one era of the directory, conservatively: no change day of the directory (of any
    /// unit, not only those the lines name) falls inside the calendar years that hold the lines' periods, which hold
    /// every period the lines roll up to (quarters, halves, nine months, the year, the year-to-date; a week's month or
    /// year is one of its own days). A line without a period counts as on <see cref="AsOf"/> (its era's run rejects it),
    /// and so does every line with <paramref name="withAsOf"/>. Then the per-era path would put every line in that one
    /// era, run it on the era's engine and return that run: the fast path does the same without looking each unit up.
    /// </summary>
    /// <param name="all">The lines.</param>
    /// <param name="withAsOf">Whether <see cref="AsOf"/> must be in the same era (for <see cref="AggregationOptions.OnCurrentUnits"/>).</param>
    /// <param name="day">The latest day among the lines' period ends (what the per-era path builds the era's engine on).</param>
    internal bool IsSingleEra(IReadOnlyList<AggregationInput> all, bool withAsOf, out LocalDate day)
    {
        LocalDate first = LocalDate.MaxIsoValue;
        LocalDate last = LocalDate.MinIsoValue;
        bool undated = withAsOf || all.Count == 0;
        ReportingPeriod previous = default;
        // A file's inputs hold each distinct period once: no line is looked at.
        IReadOnlyList<ReportingPeriod> periods = all is AggregationInputs file ? file.Periods : new LinePeriods(all);
        for (int i = 0; i < periods.Count; i++)
        {
            ReportingPeriod p = periods[i];
            if (p.IsDefault)
            {
                undated = true;
                continue;
            }

            // Files come sorted by something; consecutive lines mostly share the period.
            if (i > 0 && p.Equals(previous))
            {
                continue;
            }

            previous = p;
            first = p.Start < first ? p.Start : first;
            last = p.End > last ? p.End : last;
        }

        day = last;
        if (undated)
        {
            first = AsOf < first ? AsOf : first;
            last = AsOf > last ? AsOf : last;
            day = all.Count == 0 || AsOf > day ? AsOf : day;
        }

        LocalDate from = new(first.Year, 1, 1);
        LocalDate to = new(last.Year, 12, 31);
        IReadOnlyList<LocalDate> changes = Directory!.ChangeDates;
        for (int i = 0; i < changes.Count; i++)
        {
            if (changes[i] > from && changes[i] <= to)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The period of each line, as a list (the general path of <see cref="IsSingleEra"/>).</summary>
    private sealed class LinePeriods(IReadOnlyList<AggregationInput> lines) : IReadOnlyList<ReportingPeriod>
    {
        public int Count => lines.Count;

        public ReportingPeriod this[int index] => lines[index].Period;

        public IEnumerator<ReportingPeriod> GetEnumerator() => lines.Select(l => l.Period).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private AggregationResult AggregateByPeriod(IReadOnlyList<AggregationInput> all)
    {
        if (!PerEraOnly && IsSingleEra(all, Options.OnCurrentUnits, out LocalDate day))
        {
            // One era (for OnCurrentUnits: the era of AsOf, so no line names an older unit and nothing is remapped).
            return new Run(Options.OnCurrentUnits ? this : EngineOn(day)).Execute(all);
        }

        if (Options.OnCurrentUnits)
        {
            return AggregateOnCurrentUnits(all);
        }

        // The changes of units that matter to each group of indicators aggregated together: those of the units its
        // lines name, in the periods they name (a change of agencies does not split a series of communes; issue 9 §1).
        Dictionary<string, int> components = Components;
        var lineComponent = new int[all.Count];
        var componentDates = new Dictionary<int, SortedSet<LocalDate>>();

        // A file names each unit and period many times (one line per indicator): each (group, unit, period end) is
        // looked up once.
        var looked = new HashSet<(int Component, string Unit, LocalDate End)>();
        for (int i = 0; i < all.Count; i++)
        {
            AggregationInput x = all[i];
            int c = x.IndicatorCode is not null && TryGetIndicator(x.IndicatorCode, out int ind) ? components[Indicators[ind].Code] : -1;
            lineComponent[i] = c;
            if (!componentDates.TryGetValue(c, out SortedSet<LocalDate>? dates))
            {
                componentDates[c] = dates = [];
            }

            if (c >= 0 && !x.Period.IsDefault && x.UnitCode is not null && looked.Add((c, x.UnitCode, x.Period.End))
                && Directory!.Find(x.UnitCode, x.Period.End) is { } version)
            {
                dates.UnionWith(ChainDates(version));
            }
        }

        // Lines of unknown indicators go with the first group (they are rejected there, once).
        var groups = new Dictionary<string, (LocalDate[] Boundaries, List<int> Lines)>(StringComparer.Ordinal);
        var groupOfComponent = new Dictionary<int, string>();
        foreach ((int c, SortedSet<LocalDate> dates) in componentDates.Where(kv => kv.Key >= 0))
        {
            // One group per set of indicators aggregated together, never two sets merged because their dates agree:
            // an era's run uses the tree in force at the latest period end of its lines, so another set's lines would
            // move that day and change this set's units and expected counts (issue 9 §1; found by
            // ReformIndependenceTests, replay (11786288479191218877,1624704009131892883,49)).
            string key = c.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + string.Join(",", dates.Select(d => d.ToString("yyyy-MM-dd", null)));
            groupOfComponent[c] = key;
            if (!groups.ContainsKey(key))
            {
                groups[key] = (dates.ToArray(), []);
            }
        }

        if (groups.Count == 0)
        {
            groups[string.Empty] = ([], []);
        }

        string firstGroup = groups.Keys.First();
        for (int i = 0; i < all.Count; i++)
        {
            groups[lineComponent[i] >= 0 ? groupOfComponent[lineComponent[i]] : firstGroup].Lines.Add(i);
        }

        var built = new List<EraGroup>(groups.Count);
        foreach ((LocalDate[] boundaries, List<int> lines) in groups.Values)
        {
            EraGroup group = RunGroup(all, lines, boundaries);
            if (groups.Count == 1 && group.Parts.Count == 1 && group.Bridge is null)
            {
                // One group, one era: exactly the single-hierarchy run on that era's units.
                return group.Parts[0].Result;
            }

            built.Add(group);
        }

        return AggregationResult.Combine(this, all, built, []);
    }

    /// <summary>Aggregates a group of lines sharing their change dates: one run per era on that era's tree and, when
    /// the group has lines in several eras, a run on the bridge tree for the periods that straddle a change.</summary>
    private EraGroup RunGroup(IReadOnlyList<AggregationInput> all, List<int> lines, LocalDate[] boundaries)
    {
        if (lines.Count == 0)
        {
            return new EraGroup(boundaries, [new EraPart(new Run(this).Execute([]), [], 0)], null);
        }

        var byEra = new SortedDictionary<int, (List<int> Lines, LocalDate Day)>();
        foreach (int i in lines)
        {
            // A line for a period that straddles a change is read against the units in force at its end; a line
            // without a period goes with the era of the engine's date (where it is rejected).
            LocalDate end = all[i].Period.IsDefault ? AsOf : all[i].Period.End;
            int e = EraOf(boundaries, end);
            if (!byEra.TryGetValue(e, out var era))
            {
                era = ([], end);
            }

            era.Lines.Add(i);
            byEra[e] = (era.Lines, end > era.Day ? end : era.Day);
        }

        var parts = new List<EraPart>(byEra.Count);
        foreach ((int era, (List<int> eraLines, LocalDate day)) in byEra)
        {
            IReadOnlyList<AggregationInput> subset = eraLines.Count == all.Count ? all : eraLines.Select(i => all[i]).ToArray();
            parts.Add(new EraPart(new Run(EngineOn(day)).Execute(subset), eraLines.ToArray(), era));
        }

        if (parts.Count == 1)
        {
            return new EraGroup(boundaries, parts, null);
        }

        // The bridge: the group's lines on one tree, the last era's units plus the older versions under their successors.
        LocalDate lastDay = byEra.Values.Last().Day;
        AdministrativeHierarchy lastTree = Directory!.AsOf(lastDay);
        EraBridge bridge = _bridges!.GetOrAdd(lastTree, t => new Lazy<EraBridge>(() => BuildBridge(t, lastDay))).Value;
        var bridged = new AggregationInput[lines.Count];
        for (int k = 0; k < lines.Count; k++)
        {
            AggregationInput x = all[lines[k]];
            if (!x.Period.IsDefault && x.UnitCode is not null)
            {
                // A unit not in force in the line's period is rejected by its era's run; keep it out of the bridge too
                // (its code may name another unit there).
                x = x with
                {
                    UnitCode = Directory.Find(x.UnitCode, x.Period.End) is { } version && bridge.KeyOf.TryGetValue(version.Id, out string? key)
                        ? key
                        : x.UnitCode + "@?",
                };
            }

            bridged[k] = x;
        }

        AggregationResult bridgeResult = new Run(bridge.Engine).Execute(bridged);
        return new EraGroup(boundaries, parts, new BridgePart(bridgeResult, lines.ToArray(), bridge.ExistsFrom));
    }

    /// <summary>Remaps the lines of older units onto the units in force on <see cref="AsOf"/> and aggregates everything
    /// on them (<see cref="AggregationOptions.OnCurrentUnits"/>).</summary>
    private AggregationResult AggregateOnCurrentUnits(IReadOnlyList<AggregationInput> all)
    {
        ReportingUnitDirectory directory = Directory!;
        var current = new List<int>(all.Count);
        var older = new List<int>();
        for (int i = 0; i < all.Count; i++)
        {
            AggregationInput x = all[i];
            bool isOld = !x.Period.IsDefault && x.UnitCode is not null && x.Period.End < AsOf
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
        return AggregationResult.Combine(this, all, [new EraGroup([], [new EraPart(result, source, 0)], null)], issues);
    }

    /// <summary>The tree of the last era plus, as extra nodes keyed by their version id (<c>code@from</c>), every older
    /// version: an old province under the province that succeeded it, every other old unit under its parent of the
    /// time. Units are keyed by their plain code where the version is that of the last era.</summary>
    private EraBridge BuildBridge(AdministrativeHierarchy now, LocalDate lastDay)
    {
        ReportingUnitDirectory directory = Directory!;
        var keyOf = new Dictionary<ReportingUnitId, string>();
        var existsFrom = new Dictionary<string, LocalDate?>(StringComparer.Ordinal);
        var nodes = new List<HierarchyUnit>();
        foreach (ReportingUnit u in now.Units)
        {
            keyOf[u.Id] = u.Code;
            nodes.Add(ToHierarchyUnit(u));
            existsFrom[u.Code] = u.Kind is ReportingUnitKind.Nation or ReportingUnitKind.Province ? null : u.ValidFrom ?? LocalDate.MinIsoValue;
        }

        var older = directory.Units.Where(v => !keyOf.ContainsKey(v.Id) && v.ValidTo is { } to && to <= lastDay).ToList();
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

/// <summary>The run on the bridge tree, the index in the caller's inputs of each of its inputs and, per unit code of
/// the last era, the first day a row may cover (null for provinces and the nation, which are always written).</summary>
internal sealed record BridgePart(AggregationResult Result, int[] SourceIndex, IReadOnlyDictionary<string, LocalDate?> ExistsFrom);

/// <summary>Indicators aggregated together (they read one another, and their lines change units on the same days):
/// the change days, the run of each era and the bridge run.</summary>
internal sealed record EraGroup(LocalDate[] Boundaries, IReadOnlyList<EraPart> Parts, BridgePart? Bridge);
