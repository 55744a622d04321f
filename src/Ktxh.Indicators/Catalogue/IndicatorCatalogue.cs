using System.Collections.ObjectModel;
using System.Collections.Frozen;
using Ktxh.Indicators.Forms;
using NodaTime;

namespace Ktxh.Indicators;

/// <summary>
/// An immutable, validated catalogue of indicators with their agencies, disaggregations, report forms and form sets,
/// and fast lookups. Built by <see cref="IndicatorCatalogueBuilder"/>, loaded from JSON
/// (<c>IndicatorCatalogueJson</c>) or the built-in catalogue (<c>BuiltIn</c>).
/// </summary>
/// <remarks>Thread-safe: every member may be called from any thread; lookups are precomputed when it is built.</remarks>
public sealed partial class IndicatorCatalogue
{
    private readonly Indicator[] _indicators;
    private readonly FrozenDictionary<string, Indicator> _byCode;
    private readonly FrozenDictionary<string, ReadOnlyCollection<Indicator>> _byAgency;
    private readonly FrozenDictionary<string, ReadOnlyCollection<Indicator>> _children;
    private readonly FrozenDictionary<string, ReportForm> _forms;
    private readonly FrozenDictionary<string, FormSet> _formSets;
    private readonly FrozenDictionary<string, Agency> _agencies;
    private readonly FrozenDictionary<string, Disaggregation> _disaggregations;
    private readonly string[] _foldedSearchText;

    internal IndicatorCatalogue(
        string version,
        decimal componentTolerance,
        IEnumerable<Indicator> indicators,
        IEnumerable<Agency> agencies,
        IEnumerable<Disaggregation> disaggregations,
        IEnumerable<ReportForm> forms,
        IEnumerable<FormSet> formSets)
    {
        Version = version;
        ComponentTolerance = componentTolerance;
        _indicators = indicators.ToArray();
        // Exposed through read-only wrappers: an array behind IReadOnlyList could be cast back and mutated by any
        // caller, changing a catalogue that other threads share.
        Indicators = _indicators.AsReadOnly();
        Agencies = agencies.ToArray().AsReadOnly();
        Disaggregations = disaggregations.ToArray().AsReadOnly();
        Forms = forms.ToArray().AsReadOnly();
        FormSets = formSets.ToArray().AsReadOnly();

        _byCode = _indicators.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
        _byAgency = _indicators.Where(i => i.AgencyCode is not null)
            .GroupBy(i => i.AgencyCode!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray().AsReadOnly(), StringComparer.Ordinal);
        _children = _indicators.Where(i => i.Relation is not null)
            .GroupBy(i => i.Relation!.Value.ParentCode, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray().AsReadOnly(), StringComparer.Ordinal);
        _forms = Forms.ToFrozenDictionary(f => f.Code, StringComparer.Ordinal);
        _formSets = FormSets.ToFrozenDictionary(f => f.Code, StringComparer.Ordinal);
        _agencies = Agencies.ToFrozenDictionary(a => a.Code, StringComparer.Ordinal);
        _disaggregations = Disaggregations.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);
        _foldedSearchText = _indicators.Select(i => VietnameseText.Fold($"{i.Code} {i.NameVi} {i.NameEn}")).ToArray();
    }

    /// <summary>Gets the catalogue's version label.</summary>
    public string Version { get; }

    /// <summary>Gets the absolute tolerance within which components must add up to their parent.</summary>
    public decimal ComponentTolerance { get; }

    /// <summary>Gets the indicators, in the order they were added (document order).</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>Gets the number of indicators.</summary>
    public int Count => _indicators.Length;

    /// <summary>Gets the agencies.</summary>
    public IReadOnlyList<Agency> Agencies { get; }

    /// <summary>Gets the disaggregation dimensions.</summary>
    public IReadOnlyList<Disaggregation> Disaggregations { get; }

    /// <summary>Gets the report forms.</summary>
    public IReadOnlyList<ReportForm> Forms { get; }

    /// <summary>Gets the form sets.</summary>
    public IReadOnlyList<FormSet> FormSets { get; }

    /// <summary>Tells whether an indicator code exists.</summary>
    /// <param name="code">The code (normalised to NFC before the lookup).</param>
    /// <returns><see langword="true"/> when it exists.</returns>
    public bool Contains(string code) => _byCode.ContainsKey(Key(code));

    /// <summary>Looks an indicator up by code.</summary>
    /// <param name="code">The code (normalised to NFC before the lookup).</param>
    /// <param name="indicator">The indicator, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(string code, out Indicator indicator) => _byCode.TryGetValue(Key(code), out indicator!);

    /// <summary>Gets an indicator by code.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The indicator.</returns>
    /// <exception cref="KeyNotFoundException">No indicator has that code.</exception>
    public Indicator Get(string code) =>
        TryGet(code, out Indicator indicator)
            ? indicator
            : throw new KeyNotFoundException($"Không có chỉ tiêu mã '{code}' / No indicator with code '{code}'");

    /// <summary>Gets an indicator by code, or <see langword="null"/>.</summary>
    /// <param name="code">The code.</param>
    /// <returns>The indicator or <see langword="null"/>.</returns>
    public Indicator? Find(string code) => TryGet(code, out Indicator indicator) ? indicator : null;

    /// <summary>Gets the indicators an agency is responsible for, in document order.</summary>
    /// <param name="agencyCode">The agency code.</param>
    /// <returns>The indicators (empty when none).</returns>
    public IReadOnlyList<Indicator> ByAgency(string agencyCode) =>
        _byAgency.TryGetValue(Key(agencyCode), out ReadOnlyCollection<Indicator>? list) ? list : ReadOnlyCollection<Indicator>.Empty;

    /// <summary>Gets the indicators directly under a parent (components, of-which rows and details), in document order.</summary>
    /// <param name="parentCode">The parent code.</param>
    /// <returns>The children (empty when none).</returns>
    public IReadOnlyList<Indicator> ChildrenOf(string parentCode) =>
        _children.TryGetValue(Key(parentCode), out ReadOnlyCollection<Indicator>? list) ? list : ReadOnlyCollection<Indicator>.Empty;

    /// <summary>Gets the components of a parent (the parts that add up to it).</summary>
    /// <param name="parentCode">The parent code.</param>
    /// <returns>The components.</returns>
    public IReadOnlyList<Indicator> ComponentsOf(string parentCode) =>
        ChildrenOf(parentCode).Where(i => i.Relation!.Value.Kind == IndicatorRelationKind.Component).ToArray();

    /// <summary>Gets the of-which ("Trong đó") rows of a parent.</summary>
    /// <param name="parentCode">The parent code.</param>
    /// <returns>The of-which rows.</returns>
    public IReadOnlyList<Indicator> OfWhichOf(string parentCode) =>
        ChildrenOf(parentCode).Where(i => i.Relation!.Value.Kind == IndicatorRelationKind.OfWhich).ToArray();

    /// <summary>Gets the parent of an indicator, or <see langword="null"/> when it has none.</summary>
    /// <param name="code">The indicator code.</param>
    /// <returns>The parent or <see langword="null"/>.</returns>
    public Indicator? ParentOf(string code) =>
        Find(code)?.Relation is { } rel ? Find(rel.ParentCode) : null;

    /// <summary>Gets the indicators whose definition applies on a date.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The indicators valid on that date, in document order.</returns>
    public IReadOnlyList<Indicator> ValidOn(LocalDate date) => _indicators.Where(i => i.IsValidOn(date)).ToArray();

    /// <summary>Looks an agency up.</summary>
    /// <param name="code">The agency code.</param>
    /// <param name="agency">The agency, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetAgency(string code, out Agency agency) => _agencies.TryGetValue(Key(code), out agency!);

    /// <summary>Looks a disaggregation dimension up.</summary>
    /// <param name="code">The dimension code.</param>
    /// <param name="disaggregation">The dimension, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetDisaggregation(string code, out Disaggregation disaggregation) => _disaggregations.TryGetValue(Key(code), out disaggregation!);

    /// <summary>Looks a form up.</summary>
    /// <param name="code">The form code.</param>
    /// <param name="form">The form, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetForm(string code, out ReportForm form) => _forms.TryGetValue(Key(code), out form!);

    /// <summary>Gets a form by code.</summary>
    /// <param name="code">The form code.</param>
    /// <returns>The form.</returns>
    /// <exception cref="KeyNotFoundException">No form has that code.</exception>
    public ReportForm GetForm(string code) =>
        TryGetForm(code, out ReportForm form)
            ? form
            : throw new KeyNotFoundException($"Không có biểu mã '{code}' / No form with code '{code}'");

    /// <summary>Gets the indicators of a form, in row order.</summary>
    /// <param name="formCode">The form code.</param>
    /// <returns>The indicators (empty when the form does not exist).</returns>
    public IReadOnlyList<Indicator> ByForm(string formCode) =>
        TryGetForm(formCode, out ReportForm form) ? form.Rows.Select(r => _byCode[Key(r.IndicatorCode)]).ToArray() : [];

    /// <summary>Gets the forms an indicator appears on.</summary>
    /// <param name="indicatorCode">The indicator code.</param>
    /// <returns>The forms.</returns>
    public IReadOnlyList<ReportForm> FormsContaining(string indicatorCode)
    {
        string key = Key(indicatorCode);
        return Forms.Where(f => f.Rows.Any(r => string.Equals(Key(r.IndicatorCode), key, StringComparison.Ordinal))).ToArray();
    }

    /// <summary>Looks a form set up.</summary>
    /// <param name="code">The form set code.</param>
    /// <param name="formSet">The form set, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetFormSet(string code, out FormSet formSet) => _formSets.TryGetValue(Key(code), out formSet!);

    /// <summary>
    /// Searches indicators by code or name, ignoring diacritics and case (<c>"giai ngan"</c> finds "Giải ngân"; đ/Đ
    /// match d). Every word of the query must occur in the indicator's code, Vietnamese or English name.
    /// </summary>
    /// <param name="query">The query.</param>
    /// <returns>The matching indicators in document order (empty for an empty query).</returns>
    public IReadOnlyList<Indicator> Search(string query)
    {
        string[] words = VietnameseText.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return [];
        }

        var result = new List<Indicator>();
        for (int i = 0; i < _indicators.Length; i++)
        {
            string text = _foldedSearchText[i];
            if (words.All(w => text.Contains(w, StringComparison.Ordinal)))
            {
                result.Add(_indicators[i]);
            }
        }

        return result;
    }

    /// <summary>Creates a builder holding everything in this catalogue, to derive a new version.</summary>
    /// <returns>A new builder.</returns>
    public IndicatorCatalogueBuilder ToBuilder()
    {
        var builder = new IndicatorCatalogueBuilder().WithVersion(Version).WithComponentTolerance(ComponentTolerance);
        foreach (Agency a in Agencies)
        {
            builder.AddAgency(a);
        }

        foreach (Disaggregation d in Disaggregations)
        {
            builder.AddDisaggregation(d);
        }

        builder.AddRange(_indicators);
        foreach (ReportForm f in Forms)
        {
            builder.AddForm(f);
        }

        foreach (FormSet s in FormSets)
        {
            builder.AddFormSet(s);
        }

        return builder;
    }

    private static string Key(string code) => VietnameseText.Normalize(code) ?? string.Empty;
}
