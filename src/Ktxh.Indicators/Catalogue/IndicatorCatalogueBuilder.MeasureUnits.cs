using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Indicators;

public sealed partial class IndicatorCatalogueBuilder
{
    /// <summary>
    /// Gets the unit registry that indicator unit codes are checked against (default
    /// <see cref="MeasureUnitRegistry.Default"/>; <see langword="null"/> when the unit checks are off); set it with
    /// <see cref="WithMeasureUnits"/>.
    /// </summary>
    public MeasureUnitRegistry? MeasureUnits => (UnitLookup as RegistryMeasureUnitLookup)?.Registry;

    /// <summary>Sets the unit registry that indicator unit codes are checked against.</summary>
    /// <param name="registry">The registry, or <see langword="null"/> to skip the unit checks (a catalogue whose units
    /// a host checks elsewhere).</param>
    /// <returns>This builder.</returns>
    public IndicatorCatalogueBuilder WithMeasureUnits(MeasureUnitRegistry? registry)
    {
        UnitLookup = registry is null ? null : new RegistryMeasureUnitLookup(registry);
        return this;
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
