using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.Forms;
using Ktxh.Periods;

namespace Ktxh.Excel;

/// <summary>
/// The outcome of importing a form workbook without errors: the form, unit and periods it was made for, and its data
/// values. Immutable.
/// </summary>
public sealed class FormImport
{
    internal FormImport(ReportForm form, string unitCode, IReadOnlyList<ReportingPeriod> periods, IReadOnlyList<DataValue> values, IReadOnlyList<KtxhError> warnings)
    {
        Form = form;
        UnitCode = unitCode;
        Periods = periods;
        Values = values;
        Warnings = warnings;
    }

    /// <summary>Gets the form.</summary>
    public ReportForm Form { get; }

    /// <summary>Gets the reporting unit's code.</summary>
    public string UnitCode { get; }

    /// <summary>Gets the periods.</summary>
    public IReadOnlyList<ReportingPeriod> Periods { get; }

    /// <summary>Gets the values, in row then column order; an empty cell gives no value (empty is not zero).</summary>
    public IReadOnlyList<DataValue> Values { get; }

    /// <summary>
    /// Gets what was accepted but deserves a look, each located by sheet and cell: a formula whose cached value was used
    /// (<see cref="FormulaPolicy.UseCachedValue"/>), a note without a figure to attach to.
    /// </summary>
    public IReadOnlyList<KtxhError> Warnings { get; }
}
