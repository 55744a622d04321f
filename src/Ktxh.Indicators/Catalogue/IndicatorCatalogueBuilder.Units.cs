namespace Ktxh.Indicators;

public sealed partial class IndicatorCatalogueBuilder
{
    /// <summary>
    /// Gets or sets the unit registry that indicator unit codes are checked against (default
    /// <see cref="UnitRegistry.Default"/>); <see langword="null"/> skips the unit checks.
    /// </summary>
    public UnitRegistry? Units
    {
        get => (UnitLookup as RegistryUnitLookup)?.Registry;
        set
        {
            UnitLookup = value is null ? null : new RegistryUnitLookup(value);
        }
    }

    /// <summary>Gets or sets how unit codes are checked; follows <see cref="Units"/>.</summary>
    internal IUnitLookup? UnitLookup { get; set; } = new RegistryUnitLookup(UnitRegistry.Default);

    /// <summary>Looks unit codes up in a <see cref="UnitRegistry"/>; the dimension key is the canonical dimension text.</summary>
    internal sealed class RegistryUnitLookup(UnitRegistry registry) : IUnitLookup
    {
        public UnitRegistry Registry => registry;

        public bool TryGetDimension(string code, out string dimension)
        {
            if (registry.TryGet(code, out UnitOfMeasure? unit))
            {
                dimension = unit.Dimension.ToString();
                return true;
            }

            dimension = string.Empty;
            return false;
        }
    }
}
