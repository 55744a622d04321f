using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation.Tests;

public class RemappingTests
{
    private static readonly LocalDate After = new(2025, 7, 1);
    private static readonly SuccessionMap Successions = ReportingUnitDirectory.Vietnam.Successions;
    private static readonly HistoricalRemapper Remapper = new(World.Catalogue, Successions, After);

    /// <summary>Old communes whose every part has a known share (whole merges and weighted transfers).</summary>
    private static readonly string[] Mappable = Successions.All
        .Where(s => s.FromKind == ReportingUnitKind.Commune)
        .Select(s => s.FromCode)
        .Distinct()
        .Where(c => Successions.MapForward(c, After) is { Status: ForwardMappingStatus.Mapped, IsComplete: true })
        .Take(400)
        .ToArray();

    /// <summary>Old communes partly transferred without a share.</summary>
    private static readonly string[] Unsplittable = Successions.All
        .Where(s => s.FromKind == ReportingUnitKind.Commune && s.Kind == SuccessionKind.PartTransfer && s.Share is null)
        .Select(s => s.FromCode)
        .Distinct()
        .Take(50)
        .ToArray();

    [Fact]
    public void The_built_in_successions_hold_both_kinds_of_case()
    {
        Assert.NotEmpty(Mappable);
        Assert.NotEmpty(Unsplittable);
    }

    [Fact]
    public void A_part_transfer_without_a_share_is_reported_with_its_candidates_not_guessed()
    {
        AggregationInput x = World.In("A", Unsplittable[0], ReportingPeriod.Month(2024, 6), 100);
        RemapResult r = Remapper.Remap([x]);
        Assert.Empty(r.Values);
        RemapIssue issue = Assert.Single(r.NotRemapped);
        Assert.Equal(x, issue.Value);
        Assert.NotEmpty(issue.CandidateTargets);
    }

    [Fact]
    public void Ratios_are_recomputed_from_remapped_operands_and_reported_without_them()
    {
        string old = Mappable[0];
        ReportingPeriod p = ReportingPeriod.Month(2024, 6);
        RemapResult withOperands = Remapper.Remap([World.In("N", old, p, 9), World.In("D", old, p, 10), World.In("R", old, p, 90)]);
        Assert.Single(withOperands.Recomputed);
        Assert.Empty(withOperands.NotRemapped);
        RemapResult without = Remapper.Remap([World.In("R", old, p, 90)]);
        Assert.Single(without.NotRemapped);
    }

    [Fact]
    public void Non_additive_values_of_merged_units_are_reported_not_averaged()
    {
        // Find an old commune merged with others into one new commune.
        string merged = Mappable.First(c => Successions.MapBackward(Successions.MapForward(c, After).Targets[0].Code).Select(s => s.FromCode).Distinct().Count() > 1);
        RemapResult r = Remapper.Remap([World.In("MX", merged, ReportingPeriod.Month(2024, 6), 3)]);
        Assert.Single(r.NotRemapped);
    }

    // Never empty: an empty series would pass every check below on 0 == 0.
    private static Gen<AggregationInput[]> OldValues() =>
        Gen.NonEmptyListOf(
            from unit in Gen.Elements(Mappable.Concat(Unsplittable).ToArray())
            from ind in Gen.Elements("A", "S", "N")
            from month in Gen.Choose(1, 12)
            from cents in Gen.Choose(0, 10_000_000)
            select World.In(ind, unit, ReportingPeriod.Month(2024, month), cents / 1000m))
        .Select(l => l.GroupBy(x => (x.IndicatorCode, x.UnitCode, x.Period)).Select(g => g.First()).ToArray());

    [Property(MaxTest = 50)]
    public Property Remapping_preserves_additive_totals_exactly() =>
        Prop.ForAll(OldValues().ToArbitrary(), values =>
        {
            RemapResult r = Remapper.Remap(values);
            var notMapped = new HashSet<AggregationInput>(r.NotRemapped.Select(i => i.Value));
            var before = values.Where(v => !notMapped.Contains(v)).GroupBy(v => (v.IndicatorCode, v.Period)).ToDictionary(g => g.Key, g => g.Sum(v => v.Value));
            var after = r.Values.GroupBy(v => (v.IndicatorCode, v.Period)).ToDictionary(g => g.Key, g => g.Sum(v => v.Value));
            bool unsplittableReported = values.Where(v => Unsplittable.Contains(v.UnitCode)).All(notMapped.Contains);
            bool onNewUnits = r.Values.All(v => ReportingUnitDirectory.Vietnam.AsOf(After).Find(v.UnitCode) is not null);
            // Non-vacuous on every input: the generator gives at least one value, so something is remapped or reported.
            bool accounted = values.Length > 0 && r.Values.Count + r.NotRemapped.Count > 0;
            return (accounted && before.Count == after.Count && before.All(kv => after[kv.Key] == kv.Value) && unsplittableReported && onNewUnits)
                .Classify(r.NotRemapped.Count == 0, "everything remapped")
                .Classify(r.NotRemapped.Count > 0 && r.Values.Count > 0, "some values reported, not remapped")
                .Classify(r.Values.Count == 0, "nothing remappable")
                .Collect(values.Length switch { 1 => "1 value", <= 10 => "2-10 values", _ => "11+ values" });
        });
}
