using System.Buffers;
using System.Runtime.CompilerServices;

namespace Ktxh.Aggregation.Engine;

/// <summary>
/// The roll-up itself, on dense indices: for each series, the inputs go into a unit × leaf-period grid, are rolled
/// up the unit tree in one pass per leaf period (children before parents, each node added into its parent), and the
/// unit aggregates are then rolled across time into every target period.
/// </summary>
/// <remarks>
/// <para>Order of the two directions: across units first, then across time. The time rule therefore acts on the
/// unit aggregates of each sub-period (a stock of a province for a quarter is the province's stock in the quarter's
/// last month with data: the sum over communes of that month). Sums commute, so for additive indicators the order
/// does not matter.</para>
/// <para>Exactness: every sum and product is a <see cref="decimal"/> operation checked by <see cref="ExactDecimal"/>: a
/// result that decimal had to round is flagged <see cref="AggregateFlags.Inexact"/>, one beyond its range
/// <see cref="AggregateFlags.Overflow"/> (no value); both flags go up with every aggregate that holds the cell. A
/// quotient (average, weighted average, ratio, formula result) is rounded once, half to even, to 20 places (issue 14); rounding to the
/// indicator's precision is left to presentation.</para>
/// <para>Series are independent except through their dependencies (weights, numerators, denominators, formula
/// operands); they are processed in dependency waves, in parallel inside a wave. Each series writes only its own
/// result, so the run is thread-safe and its result does not depend on scheduling.</para>
/// </remarks>
internal sealed class RollupKernel
{
    private readonly UnitTree _tree;
    private readonly UnitRows _rows;
    private readonly PeriodSlots _slots;
    private readonly SeriesPlan[] _plans;
    private readonly Observations _obs;
    private readonly KernelSettings _settings;
    private readonly SeriesResult?[] _results;

    public RollupKernel(UnitTree tree, UnitRows rows, PeriodSlots slots, SeriesPlan[] plans, Observations obs, KernelSettings settings)
    {
        _tree = tree;
        _rows = rows;
        _slots = slots;
        _plans = plans;
        _obs = obs;
        _settings = settings;
        _results = new SeriesResult?[plans.Length];
    }

    /// <summary>Runs every series; returns the results (null for a series left out, with its plan saying why).</summary>
    public SeriesResult?[] Run()
    {
        foreach (int[] wave in Waves())
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _settings.MaxDegreeOfParallelism) };
            // Parallel.For, not ForEach over an int[]: its generic code over int would be compiled at start-up.
            Parallel.For(0, wave.Length, options, k => _results[wave[k]] = Process(wave[k]));
        }

        return _results;
    }

    /// <summary>Groups series into waves such that every dependency is in an earlier wave; a cycle is left out with a reason.</summary>
    private List<int[]> Waves()
    {
        int n = _plans.Length;
        var depth = new int[n];
        var state = new byte[n]; // 0 new, 1 visiting, 2 done
        for (int s = 0; s < n; s++)
        {
            Visit(s);
        }

        // The series of each depth in index order, depths ascending (without LINQ over int: in the ReadyToRun process
        // each generic instantiation over a value type is compiled at start-up).
        int maxDepth = -1;
        for (int s = 0; s < n; s++)
        {
            maxDepth = Math.Max(maxDepth, depth[s]);
        }

        var sizes = new int[maxDepth + 1];
        for (int s = 0; s < n; s++)
        {
            if (depth[s] >= 0)
            {
                sizes[depth[s]]++;
            }
        }

        var waves = new int[maxDepth + 1][];
        for (int d = 0; d <= maxDepth; d++)
        {
            waves[d] = new int[sizes[d]];
            sizes[d] = 0;
        }

        for (int s = 0; s < n; s++)
        {
            if (depth[s] >= 0)
            {
                waves[depth[s]][sizes[depth[s]]++] = s;
            }
        }

        var list = new List<int[]>(waves.Length);
        foreach (int[] wave in waves)
        {
            if (wave.Length > 0)
            {
                list.Add(wave);
            }
        }

        return list;

        int Visit(int s)
        {
            if (state[s] == 2)
            {
                return depth[s];
            }

            if (state[s] == 1)
            {
                return -1;
            }

            state[s] = 1;
            int d = 0;
            foreach (int dep in _plans[s].Dependencies())
            {
                int dd = Visit(dep);
                if (dd < 0)
                {
                    _plans[s].NotAggregableReason ??= "Công thức phụ thuộc vòng tròn / The formula depends on itself through a cycle";
                    d = -1;
                    break;
                }

                d = Math.Max(d, dd + 1);
            }

            state[s] = 2;
            depth[s] = d;
            return d;
        }
    }

    private SeriesResult? Process(int s)
    {
        SeriesPlan plan = _plans[s];
        if (plan.NotAggregableReason is not null)
        {
            return null;
        }

        if (plan.AcrossUnits == Rule.None && plan.AcrossTime == Rule.None)
        {
            plan.NotAggregableReason = "Chỉ tiêu không cộng dồn được theo quy tắc của danh mục / The catalogue marks the indicator as not aggregable";
            return null;
        }

        if (plan.IsDerived)
        {
            return ProcessDerived(plan);
        }

        if (plan.AcrossUnits is Rule.Last or Rule.DayWeightedAverage)
        {
            plan.NotAggregableReason = $"Quy tắc {plan.AcrossUnits} không áp dụng giữa các đơn vị / Rule {plan.AcrossUnits} does not apply across units";
            return null;
        }

        return _obs.SeriesStart[s] == _obs.SeriesStart[s + 1] ? null : ProcessBase(plan);
    }

    private SeriesResult ProcessBase(SeriesPlan plan)
    {
        int s = plan.Index;
        int n = _rows.Count;
        int from = _obs.SeriesStart[s];
        int to = _obs.SeriesStart[s + 1];

        // The series' own leaves (chronological, since global leaf slots are) and the targets they roll into.
        var leafUsed = new bool[_slots.LeafCount];
        for (int i = from; i < to; i++)
        {
            leafUsed[_obs.Leaf[i]] = true;
        }

        var targetUsed = new bool[_slots.Count];
        var local = new List<int>();
        for (int g = 0; g < _slots.LeafCount; g++)
        {
            if (leafUsed[g])
            {
                local.Add(g);
            }
        }

        // Not aggregable over time (None): the input periods only.
        if (plan.AcrossTime != Rule.None)
        {
            _slots.MarkTargets(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(local), targetUsed);
        }

        int leafCount = local.Count;
        for (int t = _slots.LeafCount; t < _slots.Count; t++)
        {
            if (targetUsed[t])
            {
                local.Add(t);
            }
        }

        var result = new SeriesResult(s, _rows, local.ToArray(), _slots.Count);

        // 1. Pick one input per (unit, leaf): the latest revision under the maturity ceiling.
        var chosen = ChooseRevisions(from, to, result, leafCount, out bool[] revised);

        // 2. Leaves into the grid, then up the unit tree, one leaf period at a time.
        Rule ur = plan.AcrossUnits;
        int cells = n * leafCount;
        // Scratch grids, rented and cleared (only the result arrays stay).
        decimal[] sum = ArrayPool<decimal>.Shared.Rent(cells);
        decimal[]? wgt = ur == Rule.WeightedAverage ? ArrayPool<decimal>.Shared.Rent(cells) : null;
        int[] cnt = ArrayPool<int>.Shared.Rent(cells);
        byte[] mat = ArrayPool<byte>.Shared.Rent(cells);
        int[] flg = ArrayPool<int>.Shared.Rent(cells);
        Array.Clear(sum, 0, cells);
        if (wgt is not null)
        {
            Array.Clear(wgt, 0, cells);
        }

        Array.Clear(cnt, 0, cells);
        Array.Clear(flg, 0, cells);
        Array.Fill(mat, byte.MaxValue, 0, cells);
        SeriesResult? weight = plan.Weight >= 0 ? _results[plan.Weight] : null;
        FillGrid(chosen, revised, cells, ur, weight, result, sum, wgt, cnt, mat, flg);

        int[] expected = ExpectedCounts(plan, chosen, leafCount);
        result.Expected = expected;
        Dictionary<int, Below>? below = RollUpUnits(leafCount, ur, chosen, sum, wgt, cnt, mat, flg);

        // A unit with its own figure covers every unit expected under it (its units' lines were not added to it).
        Dictionary<int, int> ownDelta = OwnFigureCoverage(chosen, expected, leafCount);
        if (below is not null)
        {
            result.OwnFigures = below.OrderBy(x => x.Key).Select(x => (x.Key, _obs.Value[chosen[x.Key]], x.Value.Value(ur))).ToList();
        }

        // Unit aggregates of each leaf period.
        UnitAggregates(result, cells, ur, chosen, ownDelta, sum, wgt, cnt, mat, flg);

        ArrayPool<decimal>.Shared.Return(sum);
        if (wgt is not null)
        {
            ArrayPool<decimal>.Shared.Return(wgt);
        }

        ArrayPool<int>.Shared.Return(cnt);
        ArrayPool<byte>.Shared.Return(mat);
        ArrayPool<int>.Shared.Return(flg);

        // 3. Across time, for every target slot of the series.
        RollAcrossTime(plan, result, leafCount, chosen);
        ApplyCoverage(result, expected);
        return result;
    }

    // The loops of ProcessBase, each compiled optimised at its first call (ReadyToRun code of a loop cannot inline
    // CoreLib: Span, Math, decimal); small methods, so that the JIT compiles little at start-up.

    /// <summary>The chosen input of each cell (unit row × leaf) into the scratch grid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillGrid(int[] chosen, bool[] revised, int cells, Rule ur, SeriesResult? weight, SeriesResult result,
        decimal[] sum, decimal[]? wgt, int[] cnt, byte[] mat, int[] flg)
    {
        int n = _rows.Count;
        for (int c = 0; c < cells; c++)
        {
            int i = chosen[c];
            if (i < 0)
            {
                continue;
            }

            decimal v = _obs.Value[i];
            if (ur == Rule.WeightedAverage)
            {
                decimal? w = weight?.ValueAt(c % n, result.Slots[c / n]);
                if (w is null)
                {
                    // The unit reported but its weight is missing: its row says so (issue 14 §1), its value is not used.
                    flg[c] |= (int)AggregateFlags.MissingInput | SeriesResult.Present;
                    mat[c] = _obs.Maturity[i];
                    continue;
                }

                flg[c] |= ExactDecimal.Multiply(v, w.Value, out sum[c]);
                wgt![c] = w.Value;
            }
            else
            {
                sum[c] = v;
            }

            cnt[c] = 1;
            mat[c] = _obs.Maturity[i];
            if (revised[c])
            {
                flg[c] |= (int)AggregateFlags.Revised;
            }

            // Converted goes with the input actually used, up the units and over time, and into derived rows.
            if (_obs.Converted is { } converted && converted[i])
            {
                flg[c] |= (int)AggregateFlags.Converted;
            }
        }
    }

    /// <summary>Each leaf period's grid up the unit tree (children before parents); returns what the units under a unit
    /// with its own figure aggregate to, by cell, or null when there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Dictionary<int, Below>? RollUpUnits(int leafCount, Rule ur, int[] chosen, decimal[] sum, decimal[]? wgt, int[] cnt, byte[] mat, int[] flg)
    {
        int n = _rows.Count;
        int[] post = _rows.PostOrder;
        int[] parent = _rows.Parent;
        Dictionary<int, Below>? below = null;
        // Not aggregable across units (None): every unit keeps its own value, nothing goes up.
        for (int l = 0; l < leafCount && ur != Rule.None; l++)
        {
            int b = l * n;
            foreach (int node in post)
            {
                int p = parent[node];
                int c = b + node;
                if (p < 0 || cnt[c] == 0 && flg[c] == 0)
                {
                    continue;
                }

                int pc = b + p;
                if (chosen[pc] >= 0)
                {
                    // The parent entered its own figure for this period: it is the parent's value; what its units
                    // entered is aggregated in their own rows and compared, never added to it (issue 14 §2).
                    if (cnt[c] > 0)
                    {
                        AddBelow(ref below, pc, ur, sum[c], wgt?[c] ?? 0m, cnt[c]);
                    }

                    continue;
                }

                flg[pc] |= flg[c];
                if (cnt[c] == 0)
                {
                    continue;
                }

                if (cnt[pc] == 0)
                {
                    sum[pc] = sum[c];
                }
                else
                {
                    switch (ur)
                    {
                        case Rule.Min:
                            sum[pc] = Math.Min(sum[pc], sum[c]);
                            break;
                        case Rule.Max:
                            sum[pc] = Math.Max(sum[pc], sum[c]);
                            break;
                        default:
                            flg[pc] |= ExactDecimal.Add(ref sum[pc], sum[c]);
                            break;
                    }
                }

                if (wgt is not null)
                {
                    flg[pc] |= ExactDecimal.Add(ref wgt[pc], wgt[c]);
                }

                cnt[pc] += cnt[c];
                if (mat[c] < mat[pc])
                {
                    mat[pc] = mat[c];
                }
            }
        }

        return below;
    }

    /// <summary>Adds a unit's aggregate to what the units under its parent (which has its own figure) aggregate to.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void AddBelow(ref Dictionary<int, Below>? below, int cell, Rule ur, decimal sum, decimal weight, int count)
    {
        below ??= [];
        below[cell] = below.TryGetValue(cell, out Below acc) ? acc.Add(ur, sum, weight, count) : new Below(sum, weight, count);
    }

    /// <summary>The unit aggregates of the leaf periods from the grid into the result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UnitAggregates(SeriesResult result, int cells, Rule ur, int[] chosen, Dictionary<int, int> ownDelta,
        decimal[] sum, decimal[]? wgt, int[] cnt, byte[] mat, int[] flg)
    {
        for (int c = 0; c < cells; c++)
        {
            result.Reported[c] = cnt[c] + (ownDelta.Count == 0 ? 0 : ownDelta.GetValueOrDefault(c));
            // A row without a counted unit keeps the maturity of its own line (a value missing its weight), else none.
            result.Maturity[c] = mat[c] == byte.MaxValue ? (byte)0 : mat[c];
            int f = flg[c];
            if (cnt[c] > 0 && (f & ExactDecimal.Overflow) != 0)
            {
                // Beyond decimal's range: no value, the flag says why (and goes up with every aggregate holding it).
            }
            else if (cnt[c] > 0)
            {
                switch (ur)
                {
                    case Rule.Sum:
                    case Rule.None:
                    case Rule.Min:
                    case Rule.Max:
                        result.Value[c] = sum[c];
                        f |= SeriesResult.HasValue;
                        break;
                    case Rule.Count:
                        // A unit's own line is its figure (the count it reports); above, the number of units with a value.
                        result.Value[c] = chosen[c] >= 0 ? _obs.Value[chosen[c]] : cnt[c];
                        f |= SeriesResult.HasValue;
                        break;
                    case Rule.Average:
                        f |= ExactDecimal.Divide(sum[c], cnt[c], out decimal mean);
                        if ((f & ExactDecimal.Overflow) == 0)
                        {
                            result.Value[c] = mean;
                            f |= SeriesResult.HasValue;
                        }

                        break;
                    case Rule.WeightedAverage:
                        if (wgt![c] == 0m)
                        {
                            f |= (int)AggregateFlags.DivisionByZero;
                        }
                        else
                        {
                            f |= ExactDecimal.Divide(sum[c], wgt[c], out decimal q);
                            if ((f & ExactDecimal.Overflow) == 0)
                            {
                                result.Value[c] = q;
                                f |= SeriesResult.HasValue;
                            }
                        }

                        break;
                }
            }
            else if ((f & SeriesResult.Present) == 0)
            {
                f |= (int)AggregateFlags.NoData;
            }

            result.Flags[c] = (ushort)f;
        }
    }

    /// <summary>How much to add to the reported count of each cell (leaf period × unit) so that a unit with its own
    /// figure covers every unit expected under it, and the units above it (up to the next unit with its own figure)
    /// count those too. The count of values (used by means and counts) is not changed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Dictionary<int, int> OwnFigureCoverage(int[] chosen, int[] expected, int leafCount)
    {
        int n = _rows.Count;
        var delta = new Dictionary<int, int>();
        for (int l = 0; l < leafCount; l++)
        {
            int b = l * n;
            for (int u = 0; u < n; u++)
            {
                int d = Math.Max(expected[_rows.UnitOf[u]], 1) - 1;
                if (chosen[b + u] < 0 || _rows.IsLeaf[u] || d == 0)
                {
                    continue;
                }

                for (int a = u; a >= 0 && (a == u || chosen[b + a] < 0); a = _rows.Parent[a])
                {
                    delta[b + a] = delta.GetValueOrDefault(b + a) + d;
                }
            }
        }

        return delta;
    }

    /// <summary>What the units under a unit with its own figure aggregate to (sum, weight total, count, and min/max in
    /// <see cref="Sum"/> for those rules).</summary>
    private readonly record struct Below(decimal Sum, decimal Weight, int Count)
    {
        public Below Add(Rule rule, decimal sum, decimal weight, int count) => rule switch
        {
            Rule.Min => new Below(Math.Min(Sum, sum), 0m, Count + count),
            Rule.Max => new Below(Math.Max(Sum, sum), 0m, Count + count),
            _ => new Below(Sum + sum, Weight + weight, Count + count),
        };

        public decimal? Value(Rule rule) => rule switch
        {
            Rule.Count => Count,
            Rule.Average => ExactDecimal.Divide(Sum, Count, out decimal m) == 0 ? m : null,
            Rule.WeightedAverage => Weight == 0m ? null : ExactDecimal.Divide(Sum, Weight, out decimal w) == 0 ? w : null,
            _ => Sum,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] ChooseRevisions(int from, int to, SeriesResult result, int leafCount, out bool[] revised)
    {
        int n = _rows.Count;
        var chosen = new int[n * leafCount];
        revised = new bool[n * leafCount];
        Array.Fill(chosen, -1);
        byte ceiling = _settings.MaturityCeiling;
        for (int i = from; i < to; i++)
        {
            if (_obs.Maturity[i] > ceiling)
            {
                continue;
            }

            int c = (result.LocalOfGlobal[_obs.Leaf[i]] * n) + _rows.RowOf[_obs.Unit[i]];
            int old = chosen[c];
            if (old < 0)
            {
                chosen[c] = i;
            }
            else
            {
                revised[c] = true;

                // The more mature revision wins; between equals, the later input (the newer revision).
                if (_obs.Maturity[i] >= _obs.Maturity[old])
                {
                    chosen[c] = i;
                }
            }
        }

        return chosen;
    }

    /// <summary>
    /// Rolls the unit aggregates of the leaf periods into every target period. Targets are computed smallest first,
    /// each from the largest already-computed target it contains plus its remaining leaves (a year-to-date from the
    /// previous one plus a month; a year from the nine months plus three months), so a national run visits each leaf a
    /// few times instead of once per target. The accumulators merged (sum, count, Σvalue × days, Σweight, min, max,
    /// last leaf) are associative, so the result equals a direct roll-up from the leaves.
    /// </summary>
    /// <param name="plan">The series.</param>
    /// <param name="result">Its result, leaves filled in.</param>
    /// <param name="leafCount">The number of local leaves.</param>
    /// <param name="chosen">The input chosen per unit and leaf, or null for a derived series (whose coverage in a target
    /// is then the smallest coverage of its sub-periods).</param>
    private void RollAcrossTime(SeriesPlan plan, SeriesResult result, int leafCount, int[]? chosen)
    {
        int n = _rows.Count;
        Rule tr = plan.AcrossTime;
        SeriesResult? weight = plan.Weight >= 0 ? _results[plan.Weight] : null;
        int targetCount = result.Slots.Length - leafCount;
        if (targetCount == 0)
        {
            return;
        }

        // Each reporter's leaves as a bit mask (when they fit in 64 bits) to count the units complete in a target.
        bool useMasks = chosen is not null && leafCount <= 64;
        var masks = new ulong[n];
        var reporters = new List<int>();
        var nodeHasData = new bool[n];
        // Cell c is leaf c / n of unit row c % n: walked leaf by leaf, without a division per cell.
        for (int l = 0, b = 0; l < leafCount && b < result.Flags.Length; l++, b += n)
        {
            for (int u = 0; u < n; u++)
            {
                if (result.Reported[b + u] > 0 || (result.Flags[b + u] & ~(int)AggregateFlags.NoData) != 0)
                {
                    nodeHasData[u] = true;
                }
            }
        }

        if (useMasks)
        {
            for (int l = 0, b = 0; b < chosen!.Length; l++, b += n)
            {
                for (int u = 0; u < n; u++)
                {
                    if (chosen[b + u] >= 0)
                    {
                        if (masks[u] == 0)
                        {
                            reporters.Add(u);
                        }

                        masks[u] |= 1UL << l;
                    }
                }
            }
        }

        // The local leaves of every target, and the order in which targets are computed (fewest leaves first).
        var leavesOf = new int[targetCount][];
        var maskOf = new ulong[targetCount];
        for (int j = 0; j < targetCount; j++)
        {
            int g = result.Slots[leafCount + j];
            leavesOf[j] = LocalLeaves(_slots.LeavesOf[g], result.LocalOfGlobal);
            foreach (int l in leavesOf[j])
            {
                maskOf[j] |= useMasks ? 1UL << l : 0UL;
            }
        }

        // Fewest leaves first, then in slot order (a stable insertion sort: a series has a few dozen targets).
        var order = new int[targetCount];
        for (int j = 0; j < targetCount; j++)
        {
            int k = j;
            while (k > 0 && leavesOf[order[k - 1]].Length > leavesOf[j].Length)
            {
                order[k] = order[k - 1];
                k--;
            }

            order[k] = j;
        }

        // Accumulators of every target, one block of n per target, rented: they are scratch, only the values stay.
        int total = targetCount * n;
        decimal[] accSum = ArrayPool<decimal>.Shared.Rent(total);
        decimal[] accW = ArrayPool<decimal>.Shared.Rent(total);
        int[] accCnt = ArrayPool<int>.Shared.Rent(total);
        int[] accLast = ArrayPool<int>.Shared.Rent(total);
        byte[] accMat = ArrayPool<byte>.Shared.Rent(total);
        int[] accFlg = ArrayPool<int>.Shared.Rent(total);
        try
        {
            RollTargets(plan, result, leafCount, chosen, order, leavesOf, maskOf, useMasks, masks, reporters, nodeHasData, weight, accSum, accW, accCnt, accLast, accMat, accFlg);
        }
        finally
        {
            ArrayPool<decimal>.Shared.Return(accSum);
            ArrayPool<decimal>.Shared.Return(accW);
            ArrayPool<int>.Shared.Return(accCnt);
            ArrayPool<int>.Shared.Return(accLast);
            ArrayPool<byte>.Shared.Return(accMat);
            ArrayPool<int>.Shared.Return(accFlg);
        }
    }

    private void RollTargets(
        SeriesPlan plan,
        SeriesResult result,
        int leafCount,
        int[]? chosen,
        int[] order,
        int[][] leavesOf,
        ulong[] maskOf,
        bool useMasks,
        ulong[] masks,
        List<int> reporters,
        bool[] nodeHasData,
        SeriesResult? weight,
        decimal[] accSum,
        decimal[] accW,
        int[] accCnt,
        int[] accLast,
        byte[] accMat,
        int[] accFlg)
    {
        int n = _rows.Count;
        Rule tr = plan.AcrossTime;
        var done = new List<int>();
        var complete = new int[n];

        // Whether a unit above the leaves entered a figure of its own (else none is complete by its own figures).
        bool ownFigures = false;
        for (int c = 0; chosen is not null && c < chosen.Length && !ownFigures; c += n)
        {
            for (int u = 0; u < n; u++)
            {
                if (chosen[c + u] >= 0 && !_rows.IsLeaf[u])
                {
                    ownFigures = true;
                    break;
                }
            }
        }

        foreach (int j in order)
        {
            int t = leafCount + j;
            int g = result.Slots[t];
            int[] leaves = leavesOf[j];
            bool incomplete = leaves.Length < _slots.ExpectedLeavesOf(g, result.Slots[leaves[0]]);

            // The largest computed target inside this one.
            int baseJ = -1;
            if (useMasks)
            {
                foreach (int d in done)
                {
                    if ((maskOf[d] & ~maskOf[j]) == 0 && (baseJ < 0 || leavesOf[d].Length > leavesOf[baseJ].Length))
                    {
                        baseJ = d;
                    }
                }
            }

            int[] rest = baseJ < 0 ? leaves : LeavesOutside(leaves, maskOf[baseJ]);
            Span<decimal> sum = accSum.AsSpan(j * n, n);
            Span<decimal> w = accW.AsSpan(j * n, n);
            Span<int> cnt = accCnt.AsSpan(j * n, n);
            Span<int> last = accLast.AsSpan(j * n, n);
            Span<byte> mat = accMat.AsSpan(j * n, n);
            Span<int> flg = accFlg.AsSpan(j * n, n);
            if (baseJ >= 0)
            {
                accSum.AsSpan(baseJ * n, n).CopyTo(sum);
                accW.AsSpan(baseJ * n, n).CopyTo(w);
                accCnt.AsSpan(baseJ * n, n).CopyTo(cnt);
                accLast.AsSpan(baseJ * n, n).CopyTo(last);
                accMat.AsSpan(baseJ * n, n).CopyTo(mat);
                accFlg.AsSpan(baseJ * n, n).CopyTo(flg);
            }
            else
            {
                sum.Clear();
                w.Clear();
                cnt.Clear();
                flg.Clear();
                last.Fill(-1);
                mat.Fill(byte.MaxValue);
            }

            // Leaf by leaf over the unit rows (each row's leaves still added in the same order): the cells of a leaf
            // are contiguous.
            if (tr is Rule.Sum or Rule.Average)
            {
                foreach (int l in rest)
                {
                    int lb = l * n;
                    AddLeafSums(l, result.Flags.AsSpan(lb, n), result.Value, lb, result.Maturity.AsSpan(lb, n), nodeHasData, sum, cnt, last, mat, flg);
                }
            }
            else
            {
                foreach (int l in rest)
                {
                    for (int node = 0; node < n; node++)
                    {
                        if (nodeHasData[node])
                        {
                            AddLeaf(tr, result, weight, l, node, n, sum, w, cnt, last, mat, flg);
                        }
                    }
                }
            }

            done.Add(j);

            // Units that reported every sub-period present in the target.
            Array.Clear(complete);
            if (tr != Rule.Last && chosen is null)
            {
                for (int node = 0; node < n; node++)
                {
                    int min = int.MaxValue;
                    foreach (int l in leaves)
                    {
                        min = Math.Min(min, result.Reported[(l * n) + node]);
                    }

                    complete[node] = min == int.MaxValue ? 0 : min;
                }
            }
            else if (tr != Rule.Last)
            {
                if (useMasks)
                {
                    CountComplete(maskOf[j], masks, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(reporters), complete);
                }
                else
                {
                    for (int u = 0; u < n; u++)
                    {
                        bool all = true;
                        foreach (int l in leaves)
                        {
                            all &= chosen![(l * n) + u] >= 0;
                        }

                        if (all)
                        {
                            complete[u]++;
                        }
                    }
                }

                // A unit complete by its own figures covers every unit expected under it (issue 14 §2).
                bool[]? self = null;
                for (int u = 0; u < n && ownFigures; u++)
                {
                    if (complete[u] > 0 && !_rows.IsLeaf[u])
                    {
                        self ??= new bool[n];
                        self[u] = true;
                    }
                }

                if (self is null)
                {
                    AddUp(complete, _rows.PostOrder, _rows.Parent);
                }
                else
                {
                    foreach (int node in _rows.PostOrder)
                    {
                        if (self[node])
                        {
                            complete[node] = Math.Max(1, result.Expected[_rows.UnitOf[node]]);
                        }

                        int p = _rows.Parent[node];
                        if (p >= 0 && !self[p])
                        {
                            complete[p] += complete[node];
                        }
                    }
                }
            }

            WriteTarget(result, tr, t * n, incomplete, leaves[^1], complete, sum, w, cnt, last, mat, flg);
        }
    }

    /// <summary>A target's accumulators into its cells of the result (the last loop of <see cref="RollTargets"/>, compiled
    /// optimised at its first call).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteTarget(SeriesResult result, Rule tr, int tb, bool incomplete, int lastLeaf, int[] complete,
        Span<decimal> sum, Span<decimal> w, Span<int> cnt, Span<int> last, Span<byte> mat, Span<int> flg)
    {
        int n = cnt.Length;
        for (int node = 0; node < n; node++)
        {
            int cell = tb + node;
            int f = flg[node];
            if (cnt[node] == 0)
            {
                result.Flags[cell] = (ushort)(f | ((f & (ExactDecimal.Overflow | SeriesResult.Present)) != 0 ? 0 : (int)AggregateFlags.NoData));
                continue;
            }

            // No decimal? here: in ReadyToRun code its Value is a call per cell.
            bool hasValue = true;
            decimal value;
            switch (tr)
            {
                case Rule.Sum:
                case Rule.Min:
                case Rule.Max:
                    value = sum[node];
                    break;
                case Rule.Average:
                    value = WeightedMean(sum[node], cnt[node], ref f);
                    break;
                case Rule.Count:
                    value = cnt[node];
                    break;
                case Rule.Last:
                    value = result.Value[(last[node] * n) + node];
                    break;
                default:
                    hasValue = w[node] != 0m;
                    value = hasValue ? WeightedMean(sum[node], w[node], ref f) : 0m;
                    break;
            }

            byte m = mat[node];
            bool periodIncomplete = incomplete;
            if (tr == Rule.Last)
            {
                int lc = (last[node] * n) + node;
                f |= result.Flags[lc];
                m = result.Maturity[lc];
                result.Reported[cell] = result.Reported[lc];
                periodIncomplete |= last[node] != lastLeaf;
            }
            else
            {
                result.Reported[cell] = complete[node];
            }

            if (!hasValue)
            {
                f |= (int)AggregateFlags.DivisionByZero;
            }
            else if ((f & ExactDecimal.Overflow) == 0)
            {
                result.Value[cell] = value;
                f |= SeriesResult.HasValue;
            }

            if (periodIncomplete)
            {
                f |= (int)AggregateFlags.IncompletePeriod;
            }

            if ((f & ExactDecimal.Overflow) != 0)
            {
                // The leaves' flags carry HasValue; an overflowing target has none.
                f &= ~SeriesResult.HasValue;
            }

            result.Flags[cell] = (ushort)(f & ~(int)AggregateFlags.NoData);
            result.Maturity[cell] = m;
        }
    }

    /// <summary>The local slots of a target's leaves that the series has, in order.</summary>
    private static int[] LocalLeaves(int[] globalLeaves, int[] localOfGlobal)
    {
        int count = 0;
        foreach (int g in globalLeaves)
        {
            count += localOfGlobal[g] >= 0 ? 1 : 0;
        }

        var local = new int[count];
        count = 0;
        foreach (int g in globalLeaves)
        {
            if (localOfGlobal[g] >= 0)
            {
                local[count++] = localOfGlobal[g];
            }
        }

        return local;
    }

    /// <summary>The leaves (in order) not in a mask.</summary>
    private static int[] LeavesOutside(int[] leaves, ulong mask)
    {
        var rest = new List<int>(leaves.Length);
        foreach (int l in leaves)
        {
            if ((mask & (1UL << l)) == 0)
            {
                rest.Add(l);
            }
        }

        return rest.ToArray();
    }

    /// <summary>Counts, per reporting row, whether it reported every leaf of a target (its leaves' mask holds the target's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountComplete(ulong targetMask, ulong[] masks, ReadOnlySpan<int> reporters, int[] complete)
    {
        foreach (int u in reporters)
        {
            if ((masks[u] & targetMask) == targetMask)
            {
                complete[u]++;
            }
        }
    }

    /// <summary>Adds each row's count into its parent's, children before parents.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddUp(int[] counts, int[] postOrder, int[] parent)
    {
        foreach (int node in postOrder)
        {
            int p = parent[node];
            if (p >= 0)
            {
                counts[p] += counts[node];
            }
        }
    }

    /// <summary>Adds one leaf's cells (unit rows in order) into a target's sums: the loop of <see cref="RollTargets"/>
    /// for sums and means, compiled optimised at its first call.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AddLeafSums(int l, ReadOnlySpan<ushort> flags, CompactDecimals values, int valuesFrom, ReadOnlySpan<byte> maturities, bool[] nodeHasData,
        Span<decimal> sum, Span<int> cnt, Span<int> last, Span<byte> mat, Span<int> flg)
    {
        int n = flags.Length;
        for (int node = 0; node < n; node++)
        {
            if (!nodeHasData[node])
            {
                continue;
            }

            int fc = flags[node];
            if ((fc & SeriesResult.HasValue) == 0)
            {
                flg[node] |= fc & ~(int)AggregateFlags.NoData;
                continue;
            }

            flg[node] |= ExactDecimal.Add(ref sum[node], values[valuesFrom + node]) | fc;
            cnt[node]++;
            if (l > last[node])
            {
                last[node] = l;
            }

            if (maturities[node] < mat[node])
            {
                mat[node] = maturities[node];
            }
        }
    }

    /// <summary>Adds leaf <paramref name="l"/> of a unit row into the row's accumulators of a target, by the time rule
    /// (the general case of <see cref="RollTargets"/>: rules other than a sum or mean).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddLeaf(Rule tr, SeriesResult result, SeriesResult? weight, int l, int node, int n,
        Span<decimal> sum, Span<decimal> w, Span<int> cnt, Span<int> last, Span<byte> mat, Span<int> flg)
    {
        int c = (l * n) + node;
        int fc = result.Flags[c];
        if ((fc & SeriesResult.HasValue) == 0)
        {
            flg[node] |= fc & ~(int)AggregateFlags.NoData;
            return;
        }

        decimal v = result.Value[c];
        switch (tr)
        {
            case Rule.Sum:
            case Rule.Average:
                flg[node] |= ExactDecimal.Add(ref sum[node], v);
                break;
            case Rule.Min:
                sum[node] = cnt[node] == 0 ? v : Math.Min(sum[node], v);
                break;
            case Rule.Max:
                sum[node] = cnt[node] == 0 ? v : Math.Max(sum[node], v);
                break;
            case Rule.DayWeightedAverage:
                int days = _slots.Spans[result.Slots[l]].LengthInDays;
                flg[node] |= ExactDecimal.Multiply(v, days, out decimal vd);
                flg[node] |= ExactDecimal.Add(ref sum[node], vd);
                w[node] += days;
                break;
            case Rule.WeightedAverage:
                decimal? wv = weight?.ValueAt(node, result.Slots[l]);
                if (wv is null)
                {
                    flg[node] |= (int)AggregateFlags.MissingInput;
                    return;
                }

                flg[node] |= ExactDecimal.Multiply(v, wv.Value, out decimal vw);
                flg[node] |= ExactDecimal.Add(ref sum[node], vw);
                flg[node] |= ExactDecimal.Add(ref w[node], wv.Value);
                break;
        }

        cnt[node]++;
        if (l > last[node])
        {
            last[node] = l;
        }

        if (tr != Rule.Last)
        {
            flg[node] |= fc;
            if (result.Maturity[c] < mat[node])
            {
                mat[node] = result.Maturity[c];
            }
        }
    }

    /// <summary>Σ(value × weight) ÷ Σweight, adding <see cref="AggregateFlags.Overflow"/> to the flags when it is beyond range.</summary>
    private static decimal WeightedMean(decimal sum, decimal weight, ref int flags)
    {
        flags |= ExactDecimal.Divide(sum, weight, out decimal q);
        return q;
    }

    /// <summary>
    /// The number of expected reporting units under every unit. Unless the host says otherwise: every unit of a class
    /// whose units are interchangeable (all communes, all provinces) once one of them reported the series; for other
    /// classes (agencies of different kinds), the units that reported the series in some period.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] ExpectedCounts(SeriesPlan plan, int[] chosen, int leafCount)
    {
        int n = _tree.Count;
        int m = _rows.Count;
        bool[]? expected = _settings.ExpectedUnits?.Invoke(plan.Index);
        var counts = new int[n];
        if (expected is null)
        {
            var reported = new bool[n];
            var classReported = new bool[_tree.ClassIsEnumerable.Length];
            for (int c = 0; c < m * leafCount; c++)
            {
                if (chosen[c] >= 0)
                {
                    int u = _rows.UnitOf[c % m];
                    reported[u] = true;
                    classReported[_tree.Classes[u]] = true;
                }
            }

            for (int u = 0; u < n; u++)
            {
                int k = _tree.Classes[u];
                if (reported[u] || (classReported[k] && _tree.ClassIsEnumerable[k]))
                {
                    counts[u] = 1;
                }
            }
        }
        else
        {
            for (int u = 0; u < n; u++)
            {
                counts[u] = expected[u] ? 1 : 0;
            }

            // A unit that reported is expected even if the host forgot it, so that coverage never exceeds 100 %.
            for (int c = 0; c < m * leafCount; c++)
            {
                if (chosen[c] >= 0)
                {
                    counts[_rows.UnitOf[c % m]] = 1;
                }
            }
        }

        foreach (int node in _tree.PostOrder)
        {
            int p = _tree.Parent[node];
            if (p >= 0)
            {
                counts[p] += counts[node];
            }
        }

        return counts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ApplyCoverage(SeriesResult result, int[] expected)
    {
        result.Expected = expected;
        int n = _rows.Count;
        CoverageMode mode = _settings.CoverageMode;
        decimal threshold = _settings.CoverageThreshold;
        // Expected units by row, once (the cells are slot by slot, n rows each).
        var expectedOfRow = new int[n];
        for (int row = 0; row < n; row++)
        {
            expectedOfRow[row] = expected[_rows.UnitOf[row]];
        }

        for (int i = 0, row = 0; i < result.Value.Length; i++, row = row == n - 1 ? 0 : row + 1)
        {
            int e = expectedOfRow[row];
            int r = result.Reported[i];
            if (r >= e || e == 0 || (result.Flags[i] & SeriesResult.HasValue) == 0 && r == 0)
            {
                continue;
            }

            if ((decimal)r / e >= threshold || mode == CoverageMode.Produce)
            {
                continue;
            }

            result.Flags[i] |= (int)AggregateFlags.PartialCoverage;
            if (mode == CoverageMode.Withhold)
            {
                result.Flags[i] = (ushort)((result.Flags[i] & ~SeriesResult.HasValue) | (int)AggregateFlags.Withheld);
                result.Value[i] = 0m;
            }
        }
    }

    /// <summary>
    /// A ratio or formula series: computed at every unit and period from its inputs' aggregates (never from a sum or
    /// mean of its own values). Coverage is the fewest reporters of any input over the most expected of any; maturity that of its least mature input.
    /// </summary>
    private SeriesResult? ProcessDerived(SeriesPlan plan)
    {
        int[] inputs = plan.AcrossUnits == Rule.Ratio || plan.AcrossTime == Rule.Ratio
            ? [plan.Numerator, plan.Denominator]
            : plan.FormulaInputs;
        if (inputs.Length == 0 || inputs.Any(i => i < 0))
        {
            plan.NotAggregableReason ??= "Thiếu tử số, mẫu số hoặc công thức / The numerator, denominator or formula is missing";
            return null;
        }

        SeriesResult?[] deps = inputs.Select(i => _results[i]).ToArray();
        var used = new bool[_slots.Count];
        foreach (SeriesResult? d in deps)
        {
            if (d is null)
            {
                continue;
            }

            foreach (int g in d.Slots)
            {
                used[g] = true;
            }
        }

        // A ratio or formula over time too: every period of its inputs. Otherwise it is derived at the input periods
        // only, then rolled over time by its own time rule (none, last value, weighted average…).
        bool timeDerived = plan.AcrossTime is Rule.Ratio or Rule.Formula;
        if (!timeDerived)
        {
            for (int g = _slots.LeafCount; g < _slots.Count; g++)
            {
                used[g] = false;
            }

            if (plan.AcrossTime != Rule.None)
            {
                _slots.MarkTargets(Enumerable.Range(0, _slots.LeafCount).Where(g => used[g]).ToArray(), used);
            }
        }

        if (timeDerived)
        {
            // One slot per period: a period that is an operand's input and another's target is derived once (the target).
            for (int g = 0; g < _slots.LeafCount; g++)
            {
                if (used[g] && _slots.Twin[g] >= 0)
                {
                    used[g] = false;
                    used[_slots.Twin[g]] = true;
                }
            }
        }

        int[] slots = Enumerable.Range(0, _slots.Count).Where(g => used[g]).ToArray();
        int derivedSlots = timeDerived ? slots.Length : slots.Count(g => g < _slots.LeafCount);
        if (slots.Length == 0)
        {
            return null;
        }

        int n = _rows.Count;
        var result = new SeriesResult(plan.Index, _rows, slots, _slots.Count);
        // Expected units by tree unit (a leaf without a row is expected too).
        SeriesResult[] present = [.. deps.Where(d => d is not null).Select(d => d!)];
        var expected = new int[_tree.Count];
        for (int node = 0; node < expected.Length; node++)
        {
            int e = 0;
            foreach (SeriesResult d in present)
            {
                e = Math.Max(e, d.Expected[node]);
            }

            expected[node] = e;
        }

        bool[]? mismatch = CoverageMismatch(inputs, slots, derivedSlots);
        for (int l = 0; l < derivedSlots; l++)
        {
            int g = slots[l];
            for (int node = 0; node < n; node++)
            {
                int cell = (l * n) + node;
                int f = 0;
                byte m = byte.MaxValue;
                int bestR = int.MaxValue;
                bool any = false;
                foreach (SeriesResult? d in deps)
                {
                    int dl = d is null ? -1 : LocalOf(d, g);
                    if (dl < 0)
                    {
                        // An operand with no aggregate here: no unit reported every operand.
                        bestR = 0;
                        continue;
                    }

                    int dc = (dl * n) + node;
                    int df = d!.Flags[dc];
                    if ((df & SeriesResult.HasValue) != 0 || d.Reported[dc] > 0)
                    {
                        any = true;
                    }

                    f |= df & ~(SeriesResult.HasValue | (int)AggregateFlags.NoData);
                    if ((df & SeriesResult.HasValue) != 0 && d.Maturity[dc] < m)
                    {
                        m = d.Maturity[dc];
                    }

                    bestR = Math.Min(bestR, d.Reported[dc]);
                }

                if (!any)
                {
                    result.Flags[cell] = (ushort)AggregateFlags.NoData;
                    continue;
                }

                // A row wherever an operand has input (issue 14 §2), with or without a value.
                f |= SeriesResult.Present;

                DerivedValue dv;
                if (plan.Formula is null)
                {
                    decimal? num = ValueAt(deps[0], node, g);
                    decimal? den = ValueAt(deps[1], node, g);
                    dv = num is null || den is null
                        ? new DerivedValue(null, AggregateFlags.MissingInput)
                        : den.Value == 0m
                            ? new DerivedValue(null, AggregateFlags.DivisionByZero)
                            : Ratio(num.Value, den.Value, plan.Factor) is decimal ratio
                                ? new DerivedValue(ratio, AggregateFlags.None)
                                : new DerivedValue(null, AggregateFlags.Overflow);
                }
                else
                {
                    int nodeCopy = node;
                    dv = plan.Formula(series => ValueAt(_results[series], nodeCopy, g));
                    if (dv.Value is decimal fv && ExactDecimal.Divide(fv, 1m, out decimal rounded) == 0)
                    {
                        // A formula's result is rounded like every quotient (its divisions are decimal's).
                        dv = dv with { Value = rounded };
                    }
                }

                if (mismatch is not null && mismatch[cell] && dv.Value is not null)
                {
                    f |= (int)AggregateFlags.CoverageMismatch;
                }

                f |= (int)dv.Flags;
                if (dv.Value is decimal v)
                {
                    result.Value[cell] = v;
                    f |= SeriesResult.HasValue;
                }

                result.Flags[cell] = (ushort)f;
                result.Maturity[cell] = m == byte.MaxValue ? (byte)0 : m;
                result.Reported[cell] = bestR == int.MaxValue ? 0 : bestR;
            }
        }

        if (!timeDerived && derivedSlots < slots.Length)
        {
            RollAcrossTime(plan, result, derivedSlots, null);
        }

        // Conservative coverage: the fewest units that reported any one input, of the most units expected for any.
        ApplyCoverage(result, expected);
        return result;
    }

    /// <summary>
    /// Where the operands of a derived series were reported by different units (issue 14 §2): for each derived cell,
    /// whether some unit at or below it has a used line of one operand and none of another within the cell's period.
    /// Only operands with inputs of their own count (a derived operand has its own rows checked). Null when no cell is
    /// mismatched.
    /// </summary>
    private bool[]? CoverageMismatch(int[] inputs, int[] slots, int derivedSlots)
    {
        int[] bases = inputs.Distinct().Where(k => _obs.SeriesStart[k] < _obs.SeriesStart[k + 1]).ToArray();
        if (bases.Length < 2)
        {
            return null;
        }

        int n = _rows.Count;
        byte ceiling = _settings.MaturityCeiling;

        // The leaves of each derived slot (a leaf slot is its own only leaf).
        var within = new bool[derivedSlots][];
        for (int l = 0; l < derivedSlots; l++)
        {
            within[l] = new bool[_slots.LeafCount];
            int g = slots[l];
            foreach (int slot in new[] { g, _slots.Twin[g] })
            {
                if (slot < 0)
                {
                    continue;
                }

                foreach (int leaf in _slots.LeavesOf[slot])
                {
                    within[l][leaf] = true;
                }
            }
        }

        // Per operand and unit row, the leaves with a used line.
        var leavesOf = new Dictionary<int, List<int>>[bases.Length];
        var units = new HashSet<int>();
        for (int k = 0; k < bases.Length; k++)
        {
            leavesOf[k] = [];
            for (int i = _obs.SeriesStart[bases[k]]; i < _obs.SeriesStart[bases[k] + 1]; i++)
            {
                if (_obs.Maturity[i] > ceiling)
                {
                    continue;
                }

                int row = _rows.RowOf[_obs.Unit[i]];
                if (!leavesOf[k].TryGetValue(row, out List<int>? list))
                {
                    leavesOf[k][row] = list = [];
                    units.Add(row);
                }

                list.Add(_obs.Leaf[i]);
            }
        }

        bool[]? mismatch = null;
        foreach (int u in units)
        {
            for (int l = 0; l < derivedSlots; l++)
            {
                int present = 0;
                for (int k = 0; k < bases.Length; k++)
                {
                    if (leavesOf[k].TryGetValue(u, out List<int>? list) && list.Exists(leaf => within[l][leaf]))
                    {
                        present++;
                    }
                }

                if (present == 0 || present == bases.Length)
                {
                    continue;
                }

                mismatch ??= new bool[derivedSlots * n];
                for (int a = u; a >= 0; a = _rows.Parent[a])
                {
                    mismatch[(l * n) + a] = true;
                }
            }
        }

        return mismatch;
    }

    /// <summary>The local slot of a series for a global slot or its twin (the same period), or −1.</summary>
    private int LocalOf(SeriesResult d, int g)
    {
        int l = d.LocalOfGlobal[g];
        return l >= 0 || _slots.Twin[g] < 0 ? l : d.LocalOfGlobal[_slots.Twin[g]];
    }

    /// <summary>The value of a series at a unit and a global slot or its twin, or null.</summary>
    private decimal? ValueAt(SeriesResult? d, int unit, int g)
    {
        if (d is null)
        {
            return null;
        }

        int l = LocalOf(d, g);
        int i = (l * d.Units) + unit;
        return l >= 0 && (d.Flags[i] & SeriesResult.HasValue) != 0 ? d.Value[i] : null;
    }

    /// <summary>Σnumerator × factor ÷ Σdenominator, the product exact, the quotient rounded half to even to
    /// <see cref="ExactDecimal.QuotientPlaces"/> places.</summary>
    /// <returns>The ratio, or null when it is beyond decimal's range.</returns>
    internal static decimal? Ratio(decimal numerator, decimal denominator, decimal factor) =>
        ExactDecimal.Ratio(numerator, factor, denominator, out decimal q) == 0 ? q : null;
}
