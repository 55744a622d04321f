using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ktxh.Indicators.Forms;
using Ktxh.Periods;

namespace Ktxh.Excel;

/// <summary>A row of a form sheet: where an indicator's values are entered.</summary>
internal sealed record LayoutRow(int RowNumber, FormRow FormRow, Indicator Indicator, ValueBounds Bounds)
{
    public bool IsText => Indicator.ValueKind == ValueKind.Text;
}

/// <summary>A value column of a form sheet: a form column for one period.</summary>
internal sealed record LayoutColumn(int ColumnNumber, ReportingPeriod Period, FormColumn Column)
{
    public string Letter => CellAddress.ColumnName(ColumnNumber);

    public bool IsEntered => Column.Mode == FormColumnMode.Entered;

    public bool IsNote => Column.Kind == FormColumnKind.Note;
}

/// <summary>
/// Where everything sits on a form sheet, computed the same way by the generator and the importer, and a checksum of
/// it: a workbook whose checksum differs from the one computed from the current form was made from another or an
/// outdated template, so its cells cannot be trusted to mean what the form says.
/// </summary>
internal sealed class FormLayout
{
    public const string MetadataSheetName = "_ktxh";
    public const string FormatMarker = "ktxh-form-workbook/1";
    public const int TitleRow = 1;
    public const int FormRowNumber = 2;
    public const int UnitRow = 3;
    public const int PeriodRow = 4;
    public const int DeadlineRow = 5;
    public const int NoteRow = 6;
    public const int PeriodHeaderRow = 7;
    public const int ColumnHeaderRow = 8;
    public const int FirstDataRow = 9;
    public const int OrdinalColumn = 1;
    public const int CodeColumn = 2;
    public const int NameColumn = 3;
    public const int UnitColumn = 4;
    public const int FirstValueColumn = 5;
    public const int HeaderValueColumn = 3;

    private FormLayout(ReportForm form, string unitCode, IReadOnlyList<ReportingPeriod> periods, string sheetName,
        IReadOnlyList<LayoutRow> rows, IReadOnlyList<LayoutColumn> columns)
    {
        Form = form;
        UnitCode = unitCode;
        Periods = periods;
        SheetName = sheetName;
        Rows = rows;
        Columns = columns;
        Checksum = ComputeChecksum();
    }

    public ReportForm Form { get; }

    public string UnitCode { get; }

    public IReadOnlyList<ReportingPeriod> Periods { get; }

    public string SheetName { get; }

    public IReadOnlyList<LayoutRow> Rows { get; }

    public IReadOnlyList<LayoutColumn> Columns { get; }

    public string Checksum { get; }

    public int LastColumn => Columns.Count == 0 ? UnitColumn : Columns[^1].ColumnNumber;

    public int LastRow => FirstDataRow + Rows.Count - 1;

    /// <summary>The columns of a form, or one entered "this period" column when the form lists none.</summary>
    public static IReadOnlyList<FormColumn> ColumnsOf(ReportForm form) =>
        form.Columns.Count > 0 ? form.Columns : [new FormColumn(FormColumnKind.ThisPeriod, FormColumnMode.Entered)];

    /// <summary>Lays a form out for a unit and its periods.</summary>
    /// <exception cref="ArgumentException">A row's indicator is not in the catalogue, or no period is given.</exception>
    public static FormLayout Create(IndicatorCatalogue catalogue, ReportForm form, string unitCode, IReadOnlyList<ReportingPeriod> periods,
        string sheetName, Func<Indicator, ValueBounds> bounds)
    {
        if (periods.Count == 0)
        {
            throw new ArgumentException("Cần ít nhất một kỳ báo cáo / At least one period is needed", nameof(periods));
        }

        var rows = new List<LayoutRow>(form.Rows.Count);
        foreach (FormRow row in form.Rows)
        {
            Indicator indicator = catalogue.Find(row.IndicatorCode)
                ?? throw new ArgumentException($"Chỉ tiêu '{row.IndicatorCode}' của biểu '{form.Code}' không có trong danh mục / Indicator '{row.IndicatorCode}' of form '{form.Code}' is not in the catalogue", nameof(form));
            rows.Add(new LayoutRow(FirstDataRow + rows.Count, row, indicator, bounds(indicator)));
        }

        var columns = new List<LayoutColumn>();
        IReadOnlyList<FormColumn> formColumns = ColumnsOf(form);
        foreach (ReportingPeriod period in periods)
        {
            foreach (FormColumn column in formColumns)
            {
                columns.Add(new LayoutColumn(FirstValueColumn + columns.Count, period, column));
            }
        }

        if (columns.Count > 0 && columns[^1].ColumnNumber > CellAddress.MaxColumn)
        {
            throw new ArgumentException("Quá nhiều kỳ cho một trang tính / Too many periods for one sheet", nameof(periods));
        }

        return new FormLayout(form, unitCode, periods, sheetName, rows, columns);
    }

    /// <summary>
    /// SHA-256 over the structure only (codes, levels, kinds, positions, bounds), not over names: a catalogue that
    /// corrects a name's spelling keeps its templates valid, one that moves or adds a row does not.
    /// </summary>
    private string ComputeChecksum()
    {
        var text = new StringBuilder();
        text.Append(FormatMarker).Append('\n')
            .Append(Form.Code).Append('|').Append(Form.Version).Append('|').Append(UnitCode).Append('|').Append(SheetName).Append('\n')
            .Append(string.Join(";", Periods.Select(p => p.Id))).Append('\n');
        foreach (LayoutRow r in Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"R{r.RowNumber}|{r.Indicator.Code}|{r.FormRow.Level}|{r.FormRow.IsOfWhich}|{r.FormRow.Required}|{r.Indicator.ValueKind}|{r.Indicator.MeasureUnitCode}|{r.Bounds.Min}|{r.Bounds.Max}|{r.Bounds.WholeNumbers}\n");
        }

        foreach (LayoutColumn c in Columns)
        {
            text.Append(CultureInfo.InvariantCulture, $"C{c.ColumnNumber}|{c.Period.Id}|{c.Column.Kind}|{c.Column.Mode}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The key/value pairs written to the hidden metadata sheet, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata() =>
    [
        KeyValuePair.Create(MetadataKeys.Format, FormatMarker),
        KeyValuePair.Create(MetadataKeys.FormCode, Form.Code),
        KeyValuePair.Create(MetadataKeys.FormVersion, Form.Version),
        KeyValuePair.Create(MetadataKeys.UnitCode, UnitCode),
        KeyValuePair.Create(MetadataKeys.Periods, string.Join(";", Periods.Select(p => p.Id))),
        KeyValuePair.Create(MetadataKeys.Sheet, SheetName),
        KeyValuePair.Create(MetadataKeys.Checksum, Checksum),
    ];
}

/// <summary>The keys of the metadata sheet (column A; the value is in column B).</summary>
internal static class MetadataKeys
{
    public const string Format = "format";
    public const string FormCode = "formCode";
    public const string FormVersion = "formVersion";
    public const string UnitCode = "unitCode";
    public const string Periods = "periods";
    public const string Sheet = "sheet";
    public const string Checksum = "checksum";
}
