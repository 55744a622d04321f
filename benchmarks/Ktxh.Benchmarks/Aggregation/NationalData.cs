using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Benchmarks.Aggregation;

/// <summary>
/// The national benchmark data: the real hierarchy after the 2025 reform (34 provinces, 3,321 communes, from the built-in
/// administrative units), monthly flow indicators (amounts summed both ways), 12 months of 2026 (all on the units in force since 1 July 2025), one value per commune,
/// indicator and month (62 indicators: 2.47 million values, an 89 MiB CSV at national scale). One value in 16 is
/// preliminary, the others official, so maturity varies.
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
        IsStock = new bool[indicators];
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
        Months = Enumerable.Range(1, 12).Select(m => ReportingPeriod.Month(2026, m)).ToArray();

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
                    Maturity maturity = rng.Next(16) == 0 ? Maturity.Preliminary : Maturity.Official;
                    Inputs[k++] = new AggregationInput(IndicatorCodes[i], Communes[c].Code, Months[m], rng.Next(0, 100_000_000) / 1000m, maturity);
                }
            }
        }
    }

    public HierarchyUnit[] Units { get; }

    /// <summary>Every commune of the hierarchy (all 34 provinces), with its province: the expected reporters.</summary>
    public IReadOnlyList<(string Commune, string Province)> AllCommunes =>
        Units.Where(u => u.Role == HierarchyRole.Commune).Select(u => (u.Code, u.ParentCode!)).ToArray();

    /// <summary>The inputs as the CSV <c>ktxh aggregate</c> reads (indicator,unit,period,value,maturity).</summary>
    public byte[] ToCsv()
    {
        var text = new System.Text.StringBuilder("indicator,unit,period,value,maturity\n", Inputs.Length * 40);
        foreach (AggregationInput x in Inputs)
        {
            text.Append(x.IndicatorCode).Append(',').Append(x.UnitCode).Append(',').Append(x.Period.Id).Append(',')
                .Append(x.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(AggregationCsv.MaturityText(x.Maturity)).Append('\n');
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

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
