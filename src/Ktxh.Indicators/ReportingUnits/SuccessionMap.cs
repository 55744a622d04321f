using System.Collections.ObjectModel;
using NodaTime;

namespace Ktxh.Indicators.ReportingUnits;

/// <summary>
/// The successions between units over time, and the mappings they allow: forward (where did an old unit go, with
/// what share) and backward (what was a new unit formed from).
/// </summary>
/// <remarks>
/// <para>Built-in data: the official conversion table of the reform effective 2025-07-01 (one succession per line:
/// old commune → new commune) and the 63 → 34 province mapping derived from it (every old province merged whole,
/// Resolution 202/2025/QH15).</para>
/// <para>Shares: whole changes (merge, unchanged, rename, type change) have share 1. Part transfers have no share in
/// the official table, so their <see cref="Succession.Share"/> is <see langword="null"/> and mapping over them is
/// flagged. A host that knows the split (population or area shares) supplies it with <see cref="ApplyWeights"/>.
/// An additive series (amounts, counts) remapped without weights must be flagged, never guessed:
/// <see cref="RemapAdditive"/> leaves such values unallocated and lists them.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class SuccessionMap
{
    private static readonly IReadOnlyList<Succession> None = Array.Empty<Succession>();
    private readonly ReportingUnitDirectory _directory;
    private readonly Succession[] _all;
    private readonly Dictionary<string, Succession[]> _from;
    private readonly Dictionary<string, Succession[]> _to;
    private readonly Dictionary<string, string> _aliases;

    internal SuccessionMap(ReportingUnitDirectory directory, IEnumerable<Succession> successions)
    {
        _directory = directory;
        _all = successions.ToArray();
        _from = Index(_all, s => s.FromCode);
        _to = Index(_all, s => s.ToCode);

        // A code the source misprinted and that names no unit still finds its unit (e.g. 26929 printed for 26935).
        _aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Succession s in _all)
        {
            if (s.FromCodeAsPrinted is { } printed && directory.VersionsOf(printed).Count == 0 && !_from.ContainsKey(printed))
            {
                _aliases.TryAdd(printed, s.FromCode);
            }
        }

        ProvinceSuccessions = _all.Where(s => s.FromKind == ReportingUnitKind.Province).ToArray().AsReadOnly();
    }

    /// <summary>Every succession.</summary>
    public IReadOnlyList<Succession> All => field ??= _all.AsReadOnly();

    /// <summary>The successions between provinces (63 → 34 on 2025-07-01 in the built-in data; all whole).</summary>
    public IReadOnlyList<Succession> ProvinceSuccessions { get; }

    /// <summary>The successions leaving an old unit (where it went), oldest first.</summary>
    /// <param name="oldCode">The old unit's code.</param>
    /// <returns>The successions; empty when none.</returns>
    public IReadOnlyList<Succession> From(string oldCode) =>
        _from.TryGetValue(Resolve(oldCode), out Succession[]? s) ? s.AsReadOnly() : None;

    /// <summary>The predecessors of a new unit: the successions that formed it, in source order.</summary>
    /// <param name="newCode">The new unit's code.</param>
    /// <returns>The successions into it; empty when it was not formed by a recorded change.</returns>
    public IReadOnlyList<Succession> MapBackward(string newCode) =>
        newCode is not null && _to.TryGetValue(newCode.Trim(), out Succession[]? s) ? s.AsReadOnly() : None;

    /// <summary>
    /// Where an old unit went: the units in force on <paramref name="asOf"/> that received it or part of it, with
    /// shares (1 for whole changes; <see langword="null"/>, flagged, for part transfers without weights). Chains of
    /// changes are followed; shares multiply along a path.
    /// </summary>
    /// <param name="oldCode">The old unit's code (a commune, an island district, a province).</param>
    /// <param name="asOf">The day whose units are wanted.</param>
    /// <returns>The mapping and its flags.</returns>
    public ForwardMapping MapForward(string oldCode, LocalDate asOf)
    {
        string code = Resolve(oldCode);
        var targets = new Dictionary<string, (decimal? Share, bool Unknown, IReadOnlyList<Succession> Path)>(StringComparer.Ordinal);
        bool moved = Walk(code, 1m, Array.Empty<Succession>(), null, asOf, targets);
        if (!moved)
        {
            ReportingUnit? still = _directory.Find(code, asOf);
            if (still is not null)
            {
                return new ForwardMapping(oldCode, code, ForwardMappingStatus.StillInForce,
                    new[] { new MappedTarget(code, still.NameVi, 1m, None) });
            }

            return new ForwardMapping(oldCode, code,
                _directory.VersionsOf(code).Count > 0 ? ForwardMappingStatus.NoSuccessor : ForwardMappingStatus.UnknownCode,
                Array.Empty<MappedTarget>());
        }

        var list = targets.Select(t => new MappedTarget(t.Key,
                _directory.Find(t.Key, asOf)?.NameVi ?? _directory.VersionsOf(t.Key).LastOrDefault()?.NameVi ?? t.Key,
                t.Value.Unknown ? null : t.Value.Share, t.Value.Path))
            .OrderBy(t => t.Code, StringComparer.Ordinal).ToArray();
        return new ForwardMapping(oldCode, code, ForwardMappingStatus.Mapped, list);
    }

    /// <summary>
    /// The province in force on <paramref name="asOf"/> that an old unit (commune, district or province) now lies in.
    /// Always a whole mapping: old provinces merged whole (Resolution 202/2025/QH15).
    /// </summary>
    /// <param name="oldCode">The old unit's code.</param>
    /// <param name="asOf">The day.</param>
    /// <returns>The province, or <see langword="null"/> when the unit is unknown or its province has no single successor.</returns>
    public ReportingUnit? MapForwardToProvince(string oldCode, LocalDate asOf)
    {
        string code = Resolve(oldCode);
        AdministrativeHierarchy now = _directory.AsOf(asOf);
        IReadOnlyList<ReportingUnit> versions = _directory.VersionsOf(code);
        ReportingUnit? version = versions.FirstOrDefault(v => v.IsValidOn(asOf)) ?? versions.LastOrDefault(v => v.ValidTo is { } t && t <= asOf);
        if (version is not null)
        {
            LocalDate day = version.ValidTo is { } end && end <= asOf ? end.PlusDays(-1) : asOf;
            ReportingUnit? province = _directory.AsOf(day).ProvinceOf(code);
            if (province is not null)
            {
                ForwardMapping m = MapForward(province.Code, asOf);
                if (m.Targets.Count == 1 && m.Targets[0].Share == 1m)
                {
                    return now.Find(m.Targets[0].Code);
                }
            }
        }

        // Known only from a conversion table: the province of where it went, if that is one province.
        var provinces = MapForward(code, asOf).Targets.Select(t => now.ProvinceOf(t.Code)).Distinct().ToArray();
        return provinces.Length == 1 ? provinces[0] : null;
    }

    /// <summary>
    /// A copy of this map with host-supplied shares for part transfers. Every weight must name an existing part
    /// transfer, lie in (0, 1], and the shares leaving one old unit on one date must not exceed 1 (and must make 1,
    /// within 0.000001, once every part is weighted). Nothing is applied unless all weights are valid.
    /// </summary>
    /// <param name="weights">The shares, e.g. population shares of the old communes that were split.</param>
    /// <returns>The weighted map, or every problem found.</returns>
    public KtxhResult<SuccessionMap> ApplyWeights(SuccessionWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var errors = new List<KtxhError>();
        var used = new HashSet<(string, string)>();
        var result = new Succession[_all.Length];
        for (int i = 0; i < _all.Length; i++)
        {
            Succession s = _all[i];
            result[i] = s;
            if (!weights.Shares.TryGetValue((s.FromCode, s.ToCode), out decimal w))
            {
                continue;
            }

            used.Add((s.FromCode, s.ToCode));
            string where = $"{s.FromCode} → {s.ToCode}";
            if (s.Kind != SuccessionKind.PartTransfer)
            {
                errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.UnknownSuccession, where, "chỉ gán trọng số cho trường hợp nhập một phần", "weights apply only to part transfers"));
            }
            else if (w <= 0m || w > 1m)
            {
                errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.InvalidShare, where, $"trọng số {w} ngoài khoảng (0, 1]", $"weight {w} outside (0, 1]"));
            }
            else
            {
                result[i] = s with { Share = w };
            }
        }

        foreach (var key in weights.Shares.Keys.Where(k => !used.Contains(k)))
        {
            errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.UnknownSuccession, $"{key.From} → {key.To}", "không có quan hệ kế thừa này", "no such succession"));
        }

        foreach (var group in result.GroupBy(s => (s.FromCode, s.EffectiveDate)))
        {
            decimal known = group.Where(s => s.Share.HasValue).Sum(s => s.Share!.Value);
            bool allKnown = group.All(s => s.Share.HasValue);
            bool weighted = group.Any(s => weights.Shares.ContainsKey((s.FromCode, s.ToCode)));
            if (weighted && (known > 1.000001m || (allKnown && Math.Abs(known - 1m) > 0.000001m)))
            {
                errors.Add(ReportingUnitsErrors.About(ReportingUnitsErrorCode.InvalidShare, group.Key.FromCode, $"tổng tỷ lệ của đơn vị cũ là {known}, phải bằng 1", $"the shares of the old unit add up to {known}, not 1"));
            }
        }

        return KtxhResult.FromErrorsOr(errors, () => new SuccessionMap(_directory, result));
    }

    /// <summary>
    /// Remaps an additive series (values per old unit) onto the units in force on <paramref name="asOf"/>: each value
    /// is split by the known shares (exact decimals). What cannot be allocated (part transfers without weights,
    /// units with no successor, unknown codes) is left out of the totals and listed in
    /// <see cref="AdditiveRemapResult.Unallocated"/>: flagged, never guessed. Not for ratios, averages or indices,
    /// which are recomputed from their numerators and denominators instead.
    /// </summary>
    /// <param name="valuesByOldCode">The values, keyed by old unit code.</param>
    /// <param name="asOf">The day whose units are wanted.</param>
    /// <returns>The totals per unit and the flagged remainders.</returns>
    public AdditiveRemapResult RemapAdditive(IEnumerable<KeyValuePair<string, decimal>> valuesByOldCode, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(valuesByOldCode);
        var totals = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var unallocated = new List<UnallocatedValue>();
        foreach (KeyValuePair<string, decimal> kv in valuesByOldCode)
        {
            ForwardMapping m = MapForward(kv.Key, asOf);
            if (m.Status is ForwardMappingStatus.UnknownCode or ForwardMappingStatus.NoSuccessor)
            {
                if (kv.Value != 0m)
                {
                    unallocated.Add(new UnallocatedValue(kv.Key, kv.Value, Array.Empty<string>(),
                        m.Status == ForwardMappingStatus.UnknownCode ? "mã không tồn tại" : "đơn vị đã chấm dứt, không có đơn vị kế thừa được ghi nhận",
                        m.Status == ForwardMappingStatus.UnknownCode ? "unknown code" : "the unit ended with no recorded successor"));
                }

                continue;
            }

            decimal allocated = 0m;
            foreach (MappedTarget t in m.Targets.Where(t => t.IsShareKnown))
            {
                decimal part = kv.Value * t.Share!.Value;
                totals[t.Code] = totals.TryGetValue(t.Code, out decimal sum) ? sum + part : part;
                allocated += part;
            }

            decimal rest = kv.Value - allocated;
            if (kv.Value != 0m && (m.HasUnknownShares || rest != 0m))
            {
                unallocated.Add(new UnallocatedValue(kv.Key, rest, m.Targets.Where(t => !t.IsShareKnown).Select(t => t.Code).ToArray(),
                    "nhập một phần, chưa biết tỷ lệ: cần trọng số (dân số, diện tích) để phân bổ",
                    "part transfer with unknown shares: weights (population, area) are needed to allocate it"));
            }
        }

        return new AdditiveRemapResult(totals, unallocated);
    }

    /// <summary>Groups by a code, keeping source order within a date and ordering by effective date (a stable sort).</summary>
    private static Dictionary<string, Succession[]> Index(Succession[] all, Func<Succession, string> key)
    {
        var lists = new Dictionary<string, List<Succession>>(all.Length, StringComparer.Ordinal);
        foreach (Succession s in all)
        {
            string k = key(s);
            if (!lists.TryGetValue(k, out List<Succession>? list))
            {
                lists[k] = list = new List<Succession>(1);
            }

            list.Add(s);
        }

        var index = new Dictionary<string, Succession[]>(lists.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, List<Succession>> kv in lists)
        {
            Succession[] items = kv.Value.ToArray();
            bool sorted = true;
            for (int i = 1; i < items.Length && sorted; i++)
            {
                sorted = items[i - 1].EffectiveDate <= items[i].EffectiveDate;
            }

            index.Add(kv.Key, sorted ? items : items.OrderBy(s => s.EffectiveDate).ToArray());
        }

        return index;
    }

    private string Resolve(string code)
    {
        string c = (code ?? string.Empty).Trim();
        return _aliases.TryGetValue(c, out string? real) ? real : c;
    }

    /// <summary>Follows the successions from <paramref name="code"/> after <paramref name="since"/> up to <paramref name="asOf"/>; returns whether any was followed.</summary>
    private bool Walk(string code, decimal? share, IReadOnlyList<Succession> path, LocalDate? since, LocalDate asOf,
        Dictionary<string, (decimal? Share, bool Unknown, IReadOnlyList<Succession> Path)> targets)
    {
        Succession[] next = _from.TryGetValue(code, out Succession[]? all)
            ? all.Where(s => s.EffectiveDate <= asOf && (since is not { } d || s.EffectiveDate > d)).ToArray()
            : Array.Empty<Succession>();
        if (next.Length == 0 || path.Count > 64)
        {
            if (path.Count == 0)
            {
                return false;
            }

            bool unknown = share is null;
            if (targets.TryGetValue(code, out var existing))
            {
                targets[code] = (existing.Share + (share ?? 0m), existing.Unknown || unknown, existing.Path);
            }
            else
            {
                targets[code] = (share ?? 0m, unknown, path);
            }

            return true;
        }

        LocalDate first = next.Min(s => s.EffectiveDate);
        foreach (Succession s in next.Where(s => s.EffectiveDate == first))
        {
            var p = new List<Succession>(path) { s };
            Walk(s.ToCode, share is { } a && s.Share is { } b ? a * b : null, p, first, asOf, targets);
        }

        return true;
    }
}
