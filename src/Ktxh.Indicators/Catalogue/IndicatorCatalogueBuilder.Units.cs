namespace Ktxh.Indicators;

public sealed partial class IndicatorCatalogueBuilder
{
    /// <summary>Gets or sets how unit codes are checked; <see langword="null"/> skips the unit checks.</summary>
    internal IUnitLookup? UnitLookup { get; set; }
}
