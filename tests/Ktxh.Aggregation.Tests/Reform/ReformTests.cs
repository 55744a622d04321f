using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Aggregation.Tests;

/// <summary>Issue 9 §2: a file spanning 1 July 2025 aggregates every period on the units in force in it.</summary>
public class ReformTests
{
    internal static readonly ReportingUnitDirectory Vn = ReportingUnitDirectory.Vietnam;
    internal static readonly LocalDate Before = new(2025, 6, 30);
    internal static readonly LocalDate After = new(2025, 7, 1);
    internal static readonly AggregationEngine Engine = AggregationEngine.Create(World.Catalogue, Vn, new LocalDate(2026, 1, 1), new AggregationOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>Old Bắc Ninh (27) and old Bắc Giang (24) went whole into new Bắc Ninh (24); old Hà Nội (01) into new Hà Nội (01).</summary>
    internal static readonly string[] OldCommunes = [.. Take(Before, "27"), .. Take(Before, "24"), .. Take(Before, "01")];

    internal static readonly string[] NewCommunes = [.. Take(After, "24"), .. Take(After, "01")];

    private static IEnumerable<string> Take(LocalDate day, string province) => Vn.AsOf(day).CommunesOf(province).Take(4).Select(u => u.Code);

    internal static string NewProvinceOf(string oldCommune) => Vn.Successions.MapForwardToProvince(oldCommune, After)!.Code;

    private static AggregationInput In(string unit, ReportingPeriod p, decimal v) => World.In("A", unit, p, v);

    [Fact]
    public void An_old_commune_in_June_and_a_new_one_in_July_are_both_used_each_on_its_own_units()
    {
        string oldBacNinh = Vn.AsOf(Before).CommunesOf("27")[0].Code;
        string newBacNinh = Vn.AsOf(After).CommunesOf("24")[0].Code;
        string oldDistrict = Vn.Find(oldBacNinh, Before)!.ParentCode!;
        AggregationResult r = Engine.Aggregate([In(oldBacNinh, World.M(6, 2025), 10), In(newBacNinh, World.M(7, 2025), 5)]);

        Assert.Empty(r.Rejected);
        Assert.Equal(10m, r.ValueOf("A", oldBacNinh, World.M(6, 2025)));
        Assert.Equal(10m, r.ValueOf("A", oldDistrict, World.M(6, 2025)));   // districts exist before the reform
        Assert.Equal(10m, r.ValueOf("A", "27", World.M(6, 2025)));          // old Bắc Ninh
        Assert.Null(r.ValueOf("A", "24", World.M(6, 2025)));                // old Bắc Giang: listed, no data
        Assert.Equal(5m, r.ValueOf("A", "24", World.M(7, 2025)));           // new Bắc Ninh
        Assert.Equal(10m, r.ValueOf("A", "VN", World.M(6, 2025)));
        Assert.Equal(5m, r.ValueOf("A", "VN", World.M(7, 2025)));
        Assert.False(r.TryGet("A", "27", World.M(7, 2025), out _));         // old Bắc Ninh no longer exists

        // The year straddles: province (new units) and nation only, flagged.
        Assert.True(r.TryGet("A", "24", ReportingPeriod.Year(2025), out Aggregate year));
        Assert.Equal(15m, year.Value);
        Assert.True(year.Flags.HasFlag(AggregateFlags.UnitsChanged));
        Assert.True(year.Flags.HasFlag(AggregateFlags.IncompletePeriod));
        Assert.Equal(15m, r.ValueOf("A", "VN", ReportingPeriod.YearToDate(2025, 7)));
        Assert.False(r.TryGet("A", newBacNinh, ReportingPeriod.Year(2025), out _));
        Assert.False(r.TryGet("A", oldBacNinh, ReportingPeriod.Year(2025), out _));
        Assert.DoesNotContain(r.Aggregates(), a => a.UnitCode.Contains('@', StringComparison.Ordinal));

        // Periods inside one era are not flagged.
        Assert.True(r.TryGet("A", "VN", ReportingPeriod.Quarter(2025, 2), out Aggregate q2));
        Assert.False(q2.Flags.HasFlag(AggregateFlags.UnitsChanged));
        Assert.Equal(10m, q2.Value);
        Assert.Equal(5m, r.ValueOf("A", "VN", ReportingPeriod.HalfYear(2025, 2)));
    }

    [Fact]
    public void The_explanation_of_a_straddling_row_names_the_lines_as_entered()
    {
        string oldCommune = Vn.AsOf(Before).CommunesOf("27")[0].Code;
        string newCommune = Vn.AsOf(After).CommunesOf("24")[0].Code;
        AggregationResult r = Engine.Aggregate([In("ZZZZZ", World.M(5, 2025), 1), In(oldCommune, World.M(6, 2025), 10), In(newCommune, World.M(7, 2025), 5)]);
        Assert.Equal(0, Assert.Single(r.Rejected).InputIndex);
        Assert.True(r.TryGet("A", "24", ReportingPeriod.Year(2025), out Aggregate year));
        AggregateExplanation e = r.Explain(year);
        Assert.Equal([(1, oldCommune), (2, newCommune)], e.Inputs.Select(i => (i.InputIndex, i.UnitCode)).OrderBy(p => p.InputIndex));
    }

    [Fact]
    public void A_series_with_lines_in_one_era_is_not_bridged_by_another_series()
    {
        string oldCommune = Vn.AsOf(Before).CommunesOf("01")[0].Code;
        string newCommune = Vn.AsOf(After).CommunesOf("01")[0].Code;
        AggregationInput[] lines = [World.In("S", oldCommune, World.M(6, 2025), 7), In(newCommune, World.M(7, 2025), 5), In(newCommune, World.M(8, 2025), 6)];
        AggregationResult whole = Engine.Aggregate(lines);
        AggregationResult alone = Engine.Aggregate(lines.Where(l => l.IndicatorCode == "A"));
        Assert.Equal(alone.Aggregates().Where(a => a.IndicatorCode == "A").ToArray(), whole.Aggregates().Where(a => a.IndicatorCode == "A").ToArray());
        Assert.Contains(whole.Aggregates(), a => a.IndicatorCode == "A" && a.UnitCode == newCommune && a.Period == ReportingPeriod.Year(2025));
    }

    [Fact]
    public void A_file_within_one_era_gives_the_same_rows_as_the_engine_on_that_eras_hierarchy()
    {
        AggregationEngine single = AggregationEngine.Create(World.Catalogue, Vn.AsOf(Before), Before, new AggregationOptions { MaxDegreeOfParallelism = 1 });
        AggregationInput[] lines = OldCommunes.Select((c, i) => In(c, World.M(1 + (i % 6), 2025), i)).ToArray();
        Assert.Equal(single.Aggregate(lines).Aggregates().ToArray(), Engine.Aggregate(lines).Aggregates().ToArray());
    }

    [Fact]
    public void On_current_units_a_whole_merge_is_remapped_and_a_part_transfer_without_share_is_rejected()
    {
        // An old commune that went whole into a new one, and one split without shares.
        Succession whole = Vn.Successions.All.First(s => s.Kind == SuccessionKind.Merge && s.FromKind == ReportingUnitKind.Commune
            && Vn.Successions.From(s.FromCode).Count == 1);
        Succession part = Vn.Successions.All.First(s => s.Kind == SuccessionKind.PartTransfer && s.FromKind == ReportingUnitKind.Commune);
        AggregationEngine engine = AggregationEngine.Create(World.Catalogue, Vn, After, new AggregationOptions { MaxDegreeOfParallelism = 1, OnCurrentUnits = true });
        AggregationResult r = engine.Aggregate([In(whole.FromCode, World.M(6, 2025), 10), In(part.FromCode, World.M(6, 2025), 3), In(whole.ToCode, World.M(7, 2025), 5)]);

        AggregationIssue rejected = Assert.Single(r.Rejected);
        Assert.Equal(1, rejected.InputIndex);
        Assert.Contains("without a known share", rejected.MessageEn, StringComparison.Ordinal);
        Assert.Equal(10m, r.ValueOf("A", whole.ToCode, World.M(6, 2025)));
        Assert.Equal(15m, r.ValueOf("A", whole.ToCode, ReportingPeriod.YearToDate(2025, 7)));
        Assert.All(r.Aggregates(), a => Assert.NotNull(Vn.Find(a.UnitCode, After)));
        Assert.DoesNotContain(r.Aggregates(), a => a.Flags.HasFlag(AggregateFlags.UnitsChanged));
    }

    [Fact]
    public void A_line_on_a_unit_not_yet_in_force_is_rejected_and_left_out_of_the_straddling_periods()
    {
        string old = Vn.AsOf(Before).CommunesOf("01")[0].Code;
        const string created = "01.SNNMT"; // Sở Nông nghiệp và Môi trường: from 1 March 2025 (Nghị định 45/2025/NĐ-CP)
        AggregationResult r = Engine.Aggregate([In(old, World.M(2, 2025), 1), In(created, World.M(2, 2025), 1000), In(created, World.M(8, 2025), 10)]);
        Assert.Equal(1, Assert.Single(r.Rejected).InputIndex);
        Assert.Equal(11m, r.ValueOf("A", "01", ReportingPeriod.Year(2025)));
        Assert.Equal(11m, r.ValueOf("A", "VN", ReportingPeriod.YearToDate(2025, 8)));
    }

    [Fact]
    public void Agency_lines_roll_up_to_their_province_like_a_communes()
    {
        string commune = Vn.AsOf(After).CommunesOf("01")[0].Code;
        AggregationResult r = Engine.Aggregate([In("01.STC", World.M(8, 2025), 5), In("01.SYT", World.M(8, 2025), 2), In(commune, World.M(8, 2025), 1)]);
        Assert.Empty(r.Rejected);
        Assert.Equal(8m, r.ValueOf("A", "01", World.M(8, 2025)));
        Assert.Equal(8m, r.ValueOf("A", "VN", World.M(8, 2025)));
        Assert.True(r.TryGet("A", "01.STC", World.M(8, 2025), out Aggregate stc));
        Assert.Equal(new Coverage(1, 1), stc.Coverage);
    }

    [Fact]
    public void A_department_merged_on_1_March_2025_reports_before_it_and_its_successor_after()
    {
        string commune = Vn.AsOf(Before).CommunesOf("01")[0].Code;
        AggregationResult r = Engine.Aggregate(
        [
            In("01.SKH", World.M(2, 2025), 2), In("01.STC", World.M(4, 2025), 4),
            In("01.SKH", World.M(4, 2025), 100), // merged away on 1 March: rejected
            World.In("S", commune, World.M(2, 2025), 7), World.In("S", commune, World.M(4, 2025), 9),
        ]);
        Assert.Equal(2, Assert.Single(r.Rejected).InputIndex);
        Assert.Equal(2m, r.ValueOf("A", "01.SKH", World.M(2, 2025)));
        Assert.True(r.TryGet("A", "01", ReportingPeriod.HalfYear(2025, 1), out Aggregate h1));
        Assert.Equal(6m, h1.Value);
        Assert.True(h1.Flags.HasFlag(AggregateFlags.UnitsChanged));
        Assert.False(r.TryGet("A", "01.SKH", ReportingPeriod.HalfYear(2025, 1), out _));

        // Another indicator's commune series is not split on 1 March: its units did not change.
        Assert.True(r.TryGet("S", commune, ReportingPeriod.HalfYear(2025, 1), out Aggregate s));
        Assert.False(s.Flags.HasFlag(AggregateFlags.UnitsChanged));
    }

    /// <summary>The law: a file spanning the reform aggregates old and new periods. Every line is used (none rejected);
    /// in each month the total of a province of its era is the sum of its lines; the nation is the sum of every line of
    /// the month; for a period straddling 1 July 2025 a new province is the sum of its own lines and those of the old
    /// communes whose province went into it.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 40)]
    public Property A_file_spanning_the_reform_aggregates_old_and_new_periods(ReformDataset data)
    {
        AggregationResult r = Engine.Aggregate(data.Inputs);
        Assert.Empty(r.Rejected);
        foreach (IGrouping<ReportingPeriod, AggregationInput> month in data.Inputs.GroupBy(i => i.Period))
        {
            LocalDate day = month.Key.End;
            foreach (IGrouping<string, AggregationInput> province in month.GroupBy(i => Vn.AsOf(day).ProvinceOf(i.UnitCode)!.Code))
            {
                Assert.Equal(province.Sum(i => i.Value), r.ValueOf("A", province.Key, month.Key));
            }

            Assert.Equal(month.Sum(i => i.Value), r.ValueOf("A", "VN", month.Key));
        }

        bool straddles = data.Inputs.Any(i => i.Period.Start.Year == 2025 && i.Period.End < After) && data.Inputs.Any(i => i.Period.Start >= After);
        if (straddles)
        {
            foreach (IGrouping<string, AggregationInput> province in data.Inputs.Where(i => i.Period.Start.Year == 2025)
                .GroupBy(i => i.Period.End < After ? NewProvinceOf(i.UnitCode) : Vn.AsOf(After).ProvinceOf(i.UnitCode)!.Code))
            {
                Assert.True(r.TryGet("A", province.Key, ReportingPeriod.Year(2025), out Aggregate year));
                Assert.Equal(province.Sum(i => i.Value), year.Value);
                Assert.True(year.Flags.HasFlag(AggregateFlags.UnitsChanged));
            }

            Assert.Equal(data.Inputs.Where(i => i.Period.Start.Year == 2025).Sum(i => i.Value), r.ValueOf("A", "VN", ReportingPeriod.Year(2025)));
            int lastMonth = data.Inputs.Where(i => i.Period.Start.Year == 2025).Max(i => i.Period.End.Month);
            Assert.Equal(data.Inputs.Where(i => i.Period.Start.Year == 2025).Sum(i => i.Value), r.ValueOf("A", "VN", ReportingPeriod.YearToDate(2025, lastMonth)));
        }

        return true.ToProperty()
            .Classify(straddles, "2025 has lines on both sides of 1 July")
            .Classify(data.Inputs.Any(i => i.Period.End < After) && data.Inputs.Any(i => i.Period.Start >= After), "spans 1 July 2025")
            .Classify(data.Inputs.Any(i => i.Period.Start.Year == 2024), "with 2024")
            .Collect(data.Inputs.Count < 10 ? "< 10 lines" : "≥ 10 lines");
    }
}

/// <summary>Issue 9 §1 across the reform: on the directory engine too, a series depends only on its own inputs.</summary>
public class ReformIndependenceTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 25)]
    public Property A_file_spanning_the_reform_aggregates_as_its_indicators_one_by_one(MixedReformDataset data)
    {
        (AggregationResult whole, int rows) = AssertAggregatesOneByOne(data.Inputs);
        return true.ToProperty()
            .Classify(whole.Aggregates().Any(a => a.Flags.HasFlag(AggregateFlags.UnitsChanged)), "with UnitsChanged rows")
            .Classify(data.Inputs.Any(i => i.UnitCode.Contains('.', StringComparison.Ordinal)), "with agency lines")
            .Collect(rows < 1000 ? "rows < 1000" : "rows ≥ 1000");
    }

    /// <summary>The case the property found (replay (11786288479191218877,1624704009131892883,49)): A's lines end in
    /// March 2025 and S's and N's in the same era later, and the units of all three change on the same days. When sets
    /// of indicators with equal change dates shared one run per era, that era's tree was the one in force at the latest
    /// end of all their lines (June), not of A's (March): A's 2025-Q1 rows in the file were on other units, with other
    /// expected counts, than A's alone.</summary>
    [Fact]
    public void Indicators_whose_units_change_on_the_same_days_do_not_share_an_eras_tree()
    {
        const string lines = "N 09169 2025-M08 361.87; N 07210 2025-M06 129.33; N 09169 2025-M01 191.65; S 07210 2025-M08 238.08; "
            + "S 09166 2025-M11 585.77; A 01.SKH 2025-M02 553.77; S 01.SKH 2025-M04 676.16; S 01.STC 2025-M03 942.75; N 01.STC 2025-M12 863.23; "
            + "N 07210 2025-M02 682.83; S 01.SKH 2025-M02 484.84; S 01.CTK 2025-M08 206.01; S 07246 2025-M04 506.23; N 01.STC 2025-M09 583.95; "
            + "S 07210 2025-M08 28.1; S 09169 2025-M02 834.42; N 01.SKH 2025-M01 186.26; A 09163 2025-M03 48.57; N 01.SKH 2025-M07 499.41; "
            + "N 07246 2025-M01 68.99; S 01.SKH 2025-M06 761.41; S 01.SKH 2025-M05 361.05";
        AggregationInput[] inputs = lines.Split("; ").Select(line => line.Split(' ')).Select(f => new AggregationInput(
            f[0], f[1], ReportingPeriod.Parse(f[2]), decimal.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        (_, int rows) = AssertAggregatesOneByOne(inputs);
        Assert.True(rows > 0);
    }

    /// <summary>Asserts that each of A, S and N aggregates in the whole file exactly as alone; returns the whole result
    /// and the number of rows compared.</summary>
    private static (AggregationResult Whole, int Rows) AssertAggregatesOneByOne(IReadOnlyList<AggregationInput> inputs)
    {
        AggregationResult whole = ReformTests.Engine.Aggregate(inputs);
        int rows = 0;
        foreach (string ind in new[] { "A", "S", "N" })
        {
            Aggregate[] alone = ReformTests.Engine.Aggregate(inputs.Where(i => i.IndicatorCode == ind)).Aggregates().Where(a => a.IndicatorCode == ind).ToArray();
            Aggregate[] inFile = whole.Aggregates().Where(a => a.IndicatorCode == ind).ToArray();
            Assert.Equal(alone, inFile);
            rows += inFile.Length;
        }

        return (whole, rows);
    }
}

/// <summary>Lines of A, S and N in 2025, on old and new communes and agencies (some lines on units not in force).</summary>
public sealed record MixedReformDataset(IReadOnlyList<AggregationInput> Inputs)
{
    /// <inheritdoc />
    public override string ToString() => $"{Inputs.Count} inputs: " + string.Join("; ", Inputs.Select(i => $"{i.IndicatorCode} {i.UnitCode} {i.Period.Id} {i.Value}"));
}

/// <summary>Monthly lines of 2024–2025: old communes before July 2025, new communes from it; one line per unit and month.</summary>
public sealed record ReformDataset(IReadOnlyList<AggregationInput> Inputs)
{
    /// <inheritdoc />
    public override string ToString() => $"{Inputs.Count} inputs: " + string.Join("; ", Inputs.Select(i => $"{i.UnitCode} {i.Period.Id} {i.Value}"));
}

/// <summary>Generators of datasets spanning the reform.</summary>
public static partial class Arbitraries
{
    /// <summary>0–40 monthly lines of indicator A between 2024-M10 and 2025-M12, each on a unit in force that month.</summary>
    public static Arbitrary<ReformDataset> ReformDatasets()
    {
        Gen<AggregationInput> one =
            from k in Gen.Choose(0, 14)
            let p = ReportingPeriod.Month(2024 + ((9 + k) / 12), 1 + ((9 + k) % 12))
            from unit in Gen.Elements(p.End < ReformTests.After ? ReformTests.OldCommunes : ReformTests.NewCommunes)
            from cents in Gen.Choose(-1000, 100000)
            select World.In("A", unit, p, cents / 100m);
        return Gen.ListOf(one)
            .Select(l => new ReformDataset(l.DistinctBy(i => (i.UnitCode, i.Period)).Take(40).ToList()))
            .ToArbitrary();
    }

    /// <summary>0–30 lines of A, S, N over 2025 at old and new communes and agencies of Hà Nội (01.SKH ends on 1 March).</summary>
    public static Arbitrary<MixedReformDataset> MixedReformDatasets()
    {
        string[] units = [.. ReformTests.OldCommunes.Take(3), .. ReformTests.NewCommunes.Take(3), "01.STC", "01.SKH", "01.CTK"];
        Gen<AggregationInput> one =
            from ind in Gen.Elements("A", "S", "N")
            from m in Gen.Choose(1, 12)
            from unit in Gen.Elements(units)
            from cents in Gen.Choose(0, 100000)
            select World.In(ind, unit, ReportingPeriod.Month(2025, m), cents / 100m);
        return Gen.ListOf(one).Select(l => new MixedReformDataset(l.Take(30).ToList())).ToArbitrary();
    }
}
