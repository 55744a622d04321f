namespace Ktxh.Aggregation.Engine;

/// <summary>
/// The units a run's result grid has a row for: every unit that occurs in the run's observations, their ancestors, and
/// every unit that has units under it (a province or the nation is listed with its expected units even when none of its
/// units reported). A leaf that reported nothing has no row: its cells could only say "no data" (see
/// <see cref="AggregationResult"/>, which answers for it). At 3 provinces of 34 the grid is a tenth of the full one.
/// </summary>
/// <remarks>Rows follow the tree's unit order, so a walk over the cells visits them in the full grid's order (sums are
/// added in the same order, the first cell matching a test is the same). Immutable; shared by every series of a run.</remarks>
internal sealed class UnitRows
{
    private UnitRows(UnitTree tree, bool[] active)
    {
        int n = tree.Count;
        RowOf = new int[n];
        int m = 0;
        for (int u = 0; u < n; u++)
        {
            RowOf[u] = active[u] ? m++ : -1;
        }

        UnitOf = new int[m];
        Parent = new int[m];
        IsLeaf = new bool[m];
        Classes = new int[m];
        for (int u = 0; u < n; u++)
        {
            int row = RowOf[u];
            if (row < 0)
            {
                continue;
            }

            UnitOf[row] = u;
            Parent[row] = tree.Parent[u] < 0 ? -1 : RowOf[tree.Parent[u]];
            IsLeaf[row] = tree.IsLeaf[u];
            Classes[row] = tree.Classes[u];
        }

        PostOrder = Rows(tree.PostOrder);
        PreOrder = Rows(Enumerable.Range(0, n).OrderBy(u => tree.PreIn[u]));

        int[] Rows(IEnumerable<int> units) => [.. units.Where(u => RowOf[u] >= 0).Select(u => RowOf[u])];
    }

    /// <summary>The tree unit of each row.</summary>
    public int[] UnitOf { get; }

    /// <summary>The row of each tree unit, −1 for a unit without one.</summary>
    public int[] RowOf { get; }

    /// <summary>The row of each row's parent unit, −1 for a root (every ancestor of a row is a row).</summary>
    public int[] Parent { get; }

    /// <summary>Whether each row's unit is a leaf of the tree (not of the rows).</summary>
    public bool[] IsLeaf { get; }

    /// <summary>The class of each row's unit.</summary>
    public int[] Classes { get; }

    /// <summary>Every row, children before their parent.</summary>
    public int[] PostOrder { get; }

    /// <summary>Every row from the top down (the tree's pre-order), the order aggregates are listed in.</summary>
    public int[] PreOrder { get; }

    /// <summary>The number of rows.</summary>
    public int Count => UnitOf.Length;

    /// <summary>A row for every unit of the tree (the full grid).</summary>
    public static UnitRows Full(UnitTree tree)
    {
        var active = new bool[tree.Count];
        Array.Fill(active, true);
        return new UnitRows(tree, active);
    }

    /// <summary>The rows of a run: the units of its observations, their ancestors and every unit with units under it.</summary>
    public static UnitRows Of(UnitTree tree, Observations obs)
    {
        var active = new bool[tree.Count];
        for (int u = 0; u < active.Length; u++)
        {
            active[u] = !tree.IsLeaf[u];
        }

        int[] unit = obs.Unit;
        int count = obs.SeriesStart[^1];
        for (int i = 0; i < count; i++)
        {
            // Ancestors of a unit with units under it are rows already.
            active[unit[i]] = true;
        }

        return new UnitRows(tree, active);
    }
}
