using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Integration.Tests.Cycles;

/// <summary>
/// Values of every commune of a province, generated deterministically, aggregated by the engine on the built-in
/// catalogue and the administrative units in force: the province, the nation and the quarter equal the hand sums.
/// The same kind of data reported under the pre-reform units (before 1/7/2025, Resolution 202/2025/QH15) is remapped
/// onto the new units and aggregated: the total is preserved exactly.
/// </summary>
public class AggregationCycleTests
{
    private const string Retail = "HNM.CTK.09.002"; // retail sales of goods, triệu đồng, monthly, summed
    private static readonly LocalDate AsOf = new(2026, 3, 31);
    private static readonly Lazy<AdministrativeHierarchy> Hierarchy = new(() => ReportingUnitDirectory.Vietnam.AsOf(AsOf));
    private static readonly Lazy<AggregationEngine> Engine = new(() => AggregationEngine.Create(IndicatorCatalogue.BuiltIn, Hierarchy.Value, AsOf));
    private static readonly ReportingPeriod[] Quarter1 = [ReportingPeriod.Parse("2026-M01"), ReportingPeriod.Parse("2026-M02"), ReportingPeriod.Parse("2026-M03")];

    [Theory]
    [InlineData("37", 2026)] // Ninh Bình (took in Hà Nam and Nam Định)
    [InlineData("01", 7)] // Hà Nội
    [InlineData("79", 42)] // Thành phố Hồ Chí Minh
    public void Every_commune_reports_and_the_province_equals_the_hand_sum(string province, int seed)
    {
        IReadOnlyList<ReportingUnit> communes = Hierarchy.Value.CommunesOf(province);
        Assert.NotEmpty(communes);
        AggregationInput[] inputs = Generate(communes.Select(c => c.Code), Quarter1, seed).ToArray();

        AggregationResult result = Engine.Value.Aggregate(inputs);

        Assert.Empty(result.Rejected);
        foreach (ReportingPeriod month in Quarter1)
        {
            decimal handSum = inputs.Where(i => i.Period == month).Sum(i => i.Value);
            Assert.Equal(handSum, result.ValueOf(Retail, province, month));
            Assert.Equal(handSum, result.ValueOf(Retail, "VN", month));
            Assert.True(result.TryGet(Retail, province, month, out Aggregate aggregate));
            Assert.Equal(new Coverage(communes.Count, communes.Count), aggregate.Coverage);
            Assert.False(aggregate.Flags.HasFlag(AggregateFlags.PartialCoverage));
        }

        Assert.Equal(inputs.Sum(i => i.Value), result.ValueOf(Retail, province, ReportingPeriod.Parse("2026-Q1")));
        Assert.Equal(inputs.Sum(i => i.Value), result.ValueOf(Retail, province, ReportingPeriod.Parse("2026-YTD-M03")));
    }

    [Property(MaxTest = 25)]
    public void Any_subset_of_communes_sums_to_its_province(PositiveInt seed, NonNegativeInt skip)
    {
        IReadOnlyList<ReportingUnit> communes = Hierarchy.Value.CommunesOf("37");
        int every = skip.Get % 5 + 2; // leave out every 2nd … 6th commune
        string[] reporting = communes.Where((_, i) => i % every != 0).Select(c => c.Code).ToArray();
        AggregationInput[] inputs = Generate(reporting, [Quarter1[0]], seed.Get).ToArray();

        AggregationResult result = Engine.Value.Aggregate(inputs);

        Assert.Equal(inputs.Sum(i => i.Value), result.ValueOf(Retail, "37", Quarter1[0]));
        Assert.True(result.TryGet(Retail, "37", Quarter1[0], out Aggregate aggregate));
        Assert.Equal(new Coverage(reporting.Length, communes.Count), aggregate.Coverage);
        Assert.True(aggregate.Flags.HasFlag(AggregateFlags.PartialCoverage));
    }

    [Fact]
    public void Old_communes_remapped_onto_the_new_units_keep_their_total()
    {
        // Hà Nam (35), Nam Định (36) and Ninh Bình (37) merged whole into the new Ninh Bình (37) on 1/7/2025.
        AdministrativeHierarchy before = ReportingUnitDirectory.Vietnam.AsOf(new LocalDate(2025, 6, 30));
        string[] oldCommunes = new[] { "35", "36", "37" }.SelectMany(p => before.CommunesOf(p)).Select(c => c.Code).ToArray();
        Assert.True(oldCommunes.Length > 129, $"{oldCommunes.Length} old communes");
        ReportingPeriod december = ReportingPeriod.Parse("2024-M12");
        AggregationInput[] old = Generate(oldCommunes, [december], 2024).ToArray();
        decimal oldTotal = old.Sum(v => v.Value);

        RemapResult remapped = new HistoricalRemapper(IndicatorCatalogue.BuiltIn, ReportingUnitDirectory.Vietnam.Successions, AsOf).Remap(old);

        // Nothing lost, nothing made up: what was remapped plus what could not be is the old total, to the last digit.
        Assert.Equal(oldTotal, remapped.Values.Sum(v => v.Value) + remapped.NotRemapped.Sum(i => i.Value.Value));
        Assert.NotEmpty(remapped.Values);
        Assert.True(remapped.NotRemapped.Count < old.Length / 10, $"{remapped.NotRemapped.Count} of {old.Length} values not remapped");
        HashSet<string> newCommunes = Hierarchy.Value.CommunesOf("37").Select(c => c.Code).ToHashSet();
        Assert.All(remapped.Values, v => Assert.Contains(v.UnitCode, newCommunes));
        Assert.All(remapped.NotRemapped, i => Assert.NotEmpty(i.ReasonEn));

        AggregationResult result = Engine.Value.Aggregate(remapped.Values);
        Assert.Empty(result.Rejected);
        Assert.Equal(remapped.Values.Sum(v => v.Value), result.ValueOf(Retail, "37", december));
        if (remapped.NotRemapped.Count == 0)
        {
            Assert.Equal(oldTotal, result.ValueOf(Retail, "37", december));
        }
    }

    [Fact]
    public void A_commune_merged_whole_brings_its_value_to_its_new_commune()
    {
        // Phường Phúc Xá (00001) merged whole into Phường Hồng Hà (00097), Hà Nội.
        ReportingPeriod december = ReportingPeriod.Parse("2024-M12");
        AggregationInput[] old = [new(Retail, "00001", december, 123.456m)];
        RemapResult remapped = new HistoricalRemapper(IndicatorCatalogue.BuiltIn, ReportingUnitDirectory.Vietnam.Successions, AsOf).Remap(old);
        AggregationInput value = Assert.Single(remapped.Values);
        Assert.Equal("00097", value.UnitCode);
        Assert.Equal(123.456m, value.Value);
        Assert.Equal(december, value.Period);
    }

    // Values with up to three decimals, the same for the same seed.
    private static IEnumerable<AggregationInput> Generate(IEnumerable<string> units, IEnumerable<ReportingPeriod> periods, int seed)
    {
        var random = new Random(seed);
        ReportingPeriod[] all = periods.ToArray();
        foreach (string unit in units)
        {
            foreach (ReportingPeriod period in all)
            {
                yield return new AggregationInput(Retail, unit, period, random.Next(0, 50_000_000) / 1000m);
            }
        }
    }
}
