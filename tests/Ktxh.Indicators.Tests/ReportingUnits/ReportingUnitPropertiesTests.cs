using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace Ktxh.Indicators.Tests.ReportingUnits;

public class ReportingUnitPropertiesTests
{
    private static readonly ReportingUnitDirectory Vn = ReportingUnitDirectory.Vietnam;

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool The_tree_of_any_day_is_a_tree(UnitsDay day, PositiveInt pick)
    {
        AdministrativeHierarchy h = Vn.AsOf(day.Value);
        ReportingUnit u = h.Units[pick.Get % h.Count];
        IReadOnlyList<ReportingUnit> chain = h.AncestorsOf(u.Code);
        bool reachesNation = u.Kind == ReportingUnitKind.Nation ? chain.Count == 0 : chain[^1].Kind == ReportingUnitKind.Nation;
        bool noCycle = chain.All(a => a.Code != u.Code) && chain.Count <= 3;
        bool allValid = chain.Append(u).All(x => x.IsValidOn(day.Value));
        bool levels = day.Value < ReportingUnitDirectory.TwoLevelReformDate == h.HasDistricts;
        return reachesNation && noCycle && allValid && levels && h.Covers(day.Value);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool Mapping_forward_lands_on_units_in_force(UnitsDay day, PositiveInt pick)
    {
        IReadOnlyList<Succession> all = Vn.Successions.All;
        Succession s = all[pick.Get % all.Count];
        ForwardMapping m = Vn.Successions.MapForward(s.FromCode, day.Value);
        AdministrativeHierarchy h = Vn.AsOf(day.Value);
        return m.Targets.All(t => h.Find(t.Code) is not null)
            && (day.Value >= s.EffectiveDate) == m.Targets.Any(t => t.Code == s.ToCode && t.Path.Contains(s));
    }

    private static readonly string[] WholeMovers = Vn.AsOf(new LocalDate(2025, 6, 30)).Units
        .Where(u => u.Kind == ReportingUnitKind.Commune && Vn.Successions.From(u.Code).Count > 0 && Vn.Successions.From(u.Code).All(s => s.IsWhole))
        .Select(u => u.Code).ToArray();

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property Remapping_whole_merges_preserves_the_total(NonEmptyArray<PositiveInt> picks, int[] cents, UnitsDay day)
    {
        // Never empty (an empty series would pass on 0 == 0): at least one old commune with a value.
        var values = new Dictionary<string, decimal>();
        for (int i = 0; i < picks.Get.Length; i++)
        {
            values[WholeMovers[picks.Get[i].Get % WholeMovers.Length]] = (cents.Length == 0 ? i + 1 : cents[i % cents.Length]) / 100m;
        }

        AdditiveRemapResult r = Vn.Successions.RemapAdditive(values, day.Value);
        bool merged = day.Value >= ReportingUnitDirectory.TwoLevelReformDate;
        // After the reform every total sits on a unit in force that day; before it, every value stays where it was.
        AdministrativeHierarchy h = Vn.AsOf(day.Value);
        bool placed = merged
            ? r.Totals.Keys.All(code => h.Find(code) is not null)
            : r.Totals.Count == values.Count && values.All(kv => r.Totals.TryGetValue(kv.Key, out decimal t) && t == kv.Value);
        return (r.IsComplete && r.Totals.Values.Sum() == values.Values.Sum() && placed)
            .Label($"{values.Count} values, {r.Totals.Count} totals, {r.Unallocated.Count} unallocated on {day.Value}")
            .Classify(merged, "on or after the reform (merged)")
            .Classify(!merged, "before the reform (unchanged)")
            .Classify(values.Values.Any(v => v == 0m), "a zero value")
            .Collect(values.Count switch { 1 => "1 commune", <= 5 => "2-5 communes", _ => "6+ communes" });
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool Remapping_never_creates_or_loses_value(PositiveInt[] picks, int[] cents)
    {
        // Any old commune: allocated + flagged = input, whatever the shares.
        IReadOnlyList<Succession> all = Vn.Successions.All;
        var values = new Dictionary<string, decimal>();
        for (int i = 0; i < picks.Length; i++)
        {
            values[all[picks[i].Get % all.Count].FromCode] = (cents.Length == 0 ? i : cents[i % cents.Length]) / 100m;
        }

        AdditiveRemapResult r = Vn.Successions.RemapAdditive(values, ReportingUnitDirectory.TwoLevelReformDate);
        return r.Totals.Values.Sum() + r.Unallocated.Sum(u => u.Value) == values.Values.Sum();
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public bool Unit_ids_round_trip(UnitsDay day, PositiveInt code, bool open)
    {
        var id = new ReportingUnitId((code.Get % 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture), open ? null : day.Value);
        return ReportingUnitId.TryParse(id.ToString(), out ReportingUnitId back) && back == id;
    }
}
