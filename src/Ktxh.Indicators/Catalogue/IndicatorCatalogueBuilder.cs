using Ktxh.Indicators.Forms;

namespace Ktxh.Indicators;

/// <summary>
/// Builds an <see cref="IndicatorCatalogue"/> step by step, then validates everything at once.
/// Not thread-safe (use one builder per thread); the catalogue it builds is immutable and thread-safe.
/// </summary>
/// <remarks>
/// Nothing is half-applied: <see cref="Build"/> returns a catalogue only when there is no problem at all, and
/// <see cref="BuildResult"/> / <see cref="Validate"/> list every problem with its JSON path
/// (<c>$.indicators[12].unit</c>), where indices are the order of addition (the order of a JSON document's arrays).
/// </remarks>
public sealed partial class IndicatorCatalogueBuilder
{
    private readonly List<Indicator> _indicators = [];
    private readonly List<Agency> _agencies = [];
    private readonly List<Disaggregation> _disaggregations = [];
    private readonly List<ReportForm> _forms = [];
    private readonly List<FormSet> _formSets = [];
    private readonly List<KtxhError> _pendingErrors = [];

    /// <summary>Gets the catalogue's version label (such as <c>2026.1</c>; default <c>1</c>); set it with <see cref="WithVersion"/>.</summary>
    public string Version { get; private set; } = "1";

    /// <summary>
    /// Gets the absolute tolerance within which the components of a parent must add up to it (default 0); set it with
    /// <see cref="WithComponentTolerance"/>.
    /// </summary>
    public decimal ComponentTolerance { get; private set; }

    /// <summary>Sets the catalogue's version label (such as <c>2026.1</c>), normalised to NFC.</summary>
    /// <param name="version">The version label.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="version"/> is <see langword="null"/>.</exception>
    public IndicatorCatalogueBuilder WithVersion(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        Version = VietnameseText.Normalize(version) ?? string.Empty;
        return this;
    }

    /// <summary>
    /// Sets the absolute tolerance within which the components of a parent must add up to it (rounding of published
    /// figures: components rounded to the indicator's precision rarely add up exactly).
    /// </summary>
    /// <param name="tolerance">The tolerance; a negative one is reported by <see cref="BuildResult"/>
    /// (<see cref="CatalogueErrorCode.InvalidTolerance"/>, at <c>$.componentTolerance</c>), like one read from JSON.</param>
    /// <returns>This builder.</returns>
    public IndicatorCatalogueBuilder WithComponentTolerance(decimal tolerance)
    {
        ComponentTolerance = tolerance;
        return this;
    }

    /// <summary>Gets the number of indicators added so far.</summary>
    public int IndicatorCount => _indicators.Count;

    /// <summary>Adds an indicator.</summary>
    /// <param name="indicator">The indicator.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicator"/> is <see langword="null"/>.</exception>
    public IndicatorCatalogueBuilder Add(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        _indicators.Add(indicator);
        return this;
    }

    /// <summary>Adds several indicators.</summary>
    /// <param name="indicators">The indicators.</param>
    /// <returns>This builder.</returns>
    public IndicatorCatalogueBuilder AddRange(IEnumerable<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        foreach (Indicator indicator in indicators)
        {
            Add(indicator);
        }

        return this;
    }

    /// <summary>Adds an agency.</summary>
    /// <param name="agency">The agency.</param>
    /// <returns>This builder.</returns>
    public IndicatorCatalogueBuilder AddAgency(Agency agency)
    {
        ArgumentNullException.ThrowIfNull(agency);
        _agencies.Add(new Agency(VietnameseText.Normalize(agency.Code) ?? string.Empty, VietnameseText.NormalizeName(agency.NameVi) ?? string.Empty, VietnameseText.NormalizeName(agency.NameEn)));
        return this;
    }

    /// <summary>Adds a disaggregation dimension.</summary>
    /// <param name="disaggregation">The dimension.</param>
    /// <returns>This builder.</returns>
    public IndicatorCatalogueBuilder AddDisaggregation(Disaggregation disaggregation)
    {
        ArgumentNullException.ThrowIfNull(disaggregation);
        _disaggregations.Add(disaggregation);
        return this;
    }

    /// <summary>Adds a report form.</summary>
    /// <param name="form">The form.</param>
    /// <returns>This builder.</returns>
    public IndicatorCatalogueBuilder AddForm(ReportForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        _forms.Add(form);
        return this;
    }

    /// <summary>Adds a form set.</summary>
    /// <param name="formSet">The form set.</param>
    /// <returns>This builder.</returns>
    public IndicatorCatalogueBuilder AddFormSet(FormSet formSet)
    {
        ArgumentNullException.ThrowIfNull(formSet);
        _formSets.Add(formSet);
        return this;
    }

    /// <summary>Records a problem found before the builder was filled (by a loader), so that it is reported with the rest.</summary>
    internal void AddLoadError(KtxhError error) => _pendingErrors.Add(error);

    /// <summary>Validates what was added and lists every problem.</summary>
    /// <returns>Every problem found, in document order; empty when the catalogue is valid.</returns>
    public IReadOnlyList<KtxhError> Validate()
    {
        var errors = new List<KtxhError>(_pendingErrors);
        errors.AddRange(new CatalogueValidator(_indicators, _agencies, _disaggregations, _forms, _formSets, ComponentTolerance, UnitLookup).Run());
        return errors;
    }

    /// <summary>Validates and builds the catalogue without throwing.</summary>
    /// <returns>The catalogue, or every problem found.</returns>
    public KtxhResult<IndicatorCatalogue> BuildResult()
    {
        // Items added in code are located by their index (in the order added) as well as by the member's path.
        IReadOnlyList<KtxhError> errors = Validate()
            .Select(e => CatalogueErrors.FirstIndex(e.Location.JsonPath, "indicators") is { } index ? e with { Location = e.Location with { Index = index } } : e)
            .ToList();
        return KtxhResult.FromErrorsOr(errors, CreateValidated);
    }

    /// <summary>Creates the catalogue from contents that <see cref="Validate"/> has just found valid (loaders validate once).</summary>
    internal IndicatorCatalogue CreateValidated() =>
        new(Version, ComponentTolerance, _indicators, _agencies, _disaggregations, _forms, _formSets);

    /// <summary>Validates and builds the catalogue.</summary>
    /// <returns>The immutable catalogue.</returns>
    /// <exception cref="KtxhException">The catalogue has problems; the exception lists all of them.</exception>
    public IndicatorCatalogue Build() => BuildResult().Value;
}
