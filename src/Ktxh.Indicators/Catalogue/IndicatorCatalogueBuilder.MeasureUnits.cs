using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Indicators;

public sealed partial class IndicatorCatalogueBuilder
{
    /// <summary>
    /// Gets or sets the unit registry that indicator unit codes are checked against (default
    /// <see cref="MeasureUnitRegistry.Default"/>); <see langword="null"/> skips the unit checks.
    /// </summary>
    public MeasureUnitRegistry? MeasureUnits
    {
        get => (UnitLookup as RegistryMeasureUnitLookup)?.Registry;
        set
        {
            UnitLookup = value is null ? null : new RegistryMeasureUnitLookup(value);
        }
    }

    /// <summary>Gets or sets how unit codes are checked; follows <see cref="MeasureUnits"/>.</summary>
    internal IMeasureUnitLookup? UnitLookup { get; set; } = new RegistryMeasureUnitLookup(MeasureUnitRegistry.Default);

    /// <summary>Looks unit codes up in a <see cref="MeasureUnitRegistry"/>; the dimension key is the canonical dimension text.</summary>
    internal sealed class RegistryMeasureUnitLookup(MeasureUnitRegistry registry) : IMeasureUnitLookup
    {
        public MeasureUnitRegistry Registry => registry;

        public bool TryGetDimension(string code, out string dimension)
        {
            if (registry.TryGet(code, out MeasureUnit? unit))
            {
                dimension = unit.Dimension.ToString();
                return true;
            }

            dimension = string.Empty;
            return false;
        }
    }
}
