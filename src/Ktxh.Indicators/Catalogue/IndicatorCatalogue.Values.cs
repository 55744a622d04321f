namespace Ktxh.Indicators;

public sealed partial class IndicatorCatalogue
{
    /// <summary>Validates data values against this catalogue and, optionally, one of its forms.</summary>
    /// <param name="values">The values.</param>
    /// <param name="form">The form they were filed on, or <see langword="null"/>.</param>
    /// <returns>Every problem found, with its location and a bilingual message.</returns>
    public DataValidationReport ValidateValues(IEnumerable<DataValue> values, ReportForm? form = null) =>
        new DataValueValidator(this).Validate(values, form);

    /// <summary>Compares this catalogue (the older version) with a newer one.</summary>
    /// <param name="newer">The newer catalogue.</param>
    /// <returns>The added, removed and changed indicators.</returns>
    public CatalogueDiff DiffTo(IndicatorCatalogue newer) => CatalogueDiff.Between(this, newer);
}
