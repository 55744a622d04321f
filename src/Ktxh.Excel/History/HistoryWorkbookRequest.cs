using Ktxh.Periods;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.DataValues;

namespace Ktxh.Excel;

/// <summary>
/// What a history workbook is made for: one form, many reporting units and many periods at once (the 2020–2024 history
/// that the General Statistics Office's roll-out dispatch asks provinces and communes to enter; seed
/// "000-nso-dispatch-ktxh-rollout-2026.txt"), optionally pre-filled with values already known. Immutable.
/// </summary>
public sealed record HistoryWorkbookRequest
{
    /// <summary>The default name of the history sheet.</summary>
    public const string DefaultSheetName = "Lịch sử";

    /// <summary>Gets the form whose rows are asked for each unit.</summary>
    public required ReportForm Form { get; init; }

    /// <summary>Gets the units, one block of rows each, in order (at least one; codes distinct).</summary>
    public required IReadOnlyList<HistoryUnit> Units { get; init => field = (value ?? []).ToArray().AsReadOnly(); }

    /// <summary>Gets the periods, one column each, in order (at least one, at most 240, distinct).</summary>
    public required IReadOnlyList<ReportingPeriod> Periods { get; init => field = (value ?? []).ToArray().AsReadOnly(); }

    /// <summary>
    /// Gets values to pre-fill (this-period values of the form's indicators, units and periods; others are ignored), for
    /// a workbook sent out to be checked and completed rather than filled from nothing.
    /// </summary>
    public IReadOnlyList<DataValue> Values { get; init => field = (value ?? []).ToArray().AsReadOnly(); } = [];

    /// <summary>Gets the name of the history sheet (default <c>Lịch sử</c>; at most 31 characters, none of <c>: \ / ? * [ ]</c>).</summary>
    public string SheetName { get; init => field = VietnameseText.Normalize(value) ?? DefaultSheetName; } = DefaultSheetName;

    /// <summary>Creates a request for many units and a range of consecutive periods, first to last inclusive (2020 to 2024).</summary>
    /// <param name="form">The form.</param>
    /// <param name="units">The units.</param>
    /// <param name="first">The first period.</param>
    /// <param name="last">The last period (of the same type, not before <paramref name="first"/>).</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">The periods differ in type, are out of order, or span more than 240 periods.</exception>
    public static HistoryWorkbookRequest ForRange(ReportForm form, IEnumerable<HistoryUnit> units, ReportingPeriod first, ReportingPeriod last)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(units);
        if (first.Type != last.Type || last < first)
        {
            throw new ArgumentException("Kỳ đầu và kỳ cuối phải cùng loại và theo thứ tự / The first and last periods must be of one type and in order", nameof(last));
        }

        var periods = new List<ReportingPeriod> { first };
        while (periods[^1] < last)
        {
            if (periods.Count >= HistoryLayout.MaxPeriods)
            {
                throw new ArgumentException("Quá 240 kỳ / More than 240 periods", nameof(last));
            }

            periods.Add(periods[^1].Next());
        }

        return new HistoryWorkbookRequest { Form = form, Units = [.. units], Periods = periods };
    }
}
