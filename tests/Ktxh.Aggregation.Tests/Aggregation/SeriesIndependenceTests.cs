using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 9 §1: a series depends only on its own inputs.</summary>
public class SeriesIndependenceTests
{
    private static readonly AggregationEngine Engine = World.Engine(new AggregationOptions { MaxDegreeOfParallelism = 1 });

    private static ReportingPeriod Half(int month, int half) => ReportingPeriod.HalfMonth(2026, month, half);

    [Fact]
    public void Another_indicators_half_month_does_not_make_a_complete_quarter_incomplete()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 1), World.In("A", "00001", World.M(2), 2), World.In("A", "00001", World.M(3), 3),
            World.In("N", "00001", Half(1, 1), 5),
        ]);
        Assert.True(r.TryGet("A", "00001", ReportingPeriod.Quarter(2026, 1), out Aggregate q));
        Assert.Equal(6m, q.Value);
        Assert.False(q.Flags.HasFlag(AggregateFlags.IncompletePeriod));
        Assert.True(r.TryGet("N", "00001", ReportingPeriod.Quarter(2026, 1), out Aggregate n));
        Assert.True(n.Flags.HasFlag(AggregateFlags.IncompletePeriod));
    }

    [Fact]
    public void Another_indicators_week_does_not_make_a_month_with_both_half_months_incomplete()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", Half(1, 1), 1), World.In("A", "00001", Half(1, 2), 2),
            World.In("N", "00001", ReportingPeriod.Week(2026, 1), 5), // starts 29/12/2025, sorts before the half-months
        ]);
        Assert.True(r.TryGet("A", "00001", World.M(1), out Aggregate m));
        Assert.Equal(3m, m.Value);
        Assert.False(m.Flags.HasFlag(AggregateFlags.IncompletePeriod));
    }

    [Fact]
    public void A_rejected_quarter_line_does_not_remove_the_flag_from_a_half_year()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(4), 4), World.In("A", "00001", World.M(5), 5), World.In("A", "00001", World.M(6), 6),
            World.In("A", "00001", ReportingPeriod.Quarter(2026, 1), 100),
        ]);
        Assert.Single(r.Rejected);
        Assert.True(r.TryGet("A", "00001", ReportingPeriod.HalfYear(2026, 1), out Aggregate h));
        Assert.Equal(15m, h.Value);
        Assert.True(h.Flags.HasFlag(AggregateFlags.IncompletePeriod));
    }

    [Fact]
    public void The_year_to_date_follows_the_indicators_own_months()
    {
        AggregationResult r = Engine.Aggregate(
        [
            World.In("A", "00001", World.M(1), 1),
            World.In("N", "00001", World.M(2), 5),
        ]);
        Assert.True(r.TryGet("A", "00001", ReportingPeriod.YearToDate(2026, 1), out _));
        Assert.False(r.TryGet("A", "00001", ReportingPeriod.YearToDate(2026, 2), out _));
        Assert.True(r.TryGet("N", "00001", ReportingPeriod.YearToDate(2026, 2), out _));
    }

    /// <summary>The law: aggregating a file gives, for every indicator that reads no other (not a ratio, formula or
    /// weighted average), the same rows as aggregating that indicator's lines alone; lines that cannot be used
    /// (unknown indicator or unit, a second period type) change nothing.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
    public Property A_file_aggregates_as_its_indicators_one_by_one(MixedDataset data)
    {
        AggregationResult whole = Engine.Aggregate(data.Inputs);
        string[] own = ["A", "A1", "S", "N", "D", "MX", "AV"];
        int rows = 0;
        foreach (string ind in own)
        {
            AggregationInput[] alone = data.Inputs.Where(i => i.IndicatorCode == ind).ToArray();
            AggregationResult single = Engine.Aggregate(alone);
            Aggregate[] expected = single.Aggregates().Where(a => a.IndicatorCode == ind).ToArray();
            Aggregate[] actual = whole.Aggregates().Where(a => a.IndicatorCode == ind).ToArray();
            Assert.Equal(expected, actual);
            rows += actual.Length;
        }

        return true.ToProperty()
            .Classify(data.Inputs.Select(i => i.Period.Type).Distinct().Count() > 1, "mixed period types")
            .Classify(data.Inputs.Any(i => i.IndicatorCode == "ZZ"), "unknown indicator lines")
            .Classify(rows == 0, "no rows")
            .Collect(rows < 100 ? "rows < 100" : rows < 1000 ? "rows < 1000" : "rows ≥ 1000");
    }
}

/// <summary>Inputs over several indicators, period types (month, half-month, ISO week, quarter) and two years, with
/// lines that cannot be used (unknown indicator, unknown unit).</summary>
public sealed record MixedDataset(IReadOnlyList<AggregationInput> Inputs)
{
    /// <inheritdoc />
    public override string ToString() => $"{Inputs.Count} inputs: " + string.Join("; ", Inputs.Take(30).Select(i => $"{i.IndicatorCode} {i.UnitCode} {i.Period.Id} {i.Value} {i.Maturity}"));
}

/// <summary>Generators of mixed datasets.</summary>
public static partial class Arbitraries
{
    /// <summary>0–60 inputs of A, A1, S, N, D, MX, AV, R, F, WP and an unknown ZZ, at communes and an unknown unit.</summary>
    public static Arbitrary<MixedDataset> MixedDatasets()
    {
        Gen<ReportingPeriod> period = Gen.OneOf(
            from y in Gen.Choose(2025, 2026) from m in Gen.Choose(1, 12) select ReportingPeriod.Month(y, m),
            from y in Gen.Choose(2025, 2026) from m in Gen.Choose(1, 12) from h in Gen.Choose(1, 2) select ReportingPeriod.HalfMonth(y, m, h),
            from y in Gen.Choose(2025, 2026) from w in Gen.Choose(1, 52) select ReportingPeriod.Week(y, w),
            from y in Gen.Choose(2025, 2026) from q in Gen.Choose(1, 4) select ReportingPeriod.Quarter(y, q));
        Gen<AggregationInput> one =
            from ind in Gen.Elements("A", "A1", "S", "N", "D", "MX", "AV", "R", "F", "WP", "ZZ")
            from unit in Gen.Elements([.. World.Communes, "01-STC", "99999"])
            from p in period
            from cents in Gen.Choose(-10000, 100000)
            from mat in Gen.Elements(Maturity.Estimate, Maturity.Preliminary, Maturity.Official)
            select World.In(ind, unit, p, cents / 100m, mat);
        return Gen.ListOf(one).Select(l => new MixedDataset(l.Take(60).ToList())).ToArbitrary();
    }
}
