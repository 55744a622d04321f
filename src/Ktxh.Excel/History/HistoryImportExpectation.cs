using Ktxh.Periods;

namespace Ktxh.Excel;

/// <summary>
/// What an imported history workbook must be: the form, the units allowed and the periods allowed. A part left
/// <see langword="null"/> is not checked beyond the workbook's own lists. Immutable.
/// </summary>
public sealed record HistoryImportExpectation
{
    /// <summary>Gets the expected form code, or <see langword="null"/> for any form of the catalogue.</summary>
    public string? FormCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the units a row may name (besides being in the workbook's list), or <see langword="null"/> for the workbook's list.</summary>
    public IReadOnlyCollection<string>? UnitCodes { get; init => field = value?.Select(v => VietnameseText.Normalize(v)!).ToHashSet(StringComparer.Ordinal); }

    /// <summary>Gets the periods a column may hold (besides being in the workbook's list), or <see langword="null"/> for the workbook's list.</summary>
    public IReadOnlyCollection<ReportingPeriod>? Periods { get; init => field = value?.ToHashSet(); }

    /// <summary>Gets an expectation that checks nothing beyond the workbook itself.</summary>
    public static HistoryImportExpectation Any { get; } = new();
}
