namespace Ktxh.Excel;

/// <summary>A reporting unit listed in a history workbook: its code (kept as text, leading zeros stay) and name.</summary>
/// <param name="Code">The unit code (such as the commune code <c>00004</c>).</param>
/// <param name="Name">The unit's name as printed (such as <c>Phường Ba Đình</c>).</param>
public sealed record HistoryUnit(string Code, string Name)
{
    /// <summary>Gets the unit code, NFC-normalised and trimmed.</summary>
    public string Code { get; init; } = VietnameseText.Normalize(Code) ?? string.Empty;

    /// <summary>Gets the name, NFC-normalised with white space collapsed.</summary>
    public string Name { get; init; } = VietnameseText.NormalizeName(Name) ?? string.Empty;
}
