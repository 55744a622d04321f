using Ktxh.Indicators.Forms;

namespace Ktxh.Indicators.DataValues;

/// <summary>Validates data values against a catalogue.</summary>
/// <remarks>An extension here rather than a catalogue method, so the catalogue does not depend on its data values:
/// values are checked against the catalogue, never the other way round.</remarks>
public static class IndicatorCatalogueValueExtensions
{
    /// <summary>Validates data values against a catalogue and, optionally, one of its forms.</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="values">The values.</param>
    /// <param name="form">The form they were filed on, or <see langword="null"/>.</param>
    /// <returns>Every problem found, with its location and a bilingual message.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalogue"/> or <paramref name="values"/> is null.</exception>
    public static DataValidationReport ValidateValues(this IndicatorCatalogue catalogue, IEnumerable<DataValue> values, ReportForm? form = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return new DataValueValidator(catalogue).Validate(values, form);
    }
}
