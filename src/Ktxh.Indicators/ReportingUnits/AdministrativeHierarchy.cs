using System.Collections.ObjectModel;
using NodaTime;

namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// The tree of units in force over one stretch of time (an "era" between two changes): nation → provinces →
/// (districts →) communes, and agencies under their province. Before 2025-07-01 the built-in tree has three
/// administrative levels (province, district, commune); from 2025-07-01 two (province, commune), as Resolution
/// 202/2025/QH15 abolished districts.
/// </summary>
/// <remarks>
/// Obtained from <see cref="ReportingUnitDirectory.AsOf"/>. Immutable and thread-safe; the same instance serves every
/// date of its era. Every unit has exactly one parent chain to the nation (checked when the directory is built).
/// </remarks>
public sealed class AdministrativeHierarchy
{
    private static readonly IReadOnlyList<ReportingUnit> None = Array.Empty<ReportingUnit>();
    private readonly Dictionary<string, ReportingUnit> _byCode;
    private readonly Dictionary<string, List<ReportingUnit>> _children;
    private readonly Lazy<string[]> _folded;
    private readonly ReportingUnit[] _units;

    internal AdministrativeHierarchy(IEnumerable<ReportingUnit> units, LocalDate? from, LocalDate? to)
    {
        ValidFrom = from;
        ValidTo = to;
        // By level, then kind, then code (codes are unique in an era, so the order is total and an unstable sort is fine);
        // a comparison over the class rather than OrderBy with struct keys, which the JIT would compile at every start.
        _units = units.ToArray();
        Array.Sort(_units, TreeOrder);
        _byCode = new Dictionary<string, ReportingUnit>(_units.Length, StringComparer.Ordinal);
        _children = new Dictionary<string, List<ReportingUnit>>(StringComparer.Ordinal);
        foreach (ReportingUnit u in _units)
        {
            _byCode.Add(u.Code, u);
            if (u.ParentCode is { } p)
            {
                if (!_children.TryGetValue(p, out List<ReportingUnit>? list))
                {
                    _children[p] = list = new List<ReportingUnit>();
                }

                list.Add(u);
            }
        }

        Nation = _units.FirstOrDefault(u => u.Kind == ReportingUnitKind.Nation);
        Provinces = _units.Where(u => u.Kind == ReportingUnitKind.Province).ToArray().AsReadOnly();
        HasDistricts = _units.Any(u => u.Kind == ReportingUnitKind.District);
        _folded = new Lazy<string[]>(() => _units.Select(u => VietnameseText.Fold(u.NameVi)).ToArray(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static int TreeOrder(ReportingUnit a, ReportingUnit b)
    {
        int order = ReportingUnit.RankOf(a.Kind) - ReportingUnit.RankOf(b.Kind);
        if (order == 0)
        {
            order = ((int)a.Kind).CompareTo((int)b.Kind);
        }

        return order != 0 ? order : string.CompareOrdinal(a.Code, b.Code);
    }

    /// <summary>First day of the era this tree describes (inclusive), or <see langword="null"/> when open.</summary>
    public LocalDate? ValidFrom { get; }

    /// <summary>First day after the era (exclusive), or <see langword="null"/> when open (the tree is still in force).</summary>
    public LocalDate? ValidTo { get; }

    /// <summary>The root (Việt Nam in the built-in data); <see langword="null"/> only for an empty directory.</summary>
    public ReportingUnit? Nation { get; }

    /// <summary>The provinces, ordered by code.</summary>
    public IReadOnlyList<ReportingUnit> Provinces { get; }

    /// <summary>Whether the tree has a district level (before 2025-07-01 in the built-in data).</summary>
    public bool HasDistricts { get; }

    /// <summary>Number of administrative levels below the nation: 3 with districts, 2 without.</summary>
    public int AdministrativeLevels => HasDistricts ? 3 : 2;

    /// <summary>Every unit in the tree: nation, provinces, districts and agencies, communes (by level, then code).</summary>
    public IReadOnlyList<ReportingUnit> Units => field ??= _units.AsReadOnly();

    /// <summary>Number of units in the tree.</summary>
    public int Count => _units.Length;

    /// <summary>Whether <paramref name="date"/> lies in this tree's era.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when the tree is the one in force on that day.</returns>
    public bool Covers(LocalDate date) => (ValidFrom is not { } f || f <= date) && (ValidTo is not { } t || date < t);

    /// <summary>Finds a unit by code.</summary>
    /// <param name="code">The code (trimmed).</param>
    /// <returns>The unit, or <see langword="null"/> when no unit has that code in this era.</returns>
    public ReportingUnit? Find(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out ReportingUnit? u) ? u : null;

    /// <summary>Finds a unit by code.</summary>
    /// <param name="code">The code.</param>
    /// <param name="unit">The unit when found.</param>
    /// <returns>Whether a unit has that code in this era.</returns>
    public bool TryGet(string? code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ReportingUnit? unit)
    {
        unit = Find(code);
        return unit is not null;
    }

    /// <summary>Gets a unit by code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="KeyNotFoundException">No unit has that code in this era.</exception>
    public ReportingUnit Get(string code) => Find(code) ?? throw new KeyNotFoundException(
        $"Không có đơn vị mã '{code}' trong giai đoạn {Describe()} / No unit with code '{code}' in the era {Describe()}.");

    /// <summary>The direct children of a unit (ordered by level, then code); empty when none or unknown.</summary>
    /// <param name="code">The parent's code.</param>
    /// <returns>The children.</returns>
    public IReadOnlyList<ReportingUnit> ChildrenOf(string code) =>
        code is not null && _children.TryGetValue(code.Trim(), out List<ReportingUnit>? list) ? list.AsReadOnly() : None;

    /// <summary>The parent of a unit.</summary>
    /// <param name="code">The unit's code.</param>
    /// <returns>The parent, or <see langword="null"/> for the nation or an unknown code.</returns>
    public ReportingUnit? ParentOf(string code) => Find(code)?.ParentCode is { } p ? Find(p) : null;

    /// <summary>The ancestors of a unit, nearest first, ending with the nation.</summary>
    /// <param name="code">The unit's code.</param>
    /// <returns>The chain of ancestors; empty for the nation or an unknown code.</returns>
    public IReadOnlyList<ReportingUnit> AncestorsOf(string code)
    {
        var chain = new List<ReportingUnit>(3);
        ReportingUnit? u = Find(code);
        while (u?.ParentCode is { } p && Find(p) is { } parent)
        {
            chain.Add(parent);
            u = parent;
        }

        return chain;
    }

    /// <summary>The province a unit belongs to (itself for a province).</summary>
    /// <param name="code">The unit's code.</param>
    /// <returns>The province, or <see langword="null"/> for the nation or an unknown code.</returns>
    public ReportingUnit? ProvinceOf(string code)
    {
        ReportingUnit? u = Find(code);
        return u?.Kind == ReportingUnitKind.Province ? u : AncestorsOf(code).FirstOrDefault(a => a.Kind == ReportingUnitKind.Province);
    }

    /// <summary>Every commune of a province (through its districts when the tree has them), ordered by code.</summary>
    /// <param name="provinceCode">The province's code.</param>
    /// <returns>The communes; empty for an unknown province.</returns>
    public IReadOnlyList<ReportingUnit> CommunesOf(string provinceCode) => DescendantsOf(provinceCode)
        .Where(u => u.Kind == ReportingUnitKind.Commune).OrderBy(u => u.Code, StringComparer.Ordinal).ToArray();

    /// <summary>The agencies registered under a province, ordered by code.</summary>
    /// <param name="provinceCode">The province's code.</param>
    /// <returns>The agencies.</returns>
    public IReadOnlyList<ReportingUnit> AgenciesOf(string provinceCode) =>
        ChildrenOf(provinceCode).Where(u => u.Kind == ReportingUnitKind.Agency).ToArray();

    /// <summary>Every unit below a unit, depth first (children before grandchildren of the next child).</summary>
    /// <param name="code">The code of the top unit.</param>
    /// <returns>The descendants (not the unit itself).</returns>
    public IEnumerable<ReportingUnit> DescendantsOf(string code)
    {
        var stack = new Stack<ReportingUnit>(ChildrenOf(code).Reverse());
        while (stack.Count > 0)
        {
            ReportingUnit u = stack.Pop();
            yield return u;
            foreach (ReportingUnit c in ChildrenOf(u.Code).Reverse())
            {
                stack.Push(c);
            }
        }
    }

    /// <summary>
    /// Finds units whose Vietnamese name matches <paramref name="text"/>, ignoring diacritics, case and đ/d
    /// ("ba dinh" finds "Phường Ba Đình"). Best matches first: the whole name (with or without its type word),
    /// then a name starting with the text, then a word starting with it, then any match; ties by level and code.
    /// </summary>
    /// <param name="text">The text to look for.</param>
    /// <param name="kind">Only units of this kind, or <see langword="null"/> for all.</param>
    /// <param name="limit">At most this many results.</param>
    /// <returns>The matching units.</returns>
    public IReadOnlyList<ReportingUnit> Search(string text, ReportingUnitKind? kind = null, int limit = 20)
    {
        string q = VietnameseText.Fold(text ?? string.Empty);
        if (q.Length == 0 || limit <= 0)
        {
            return None;
        }

        string[] folded = _folded.Value;
        var hits = new List<(int Score, int Index)>();
        for (int i = 0; i < _units.Length; i++)
        {
            if (kind is { } k && _units[i].Kind != k)
            {
                continue;
            }

            string f = folded[i];
            int at = f.IndexOf(q, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            int score = f.Length == q.Length || (at > 0 && at + q.Length == f.Length && IsTypeWordPrefix(f, at)) ? 0
                : at == 0 || IsTypeWordPrefix(f, at) ? 1
                : f[at - 1] == ' ' ? 2
                : 3;
            hits.Add((score, i));
        }

        return hits.OrderBy(h => h.Score).ThenBy(h => h.Index).Take(limit).Select(h => _units[h.Index]).ToArray();
    }

    /// <summary>Whether everything before <paramref name="at"/> is the unit's type word ("phuong ", "tinh ", "thanh pho "…).</summary>
    private static bool IsTypeWordPrefix(string folded, int at)
    {
        string prefix = folded[..at];
        return prefix is "xa " or "phuong " or "thi tran " or "dac khu " or "tinh " or "thanh pho " or "quan " or "huyen " or "thi xa ";
    }

    private string Describe() =>
        $"{(ValidFrom is { } f ? f.ToString("yyyy-MM-dd", null) : "…")} – {(ValidTo is { } t ? t.ToString("yyyy-MM-dd", null) : "…")}";
}
