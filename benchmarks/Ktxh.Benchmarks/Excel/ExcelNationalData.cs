using Ktxh.Excel;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Benchmarks.Excel;

/// <summary>
/// The national Excel case: 3,321 communes (the count of the 2025 hierarchy) × 100 indicators
/// (amounts with 2 decimals, every tenth a count), one period (2025), one value per commune and indicator (332,100
/// values). The report has the communes across (one "this period" column each, 3,325 columns) and the indicators down;
/// the import workbook is the history workbook of the same size (one block of 100 rows per commune, 332,100 rows),
/// filled by the streaming generator.
/// </summary>
internal sealed class ExcelNationalData
{
    public const int IndicatorCount = 100;
    public const int CommuneCount = 3_321;

    public ExcelNationalData()
    {
        // Synthetic codes and names of the real count: the administrative-unit directory would weigh on the peak-memory figures.
        Units = [.. Enumerable.Range(1, CommuneCount).Select(i => new HistoryUnit($"{i * 3:D5}", $"Xã, phường số {i}"))];
        var builder = new IndicatorCatalogueBuilder().WithVersion("bench");
        var rows = new List<FormRow>();
        for (int i = 1; i <= IndicatorCount; i++)
        {
            bool count = i % 10 == 0;
            builder.Add(new Indicator
            {
                Code = $"CT{i:D3}", NameVi = $"Chỉ tiêu kinh tế - xã hội thứ {i}", ValueKind = count ? ValueKind.Count : ValueKind.Amount,
                MeasureUnitCode = count ? "ENTERPRISE" : "VND_M", Precision = count ? 0 : 2, Periods = [PeriodType.Year],
            });
            rows.Add(new FormRow($"CT{i:D3}"));
        }

        Form = new ReportForm { Code = "900.N/BENCH", NameVi = "Biểu chuẩn đo", Version = "1", PeriodType = PeriodType.Year, Rows = rows, Columns = [new FormColumn(FormColumnKind.ThisPeriod, FormColumnMode.Entered)] };
        builder.AddForm(Form);
        Catalogue = builder.Build();

        var rng = new Random(20251231);
        Values = new decimal[IndicatorCount, Units.Length];
        for (int u = 0; u < Units.Length; u++)
        {
            for (int i = 0; i < IndicatorCount; i++)
            {
                Values[i, u] = (i + 1) % 10 == 0 ? rng.Next(0, 500) : rng.Next(0, 100_000_000) / 100m;
            }
        }
    }

    /// <summary>The report: the communes across (one column each), the indicators down.</summary>
    public ReportDocument BuildReport() =>
        new ReportDocument
        {
            Title = "BÁO CÁO KINH TẾ - XÃ HỘI NĂM 2025 THEO XÃ, PHƯỜNG",
            Subtitle = "Toàn quốc: 3.321 xã, phường, đặc khu",
            Groups = [.. Units.Select(u => new ReportColumnGroup(u.Code, u.Name))],
            Columns = [new FormColumn(FormColumnKind.ThisPeriod, FormColumnMode.Entered)],
            Rows = [.. Enumerable.Range(0, IndicatorCount).Select(i => new ReportRow
            {
                IndicatorCode = $"CT{i + 1:D3}", Label = $"Chỉ tiêu kinh tế - xã hội thứ {i + 1}", UnitName = (i + 1) % 10 == 0 ? "Doanh nghiệp" : "Triệu đồng",
                Precision = (i + 1) % 10 == 0 ? 0 : 2, Values = [.. Enumerable.Range(0, Units.Length).Select(u => (decimal?)Values[i, u])],
            })],
        };

    /// <summary>The import workbook: the history workbook of every commune and indicator, filled by the streaming generator.</summary>
    public byte[] BuildImportWorkbook()
    {
        var values = new List<DataValue>(IndicatorCount * Units.Length);
        for (int u = 0; u < Units.Length; u++)
        {
            for (int i = 0; i < IndicatorCount; i++)
            {
                values.Add(DataValue.Number($"CT{i + 1:D3}", Units[u].Code, Year, Values[i, u]));
            }
        }

        return new HistoryWorkbookGenerator(Catalogue).Generate(new HistoryWorkbookRequest { Form = Form, Units = Units, Periods = [Year], Values = values });
    }

    public static ReportingPeriod Year { get; } = ReportingPeriod.CalendarYear(2025);

    /// <summary>Limits large enough for the national workbook (the defaults are for one unit's upload).</summary>
    public static WorkbookSafetyLimits Limits { get; } = new(MaxFileBytes: 200L * 1024 * 1024, MaxDecompressedBytes: 2L * 1024 * 1024 * 1024);

    public HistoryUnit[] Units { get; }

    public ReportForm Form { get; }

    public IndicatorCatalogue Catalogue { get; }

    public decimal[,] Values { get; }

    public HistoryWorkbookImporter Importer(WorkbookReadEngine engine) =>
        new(Catalogue, new KtxhExcelOptions { Limits = Limits, ReadEngine = engine });
}
