namespace Ktxh.Aggregation.Engine;

/// <summary>
/// The reporting-unit hierarchy as dense integer indices: a parent-index array and a children-before-parents
/// order, so that a roll-up across units is one pass that adds each node into its parent.
/// </summary>
/// <remarks>Immutable after construction; safe to share between threads.</remarks>
internal sealed class UnitTree
{
    private readonly Dictionary<string, int> _byCode;

    /// <summary>Builds the tree from codes and parent codes (null or empty for a root).</summary>
    /// <param name="codes">Every unit code, each once.</param>
    /// <param name="parentCodes">The parent code of each unit, aligned with <paramref name="codes"/>.</param>
    /// <param name="classes">A class per unit (commune level, agency, province…), used to infer the expected reporters.</param>
    /// <param name="classIsEnumerable">Per class: whether every unit of the class is expected when one of the class reports
    /// (true for communes and provinces; false for agencies, whose kinds differ).</param>
    public UnitTree(IReadOnlyList<string> codes, IReadOnlyList<string?> parentCodes, IReadOnlyList<int> classes, IReadOnlyList<bool> classIsEnumerable)
    {
        int n = codes.Count;
        Codes = codes.ToArray();
        Classes = classes.ToArray();
        ClassIsEnumerable = classIsEnumerable.ToArray();
        _byCode = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            _byCode.Add(Codes[i], i);
        }

        Parent = new int[n];
        for (int i = 0; i < n; i++)
        {
            string? p = parentCodes[i];
            Parent[i] = string.IsNullOrEmpty(p) ? -1 : _byCode.TryGetValue(p, out int pi) ? pi : -1;
        }

        // Children lists, then an iterative depth-first walk giving pre-order intervals and a post-order.
        var childCount = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (Parent[i] >= 0)
            {
                childCount[Parent[i]]++;
            }
        }

        var childStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            childStart[i + 1] = childStart[i] + childCount[i];
        }

        var children = new int[childStart[n]];
        var fill = (int[])childStart.Clone();
        for (int i = 0; i < n; i++)
        {
            if (Parent[i] >= 0)
            {
                children[fill[Parent[i]]++] = i;
            }
        }

        IsLeaf = new bool[n];
        for (int i = 0; i < n; i++)
        {
            IsLeaf[i] = childCount[i] == 0;
        }

        PreIn = new int[n];
        PreOut = new int[n];
        Depth = new int[n];
        var post = new List<int>(n);
        int clock = 0;
        var stack = new Stack<(int Node, int NextChild)>();
        for (int r = 0; r < n; r++)
        {
            if (Parent[r] >= 0)
            {
                continue;
            }

            stack.Push((r, childStart[r]));
            PreIn[r] = clock++;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < childStart[node + 1])
                {
                    stack.Push((node, next + 1));
                    int c = children[next];
                    Depth[c] = Depth[node] + 1;
                    PreIn[c] = clock++;
                    stack.Push((c, childStart[c]));
                }
                else
                {
                    PreOut[node] = clock;
                    post.Add(node);
                }
            }
        }

        PostOrder = post.ToArray();
    }

    /// <summary>The unit codes by index.</summary>
    public string[] Codes { get; }

    /// <summary>The parent index of each unit, −1 for a root.</summary>
    public int[] Parent { get; }

    /// <summary>Whether each unit has no children.</summary>
    public bool[] IsLeaf { get; }

    /// <summary>The depth of each unit (0 for a root).</summary>
    public int[] Depth { get; }

    /// <summary>The class of each unit.</summary>
    public int[] Classes { get; }

    /// <summary>Per class: whether all units of the class are expected once one of them reports.</summary>
    public bool[] ClassIsEnumerable { get; }

    /// <summary>Every unit, children before their parent.</summary>
    public int[] PostOrder { get; }

    /// <summary>Pre-order entry number of each unit.</summary>
    public int[] PreIn { get; }

    /// <summary>Pre-order exit number of each unit: the descendants of u are the units v with PreIn[u] ≤ PreIn[v] &lt; PreOut[u].</summary>
    public int[] PreOut { get; }

    /// <summary>The number of units.</summary>
    public int Count => Codes.Length;

    /// <summary>Finds a unit index by code.</summary>
    public bool TryGetIndex(string code, out int index) => _byCode.TryGetValue(code, out index);

    /// <summary>Whether <paramref name="unit"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsUnder(int unit, int ancestor) => PreIn[ancestor] <= PreIn[unit] && PreIn[unit] < PreOut[ancestor];
}
