using System.Text;
using Ktxh.Aggregation.Engine;
using Ktxh.Indicators;
using Ktxh.Indicators.Formulas;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation;

/// <summary>
/// The aggregation engine: built once per catalogue and administrative hierarchy (as of a date), then fed data values
/// as often as needed. Rolls every indicator up the hierarchy (communes → province → nation; agencies report at the
/// province) and across time (weeks and half-months → month → quarter → half-year → nine months → year, and the
/// year-to-date), each by its own rules from the catalogue.
/// </summary>
/// <remarks>
/// <para>Rules (DOMAIN.md, "Aggregation practice"): amounts are summed; stocks take the last value over time and are
/// summed over units; percentages, rates, averages and indices are never summed: a <see cref="AggregationMethod.Ratio"/>
/// is recomputed as Σnumerator / Σdenominator × factor at every level, a <see cref="AggregationMethod.Formula"/> is
/// evaluated on the aggregated operands (in dependency order), a weighted average is Σ(value × weight) / Σweight with the
/// weight indicator's value at the same unit and period. Values entered in another unit of measure are converted to
/// the indicator's unit before anything is added; a value in an incompatible unit is rejected and reported.</para>
/// <para>Each direction is applied in turn: first across units within each input period, then across time on the
/// unit aggregates. Every aggregate carries its coverage (units reported of units expected), the maturity of its
/// least mature input and flags; <see cref="AggregationOptions.CoverageMode"/> decides whether partial aggregates are
/// produced, flagged or withheld.</para>
/// <para>Exact: <see cref="decimal"/> throughout; nothing is rounded. A zero denominator gives a missing value flagged
/// <see cref="AggregateFlags.DivisionByZero"/>.</para>
/// <para>Thread safety: an engine is immutable after construction; <see cref="Aggregate"/> may be called from many
/// threads at once. Each call uses up to <see cref="AggregationOptions.MaxDegreeOfParallelism"/> threads.</para>
/// </remarks>
public sealed partial class AggregationEngine
{
    private readonly Dictionary<string, int> _indicatorIndex;

    private AggregationEngine(IndicatorCatalogue catalogue, HierarchyUnit[] units, LocalDate asOf, AggregationOptions options, IMeasureConverter converter)
    {
        Catalogue = catalogue;
        AsOf = asOf;
        Options = options;
        Converter = converter;
        UnitArray = units;
        Indicators = catalogue.Indicators.ToArray();
        _indicatorIndex = new Dictionary<string, int>(Indicators.Length, StringComparer.Ordinal);
        for (int i = 0; i < Indicators.Length; i++)
        {
            _indicatorIndex[Indicators[i].Code] = i;
        }

        Tree = new UnitTree(
            units.Select(u => u.Code).ToArray(),
            units.Select(u => u.ParentCode).ToArray(),
            units.Select(u => (int)u.Role).ToArray(),
            EnumerableKinds());
    }

    /// <summary>Per unit kind: whether all units of the kind are expected once one reports (not so for agencies, whose
    /// kinds differ: a Department of Health does not report a Treasury indicator).</summary>
    private static bool[] EnumerableKinds()
    {
        HierarchyRole[] roles = Enum.GetValues<HierarchyRole>();
        var enumerable = new bool[roles.Max(k => (int)k) + 1];
        foreach (HierarchyRole k in roles)
        {
            enumerable[(int)k] = k != HierarchyRole.Agency;
        }

        return enumerable;
    }

    /// <summary>The catalogue the engine aggregates by.</summary>
    public IndicatorCatalogue Catalogue { get; }

    /// <summary>The date the administrative hierarchy is taken at.</summary>
    public LocalDate AsOf { get; }

    /// <summary>The options.</summary>
    public AggregationOptions Options { get; }

    /// <summary>The units of the hierarchy.</summary>
    public IReadOnlyList<HierarchyUnit> Units => UnitArray;

    internal HierarchyUnit[] UnitArray { get; }

    internal Indicator[] Indicators { get; }

    internal UnitTree Tree { get; }

    internal IMeasureConverter Converter { get; }

    /// <summary>Builds an engine for a catalogue and a hierarchy of reporting units.</summary>
    /// <param name="catalogue">The indicator catalogue (rules, units of measure, numerators and denominators).</param>
    /// <param name="units">The hierarchy as it stands on <paramref name="asOf"/> (communes, provinces, the nation,
    /// agencies); a unit whose parent is absent is a root.</param>
    /// <param name="asOf">The date the hierarchy is taken at (e.g. on or after 1/7/2025 for the two-level government).</param>
    /// <param name="options">The options, or null for <see cref="AggregationOptions.Default"/>.</param>
    /// <param name="converter">Converts between units of measure, or null for <see cref="MeasureConverter.Default"/>.</param>
    /// <returns>The engine, with its indices precomputed.</returns>
    /// <exception cref="ArgumentNullException">The catalogue or the units are null.</exception>
    /// <exception cref="ArgumentException">Two units share a code, or the parent links form a cycle.</exception>
    public static AggregationEngine Create(IndicatorCatalogue catalogue, IEnumerable<HierarchyUnit> units, LocalDate asOf, AggregationOptions? options = null, IMeasureConverter? converter = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(units);
        HierarchyUnit[] all = units.ToArray();
        var duplicate = all.GroupBy(u => u.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException(
                $"Mã đơn vị {duplicate.Key} xuất hiện hai lần / Unit code {duplicate.Key} appears twice",
                nameof(units));
        }

        var engine = new AggregationEngine(catalogue, all, asOf, options ?? AggregationOptions.Default, converter ?? MeasureConverter.Default);
        if (engine.Tree.PostOrder.Length != all.Length)
        {
            throw new ArgumentException("Quan hệ cấp trên của các đơn vị tạo thành vòng / The parent links of the units form a cycle", nameof(units));
        }

        return engine;
    }

    /// <summary>Builds an engine for a catalogue and the administrative hierarchy as of a date (communes → province →
    /// nation; agencies at their province).</summary>
    /// <param name="catalogue">The indicator catalogue.</param>
    /// <param name="hierarchy">The hierarchy, e.g. <c>ReportingUnitDirectory.Vietnam.AsOf(date)</c>.</param>
    /// <param name="asOf">The date the hierarchy is taken at.</param>
    /// <param name="options">The options, or null for <see cref="AggregationOptions.Default"/>.</param>
    /// <param name="converter">Converts between units of measure, or null for <see cref="MeasureConverter.Default"/>.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="ArgumentNullException">The catalogue or the hierarchy is null.</exception>
    public static AggregationEngine Create(IndicatorCatalogue catalogue, AdministrativeHierarchy hierarchy, LocalDate asOf, AggregationOptions? options = null, IMeasureConverter? converter = null)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        return Create(catalogue, hierarchy.Units.Select(ToHierarchyUnit), asOf, options, converter);
    }

    /// <summary>The hierarchy node of a reporting unit.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>Its code, parent code and role.</returns>
    public static HierarchyUnit ToHierarchyUnit(ReportingUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        HierarchyRole role = unit.Kind switch
        {
            ReportingUnitKind.Nation => HierarchyRole.Nation,
            ReportingUnitKind.Province => HierarchyRole.Province,
            ReportingUnitKind.District => HierarchyRole.District,
            ReportingUnitKind.Commune => HierarchyRole.Commune,
            _ => HierarchyRole.Agency,
        };
        return new HierarchyUnit(unit.Code, unit.ParentCode, role);
    }

    /// <summary>Aggregates a set of values.</summary>
    /// <param name="inputs">The values: any order, any mix of indicators, units and periods; several revisions of the
    /// same value may be present.</param>
    /// <returns>The aggregates with coverage, maturity and flags, the inputs that were rejected and the indicators
    /// left out, each with the reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    public AggregationResult Aggregate(IEnumerable<AggregationInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // A file's inputs go as they are (their columns are staged without an input per line); anything else as an array.
        IReadOnlyList<AggregationInput> all = inputs as AggregationInput[] ?? inputs as AggregationInputs ?? (IReadOnlyList<AggregationInput>)inputs.ToArray();
        return Directory is null ? new Run(this).Execute(all) : AggregateByPeriod(all);
    }

    internal bool TryGetIndicator(string code, out int index)
    {
        if (_indicatorIndex.TryGetValue(code, out index))
        {
            return true;
        }

        if (Catalogue.TryGet(code, out Indicator indicator) && _indicatorIndex.TryGetValue(indicator.Code, out index))
        {
            return true;
        }

        index = -1;
        return false;
    }

    /// <summary>Converts a value to the indicator's unit of measure; null when it cannot be done exactly.</summary>
    internal decimal? Convert(int indicator, decimal value, string from)
    {
        string? to = Indicators[indicator].MeasureUnitCode;
        if (to is null || string.Equals(from, to, StringComparison.Ordinal))
        {
            return value;
        }

        return Converter.TryConvert(value, from, to, out decimal result) ? result : null;
    }

    internal static Rule ToRule(AggregationMethod method) => method switch
    {
        AggregationMethod.Sum => Rule.Sum,
        AggregationMethod.Last => Rule.Last,
        AggregationMethod.Average => Rule.Average,
        AggregationMethod.DayWeightedAverage => Rule.DayWeightedAverage,
        AggregationMethod.WeightedAverage => Rule.WeightedAverage,
        AggregationMethod.Min => Rule.Min,
        AggregationMethod.Max => Rule.Max,
        AggregationMethod.Count => Rule.Count,
        AggregationMethod.Ratio => Rule.Ratio,
        AggregationMethod.Formula => Rule.Formula,
        _ => Rule.None,
    };

    /// <summary>One call of <see cref="Aggregate"/>: interning, planning, the kernel, the result.</summary>
    private sealed class Run
    {
        private readonly AggregationEngine _engine;
        private readonly Dictionary<(int, string?), int> _seriesIndex = [];
        private readonly List<(int Indicator, string? Disaggregation)> _series = [];
        private readonly List<AggregationIssue> _issues = [];

        public Run(AggregationEngine engine) => _engine = engine;

        public AggregationResult Execute(IReadOnlyList<AggregationInput> inputs)
        {
            int n = inputs.Count;
            var sSeries = new int[n];
            var sUnit = new int[n];
            var sLeaf = new int[n];
            var sMat = new byte[n];
            var converted = new bool[n];
            var periods = new List<ReportingPeriod>();
            var convertedValues = new Dictionary<int, decimal>();
            AggregationInput[]? rows = inputs is AggregationInputs ? null : inputs as AggregationInput[] ?? inputs.ToArray();
            var staging = new Staging(sSeries, sUnit, sLeaf, sMat, converted, convertedValues, periods);
            int count = rows is null ? StageColumns((AggregationInputs)inputs, staging) : StageRows(rows, staging);

            // One period type per series: the finest wins, the others are rejected (a month and the quarter holding it
            // cannot both be inputs, one would be counted twice).
            var finest = new PeriodType[_series.Count];
            for (int k = 0; k < count; k++)
            {
                PeriodType t = periods[sLeaf[k]].Type;
                if (finest[sSeries[k]] == 0 || t < finest[sSeries[k]])
                {
                    finest[sSeries[k]] = t;
                }
            }

            int kept = 0;
            for (int k = 0; k < count; k++)
            {
                ReportingPeriod p = periods[sLeaf[k]];
                if (p.Type != finest[sSeries[k]])
                {
                    AggregationInput x = inputs[staging.SourceOf(k)];
                    Issue(staging.SourceOf(k), x,
                        $"Chỉ tiêu đã có số liệu kỳ {finest[sSeries[k]]}; không cộng thêm số liệu kỳ {p.Type} để tránh tính hai lần",
                        $"The indicator has {finest[sSeries[k]]} inputs; a {p.Type} input is not added as well, so nothing is counted twice");
                    continue;
                }

                sSeries[kept] = sSeries[k];
                sUnit[kept] = sUnit[k];
                sLeaf[kept] = sLeaf[k];
                sMat[kept] = sMat[k];
                staging.SetSource(kept, staging.SourceOf(k));
                converted[kept] = converted[k];
                kept++;
            }

            count = kept;

            // Only the periods of the lines kept: a rejected line never changes how the rest is aggregated.
            var keptPeriods = new bool[periods.Count];
            for (int k = 0; k < count; k++)
            {
                keptPeriods[sLeaf[k]] = true;
            }

            PeriodSlots slots = PeriodSlots.Build(periods.Where((_, p) => keptPeriods[p]), _engine.Options.WeekAssignment);
            var leafOfPeriod = new int[periods.Count];
            var slotOf = new Dictionary<ReportingPeriod, int>(slots.LeafCount);
            for (int l = 0; l < slots.LeafCount; l++)
            {
                slotOf[slots.Spans[l]] = l;
            }

            for (int p = 0; p < periods.Count; p++)
            {
                leafOfPeriod[p] = slotOf.TryGetValue(periods[p], out int leaf) ? leaf : -1;
            }

            for (int k = 0; k < count; k++)
            {
                sLeaf[k] = leafOfPeriod[sLeaf[k]];
            }

            SeriesPlan[] plans = Plan();
            // Values are read from the inputs (or, for a file read in full and in series order, lent by it), not staged.
            InputValues values = rows is null
                ? new InputValues(n, ((AggregationInputs)inputs).Values, FileValue((AggregationInputs)inputs), convertedValues)
                : new InputValues(n, null, i => rows[i].Value, convertedValues);
            var obs = new Observations(plans.Length, sSeries, sUnit, sLeaf, sMat, staging.Source, converted, count, values);

            // The staging arrays are dead from here on; let the collector take them before the kernel allocates.
            sSeries = sUnit = sLeaf = [];
            staging = null!;
            rows = null;
            sMat = [];
            converted = [];

            var settings = new KernelSettings
            {
                MaturityCeiling = (byte)(_engine.Options.Revisions.MaturityCeiling == 0 ? Maturity.Official : _engine.Options.Revisions.MaturityCeiling),
                CoverageMode = _engine.Options.CoverageMode,
                CoverageThreshold = _engine.Options.CoverageThreshold,
                MaxDegreeOfParallelism = _engine.Options.MaxDegreeOfParallelism,
                ExpectedUnits = _engine.Options.ExpectedReporters is null ? null : s => Expected(plans[s]),
            };

            // The grid has rows for the units that occur (and every unit above leaves), not for every commune.
            UnitRows unitRows = _engine.Options.FullGrid ? UnitRows.Full(_engine.Tree) : UnitRows.Of(_engine.Tree, obs);
            var kernel = new RollupKernel(_engine.Tree, unitRows, slots, plans, obs, settings);
            // Converted is set by the kernel on the inputs it uses, so that derived rows carry it too (issue 14 §2).
            SeriesResult?[] results = kernel.Run();

            var omissions = new List<AggregationIssue>();
            foreach (SeriesPlan plan in plans)
            {
                if (plan.NotAggregableReason is { } reason)
                {
                    string[] parts = reason.Split(" / ", 2);
                    omissions.Add(new AggregationIssue(-1, plan.IndicatorCode, null, null, parts[0], parts.Length > 1 ? parts[1] : parts[0]));
                }
            }

            ReportOverflows(plans, results, slots, omissions);
            ReportMissingWeights(plans, results, slots, omissions);
            ReportOwnFigures(plans, results, slots, omissions);

            // Rejected lines in the order of the file (as a run put together from several eras lists them), not in
            // the order the checks found them.
            List<AggregationIssue> rejected = _issues.Count < 2 ? _issues : [.. _issues.OrderBy(i => i.InputIndex < 0 ? int.MaxValue : i.InputIndex)];
            return new AggregationResult(_engine, inputs, slots, plans, results, obs, unitRows, rejected, omissions);
        }

        /// <summary>The staging arrays an input is accepted into (one slot per input, filled in input order).</summary>
        /// <remarks>Values are not staged; the value of each input converted to its indicator's unit of measure is kept by
        /// input index in <see cref="ConvertedValues"/>.</remarks>
        private sealed record Staging(int[] Series, int[] Unit, int[] Leaf, byte[] Maturity, bool[] Converted, Dictionary<int, decimal> ConvertedValues, List<ReportingPeriod> Periods)
        {
            /// <summary>The input of each slot, or null while slot k holds input k (every input so far accepted: a clean
            /// file needs no column for it).</summary>
            public int[]? Source { get; private set; }

            /// <summary>The input of a slot.</summary>
            public int SourceOf(int slot) => Source is null ? slot : Source[slot];

            /// <summary>Records the input of a slot; the column is made on the first slot that is not its input.</summary>
            public void SetSource(int slot, int input)
            {
                if (Source is null)
                {
                    if (slot == input)
                    {
                        return;
                    }

                    // Every slot so far holds its own input; later slots are written before they are read.
                    Source = new int[Series.Length];
                    for (int k = 0; k < Source.Length; k++)
                    {
                        Source[k] = k;
                    }
                }

                Source[slot] = input;
            }
        }

        /// <summary>The value of a file's input by index.</summary>
        private static Func<int, decimal> FileValue(AggregationInputs file)
        {
            CompactDecimals[] segments = file.Values;
            return i => segments[i >> AggregationInputs.SegmentShift][i & AggregationInputs.SegmentMask];
        }

        /// <summary>Accepts each input (known indicator and unit, a period, a valid maturity, a convertible unit of
        /// measure) into the staging arrays, or reports why not; returns how many were accepted.</summary>
        private int StageRows(AggregationInput[] inputs, Staging st)
        {
            var periodIndex = new Dictionary<ReportingPeriod, int>();
            List<ReportingPeriod> periods = st.Periods;
            int count = 0;

            // Cache of the last lookups: inputs usually come sorted by indicator, unit or period.
            string? lastInd = null;
            int lastIndIdx = -1;
            string? lastUnit = null;
            int lastUnitIdx = -1;
            ReportingPeriod lastPeriod = default;
            int lastPeriodIdx = -1;
            string? lastDis = null;
            int lastSeries = -1;
            int lastSeriesInd = -1;

            for (int i = 0; i < inputs.Length; i++)
            {
                ref readonly AggregationInput x = ref inputs[i];
                if (!ReferenceEquals(x.IndicatorCode, lastInd))
                {
                    lastInd = x.IndicatorCode;
                    if (x.IndicatorCode is null || !_engine.TryGetIndicator(x.IndicatorCode, out lastIndIdx))
                    {
                        lastIndIdx = -1;
                    }
                }

                if (lastIndIdx < 0)
                {
                    UnknownIndicator(i, x);
                    continue;
                }

                if (!ReferenceEquals(x.UnitCode, lastUnit))
                {
                    lastUnit = x.UnitCode;
                    if (x.UnitCode is null || !_engine.Tree.TryGetIndex(x.UnitCode, out lastUnitIdx))
                    {
                        lastUnitIdx = -1;
                    }
                }

                if (lastUnitIdx < 0)
                {
                    UnknownUnit(i, x);
                    continue;
                }

                if (x.Period.IsDefault)
                {
                    MissingPeriod(i, x);
                    continue;
                }

                if (x.Maturity is < Maturity.Estimate or > Maturity.Official)
                {
                    InvalidMaturity(i, x);
                    continue;
                }

                if (x.MeasureUnitCode is not null && !TryConvert(i, x, lastIndIdx, x.MeasureUnitCode, x.Value, st, count))
                {
                    continue;
                }

                if (lastPeriodIdx < 0 || !x.Period.Equals(lastPeriod))
                {
                    lastPeriod = x.Period;
                    if (!periodIndex.TryGetValue(x.Period, out lastPeriodIdx))
                    {
                        lastPeriodIdx = periods.Count;
                        periodIndex.Add(x.Period, lastPeriodIdx);
                        periods.Add(x.Period);
                    }
                }

                if (lastSeries < 0 || lastSeriesInd != lastIndIdx || !string.Equals(lastDis, x.Disaggregation, StringComparison.Ordinal))
                {
                    lastSeries = SeriesFor(lastIndIdx, Normalize(x.Disaggregation));
                    lastSeriesInd = lastIndIdx;
                    lastDis = x.Disaggregation;
                }

                st.Series[count] = lastSeries;
                st.Unit[count] = lastUnitIdx;
                st.Leaf[count] = lastPeriodIdx;
                st.Maturity[count] = (byte)x.Maturity;
                st.SetSource(count, i);
                count++;
            }

            return count;
        }

        /// <summary>As <see cref="StageRows"/>, from a file's columns: each distinct indicator, unit, period and
        /// (indicator, disaggregation) is looked up once through the file's ids, and an input is built only for a line
        /// that is reported. Same acceptance, same issues in the same order, same series order.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private int StageColumns(AggregationInputs file, Staging st)
        {
            var indicatorOf = new int[file.IndicatorCodes.Length];
            for (int k = 0; k < indicatorOf.Length; k++)
            {
                indicatorOf[k] = _engine.TryGetIndicator(file.IndicatorCodes[k], out int index) ? index : -1;
            }

            var unitOf = new int[file.UnitCodes.Length];
            for (int u = 0; u < unitOf.Length; u++)
            {
                unitOf[u] = _engine.Tree.TryGetIndex(file.UnitCodes[u], out int index) ? index : -1;
            }

            // Periods and series are numbered in order of first use by an accepted line, as line by line.
            var periodOf = new int[file.Periods.Length];
            Array.Fill(periodOf, -1);
            int disCount = file.Disaggregations.Length;
            long keys = (long)indicatorOf.Length * disCount;
            int[]? seriesTable = keys <= 1 << 22 ? new int[keys] : null;
            seriesTable?.AsSpan().Fill(-1);
            var seriesMap = new Dictionary<long, int>();
            List<ReportingPeriod> periods = st.Periods;
            int[][]? disIds = file.DisaggregationIds;
            int[][]? measureIds = file.MeasureIds;
            int count = 0;
            int segment = -1;
            IdSegment indicatorIds = default, unitIds = default, periodIds = default;
            for (int i = 0; i < file.Count; i++)
            {
                int s = i >> AggregationInputs.SegmentShift;
                int o = i & AggregationInputs.SegmentMask;
                if (s != segment)
                {
                    // The id columns' segments, looked up once a segment (their width is the column's).
                    segment = s;
                    indicatorIds = file.IndicatorIds[s];
                    unitIds = file.UnitIds[s];
                    periodIds = file.PeriodIds[s];
                }

                int fk = indicatorIds[o];
                int ind = indicatorOf[fk];
                if (ind < 0)
                {
                    UnknownIndicator(i, file[i]);
                    continue;
                }

                int unit = unitOf[unitIds[o]];
                if (unit < 0)
                {
                    UnknownUnit(i, file[i]);
                    continue;
                }

                int pid = periodIds[o];
                if (file.Periods[pid].IsDefault)
                {
                    MissingPeriod(i, file[i]);
                    continue;
                }

                byte maturity = file.Maturities[s][o];
                if (maturity is < (byte)Maturity.Estimate or > (byte)Maturity.Official)
                {
                    InvalidMaturity(i, file[i]);
                    continue;
                }

                int measure = measureIds is null ? 0 : measureIds[s][o];
                if (measure != 0 && !TryConvert(i, file[i], ind, file.MeasureUnits[measure]!, file.Values[s][o], st, count))
                {
                    continue;
                }

                int leaf = periodOf[pid];
                if (leaf < 0)
                {
                    leaf = periodOf[pid] = periods.Count;
                    periods.Add(file.Periods[pid]);
                }

                int dis = disIds is null ? 0 : disIds[s][o];
                long key = ((long)fk * disCount) + dis;
                int series;
                if (seriesTable is not null)
                {
                    series = seriesTable[key];
                    if (series < 0)
                    {
                        series = seriesTable[key] = SeriesFor(ind, Normalize(file.Disaggregations[dis]));
                    }
                }
                else if (!seriesMap.TryGetValue(key, out series))
                {
                    series = seriesMap[key] = SeriesFor(ind, Normalize(file.Disaggregations[dis]));
                }

                st.Series[count] = series;
                st.Unit[count] = unit;
                st.Leaf[count] = leaf;
                st.Maturity[count] = maturity;
                st.SetSource(count, i);
                count++;
            }

            return count;
        }

        /// <summary>Converts a value entered in another unit of measure to the indicator's; reports the input and returns
        /// false when that cannot be done exactly.</summary>
        private bool TryConvert(int i, in AggregationInput x, int indicator, string from, decimal value, Staging st, int slot)
        {
            decimal? convertedValue = _engine.Convert(indicator, value, from);
            if (convertedValue is null)
            {
                Issue(i, x,
                    $"Đơn vị tính '{from}' không quy đổi chính xác được sang '{_engine.Indicators[indicator].MeasureUnitCode}' của chỉ tiêu; giá trị không được cộng",
                    $"Unit of measure '{from}' cannot be converted exactly to the indicator's '{_engine.Indicators[indicator].MeasureUnitCode}'; the value is not added");
                return false;
            }

            if (!string.Equals(from, _engine.Indicators[indicator].MeasureUnitCode, StringComparison.Ordinal))
            {
                st.ConvertedValues[i] = convertedValue.Value;
                st.Converted[slot] = true;
            }

            return true;
        }

        private void UnknownIndicator(int i, in AggregationInput x) =>
            Issue(i, x, $"Chỉ tiêu '{x.IndicatorCode}' không có trong danh mục", $"Indicator '{x.IndicatorCode}' is not in the catalogue");

        private void UnknownUnit(int i, in AggregationInput x) =>
            Issue(i, x, $"Đơn vị báo cáo '{x.UnitCode}' không có trong hệ thống đơn vị ngày {_engine.AsOf:yyyy-MM-dd}", $"Reporting unit '{x.UnitCode}' is not in the hierarchy of {_engine.AsOf:yyyy-MM-dd}");

        private void MissingPeriod(int i, in AggregationInput x) => Issue(i, x, "Thiếu kỳ báo cáo", "The period is missing");

        private void InvalidMaturity(int i, in AggregationInput x) =>
            Issue(i, x, $"Mức độ hoàn thiện '{x.Maturity}' không hợp lệ", $"Maturity '{x.Maturity}' is not valid");

        /// <summary>One message per series whose aggregates overflow decimal (issue 9 §3): where the first one is and how
        /// many there are. The aggregates themselves are written without a value, flagged Overflow.</summary>
        private void ReportOverflows(SeriesPlan[] plans, SeriesResult?[] results, PeriodSlots slots, List<AggregationIssue> omissions)
        {
            foreach (SeriesResult? r in results)
            {
                if (r is not null)
                {
                    ReportCells(plans[r.Series], r, slots, r.Flags.Length, c => (r.Flags[c] & (int)AggregateFlags.Overflow) != 0, omissions, (count, unit, period) => (
                        $"{count} giá trị tổng hợp vượt quá phạm vi của kiểu decimal (đầu tiên: đơn vị {unit}, kỳ {period}); ghi không có giá trị, gắn cờ Overflow",
                        $"{count} aggregates overflow the decimal range (first: unit {unit}, period {period}); written without a value, flagged Overflow"));
                }
            }
        }

        /// <summary>One message per weighted-average series in which units reported a value without its weight (issue 14
        /// §1): how many rows, the first one, and what is missing. Those rows are written without a value, flagged
        /// MissingInput; the aggregates above them cover the units that have both.</summary>
        private void ReportMissingWeights(SeriesPlan[] plans, SeriesResult?[] results, PeriodSlots slots, List<AggregationIssue> omissions)
        {
            foreach (SeriesResult? r in results)
            {
                if (r is null || plans[r.Series].Weight < 0 || plans[r.Series].AcrossUnits != Rule.WeightedAverage)
                {
                    continue;
                }

                SeriesPlan plan = plans[r.Series];
                string weight = plans[plan.Weight].IndicatorCode;
                int leafCount = r.Slots.Count(g => g < slots.LeafCount);
                ReportCells(plan, r, slots, leafCount * r.Units,
                    c => r.Rows.IsLeaf[c % r.Units] && (r.Flags[c] & SeriesResult.Present) != 0 && (r.Flags[c] & SeriesResult.HasValue) == 0
                        && (r.Flags[c] & (int)AggregateFlags.MissingInput) != 0,
                    omissions,
                    (count, unit, period) => (
                        $"{count} giá trị của chỉ tiêu bình quân gia quyền thiếu quyền số '{weight}' (đầu tiên: đơn vị {unit}, kỳ {period}); dòng của đơn vị không có giá trị, gắn cờ MissingInput; số tổng hợp cấp trên chỉ gồm các đơn vị có quyền số",
                        $"{count} values of the weighted average lack their weight '{weight}' (first: unit {unit}, period {period}); the unit's row has no value, flagged MissingInput; the aggregates above cover only the units with a weight"));
            }
        }

        /// <summary>Counts the cells of a series (below <paramref name="cells"/>) that <paramref name="matches"/>, and adds
        /// one message naming how many and the unit and period of the first, or nothing when none matches.</summary>
        private void ReportCells(SeriesPlan plan, SeriesResult r, PeriodSlots slots, int cells, Func<int, bool> matches, List<AggregationIssue> omissions,
            Func<int, string, string, (string Vi, string En)> message)
        {
            int first = -1;
            int count = 0;
            for (int c = 0; c < cells; c++)
            {
                if (matches(c))
                {
                    first = first < 0 ? c : first;
                    count++;
                }
            }

            if (first < 0)
            {
                return;
            }

            string unit = _engine.UnitArray[r.Rows.UnitOf[first % r.Units]].Code;
            string period = slots.Spans[r.Slots[first / r.Units]].Id;
            (string vi, string en) = message(count, unit, period);
            omissions.Add(new AggregationIssue(-1, plan.IndicatorCode, unit, period, vi, en));
        }

        /// <summary>One message per unit and period where a unit entered its own figure while units under it entered theirs
        /// (issue 14 §2): the unit's own figure is its value (never added to its units'), and the difference is listed
        /// here for reconciliation.</summary>
        private void ReportOwnFigures(SeriesPlan[] plans, SeriesResult?[] results, PeriodSlots slots, List<AggregationIssue> omissions)
        {
            foreach (SeriesResult? r in results)
            {
                if (r?.OwnFigures is null)
                {
                    continue;
                }

                SeriesPlan plan = plans[r.Series];
                foreach ((int cell, decimal own, decimal? below) in r.OwnFigures)
                {
                    string unit = _engine.UnitArray[r.Rows.UnitOf[cell % r.Units]].Code;
                    string period = slots.Spans[r.Slots[cell / r.Units]].Id;
                    string b = below?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
                    string o = own.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    decimal diff = own;
                    string d = below is decimal bv && ExactDecimal.Add(ref diff, -bv) == 0 ? diff.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
                    string dis = plan.Disaggregation is null ? string.Empty : $" [{plan.Disaggregation}]";
                    omissions.Add(new AggregationIssue(
                        -1,
                        plan.IndicatorCode,
                        unit,
                        period,
                        $"Đối chiếu{dis}: đơn vị {unit} tự báo cáo {o}, các đơn vị trực thuộc tổng hợp được {b} (chênh lệch {d}); dùng số của đơn vị {unit}, không cộng hai lần",
                        $"Reconciliation{dis}: unit {unit} reported its own figure {o}, its units aggregate to {b} (difference {d}); the unit's own figure is used, nothing is counted twice"));
                }
            }
        }

        private bool[] Expected(SeriesPlan plan)
        {
            var expected = new bool[_engine.UnitArray.Length];
            Func<string, HierarchyUnit, bool> f = _engine.Options.ExpectedReporters!;
            for (int u = 0; u < expected.Length; u++)
            {
                expected[u] = f(plan.IndicatorCode, _engine.UnitArray[u]);
            }

            return expected;
        }

        private int SeriesFor(int indicator, string? disaggregation)
        {
            if (!_seriesIndex.TryGetValue((indicator, disaggregation), out int s))
            {
                s = _series.Count;
                _seriesIndex.Add((indicator, disaggregation), s);
                _series.Add((indicator, disaggregation));
            }

            return s;
        }

        /// <summary>Plans every series, adding the series its rules need (numerators, denominators, weights, operands).</summary>
        private SeriesPlan[] Plan()
        {
            AddDerivedSeries();
            var plans = new List<SeriesPlan>();
            for (int s = 0; s < _series.Count; s++)
            {
                plans.Add(PlanOne(s));
            }

            return plans.ToArray();
        }

        /// <summary>Adds a series for every derived indicator (ratio, formula) whose operands have data, for each
        /// disaggregation they have, until no more appear (a derived indicator may use another).</summary>
        private void AddDerivedSeries()
        {
            var derived = new List<(int Indicator, int[] Operands)>();
            for (int i = 0; i < _engine.Indicators.Length; i++)
            {
                Indicator ind = _engine.Indicators[i];
                AggregationRule rule = ind.AcrossUnits.Method is AggregationMethod.Ratio or AggregationMethod.Formula ? ind.AcrossUnits : ind.AcrossTime;
                if (rule.Method is AggregationMethod.Ratio or AggregationMethod.Formula && ind.ValueKind != ValueKind.Text)
                {
                    int[] ops = rule.ReferencedCodes.Select(c => _engine.TryGetIndicator(c, out int o) ? o : -1).Where(o => o >= 0).ToArray();
                    derived.Add((i, ops));
                }
            }

            bool added = true;
            while (added)
            {
                added = false;
                var present = _series.ToArray();
                foreach ((int ind, int[] ops) in derived)
                {
                    foreach ((int si, string? dis) in present)
                    {
                        if (Array.IndexOf(ops, si) >= 0 && !_seriesIndex.ContainsKey((ind, dis)))
                        {
                            SeriesFor(ind, dis);
                            added = true;
                        }
                    }
                }
            }
        }

        private SeriesPlan PlanOne(int s)
        {
            (int ind, string? dis) = _series[s];
            Indicator indicator = _engine.Indicators[ind];
            AggregationRule units = indicator.AcrossUnits;
            AggregationRule time = indicator.AcrossTime;
            string? reason = null;
            if (indicator.ValueKind == ValueKind.Text)
            {
                reason = "Chỉ tiêu dạng văn bản không tổng hợp được / A text indicator cannot be aggregated";
            }

            AggregationRule derived = units.Method is AggregationMethod.Ratio or AggregationMethod.Formula ? units : time;
            int num = -1;
            int den = -1;
            int weight = -1;
            int[] formulaInputs = [];
            DerivedEvaluator? evaluator = null;
            if (derived.Method == AggregationMethod.Ratio)
            {
                num = Dependency(derived.NumeratorCode, dis, ref reason);
                den = Dependency(derived.DenominatorCode, dis, ref reason);
            }
            else if (derived.Method == AggregationMethod.Formula)
            {
                Formula? formula = derived.Formula;
                if (formula is null)
                {
                    reason ??= "Thiếu công thức / The formula is missing";
                }
                else
                {
                    var map = new Dictionary<string, int>(StringComparer.Ordinal);
                    foreach (string code in formula.ReferencedCodes)
                    {
                        map[code] = Dependency(code, dis, ref reason);
                    }

                    formulaInputs = map.Values.Where(v => v >= 0).Distinct().ToArray();
                    evaluator = lookup => Evaluate(formula, map, lookup);
                }
            }

            AggregationRule weighted = units.Method == AggregationMethod.WeightedAverage ? units : time;
            if (weighted.Method == AggregationMethod.WeightedAverage)
            {
                weight = Dependency(weighted.WeightIndicatorCode, dis, ref reason);
            }

            if (units.Method == AggregationMethod.None && time.Method == AggregationMethod.None)
            {
                reason ??= "Danh mục đánh dấu chỉ tiêu không tổng hợp được / The catalogue marks the indicator as not aggregable";
            }

            return new SeriesPlan
            {
                Index = s,
                IndicatorCode = indicator.Code,
                Disaggregation = dis,
                AcrossUnits = ToRule(units.Method),
                AcrossTime = ToRule(time.Method),
                Numerator = num,
                Denominator = den,
                Factor = derived.Factor ?? 1m,
                Weight = weight,
                Formula = evaluator,
                FormulaInputs = formulaInputs,
                NotAggregableReason = reason,
            };
        }

        private static DerivedValue Evaluate(Formula formula, Dictionary<string, int> map, Func<int, decimal?> lookup)
        {
            FormulaResult r = formula.Evaluate(code => map.TryGetValue(code, out int s) && s >= 0 ? lookup(s) : null);
            AggregateFlags flags = r.Status switch
            {
                FormulaStatus.Ok => AggregateFlags.None,
                FormulaStatus.MissingInput => AggregateFlags.MissingInput,
                FormulaStatus.DivisionByZero => AggregateFlags.DivisionByZero,
                _ => AggregateFlags.Invalid,
            };
            return new DerivedValue(r.Status == FormulaStatus.Ok ? r.Value : null, flags);
        }

        private int Dependency(string? code, string? dis, ref string? reason)
        {
            if (code is null || !_engine.TryGetIndicator(code, out int ind))
            {
                reason ??= $"Chỉ tiêu thành phần '{code}' không có trong danh mục / The operand indicator '{code}' is not in the catalogue";
                return -1;
            }

            // A disaggregated ratio uses the same disaggregation of its operands.
            return SeriesFor(ind, dis);
        }

        private static string? Normalize(string? text) =>
            string.IsNullOrEmpty(text) ? null : text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

        private void Issue(int index, in AggregationInput x, string vi, string en) =>
            _issues.Add(new AggregationIssue(index, x.IndicatorCode ?? string.Empty, x.UnitCode, x.Period.IsDefault ? null : x.Period.Id, vi, en));
    }
}
