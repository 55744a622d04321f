using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Benchmarks.Aggregation;

/// <summary>
/// The national benchmark data: the real 2025 hierarchy (34 provinces, 3,321 communes, from the built-in
/// administrative units), 300 indicators (270 amounts summed both ways, 30 stocks summed over units and taking the
/// last month over time), 12 months, one value per commune, indicator and month (~12 million values).
/// </summary>
internal sealed class NationalData
{
    public static readonly LocalDate AsOf = new(2026, 1, 1);

    public NationalData(int provinces, int indicators)
    {
        AdministrativeHierarchy hierarchy = ReportingUnitDirectory.Vietnam.AsOf(AsOf);
        Units = hierarchy.Units.Select(AggregationEngine.ToHierarchyUnit).ToArray();
        string[] provinceCodes = hierarchy.Provinces.Select(p => p.Code).Order(StringComparer.Ordinal).Take(provinces).ToArray();
        var kept = new HashSet<string>(provinceCodes, StringComparer.Ordinal);
        Communes = hierarchy.Units
            .Where(u => u.Kind == ReportingUnitKind.Commune && u.ParentCode is not null && kept.Contains(u.ParentCode))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToArray();
        IndicatorCodes = Enumerable.Range(1, indicators).Select(i => $"CT{i:D3}").ToArray();
        IsStock = Enumerable.Range(1, indicators).Select(i => i % 10 == 0).ToArray();
        var b = new IndicatorCatalogueBuilder();
        for (int i = 0; i < indicators; i++)
        {
            b.Add(new Indicator
            {
                Code = IndicatorCodes[i],
                NameVi = $"Chỉ tiêu {i + 1}",
                ValueKind = IsStock[i] ? ValueKind.Stock : ValueKind.Amount,
                MeasureUnitCode = IsStock[i] ? "PERSON" : "VND_M",
                Periods = [PeriodType.Month],
            });
        }

        Catalogue = b.Build();
        Months = Enumerable.Range(1, 12).Select(m => ReportingPeriod.Month(2025, m)).ToArray();

        // Values with 3 decimals, deterministic.
        Inputs = new AggregationInput[indicators * Communes.Length * 12];
        var rng = new Random(20250701);
        int k = 0;
        for (int i = 0; i < indicators; i++)
        {
            for (int c = 0; c < Communes.Length; c++)
            {
                for (int m = 0; m < 12; m++)
                {
                    Inputs[k++] = new AggregationInput(IndicatorCodes[i], Communes[c].Code, Months[m], rng.Next(0, 100_000_000) / 1000m);
                }
            }
        }
    }

    public HierarchyUnit[] Units { get; }

    public ReportingUnit[] Communes { get; }

    public string[] IndicatorCodes { get; }

    public bool[] IsStock { get; }

    public IndicatorCatalogue Catalogue { get; }

    public ReportingPeriod[] Months { get; }

    public AggregationInput[] Inputs { get; }

    /// <summary>The inputs' size in memory: the struct array (strings and periods are shared).</summary>
    public long InputBytes => (long)Inputs.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<AggregationInput>();

    /// <summary>The periods each month rolls up to (itself, quarter, half-year, nine months, year, every year-to-date from it).</summary>
    public static IEnumerable<ReportingPeriod> TargetsOf(ReportingPeriod month)
    {
        int y = month.Start.Year;
        int m = month.Start.Month;
        yield return month;
        yield return ReportingPeriod.Quarter(y, ((m - 1) / 3) + 1);
        yield return ReportingPeriod.HalfYear(y, ((m - 1) / 6) + 1);
        if (m <= 9)
        {
            yield return ReportingPeriod.NineMonths(y);
        }

        yield return ReportingPeriod.CalendarYear(y);
        for (int t = m; t <= 12; t++)
        {
            yield return ReportingPeriod.YearToDate(y, t);
        }
    }
}
