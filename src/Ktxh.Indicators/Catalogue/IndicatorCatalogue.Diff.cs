namespace Ktxh.Indicators;

public sealed partial class IndicatorCatalogue
{
    /// <summary>Compares this catalogue (the older version) with a newer one.</summary>
    /// <param name="newer">The newer catalogue.</param>
    /// <returns>The added, removed and changed indicators.</returns>
    public CatalogueDiff DiffTo(IndicatorCatalogue newer) => CatalogueDiff.Between(this, newer);
}
