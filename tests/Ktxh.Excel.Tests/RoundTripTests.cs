using ClosedXML.Excel;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Excel.Tests;

/// <summary>One cell typed into a generated workbook.</summary>
/// <param name="Row">The index of the form row.</param>
/// <param name="Period">The period of the column group.</param>
/// <param name="Column">The form column.</param>
/// <param name="Number">The number typed, or null for text.</param>
/// <param name="Text">The text typed, or null for a number.</param>
/// <param name="AsVietnameseText">Whether the number is typed as Vietnamese-style text ("1.234,5") instead of a number.</param>
public sealed record CellFill(int Row, ReportingPeriod Period, FormColumnKind Column, decimal? Number, string? Text, bool AsVietnameseText);

/// <summary>A generated catalogue with one form, the unit and periods of a workbook, and what is typed into it.</summary>
public sealed record FormCase(IndicatorCatalogue Catalogue, ReportForm Form, string UnitCode, IReadOnlyList<ReportingPeriod> Periods, IReadOnlyList<CellFill> Fills)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Form.Rows.Count} rows × [{string.Join(",", Form.Columns.Select(c => c.Kind))}] × {string.Join(",", Periods.Select(p => p.Id))}: "
        + string.Join("; ", Fills.Select(f => $"r{f.Row} {f.Period.Id} {f.Column}={(f.Number?.ToString() ?? $"'{f.Text}'")}{(f.AsVietnameseText ? " (text)" : string.Empty)}"));
}

/// <summary>Generators of forms and of what a person types into them.</summary>
public static partial class Arbitraries
{
    private static readonly ValueKind[] Kinds = [ValueKind.Amount, ValueKind.Count, ValueKind.Stock, ValueKind.Percentage, ValueKind.Index, ValueKind.Text];

    private static readonly string[] Texts =
    [
        "Tình hình ổn định", "Tăng so với cùng kỳ", "Đạt kế hoạch", "=1+1", "+84 912 345 678", "-", "@mention", "0123", "1/2",
        "Giải ngân chậm do vướng mặt bằng", "Số liệu ước tính", "Đ", "ngày 12/4", "50%",
    ];

    /// <summary>Forms of 1–10 rows of mixed kinds, 1–3 months side by side, a random choice of columns, and values within bounds.</summary>
    public static Arbitrary<FormCase> FormCases() =>
        (from rowCount in Gen.Choose(1, 10)
         from kinds in Gen.Elements(Kinds).ArrayOf(rowCount)
         from precisions in Gen.Choose(0, 3).ArrayOf(rowCount)
         from levels in Gen.Choose(0, 2).ArrayOf(rowCount)
         from required in Gen.Elements(true, false).ArrayOf(rowCount)
         from extraColumns in Gen.Elements(true, false).ArrayOf(4)
         from periodCount in Gen.Choose(1, 3)
         from firstMonth in Gen.Choose(0, 71)
         from seed in Gen.Choose(0, int.MaxValue - 1)
         select Build(kinds, precisions, levels, required, extraColumns, periodCount, firstMonth, seed)).ToArbitrary();

    private static FormCase Build(ValueKind[] kinds, int[] precisions, int[] levels, bool[] required, bool[] extra, int periodCount, int firstMonth, int seed)
    {
        PeriodType[] monthly = [PeriodType.Month];
        var builder = new IndicatorCatalogueBuilder().WithVersion("prop");
        var rows = new List<FormRow>();
        for (int i = 0; i < kinds.Length; i++)
        {
            string? unit = kinds[i] switch
            {
                ValueKind.Amount => "VND_BN",
                ValueKind.Count => "ENTERPRISE",
                ValueKind.Stock => "PERSON",
                ValueKind.Percentage => "PCT",
                _ => null,
            };
            string code = $"CT.{i:00}";
            builder.Add(new Indicator
            {
                Code = code, NameVi = $"Chỉ tiêu thứ {i + 1} ({kinds[i]})", MeasureUnitCode = unit, ValueKind = kinds[i], Periods = monthly,
                Precision = kinds[i] == ValueKind.Count ? 0 : precisions[i],
            });
            rows.Add(new FormRow(code, levels[i], Required: required[i]));
        }

        var columns = new List<FormColumn> { new(FormColumnKind.ThisPeriod, FormColumnMode.Entered) };
        if (extra[0]) columns.Add(new FormColumn(FormColumnKind.SamePeriodLastYear, FormColumnMode.Entered));
        if (extra[1]) columns.Add(new FormColumn(FormColumnKind.GrowthPercent, FormColumnMode.Computed));
        if (extra[2]) columns.Add(new FormColumn(FormColumnKind.YearlyTarget, FormColumnMode.Entered));
        if (extra[3]) columns.Add(new FormColumn(FormColumnKind.Note, FormColumnMode.Entered));
        var form = new ReportForm { Code = "099.T/BCC-PROP", NameVi = "Biểu thử nghiệm", Version = "7", PeriodType = PeriodType.Month, Rows = rows, Columns = columns };
        builder.AddForm(form);
        IndicatorCatalogue catalogue = builder.Build();

        ReportingPeriod first = ReportingPeriod.Month(2020 + (firstMonth / 12), 1 + (firstMonth % 12));
        var periods = new List<ReportingPeriod> { first };
        while (periods.Count < periodCount)
        {
            periods.Add(periods[^1].Next());
        }

        var random = new Random(seed);
        var fills = new List<CellFill>();
        for (int r = 0; r < kinds.Length; r++)
        {
            Indicator indicator = catalogue.Get(rows[r].IndicatorCode);
            foreach (ReportingPeriod period in periods)
            {
                bool primaryFilled = false;
                foreach (FormColumn column in columns.Where(c => c.Mode == FormColumnMode.Entered))
                {
                    bool primary = column.Kind == FormColumnKind.ThisPeriod;
                    bool fill = column.Kind == FormColumnKind.Note
                        ? primaryFilled && random.Next(2) == 0
                        : (primary && required[r]) || random.Next(10) < 6;
                    if (!fill)
                    {
                        continue;
                    }

                    primaryFilled |= primary;
                    if (indicator.ValueKind == ValueKind.Text || column.Kind == FormColumnKind.Note)
                    {
                        fills.Add(new CellFill(r, period, column.Kind, null, Texts[random.Next(Texts.Length)], false));
                        continue;
                    }

                    ValueBounds bounds = ValueBounds.For(indicator);
                    decimal magnitude = random.Next(0, 4) switch { 0 => 0m, 1 => random.Next(0, 100), _ => random.NextInt64(0, 1_000_000_000_000) };
                    decimal value = magnitude / Pow10(indicator.Precision);
                    if (bounds.Min is null && random.Next(3) == 0)
                    {
                        value = -value;
                    }

                    fills.Add(new CellFill(r, period, column.Kind, value, null, random.Next(3) == 0));
                }
            }
        }

        return new FormCase(catalogue, form, "00004", periods, fills);
    }

    private static decimal Pow10(int n) => n switch { 0 => 1m, 1 => 10m, 2 => 100m, _ => 1000m };
}

/// <summary>Generate, fill programmatically, import: exactly the values written come back.</summary>
public class RoundTripTests
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 60)]
    public Property Import_gives_back_exactly_the_values_written(FormCase c)
    {
        var request = new FormWorkbookRequest { Form = c.Form, UnitCode = c.UnitCode, UnitName = "Xã Thử", Periods = c.Periods };
        byte[] template = new FormWorkbookGenerator(c.Catalogue).Generate(request);
        FormLayout layout = FormLayout.Create(c.Catalogue, c.Form, c.UnitCode, c.Periods, request.SheetName, ValueBounds.For);
        byte[] filled = WorkbookFiller.Fill(template, sheet =>
        {
            foreach (CellFill f in c.Fills)
            {
                int column = layout.Columns.Single(l => l.Period == f.Period && l.Column.Kind == f.Column).ColumnNumber;
                IXLCell cell = sheet.Cell(layout.Rows[f.Row].RowNumber, column);
                if (f.Number is { } n)
                {
                    if (f.AsVietnameseText)
                    {
                        cell.SetValue(VietnameseNumber.Format(n));
                    }
                    else
                    {
                        cell.SetValue(n);
                    }
                }
                else
                {
                    cell.SetValue(f.Text!);
                }
            }
        });

        KtxhResult<FormImport> result = new FormWorkbookImporter(c.Catalogue).Import(filled, FormImportExpectation.For(c.Form.Code, c.UnitCode, c.Periods[0]) with { Periods = c.Periods });
        var expected = Expected(c).ToHashSet();
        var actual = result.Success
            ? result.Value.Values.Select(v => (v.IndicatorCode, v.Period.Id, v.Column, v.Value, v.Text, v.Comment)).ToHashSet()
            : [];
        bool equal = result.Success && result.Value.Values.Count == expected.Count && expected.SetEquals(actual) && result.Value.Warnings.Count == 0;
        return equal
            .Label($"{c}\nerrors: {string.Join(" | ", result.Errors)}\nmissing: {string.Join("; ", expected.Except(actual))}\nextra: {string.Join("; ", actual.Except(expected))}")
            .Classify(c.Periods.Count > 1, "several periods")
            .Classify(c.Fills.Any(f => f.AsVietnameseText), "numbers typed as text")
            .Classify(c.Fills.Any(f => f.Column == FormColumnKind.Note), "notes")
            .Classify(c.Fills.Any(f => f.Number < 0), "negative values");
    }

    private static IEnumerable<(string, string, FormColumnKind, decimal?, string?, string?)> Expected(FormCase c)
    {
        foreach (CellFill f in c.Fills.Where(f => f.Column != FormColumnKind.Note))
        {
            string? comment = f.Column == FormColumnKind.ThisPeriod
                ? c.Fills.FirstOrDefault(n => n.Column == FormColumnKind.Note && n.Row == f.Row && n.Period == f.Period)?.Text
                : null;
            yield return (c.Form.Rows[f.Row].IndicatorCode, f.Period.Id, f.Column, f.Number, f.Text, comment);
        }
    }
}
