using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Aggregation.Tests;

/// <summary>
/// Issue 10: the result grid has rows only for the units that occur in a run (their ancestors and every unit above
/// leaves); a run where only some leaves report gives exactly what the full grid over every unit gives: every aggregate
/// the cursor walks (every column), the CSV bytes, every unit looked up one by one (a leaf that reported nothing too),
/// the explanations, the rejected lines and the omissions.
/// </summary>
public class CompactGridProperties
{
    /// <summary>VN → P1 (districts D11, D12 with communes; an agency), P2 (communes, an agency), P3 (communes), P4 (no
    /// units under it: a province that is a leaf).</summary>
    internal static readonly HierarchyUnit[] Units =
    [
        new("VN", null, HierarchyRole.Nation),
        new("P1", "VN", HierarchyRole.Province),
        new("D11", "P1", HierarchyRole.District),
        new("C111", "D11", HierarchyRole.Commune),
        new("C112", "D11", HierarchyRole.Commune),
        new("D12", "P1", HierarchyRole.District),
        new("C121", "D12", HierarchyRole.Commune),
        new("C122", "D12", HierarchyRole.Commune),
        new("C123", "D12", HierarchyRole.Commune),
        new("P1-A", "P1", HierarchyRole.Agency),
        new("P2", "VN", HierarchyRole.Province),
        new("C21", "P2", HierarchyRole.Commune),
        new("C22", "P2", HierarchyRole.Commune),
        new("C23", "P2", HierarchyRole.Commune),
        new("P2-A", "P2", HierarchyRole.Agency),
        new("P3", "VN", HierarchyRole.Province),
        new("C31", "P3", HierarchyRole.Commune),
        new("C32", "P3", HierarchyRole.Commune),
        new("P4", "VN", HierarchyRole.Province),
    ];

    private static readonly HashSet<string> Parents = [.. Units.Select(u => u.ParentCode).OfType<string>()];

    /// <summary>The leaves of <see cref="Units"/>.</summary>
    internal static readonly string[] Leaves = [.. Units.Select(u => u.Code).Where(c => !Parents.Contains(c))];

    private static AggregationOptions Options(int variant, bool full) => variant switch
    {
        1 => new AggregationOptions
        {
            MaxDegreeOfParallelism = 1,
            FullGrid = full,
            // The host names the expected reporters: communes whose code and indicator's lengths do not add to a
            // multiple of 3, and the agencies for two-letter indicators (expected, mostly without a line).
            ExpectedReporters = (ind, u) => (u.Role == HierarchyRole.Commune && (u.Code.Length + ind.Length) % 3 != 0)
                || (u.Role == HierarchyRole.Agency && ind.Length == 2),
        },
        2 => new AggregationOptions { MaxDegreeOfParallelism = 1, FullGrid = full, CoverageMode = CoverageMode.Withhold },
        3 => new AggregationOptions { MaxDegreeOfParallelism = 1, FullGrid = full, CoverageMode = CoverageMode.Produce, CoverageThreshold = 0.5m },
        _ => new AggregationOptions { MaxDegreeOfParallelism = 1, FullGrid = full },
    };

    private static List<Aggregate> Walk(AggregationResult result)
    {
        var rows = new List<Aggregate>();
        AggregateCursor c = result.GetCursor();
        while (c.MoveNext())
        {
            rows.Add(new Aggregate(c.IndicatorCode, c.Disaggregation, c.UnitCode, c.Period, c.Value, c.Coverage, c.Maturity, c.Flags));
        }

        return rows;
    }

    private static string Csv(AggregationResult result)
    {
        using var s = new MemoryStream();
        AggregationCsv.WriteAggregates(s, result);
        return Encoding.UTF8.GetString(s.ToArray());
    }

    [Fact]
    public void Only_units_that_occur_and_units_above_leaves_have_rows_and_the_others_still_answer()
    {
        // C111 and C21 report; P3's communes, P4 and the agencies do not.
        AggregationInput[] inputs = [World.In("Q", "C111", World.M(1), 2m), World.In("Q", "C21", World.M(1), 3m)];
        AggregationResult result = FamilyWorld.Engine(Options(0, full: false), Units).Aggregate(inputs);

        Assert.Equal(["VN", "P1", "D11", "C111", "D12", "P2", "C21", "P3"], result.Rows.PreOrder.Select(r => Units[result.Rows.UnitOf[r]].Code));
        Assert.True(result.TryGet("Q", "VN", World.M(1), out Aggregate vn));
        Assert.Equal((5m, new Coverage(2, 10)), (vn.Value!.Value, vn.Coverage));

        // A province with expected units and nothing reported keeps its row; a district too.
        List<Aggregate> rows = [.. result.Aggregates().Where(a => a.IndicatorCode == "Q" && a.Period == World.M(1))];
        Assert.Equal(["VN", "P1", "D11", "C111", "D12", "P2", "C21", "P3"], rows.Select(a => a.UnitCode));
        Aggregate p3 = rows.Single(a => a.UnitCode == "P3");
        Assert.Equal((null, new Coverage(0, 2), AggregateFlags.NoData), (p3.Value, p3.Coverage, p3.Flags));

        // A commune without a line has no row and is still found: no value, expected 1, NoData.
        Assert.True(result.TryGet("Q", "C31", World.M(1), out Aggregate c31));
        Assert.Equal(new Aggregate("Q", null, "C31", World.M(1), null, new Coverage(0, 1), null, AggregateFlags.NoData), c31);
        Assert.Empty(result.Explain(c31).Inputs);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 120)]
    public Property A_run_where_some_leaves_report_equals_the_full_grid(SubsetDataset data)
    {
        AggregationResult compact = FamilyWorld.Engine(Options(data.Variant, full: false), Units).Aggregate(data.Inputs);
        AggregationResult full = FamilyWorld.Engine(Options(data.Variant, full: true), Units).Aggregate(data.Inputs);

        List<Aggregate> walked = Walk(compact);
        Assert.Equal(Walk(full), walked);
        Assert.Equal(Csv(full), Csv(compact));
        Assert.Equal(full.Rejected, compact.Rejected);
        Assert.Equal(full.Omitted, compact.Omitted);
        Assert.Equal(full.Periods, compact.Periods);

        // Every unit looked up, including the leaves that have no row in the compact grid.
        int absent = 0;
        foreach (string ind in FamilyWorld.Families.Select(f => f.Code))
        {
            foreach (ReportingPeriod p in full.Periods)
            {
                foreach (HierarchyUnit u in Units)
                {
                    bool inFull = full.TryGet(ind, u.Code, p, out Aggregate a);
                    Assert.Equal(inFull, compact.TryGet(ind, u.Code, p, out Aggregate b));
                    Assert.Equal(a, b);
                    if (inFull && !data.Inputs.Any(x => x.UnitCode == u.Code))
                    {
                        absent++;
                    }

                    if (inFull)
                    {
                        AggregateExplanation ef = full.Explain(a);
                        AggregateExplanation ec = compact.Explain(b);
                        Assert.Equal(ef.Aggregate, ec.Aggregate);
                        Assert.Equal(ef.Rule, ec.Rule);
                        Assert.Equal(ef.Inputs, ec.Inputs);
                        Assert.Equal(ef.Operands, ec.Operands);
                    }
                }
            }
        }

        int reportingLeaves = Leaves.Count(l => data.Inputs.Any(x => x.UnitCode == l));
        return true.ToProperty()
            .Classify(reportingLeaves < Leaves.Length, "some leaves report nothing")
            .Classify(absent > 0, "a leaf without a row looked up")
            .Classify(data.Inputs.Any(x => Parents.Contains(x.UnitCode)), "a unit above leaves has its own figure")
            .Classify(walked.Any(x => x.Value is null && x.Flags.HasFlag(AggregateFlags.NoData)), "a listed row without data")
            .Collect($"options {data.Variant}");
    }
}

/// <summary>Inputs of every family of <see cref="FamilyWorld"/> from a random subset of the units of
/// <see cref="CompactGridProperties.Units"/>, and which options to run them with (0 default, 1 the host names the
/// expected reporters, 2 withhold partial coverage, 3 produce above half coverage).</summary>
public sealed record SubsetDataset(IReadOnlyList<AggregationInput> Inputs, int Variant)
{
    /// <inheritdoc/>
    public override string ToString() => $"options {Variant}: " + string.Join("; ", Inputs.Select(i => $"{i.IndicatorCode} {i.UnitCode} {i.Period} {i.Value} {i.Maturity}"));
}

public static partial class Arbitraries
{
    /// <summary>A random subset of units (leaves mostly; now and then a district, a province or the nation with its own
    /// figure), then up to 60 inputs of every entered family from those units, months of 2026 and the year.</summary>
    public static Arbitrary<SubsetDataset> SubsetDatasets()
    {
        string[] codes = [.. CompactGridProperties.Units.Select(u => u.Code)];
        Gen<SubsetDataset> gen =
            from mask in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(true)), (4, Gen.Constant(false))), codes.Length)
            from extra in Gen.Elements(CompactGridProperties.Leaves)
            let reporters = codes.Where((c, i) => mask[i] && (CompactGridProperties.Leaves.Contains(c) || i % 3 == 0)).Append(extra).Distinct().ToArray()
            from lines in Gen.ListOf(Line(reporters)).Select(l => l.SelectMany(x => x).Take(60).ToList())
            from variant in Gen.Choose(0, 3)
            select new SubsetDataset(lines.GroupBy(i => (i.IndicatorCode, i.UnitCode, i.Period, i.Maturity)).Select(g => g.First()).ToList(), variant);
        return gen.ToArbitrary();

        static Gen<AggregationInput[]> Line(string[] reporters) =>
            FamilyLine(reporters, "Q", "AR", "P", "PR", "TE", "AT", "LO", "HI", "CN", "CS", "LV", "NU", "NT", "NL");
    }
}
