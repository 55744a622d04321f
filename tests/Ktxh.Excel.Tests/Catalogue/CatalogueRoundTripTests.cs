using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Indicators;

namespace Ktxh.Excel.Tests;

/// <summary>The catalogue to a workbook and back gives the same catalogue (compared through its JSON, which holds every field).</summary>
public class CatalogueRoundTripTests
{
    internal static string Json(IndicatorCatalogue catalogue) => IndicatorCatalogueJson.Write(catalogue);

    internal static KtxhResult<IndicatorCatalogue> RoundTrip(IndicatorCatalogue catalogue) =>
        new CatalogueWorkbookImporter().Import(new CatalogueWorkbookWriter().Write(catalogue));

    [Fact]
    public void The_built_in_catalogue_comes_back_equal()
    {
        KtxhResult<IndicatorCatalogue> back = RoundTrip(IndicatorCatalogue.BuiltIn);

        Assert.True(back.Success, string.Join(Environment.NewLine, back.Errors.Take(20)));
        Assert.Equal(Json(IndicatorCatalogue.BuiltIn), Json(back.Value));
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 40)]
    public Property Generated_catalogues_come_back_equal(CatalogueCase generated)
    {
        KtxhResult<IndicatorCatalogue> back = RoundTrip(generated.Catalogue);
        bool equal = back.Success && Json(back.Value) == Json(generated.Catalogue);
        return equal.Label(back.Success ? "JSON differs: " + FirstDifference(Json(generated.Catalogue), Json(back.Value)) : string.Join(" | ", back.Errors.Take(5)))
            .Classify(generated.Catalogue.Forms.Count > 0, "with forms")
            .Classify(generated.Catalogue.Indicators.Any(i => i.Relation is not null), "with parents")
            .Collect($"{generated.Catalogue.Count / 5 * 5}+ indicators");
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        for (int i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return $"line {i + 1}: expected {a[i].Trim()} got {b[i].Trim()}";
            }
        }

        return $"lengths {a.Length} and {b.Length}";
    }
}
