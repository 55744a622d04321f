using FsCheck;
using FsCheck.Fluent;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Excel.Tests;

/// <summary>A generated, valid catalogue (for the workbook round trip).</summary>
/// <param name="Catalogue">The catalogue.</param>
public sealed record CatalogueCase(IndicatorCatalogue Catalogue)
{
    /// <inheritdoc/>
    public override string ToString() => IndicatorCatalogueJson.Write(Catalogue);
}

/// <summary>Generators of catalogues with every kind of field: leading zeros, text that looks like a formula, a date or a number.</summary>
public static partial class Arbitraries
{
    // Prefixes that a spreadsheet would mangle if the values were not written as text.
    private static readonly string[] CodePrefixes = ["", "0", "00", "=", "+", "-", "@", "CT.", "1/", "HNM.CTK.09."];

    private static readonly string[] Names =
    [
        "Tổng mức bán lẻ hàng hóa", "Số doanh nghiệp đăng ký mới", "=SUM(A1:A3)", "+84 912 345 678", "- trong đó: nữ", "@ghi chú",
        "0123", "1/2", "50%", "TRUE", "Giải ngân vốn đầu tư công", "Đ", "Chỉ tiêu  có   nhiều khoảng trắng",
    ];

    private static readonly (ValueKind Kind, string? Unit)[] KindsAndUnits =
    [
        (ValueKind.Amount, "VND_BN"), (ValueKind.Amount, "VND_M"), (ValueKind.Count, "ENTERPRISE"), (ValueKind.Stock, "PERSON"),
        (ValueKind.Percentage, "PCT"), (ValueKind.Index, null), (ValueKind.Text, null), (ValueKind.Average, null),
    ];

    private static readonly PeriodType[] PeriodTypes = [PeriodType.Month, PeriodType.Quarter, PeriodType.Year, PeriodType.HalfYear];

    /// <summary>Catalogues of 1–14 indicators with agencies, disaggregations, parents, rules, forms and form sets.</summary>
    public static Arbitrary<CatalogueCase> CatalogueCases() =>
        (from size in Gen.Choose(1, 14)
         from seed in Gen.Choose(0, int.MaxValue - 1)
         select new CatalogueCase(BuildCatalogue(size, seed))).ToArbitrary();

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string? Maybe(Random random, string value) => random.Next(3) == 0 ? null : value;

    internal static IndicatorCatalogue BuildCatalogue(int size, int seed)
    {
        var random = new Random(seed);
        var builder = new IndicatorCatalogueBuilder()
            .WithVersion(Pick(random, new[] { "1", "2026.1", "007", "=v2" }))
            .WithComponentTolerance(random.Next(4) switch { 0 => 0m, 1 => 0.5m, 2 => 1m, _ => 0.05m });

        var agencies = new List<string>();
        for (int a = 0; a < random.Next(0, 4); a++)
        {
            string code = Pick(random, CodePrefixes) + "CQ" + a.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            agencies.Add(code);
            builder.AddAgency(new Agency(code, Pick(random, Names), Maybe(random, "Agency " + a)));
        }

        var dimensions = new List<string>();
        for (int d = 0; d < random.Next(0, 3); d++)
        {
            string code = "0" + d.ToString(System.Globalization.CultureInfo.InvariantCulture) + Pick(random, new[] { "sex", "area", "=x" });
            dimensions.Add(code);
            builder.AddDisaggregation(new Disaggregation
            {
                Code = code,
                NameVi = Pick(random, Names),
                NameEn = Maybe(random, "Dimension"),
                Categories = Enumerable.Range(0, random.Next(0, 4)).Select(k => new DisaggregationCategory("0" + k.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    // Categories are plain records: the JSON and workbook readers normalise their names, so the generator does too.
                    VietnameseText.NormalizeName(Pick(random, Names))!, Maybe(random, "Category"))).ToArray(),
            });
        }

        var indicators = new List<Indicator>();
        for (int i = 0; i < size; i++)
        {
            string code = Pick(random, CodePrefixes) + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            (ValueKind kind, string? unit) = Pick(random, KindsAndUnits);
            IndicatorRelation? relation = null;
            if (indicators.Count > 0 && random.Next(3) == 0)
            {
                Indicator parent = Pick(random, indicators);
                if (random.Next(2) == 0 && AggregationRuleFit.IsAdditive(parent.ValueKind))
                {
                    // An of-which row measures the same thing as its parent.
                    kind = parent.ValueKind;
                    unit = parent.MeasureUnitCode;
                    relation = IndicatorRelation.OfWhichOf(parent.Code);
                }
                else
                {
                    relation = IndicatorRelation.DetailOf(parent.Code);
                }
            }

            PeriodType[] periods = PeriodTypes.Where(_ => random.Next(2) == 0).DefaultIfEmpty(PeriodType.Year).ToArray();
            IReadOnlyList<AggregationMethod> acrossUnits = AggregationRuleFit.AllowedAcrossUnits(kind)
                .Where(m => m is not (AggregationMethod.Ratio or AggregationMethod.WeightedAverage or AggregationMethod.Formula)).ToArray();
            IReadOnlyList<AggregationMethod> acrossTime = AggregationRuleFit.AllowedAcrossTime(kind)
                .Where(m => m is not (AggregationMethod.Ratio or AggregationMethod.WeightedAverage or AggregationMethod.Formula)).ToArray();
            AggregationRule unitsRule = acrossUnits.Count > 0 && random.Next(2) == 0 ? AggregationRule.Of(Pick(random, acrossUnits)) : AggregationRuleFit.DefaultAcrossUnits(kind);
            var earlier = indicators.Where(x => x.ValueKind is ValueKind.Amount or ValueKind.Count).ToArray();
            if (earlier.Length >= 2 && random.Next(3) == 0 && AggregationRuleFit.FitsAcrossUnits(kind, AggregationMethod.Ratio))
            {
                unitsRule = AggregationRule.Ratio(earlier[0].Code, earlier[1].Code, Pick(random, new[] { 100m, 1000m, 1.5m, 0.25m }));
            }
            else if (earlier.Length >= 1 && random.Next(3) == 0 && AggregationRuleFit.FitsAcrossUnits(kind, AggregationMethod.Formula))
            {
                unitsRule = AggregationRule.FromFormula($"[{earlier[0].Code}] * 2 + [{earlier[^1].Code}]");
            }

            AggregationRule timeRule = acrossTime.Count > 0 && random.Next(2) == 0 ? AggregationRule.Of(Pick(random, acrossTime)) : AggregationRuleFit.DefaultAcrossTime(kind);
            NodaTime.LocalDate? from = random.Next(3) == 0 ? new NodaTime.LocalDate(2020 + random.Next(5), 1 + random.Next(12), 1 + random.Next(28)) : null;
            NodaTime.LocalDate? to = from is { } f && random.Next(2) == 0 ? f.PlusDays(random.Next(0, 2000)) : null;
            var indicator = new Indicator
            {
                Code = code,
                NameVi = Pick(random, Names),
                NameEn = Maybe(random, "Indicator " + i),
                MeasureUnitCode = unit,
                Periods = periods,
                ValueKind = kind,
                Precision = random.Next(0, 5),
                AgencyCode = agencies.Count > 0 && random.Next(2) == 0 ? Pick(random, agencies) : null,
                Relation = relation,
                Order = random.Next(-2, 50),
                AcrossUnits = unitsRule,
                AcrossTime = timeRule,
                Disaggregations = dimensions.Where(_ => random.Next(2) == 0).ToArray(),
                PriceBasis = kind == ValueKind.Amount ? Pick(random, Enum.GetValues<PriceBasis>()) : PriceBasis.NotApplicable,
                Confidentiality = Pick(random, Enum.GetValues<Confidentiality>()),
                EmbargoedUntilPublished = random.Next(2) == 0,
                ValidFrom = from,
                ValidTo = to,
                Note = random.Next(3) == 0 ? Pick(random, Names) + "\nDòng hai" : null,
            };
            indicators.Add(indicator);
            builder.Add(indicator);
        }

        var formCodes = new List<string>();
        for (int k = 0; k < random.Next(0, 3); k++)
        {
            PeriodType type = Pick(random, PeriodTypes);
            bool mixed = random.Next(4) == 0;
            var rows = indicators.Where(x => (mixed || x.IsReportedFor(type)) && random.Next(3) > 0)
                .Select(x => new FormRow(x.Code, random.Next(0, 3), false, random.Next(2) == 0, Maybe(random, Pick(random, Names))))
                .ToArray();
            string code = $"{k:000}.{Pick(random, new[] { "T", "Q", "N" })}/BCC-{Pick(random, new[] { "XA", "=X", "0TK" })}";
            formCodes.Add(code);
            CutoffConvention? cutoff = random.Next(3) switch
            {
                0 when CutoffConvention.Calendar.Defines(type) => CutoffConvention.Calendar,
                1 when CutoffConvention.Decree09.Defines(type) => CutoffConvention.Decree09,
                _ => null,
            };
            builder.AddForm(new ReportForm
            {
                Code = code,
                NameVi = Pick(random, Names),
                NameEn = Maybe(random, "Form " + k),
                Version = Pick(random, new[] { "1", "2", "01" }),
                PeriodType = type,
                MixedPeriods = mixed,
                Cutoff = cutoff,
                Deadline = random.Next(2) == 0 ? DeadlineRule.DayOfMonthAfterPeriod(1 + random.Next(28)) : null,
                AgencyCode = agencies.Count > 0 && random.Next(2) == 0 ? Pick(random, agencies) : null,
                FilledBy = new[] { "commune", "department" }.Where(_ => random.Next(2) == 0).ToArray(),
                ReceivedBy = random.Next(2) == 0 ? ["statistics-office"] : [],
                Rows = rows,
                Columns = Enum.GetValues<FormColumnKind>().Where(_ => random.Next(4) == 0)
                    .Select(c => new FormColumn(c, random.Next(2) == 0 ? FormColumnMode.Entered : FormColumnMode.Computed, Maybe(random, "Cột " + c), random.Next(3) == 0 ? "Column" : null))
                    .ToArray(),
            });
        }

        if (formCodes.Count > 0 && random.Next(2) == 0)
        {
            builder.AddFormSet(new FormSet { Code = "0HB", NameVi = Pick(random, Names), UnitKinds = ["commune"], FormCodes = formCodes });
        }

        return builder.Build();
    }
}
