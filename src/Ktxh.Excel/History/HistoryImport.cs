using Ktxh.Periods;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.DataValues;

namespace Ktxh.Excel;

/// <summary>
/// The outcome of importing a history workbook without errors: the form, the units and periods its rows and columns
/// hold, and the data values of every unit and period. Immutable.
/// </summary>
public sealed class HistoryImport
{
    internal HistoryImport(ReportForm form, IReadOnlyList<string> unitCodes, IReadOnlyList<ReportingPeriod> periods, IReadOnlyList<DataValue> values, IReadOnlyList<KtxhError> warnings)
    {
        Form = form;
        UnitCodes = unitCodes;
        Periods = periods;
        Values = values;
        Warnings = warnings;
    }

    /// <summary>Gets the form.</summary>
    public ReportForm Form { get; }

    /// <summary>Gets the codes of the units that have at least one row, in the order first met.</summary>
    public IReadOnlyList<string> UnitCodes { get; }

    /// <summary>Gets the periods of the columns, in column order.</summary>
    public IReadOnlyList<ReportingPeriod> Periods { get; }

    /// <summary>Gets the values (this-period column), in row then column order; an empty cell gives no value (empty is not zero).</summary>
    public IReadOnlyList<DataValue> Values { get; }

    /// <summary>Gets what was accepted but deserves a look (a formula whose cached value was used), each located by sheet and cell.</summary>
    public IReadOnlyList<KtxhError> Warnings { get; }
}
