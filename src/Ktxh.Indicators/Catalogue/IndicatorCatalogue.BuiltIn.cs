namespace Ktxh.Indicators;

public sealed partial class IndicatorCatalogue
{
    /// <summary>Gets the built-in catalogue (seed 004's indicators; see <see cref="BuiltInCatalogue"/>). Built once, lazily; thread-safe.</summary>
    public static IndicatorCatalogue BuiltIn => BuiltInCatalogue.Catalogue;

    /// <summary>Creates an empty builder (a shortcut for <c>new IndicatorCatalogueBuilder()</c>).</summary>
    /// <returns>A new builder.</returns>
    public static IndicatorCatalogueBuilder CreateBuilder() => new();
}
