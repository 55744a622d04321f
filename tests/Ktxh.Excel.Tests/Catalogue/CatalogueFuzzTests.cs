using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Indicators;

namespace Ktxh.Excel.Tests;

/// <summary>Mutated catalogue workbooks each give a catalogue or errors, never an exception and never both.</summary>
public class CatalogueFuzzTests
{
    private static readonly byte[] Valid = new CatalogueWorkbookWriter().Write(CatalogueWorkbookTests.Small);
    private static readonly CatalogueWorkbookImporter Importer = new();

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 200)]
    public Property A_mutated_catalogue_workbook_gives_a_catalogue_or_errors_never_an_exception(MutationCase mutation)
    {
        byte[] file = FuzzTests.Mutate(Valid, mutation);
        KtxhResult<IndicatorCatalogue> result;
        try
        {
            result = Importer.Import(file);
        }
        catch (Exception e)
        {
            return false.Label($"{mutation}: {e.GetType().Name}: {e.Message}");
        }

        bool consistent = result.Success
            ? result.Errors.Count == 0 && result.Value.Count > 0
            : result.Errors.Count > 0 && result.GetValueOrDefault(null!) is null
              && result.Errors.All(e => !string.IsNullOrWhiteSpace(e.MessageVi) && !string.IsNullOrWhiteSpace(e.MessageEn));
        return consistent.Label(mutation.ToString())
            .Classify(result.Success, "still a catalogue")
            .Collect(result.Success ? "accepted" : result.Errors[0].Code);
    }
}
