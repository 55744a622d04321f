using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 10: a file within one era of the directory is aggregated on that era's engine in one run (the
/// single-era fast path), with exactly the rows, issues and messages of the per-era path and of the engine built on
/// that era's hierarchy.</summary>
public class SingleEraTests
{
    private static readonly ReportingUnitDirectory Vn = ReformTests.Vn;

    private static readonly AggregationEngine PerEra = PerEraEngine(new AggregationOptions { MaxDegreeOfParallelism = 1 });

    private static AggregationEngine PerEraEngine(AggregationOptions options)
    {
        AggregationEngine engine = AggregationEngine.Create(World.Catalogue, Vn, new LocalDate(2026, 1, 1), options);
        engine.PerEraOnly = true;
        return engine;
    }

    /// <summary>The law: on any file, the fast path gives what the per-era path gives (rows, flags, rejected lines with
    /// their messages, omissions); on a file within one era, both give what the engine on that era's hierarchy gives.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 40)]
    public Property The_directory_engine_on_a_file_within_one_era_is_the_engine_on_that_eras_hierarchy(EraDataset data)
    {
        AggregationResult fast = ReformTests.Engine.Aggregate(data.Inputs);
        AggregationResult slow = PerEra.Aggregate(data.Inputs);
        Aggregate[] rows = fast.Aggregates().ToArray();
        if (slow.IsComposite && !fast.IsComposite)
        {
            // Indicators in several groups (their lines name units that change on different days) are put together
            // from one run per group: the same rows, each series in the same order; only derived series of different
            // groups may come in another order (the one run lists them in catalogue order).
            Assert.Equal(BySeries(slow.Aggregates()), BySeries(rows));
        }
        else
        {
            Assert.Equal(slow.Aggregates().ToArray(), rows);
        }
        Assert.Equal(slow.Rejected.Select(Key), fast.Rejected.Select(Key));
        Assert.Equal(slow.Omitted.Select(Key), fast.Omitted.Select(Key));

        bool single = ReformTests.Engine.IsSingleEra([.. data.Inputs], false, out LocalDate day);
        if (single)
        {
            Assert.False(fast.IsComposite);
            AggregationEngine onEra = AggregationEngine.Create(World.Catalogue, Vn.AsOf(day), ReformTests.Engine.AsOf, new AggregationOptions { MaxDegreeOfParallelism = 1 });
            AggregationResult alone = onEra.Aggregate(data.Inputs);
            Assert.Equal(alone.Aggregates().ToArray(), rows);
            Assert.Equal(alone.Rejected.Select(Key), fast.Rejected.Select(Key));
            Assert.Equal(alone.Omitted.Select(Key), fast.Omitted.Select(Key));
        }

        bool crosses = data.Inputs.Any(i => i.Period.End < ReformTests.After) && data.Inputs.Any(i => i.Period.End >= ReformTests.After);
        Assert.False(single && crosses);
        return true.ToProperty()
            .Classify(single, "within one era (fast path)")
            .Classify(crosses, "crosses 1 July 2025")
            .Classify(fast.Rejected.Count > 0, "with rejected lines")
            .Classify(slow.IsComposite && !fast.IsComposite, "several groups of indicators in one era")
            .Classify(data.Inputs.Any(i => i.Period.Type == PeriodType.Week), "with weeks")
            .Collect(rows.Length < 100 ? "rows < 100" : "rows ≥ 100");
    }

    /// <summary>An issue without the date a message may name: an era's engine other than the directory engine's own is
    /// built on the first day it is asked for, which differs between two engines.</summary>
    /// <summary>The rows series by series (in code order), each series' rows in their own order.</summary>
    private static Aggregate[] BySeries(IEnumerable<Aggregate> rows) =>
        [.. rows.GroupBy(a => (a.IndicatorCode, a.Disaggregation)).OrderBy(g => g.Key.IndicatorCode, StringComparer.Ordinal).ThenBy(g => g.Key.Disaggregation, StringComparer.Ordinal)
            .SelectMany(g => g)];

    private static string Key(AggregationIssue i) =>
        System.Text.RegularExpressions.Regex.Replace(i.ToString(), "[0-9]{4}-[0-9]{2}-[0-9]{2}", "date");

    [Fact]
    public void A_file_of_2026_takes_the_fast_path_and_gives_the_rows_of_the_engine_on_the_2026_hierarchy()
    {
        AggregationInput[] lines =
        [
            .. ReformTests.NewCommunes.Select((c, i) => World.In("A", c, World.M(1 + (i % 12)), i + 1)),
            World.In("N", ReformTests.NewCommunes[0], World.M(3), 4), World.In("D", ReformTests.NewCommunes[0], World.M(3), 8),
            World.In("A", "01.STC", World.M(5), 2), World.In("A", "99999", World.M(5), 2), World.In("ZZ", ReformTests.NewCommunes[1], World.M(5), 2),
        ];
        Assert.True(ReformTests.Engine.IsSingleEra(lines, false, out LocalDate day));
        Assert.Equal(lines.Max(l => l.Period.End), day);
        AggregationResult fast = ReformTests.Engine.Aggregate(lines);
        Assert.False(fast.IsComposite);
        AggregationEngine single = AggregationEngine.Create(World.Catalogue, Vn.AsOf(day), ReformTests.Engine.AsOf, new AggregationOptions { MaxDegreeOfParallelism = 1 });
        AggregationResult expected = single.Aggregate(lines);
        Assert.Equal(expected.Aggregates().ToArray(), fast.Aggregates().ToArray());
        Assert.Equal(expected.Rejected, fast.Rejected);
        Assert.Equal([lines.Length - 2, lines.Length - 1], fast.Rejected.Select(r => r.InputIndex));
        Assert.Equal(PerEra.Aggregate(lines).Aggregates().ToArray(), fast.Aggregates().ToArray());
    }

    [Fact]
    public void A_file_crossing_1_July_2025_still_takes_the_per_era_path()
    {
        string oldCommune = ReformTests.OldCommunes[0];
        string newCommune = ReformTests.NewCommunes[0];
        AggregationInput[] lines = [World.In("A", oldCommune, World.M(6, 2025), 7), World.In("A", newCommune, World.M(7, 2025), 5)];
        Assert.False(ReformTests.Engine.IsSingleEra(lines, false, out _));
        AggregationResult r = ReformTests.Engine.Aggregate(lines);
        Assert.True(r.IsComposite);
        Assert.True(r.TryGet("A", ReformTests.NewProvinceOf(oldCommune), ReportingPeriod.Year(2025), out Aggregate year));
        Assert.True(year.Flags.HasFlag(AggregateFlags.UnitsChanged));

        // Lines of July–December 2025 only: the year 2025 holds 1 July, so the fast path is not taken (conservative);
        // the per-era path puts them in one era all the same.
        AggregationInput[] after = [World.In("A", newCommune, World.M(7, 2025), 5), World.In("A", newCommune, World.M(12, 2025), 6)];
        Assert.False(ReformTests.Engine.IsSingleEra(after, false, out _));
        Assert.Equal(11m, ReformTests.Engine.Aggregate(after).ValueOf("A", newCommune, ReportingPeriod.Year(2025)));
    }

    [Fact]
    public void A_week_of_2026_that_starts_in_2025_is_not_on_the_fast_path()
    {
        AggregationInput[] lines = [World.In("A", ReformTests.NewCommunes[0], ReportingPeriod.Week(2026, 1), 1)];
        Assert.Equal(2025, lines[0].Period.Start.Year);
        Assert.True(ReformTests.Engine.IsSingleEra(lines, false, out _) == !Vn.ChangeDates.Any(d => d > new LocalDate(2025, 1, 1) && d <= new LocalDate(2026, 12, 31)));
        Assert.False(ReformTests.Engine.IsSingleEra(lines, false, out _));
    }

    [Fact]
    public void On_current_units_a_file_in_the_era_of_the_as_of_date_is_aggregated_as_it_is()
    {
        AggregationEngine engine = AggregationEngine.Create(World.Catalogue, Vn, new LocalDate(2026, 12, 31), new AggregationOptions { MaxDegreeOfParallelism = 1, OnCurrentUnits = true });
        AggregationEngine perEra = PerEraEngine(new AggregationOptions { MaxDegreeOfParallelism = 1, OnCurrentUnits = true });
        AggregationInput[] lines = [.. ReformTests.NewCommunes.Select((c, i) => World.In("A", c, World.M(1 + (i % 12)), i + 1)), World.In("A", "99999", World.M(2), 1)];
        Assert.True(engine.IsSingleEra(lines, true, out _));
        AggregationResult fast = engine.Aggregate(lines);
        AggregationResult slow = perEra.Aggregate(lines);
        Assert.Equal(slow.Aggregates().ToArray(), fast.Aggregates().ToArray());
        Assert.Equal(slow.Rejected.Select(r => r.InputIndex), fast.Rejected.Select(r => r.InputIndex));

        // With an as-of date in 2025 the file is not in its era: the lines go through the remapper (per-era path).
        AggregationEngine before = AggregationEngine.Create(World.Catalogue, Vn, ReformTests.Before, new AggregationOptions { MaxDegreeOfParallelism = 1, OnCurrentUnits = true });
        Assert.False(before.IsSingleEra(lines, true, out _));
    }
}

/// <summary>Lines of A, S, N, D (R is their ratio) in one of 2024, 2025 or 2026 or across them, at communes of the time,
/// agencies, an unknown unit, an unknown indicator; months and some ISO weeks.</summary>
public sealed record EraDataset(IReadOnlyList<AggregationInput> Inputs)
{
    /// <inheritdoc />
    public override string ToString() => $"{Inputs.Count} inputs: " + string.Join("; ", Inputs.Select(i => $"{i.IndicatorCode} {i.UnitCode} {i.Period.Id} {i.Value}"));
}

/// <summary>Generators of files within one era or across eras.</summary>
public static partial class Arbitraries
{
    /// <summary>0–30 lines, mostly within one year (2024, 2025 before or after July, or 2026).</summary>
    public static Arbitrary<EraDataset> EraDatasets()
    {
        Gen<AggregationInput> Line(int year, int fromMonth, int toMonth) =>
            from ind in Gen.Elements("A", "S", "N", "D", "ZZ")
            from m in Gen.Choose(fromMonth, toMonth)
            from week in Gen.Frequency((9, Gen.Constant(0)), (1, Gen.Choose(1, 52)))
            let p = week > 0 ? ReportingPeriod.Week(year, week) : ReportingPeriod.Month(year, m)
            from unit in Gen.Frequency(
                (8, Gen.Elements(p.End < ReformTests.After ? ReformTests.OldCommunes : ReformTests.NewCommunes)),
                (1, Gen.Elements("01.STC", "01.CTK", "01.SKH")),
                (1, Gen.Elements("99999", "01")))
            from cents in Gen.Choose(-1000, 100000)
            from mat in Gen.Elements(Maturity.Official, Maturity.Preliminary)
            select World.In(ind, unit, p, cents / 100m, mat);
        Gen<(int Year, int From, int To)> era = Gen.Elements((2024, 1, 12), (2025, 1, 6), (2025, 7, 12), (2026, 1, 12), (2025, 1, 12));
        return (from e in era
                from lines in Gen.ListOf(Line(e.Year, e.From, e.To))
                select new EraDataset(lines.Take(30).ToList()))
            .ToArbitrary();
    }
}
