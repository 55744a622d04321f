using Ktxh.Indicators.Forms;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using NodaTime;

namespace Ktxh.Excel;

/// <summary>
/// What a form workbook is made for: a form, the reporting unit that fills it, the period (or, for history, a range of
/// periods side by side) and the deadline printed in its header. Immutable.
/// </summary>
public sealed record FormWorkbookRequest
{
    /// <summary>Gets the form.</summary>
    public required ReportForm Form { get; init; }

    /// <summary>Gets the reporting unit's code.</summary>
    public required string UnitCode { get; init => field = VietnameseText.Normalize(value) ?? string.Empty; }

    /// <summary>Gets the reporting unit's name as printed in the header (the code when not given).</summary>
    public string? UnitName { get; init => field = VietnameseText.NormalizeName(value); }

    /// <summary>Gets the periods, one group of columns each, in order (at least one).</summary>
    public required IReadOnlyList<ReportingPeriod> Periods { get; init => field = (value ?? []).ToArray().AsReadOnly(); }

    /// <summary>Gets the deadline printed in the header, if any.</summary>
    public LocalDate? Deadline { get; init; }

    /// <summary>Gets the name of the form sheet (default <c>Biểu 01</c>; at most 31 characters, none of <c>: \ / ? * [ ]</c>).</summary>
    public string SheetName { get; init => field = VietnameseText.Normalize(value) ?? DefaultSheetName; } = DefaultSheetName;

    /// <summary>The default name of the form sheet.</summary>
    public const string DefaultSheetName = "Biểu 01";

    /// <summary>Creates a request for one unit and one period.</summary>
    /// <param name="form">The form.</param>
    /// <param name="unit">The reporting unit.</param>
    /// <param name="period">The period.</param>
    /// <param name="deadline">The deadline to print, if any.</param>
    /// <returns>The request.</returns>
    public static FormWorkbookRequest For(ReportForm form, ReportingUnit unit, ReportingPeriod period, LocalDate? deadline = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(unit);
        return new FormWorkbookRequest { Form = form, UnitCode = unit.Code, UnitName = unit.NameVi, Periods = [period], Deadline = deadline };
    }

    /// <summary>Creates a request for one unit and a range of consecutive periods (history: 2020–2024), first to last inclusive.</summary>
    /// <param name="form">The form.</param>
    /// <param name="unit">The reporting unit.</param>
    /// <param name="first">The first period.</param>
    /// <param name="last">The last period (of the same type, not before <paramref name="first"/>).</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">The periods differ in type, are out of order, or span more than 240 periods.</exception>
    public static FormWorkbookRequest ForRange(ReportForm form, ReportingUnit unit, ReportingPeriod first, ReportingPeriod last)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(unit);
        if (first.Type != last.Type || last < first)
        {
            throw new ArgumentException("Kỳ đầu và kỳ cuối phải cùng loại và theo thứ tự / The first and last periods must be of one type and in order", nameof(last));
        }

        var periods = new List<ReportingPeriod> { first };
        while (periods[^1] < last)
        {
            if (periods.Count >= 240)
            {
                throw new ArgumentException("Quá 240 kỳ / More than 240 periods", nameof(last));
            }

            periods.Add(periods[^1].Next());
        }

        return new FormWorkbookRequest { Form = form, UnitCode = unit.Code, UnitName = unit.NameVi, Periods = periods };
    }
}
