using Ktxh.Periods;

namespace Ktxh.Excel;

/// <summary>
/// What an imported workbook must be: the form, the unit and the periods assigned. A part left <see langword="null"/>
/// is not checked. Immutable.
/// </summary>
public sealed record FormImportExpectation
{
    /// <summary>Gets the expected form code, or <see langword="null"/> for any form of the catalogue.</summary>
    public string? FormCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the expected reporting unit's code, or <see langword="null"/> for any.</summary>
    public string? UnitCode { get; init => field = VietnameseText.Normalize(value); }

    /// <summary>Gets the expected periods, in order, or <see langword="null"/> for any.</summary>
    public IReadOnlyList<ReportingPeriod>? Periods { get; init => field = value?.ToArray().AsReadOnly(); }

    /// <summary>Gets an expectation that checks nothing.</summary>
    public static FormImportExpectation Any { get; } = new();

    /// <summary>Creates an expectation of one form, unit and period.</summary>
    /// <param name="formCode">The form code.</param>
    /// <param name="unitCode">The unit code.</param>
    /// <param name="period">The period.</param>
    /// <returns>The expectation.</returns>
    public static FormImportExpectation For(string formCode, string unitCode, ReportingPeriod period) =>
        new() { FormCode = formCode, UnitCode = unitCode, Periods = [period] };
}
