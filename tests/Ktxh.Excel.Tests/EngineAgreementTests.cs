using ClosedXML.Excel;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Indicators;
using Ktxh.Periods;

namespace Ktxh.Excel.Tests;

/// <summary>A generated form and filling, the units of a history workbook, and the mistakes slipped in (a seed and a rate in tenths).</summary>
public sealed record EngineCase(FormCase Form, int UnitCount, int MistakeSeed, int MistakeRate)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Form} | units {UnitCount}, mistakes seed {MistakeSeed} rate {MistakeRate}/10";
}

/// <summary>Generators of the engine-agreement tests.</summary>
public static partial class Arbitraries
{
    /// <summary>Forms and fillings, 1–4 units, and no mistakes (a third of cases) or some.</summary>
    public static Arbitrary<EngineCase> EngineCases() =>
        (from form in FormCases().Generator
         from units in Gen.Choose(1, 4)
         from seed in Gen.Choose(0, int.MaxValue - 1)
         from rate in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 4)))
         select new EngineCase(form, units, seed, rate)).ToArbitrary();
}

/// <summary>
/// The streaming engine and the ClosedXML engine read the same workbook to the same result: the same values in the same
/// order, and the same errors (code, sheet, cell, Vietnamese and English text) in the same order.
/// </summary>
public class EngineAgreementTests
{
    private static readonly string[] Mistakes = ["khoảng một trăm", "-5", "1,5,5", "TRUE", "=formula"];

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 40)]
    public Property The_form_importer_gives_the_same_result_with_either_engine(EngineCase e)
    {
        FormCase c = e.Form;
        var request = new FormWorkbookRequest { Form = c.Form, UnitCode = c.UnitCode, UnitName = "Xã Thử", Periods = c.Periods };
        byte[] template = new FormWorkbookGenerator(c.Catalogue).Generate(request);
        FormLayout layout = FormLayout.Create(c.Catalogue, c.Form, c.UnitCode, c.Periods, request.SheetName, ValueBounds.For);
        var random = new Random(e.MistakeSeed);
        int mistakes = 0;
        byte[] filled = WorkbookFiller.Fill(template, sheet =>
        {
            foreach (CellFill f in c.Fills)
            {
                int column = layout.Columns.Single(l => l.Period == f.Period && l.Column.Kind == f.Column).ColumnNumber;
                mistakes += Type(sheet.Cell(layout.Rows[f.Row].RowNumber, column), f, random, e.MistakeRate);
            }
        });

        var options = new KtxhExcelOptions { Formulas = random.Next(2) == 0 ? FormulaPolicy.Reject : FormulaPolicy.UseCachedValue };
        FormImportExpectation expected = FormImportExpectation.For(c.Form.Code, c.UnitCode, c.Periods[0]) with { Periods = c.Periods };
        KtxhResult<FormImport> streaming = new FormWorkbookImporter(c.Catalogue, options).Import(filled, expected);
        options.ReadEngine = WorkbookReadEngine.ClosedXml;
        KtxhResult<FormImport> closedXml = new FormWorkbookImporter(c.Catalogue, options).Import(filled, expected);
        string a = Describe(streaming, r => r.Values, r => r.Warnings), b = Describe(closedXml, r => r.Values, r => r.Warnings);
        return (a == b && (mistakes > 0 || streaming.Success))
            .Label($"{e}\nstreaming: {a}\nclosedxml: {b}")
            .Classify(streaming.Success, "values")
            .Classify(!streaming.Success, "errors")
            .Classify(mistakes > 0, "mistakes typed");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 30)]
    public Property The_history_importer_gives_the_same_result_with_either_engine_and_back_the_values_typed(EngineCase e)
    {
        FormCase c = e.Form;
        HistoryUnit[] units = [.. Enumerable.Range(1, e.UnitCount).Select(i => new HistoryUnit($"{i * 7:00000}", $"Xã số {i}"))];
        var request = new HistoryWorkbookRequest { Form = c.Form, Units = units, Periods = c.Periods };
        byte[] template = new HistoryWorkbookGenerator(c.Catalogue).Generate(request);
        var random = new Random(e.MistakeSeed);
        int mistakes = 0;
        var typed = new List<(string Indicator, string Unit, string Period, decimal? Value, string? Text)>();
        CellFill[] fills = [.. c.Fills.Where(f => f.Column == FormColumnKind.ThisPeriod)];
        byte[] filled = WorkbookFiller.Fill(template, sheet =>
        {
            for (int u = 0; u < units.Length; u++)
            {
                foreach (CellFill f in fills.Where(_ => random.Next(4) > 0))
                {
                    int row = HistoryLayout.FirstDataRow + (u * c.Form.Rows.Count) + f.Row;
                    int column = HistoryLayout.FirstPeriodColumn + c.Periods.ToList().IndexOf(f.Period);
                    mistakes += Type(sheet.Cell(row, column), f, random, e.MistakeRate);
                    typed.Add((c.Form.Rows[f.Row].IndicatorCode, units[u].Code, f.Period.Id, f.Number, f.Text));
                }
            }
        }, HistoryWorkbookRequest.DefaultSheetName);

        KtxhResult<HistoryImport> streaming = new HistoryWorkbookImporter(c.Catalogue).Import(filled);
        KtxhResult<HistoryImport> closedXml = new HistoryWorkbookImporter(c.Catalogue, new KtxhExcelOptions { ReadEngine = WorkbookReadEngine.ClosedXml }).Import(filled);
        string a = Describe(streaming, r => r.Values, r => r.Warnings), b = Describe(closedXml, r => r.Values, r => r.Warnings);
        bool exact = mistakes > 0 || (streaming.Success && streaming.Value.Values
            .Select(v => (v.IndicatorCode, v.ReportingUnitCode, v.Period.Id, v.Value, v.Text)).ToHashSet().SetEquals(typed) && streaming.Value.Values.Count == typed.Count);
        return (a == b && exact)
            .Label($"{e}\nstreaming: {a}\nclosedxml: {b}")
            .Classify(streaming.Success, "values")
            .Classify(!streaming.Success, "errors")
            .Classify(units.Length > 1, "several units");
    }

    /// <summary>Types a fill into a cell, or (at the mistake rate) a mistake instead; 1 when a mistake was typed.</summary>
    private static int Type(IXLCell cell, CellFill f, Random random, int rate)
    {
        if (random.Next(10) < rate)
        {
            string mistake = Mistakes[random.Next(Mistakes.Length)];
            if (mistake == "=formula")
            {
                cell.FormulaA1 = "1+2";
            }
            else if (mistake == "-5")
            {
                cell.SetValue(-5m);
            }
            else if (mistake == "TRUE")
            {
                cell.SetValue(true);
            }
            else
            {
                cell.SetValue(mistake);
            }

            return 1;
        }

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

        return 0;
    }

    internal static string Describe<T>(KtxhResult<T> result, Func<T, IReadOnlyList<DataValue>> values, Func<T, IReadOnlyList<KtxhError>> warnings) =>
        result.Success
            ? "values: " + string.Join("; ", values(result.Value).Select(v => $"{v.IndicatorCode}/{v.ReportingUnitCode}/{v.Period.Id}/{v.Column}={v.Value}|{v.Text}|{v.Comment}"))
              + " warnings: " + string.Join("; ", warnings(result.Value))
            : "errors: " + string.Join("; ", result.Errors);
}
