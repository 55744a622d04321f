namespace Ktxh.Indicators;

public static partial class IndicatorCatalogueJson
{
    private static IUnitLookup? DefaultUnitLookup() => null;
}
