using FsCheck;
using FsCheck.Fluent;
using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Indicators.Tests;

/// <summary>A generated valid catalogue (and the blueprint it came from, for the failure message).</summary>
/// <param name="Catalogue">The catalogue.</param>
/// <param name="Blueprint">The random choices it was built from.</param>
public sealed record GeneratedCatalogue(IndicatorCatalogue Catalogue, int[][] Blueprint)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Catalogue.Count} indicators: " + IndicatorCatalogueJson.Write(Catalogue);
}

/// <summary>A defect injected into a catalogue's JSON, with the error code it must produce.</summary>
public enum CatalogueDefect
{
    DuplicateCode,
    MissingName,
    UnknownParent,
    ParentCycle,
    UnknownUnit,
    RuleDoesNotFit,
    RuleMissingOperand,
    FormulaSyntax,
    FormulaUnknownCode,
    FormulaCycle,
    UnknownAgency,
    UnknownDisaggregation,
    InvalidValidity,
    NoPeriods,
    InvalidPrecision,
    UnsupportedSchemaVersion,
    FormUnknownIndicator,
    FormSetUnknownForm,
}

/// <summary>FsCheck generators for catalogues (catalogue topic).</summary>
public static partial class Arbitraries
{
    /// <summary>Vietnamese words used to make indicator names (with every kind of diacritic and đ).</summary>
    internal static readonly string[] VietnameseWords =
    [
        "Giải", "ngân", "vốn", "đầu", "tư", "công", "Dân", "số", "trung", "bình", "Tỷ", "lệ", "hộ", "nghèo", "Sản", "lượng",
        "thủy", "sản", "Đường", "bộ", "nông", "thôn", "Diện", "tích", "lúa", "đông", "xuân", "Chỉ", "giá", "tiêu", "dùng",
        "Doanh", "nghiệp", "thành", "lập", "mới", "Học", "sinh", "Bác", "sỹ", "Giường", "bệnh", "Khách", "du", "lịch", "Thu", "ngân", "sách",
    ];

    private static readonly (ValueKind Kind, string?[] Units)[] KindUnits =
    [
        (ValueKind.Amount, ["VND_BN", "VND_M", "TONNE", "TONNE_K", "HA"]),
        (ValueKind.Stock, ["PERSON", "PERSON_K", "ENTERPRISE", "HA_K"]),
        (ValueKind.Count, ["ENTERPRISE", "PERSON", "INCIDENT"]),
        (ValueKind.Percentage, ["PCT"]),
        (ValueKind.Rate, ["PERMILLE", "PCT"]),
        (ValueKind.Average, ["VND_M_PER_PERSON", "QUINTAL_PER_HA"]),
        (ValueKind.Index, ["PCT"]),
        (ValueKind.Level, ["LEVEL"]),
        (ValueKind.Text, [null]),
    ];

    private const int Choices = 20;

    /// <summary>Blueprints: one row of random choices per indicator, plus one row for forms.</summary>
    public static Gen<int[][]> CatalogueBlueprints { get; } =
        from n in Gen.Choose(1, 24)
        from rows in Gen.ArrayOf(Gen.ArrayOf(Gen.Choose(0, 1_000_000), Choices), n + 1)
        select rows;

    /// <summary>Valid catalogues.</summary>
    public static Gen<GeneratedCatalogue> Catalogues { get; } = CatalogueBlueprints.Select(b => new GeneratedCatalogue(BuildCatalogue(b), b));

    /// <summary>The arbitrary for valid catalogues.</summary>
    public static Arbitrary<GeneratedCatalogue> GeneratedCatalogueArbitrary() => Arb.From(Catalogues);

    /// <summary>The arbitrary for defects.</summary>
    public static Arbitrary<CatalogueDefect> CatalogueDefectArbitrary() => Arb.From(Gen.Elements(Enum.GetValues<CatalogueDefect>()));

    private static T Pick<T>(IReadOnlyList<T> items, int choice) => items[choice % items.Count];

    /// <summary>Interprets a blueprint as a valid catalogue: references only point to earlier indicators, so no cycle.</summary>
    internal static IndicatorCatalogue BuildCatalogue(int[][] blueprint)
    {
        var b = new IndicatorCatalogueBuilder().WithVersion($"gen-{blueprint.Length}").WithComponentTolerance(blueprint[0][0] % 3);
        b.AddAgency(new Agency("A1", "Sở Tài chính", "Department of Finance"));
        b.AddAgency(new Agency("A2", "Cục Thống kê", null));
        b.AddDisaggregation(new Disaggregation { Code = "sex", NameVi = "Giới tính", Categories = [new("m", "Nam"), new("f", "Nữ")] });
        b.AddDisaggregation(new Disaggregation { Code = "area", NameVi = "Khu vực", NameEn = "Area", Categories = [new("u", "Thành thị")] });
        var made = new List<Indicator>();
        int count = blueprint.Length - 1;
        for (int i = 0; i < count; i++)
        {
            int[] c = blueprint[i];
            string code = (c[0] % 4) switch
            {
                0 => $"I{i}",
                1 => $"CT.{i:000}",
                2 => $"CHỈ_TIÊU_{i}",
                _ => $"HNM-{i}",
            };
            string name = string.Join(' ', Enumerable.Range(1, 1 + (c[1] % 4)).Select(k => Pick(VietnameseWords, c[1] / k + k * 7)));
            (ValueKind kind, string?[] units) = Pick(KindUnits, c[2]);
            string? unit = Pick(units, c[3]);
            IndicatorRelation? relation = null;
            if (i > 0 && c[4] % 3 == 0)
            {
                Indicator parent = made[c[5] % i];
                int relKind = c[6] % 3;
                if (relKind == 0 && AggregationRuleFit.IsAdditive(parent.ValueKind))
                {
                    relation = IndicatorRelation.ComponentOf(parent.Code);
                    kind = parent.ValueKind;
                    unit = parent.MeasureUnitCode;
                }
                else if (relKind == 1 && AggregationRuleFit.IsAdditive(parent.ValueKind))
                {
                    relation = IndicatorRelation.OfWhichOf(parent.Code);
                    kind = parent.ValueKind;
                    unit = parent.MeasureUnitCode;
                }
                else
                {
                    relation = IndicatorRelation.DetailOf(parent.Code);
                }
            }

            PeriodType[] allPeriods = Enum.GetValues<PeriodType>();
            PeriodType[] periods = allPeriods.Where((p, k) => ((c[7] >> k) & 1) == 1).DefaultIfEmpty(Pick(allPeriods, c[7])).ToArray();
            LocalDate? from = c[8] % 3 == 0 ? new LocalDate(2015 + (c[8] % 10), 1 + (c[8] % 12), 1) : null;
            LocalDate? to = c[9] % 4 == 0 ? new LocalDate(2026 + (c[9] % 10), 12, 31) : null;
            made.Add(new Indicator
            {
                Code = code,
                NameVi = name,
                NameEn = c[10] % 2 == 0 ? $"Indicator {i}" : null,
                MeasureUnitCode = unit,
                Periods = periods,
                ValueKind = kind,
                Precision = c[11] % 5,
                AgencyCode = Pick(new[] { "A1", "A2", null }, c[12]),
                Relation = relation,
                Order = c[13] % 50,
                AcrossUnits = MakeRule(AggregationRuleFit.AllowedAcrossUnits(kind), c[14], c[15], made, i),
                AcrossTime = MakeRule(AggregationRuleFit.AllowedAcrossTime(kind), c[16], c[15] / 7, made, i),
                Disaggregations = new[] { "sex", "area" }.Where((d, k) => ((c[17] >> k) & 1) == 1).ToArray(),
                PriceBasis = Pick(Enum.GetValues<PriceBasis>(), c[18]),
                Confidentiality = Pick(Enum.GetValues<Confidentiality>(), c[18] / 5),
                EmbargoedUntilPublished = c[19] % 2 == 0,
                ValidFrom = from,
                ValidTo = to,
                Note = c[19] % 3 == 0 ? "Ghi chú: số liệu ước tính" : null,
            });
        }

        b.AddRange(made);
        int[] f = blueprint[^1];
        int formCount = f[0] % 3;
        var formCodes = new List<string>();
        for (int k = 0; k < formCount; k++)
        {
            string formCode = k == 0 ? $"{k + 1:000}.H/BCC-GEN" : $"F-{k}";
            formCodes.Add(formCode);
            Indicator[] rows = made.Where((_, r) => ((f[1 + k] >> (r % 20)) & 1) == 1).ToArray();
            b.AddForm(new ReportForm
            {
                Code = formCode,
                NameVi = $"Biểu {k}",
                PeriodType = Pick(Enum.GetValues<PeriodType>(), f[4 + k]),
                MixedPeriods = true,
                Cutoff = f[12 + k] % 3 == 0 ? CutoffConvention.Calendar : null,
                Deadline = Pick(new[] { null, DeadlineRule.DayOfMonthAfterPeriod(1 + (f[15] % 28)), DeadlineRule.WorkingDaysAfterCutoff(1 + (f[15] % 10)), DeadlineRule.Decree09GovernmentReports }, f[14 + k]),
                AgencyCode = "A1",
                FilledBy = ["department"],
                ReceivedBy = ["statistics-office"],
                Rows = rows.Select(r => new FormRow(r.Code, r.Relation is null ? 0 : 1, false, f[7] % 2 == 0)).ToArray(),
                Columns = Enum.GetValues<FormColumnKind>().Where((_, x) => ((f[8 + k] >> x) & 1) == 1)
                    .Select(kind => new FormColumn(kind, kind is FormColumnKind.GrowthPercent or FormColumnKind.PercentOfTarget ? FormColumnMode.Computed : FormColumnMode.Entered))
                    .ToArray(),
            });
        }

        if (formCodes.Count > 0)
        {
            b.AddFormSet(new FormSet { Code = "SET", NameVi = "Hệ biểu", UnitKinds = ["department"], FormCodes = formCodes });
        }

        return b.Build();
    }

    private static AggregationRule MakeRule(IReadOnlyList<AggregationMethod> allowed, int choice, int operand, List<Indicator> earlier, int i)
    {
        AggregationMethod method = Pick(allowed, choice);
        bool hasEarlier = i > 0;
        return method switch
        {
            AggregationMethod.Ratio when hasEarlier =>
                AggregationRule.Ratio(earlier[operand % i].Code, earlier[(operand / 3) % i].Code, Pick(new[] { 1m, 100m, 1000m, 10000m }, operand)),
            AggregationMethod.WeightedAverage when hasEarlier => AggregationRule.Weighted(earlier[operand % i].Code),
            AggregationMethod.Formula when hasEarlier =>
                AggregationRule.FromFormula($"round(([{earlier[operand % i].Code}] - [{earlier[(operand / 5) % i].Code}]) / 2.5, 2)"),
            AggregationMethod.Ratio or AggregationMethod.WeightedAverage or AggregationMethod.Formula => AggregationRule.None,
            _ => AggregationRule.Of(method),
        };
    }
}
