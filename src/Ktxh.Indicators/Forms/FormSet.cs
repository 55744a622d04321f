namespace Ktxh.Indicators.Forms;

/// <summary>A form set (hệ biểu): the forms a kind of unit must file. Immutable and thread-safe.</summary>
/// <remarks>The statistics office keeps the form sets and assigns them to units with deadlines (seed 000).</remarks>
public sealed class FormSet
{
    /// <summary>Gets the form set's code.</summary>
    public required string Code { get; init => field = VietnameseText.Normalize(value) ?? string.Empty; }

    /// <summary>Gets the Vietnamese name.</summary>
    public required string NameVi { get; init => field = VietnameseText.NormalizeName(value) ?? string.Empty; }

    /// <summary>Gets the English name, if any.</summary>
    public string? NameEn { get; init => field = VietnameseText.NormalizeName(value); }

    /// <summary>Gets the kinds of unit that file this set.</summary>
    public IReadOnlyList<string> UnitKinds { get; init => field = (value?.Select(v => VietnameseText.Normalize(v)!).ToArray() ?? []).AsReadOnly(); } = [];

    /// <summary>Gets the codes of the forms in the set, in order.</summary>
    public IReadOnlyList<string> FormCodes { get; init => field = (value?.Select(v => VietnameseText.Normalize(v)!).ToArray() ?? []).AsReadOnly(); } = [];
}
