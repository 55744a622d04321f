using Ktxh.Indicators.MeasureUnits;

namespace Ktxh.Indicators;

public static partial class IndicatorCatalogueJson
{
    private static IMeasureUnitLookup? DefaultUnitLookup() => new IndicatorCatalogueBuilder.RegistryMeasureUnitLookup(MeasureUnitRegistry.Default);

    /// <summary>Reads a catalogue from JSON text, checking unit codes against a given registry.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="units">The unit registry; <see langword="null"/> skips the unit checks.</param>
    /// <returns>The catalogue, or every problem found.</returns>
    public static KtxhResult<IndicatorCatalogue> Read(string json, MeasureUnitRegistry? units)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(System.Text.Encoding.UTF8.GetBytes(json), units is null ? null : new IndicatorCatalogueBuilder.RegistryMeasureUnitLookup(units));
    }

    /// <summary>Reads a catalogue from a UTF-8 JSON stream, checking unit codes against a given registry.</summary>
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <param name="units">The unit registry; <see langword="null"/> skips the unit checks.</param>
    /// <returns>The catalogue, or every problem found.</returns>
    public static KtxhResult<IndicatorCatalogue> Read(Stream utf8Json, MeasureUnitRegistry? units)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Read(buffer.ToArray(), units is null ? null : new IndicatorCatalogueBuilder.RegistryMeasureUnitLookup(units));
    }
}
