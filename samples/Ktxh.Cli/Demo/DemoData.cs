using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Cli.Demo;

/// <summary>
/// The values the communes of the demo "enter": deterministic (a seeded generator), plausible, and seeded with the
/// mistakes a real cycle meets, so that every later step has something to find.
/// </summary>
internal sealed class DemoData
{
    /// <summary>Retail sales of goods and services, monthly (form group CTK.09 of the built-in catalogue).</summary>
    public const string RetailTotal = "HNM.CTK.09.001";

    /// <summary>The four components of <see cref="RetailTotal"/>: goods, accommodation and food, travel, other services.</summary>
    public static readonly string[] RetailComponents = ["HNM.CTK.09.002", "HNM.CTK.09.003", "HNM.CTK.09.004", "HNM.CTK.09.005"];

    /// <summary>Total budget revenue on the territory and, of which, domestic revenue (form group STC.01).</summary>
    public const string BudgetRevenue = "HNM.STC.01.001";

    /// <summary>Domestic revenue, an of-which row of <see cref="BudgetRevenue"/>.</summary>
    public const string DomesticRevenue = "HNM.STC.01.002";

    private DemoData(IReadOnlyList<AggregationInput> values, IReadOnlyList<string> missing, string estimateUnit,
        string billionUnit, string typoUnit, string ofWhichUnit)
    {
        Values = values;
        MissingCommunes = missing;
        EstimateCommune = estimateUnit;
        CommuneInBillions = billionUnit;
        CommuneWithTypo = typoUnit;
        CommuneWithOfWhichError = ofWhichUnit;
    }

    /// <summary>Every value entered, all months from January of the previous year to the demo period.</summary>
    public IReadOnlyList<AggregationInput> Values { get; }

    /// <summary>Communes that have not sent the demo period.</summary>
    public IReadOnlyList<string> MissingCommunes { get; }

    /// <summary>A commune whose demo-period figures are still an estimate (ước tính).</summary>
    public string EstimateCommune { get; }

    /// <summary>A commune that typed its demo-period figures in tỷ đồng instead of triệu đồng.</summary>
    public string CommuneInBillions { get; }

    /// <summary>A commune whose typed total is not the sum of its components.</summary>
    public string CommuneWithTypo { get; }

    /// <summary>A commune whose "of which" domestic revenue exceeds its total revenue.</summary>
    public string CommuneWithOfWhichError { get; }

    /// <summary>Generates the values of <paramref name="communes"/> for every month up to <paramref name="period"/>.</summary>
    public static DemoData Generate(IReadOnlyList<string> communes, ReportingPeriod period, int seed)
    {
        var random = new Random(seed);
        var values = new List<AggregationInput>();
        string[] missing = communes.Skip(3).Take(4).ToArray();
        string estimate = communes[0], billions = communes[1], typo = communes[2], ofWhich = communes[^1];
        var first = ReportingPeriod.Month(period.Year - 1, 1);
        foreach (var month in ReportingPeriod.Range(first, period))
        {
            bool current = month == period;
            foreach (string commune in communes)
            {
                if (current && missing.Contains(commune))
                {
                    continue;
                }

                var maturity = current && commune == estimate ? Maturity.Estimate : Maturity.Official;
                // Components in triệu đồng with one decimal: goods dominate, as in real retail statistics.
                decimal[] parts =
                [
                    Amount(random, 2_000, 9_000),
                    Amount(random, 300, 1_500),
                    Amount(random, 0, 80),
                    Amount(random, 100, 700),
                ];
                decimal total = parts.Sum();
                if (current && commune == typo)
                {
                    total += 1_000m; // a digit slipped while typing the total
                }

                string? measure = current && commune == billions ? "VND_BN" : null;
                decimal scale = measure is null ? 1m : 0.001m;
                values.Add(new AggregationInput(RetailTotal, commune, month, total * scale, maturity, MeasureUnitCode: measure));
                for (int i = 0; i < parts.Length; i++)
                {
                    values.Add(new AggregationInput(RetailComponents[i], commune, month, parts[i] * scale, maturity, MeasureUnitCode: measure));
                }

                if (current)
                {
                    decimal revenue = Amount(random, 5, 40);
                    decimal domestic = commune == ofWhich ? revenue + 3m : decimal.Round(revenue * 0.8m, 1);
                    values.Add(new AggregationInput(BudgetRevenue, commune, month, revenue, maturity));
                    values.Add(new AggregationInput(DomesticRevenue, commune, month, domestic, maturity));
                }
            }
        }

        return new DemoData(values, missing, estimate, billions, typo, ofWhich);
    }

    /// <summary>Retail totals of <paramref name="oldCommunes"/> (units before the 2025 reform) for one old period.</summary>
    public static IReadOnlyList<AggregationInput> OldSeries(IReadOnlyList<string> oldCommunes, ReportingPeriod period, int seed)
    {
        var random = new Random(seed + 1);
        return oldCommunes
            .Select(c => new AggregationInput(RetailTotal, c, period, Amount(random, 1_500, 7_000)))
            .ToArray();
    }

    private static decimal Amount(Random random, int min, int max) => random.Next(min * 10, max * 10) / 10m;
}
