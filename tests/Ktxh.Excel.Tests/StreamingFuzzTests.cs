using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Ktxh.Excel.Tests;

/// <summary>
/// The fuzz law of <see cref="FuzzTests"/> for the history import and for both read engines: a mutated workbook gives
/// errors or whole values, never an exception and never partial values.
/// </summary>
public class StreamingFuzzTests
{
    private static readonly KtxhExcelOptions ClosedXml = new() { ReadEngine = WorkbookReadEngine.ClosedXml };

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public Property A_mutated_history_workbook_gives_errors_or_whole_values_with_either_engine(MutationCase mutation)
    {
        byte[] file = FuzzTests.Mutate(HistoryTests.Valid, mutation);
        var outcomes = new List<string>();
        foreach (KtxhExcelOptions options in new[] { new KtxhExcelOptions(), ClosedXml })
        {
            KtxhResult<HistoryImport> result;
            try
            {
                result = new HistoryWorkbookImporter(TestCatalogue.Catalogue, options).Import(file);
            }
            catch (Exception e)
            {
                return false.Label($"{mutation} ({options.ReadEngine}): threw {e}");
            }

            bool consistent = result.Success
                ? result.Errors.Count == 0 && WholeHistory(result.Value)
                : result.Errors.Count > 0 && !result.TryGetValue(out _) && result.Errors.All(e => e.CodeValue is ExcelErrorCode && e.MessageVi.Length > 0 && e.MessageEn.Length > 0);
            if (!consistent)
            {
                return false.Label($"{mutation} ({options.ReadEngine}): {(result.Success ? $"{result.Value.Values.Count} values" : string.Join(" | ", result.Errors))}");
            }

            outcomes.Add(result.Success ? "values" : "errors");
        }

        return true.ToProperty().Classify(outcomes[0] == "values", "values").Classify(outcomes[0] != outcomes[1], "engines differ in outcome").Collect(mutation.Kind);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 150)]
    public Property A_mutated_form_workbook_never_throws_through_the_ClosedXml_engine(MutationCase mutation)
    {
        byte[] file = FuzzTests.Mutate(FuzzTests.ValidWorkbook, mutation);
        KtxhResult<FormImport> result;
        try
        {
            result = new FormWorkbookImporter(TestCatalogue.Catalogue, ClosedXml).Import(file, TestCatalogue.Expected);
        }
        catch (Exception e)
        {
            return false.Label($"{mutation}: threw {e}");
        }

        bool consistent = result.Success ? result.Errors.Count == 0 && result.Value.Values.Count > 0 : result.Errors.Count > 0 && !result.TryGetValue(out _);
        return consistent.Label($"{mutation}: {string.Join(" | ", result.Errors)}").Classify(result.Success, "values").Collect(mutation.Kind);
    }

    /// <summary>Whole values: only the workbook's units, the form's indicators and the five years, each value once, every unit's numbers present.</summary>
    private static bool WholeHistory(HistoryImport import)
    {
        var codes = TestCatalogue.Form.Rows.Select(r => r.IndicatorCode).ToHashSet(StringComparer.Ordinal);
        var units = HistoryTests.Units.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
        return import.Values.All(v => codes.Contains(v.IndicatorCode) && units.Contains(v.ReportingUnitCode) && HistoryTests.Years.Contains(v.Period) && (v.Value is not null || v.Text is not null))
            && import.Values.Select(v => (v.IndicatorCode, v.ReportingUnitCode, v.Period)).Distinct().Count() == import.Values.Count
            && import.Values.Count <= units.Count * codes.Count * HistoryTests.Years.Length;
    }
}
