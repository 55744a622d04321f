using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ktxh.Periods;
using Ktxh.Indicators.Forms;

namespace Ktxh.Excel;

/// <summary>An indicator row of a history workbook (repeated once per unit).</summary>
internal sealed record HistoryRow(FormRow FormRow, Indicator Indicator, ValueBounds Bounds)
{
    public bool IsText => Indicator.ValueKind == ValueKind.Text;
}

/// <summary>
/// The layout of a history workbook: one sheet, a block of rows per unit (the form's rows, in order), one column per
/// period with the period's id under its Vietnamese name. Rows are found by the unit and indicator codes in their own
/// cells, not by position, so a sorted, filtered or shortened sheet still imports; the period of a column by the id in
/// its header. Computed the same way by the generator and the importer, with a checksum over the structure (form rows,
/// bounds, periods, units; not names).
/// </summary>
internal sealed class HistoryLayout
{
    public const string FormatMarker = "ktxh-history-workbook/1";
    public const int MaxPeriods = 240;
    public const int MaxUnits = 100_000;
    public const int TitleRow = 1;
    public const int SubtitleRow = 2;
    public const int NoteRow = 3;
    public const int HeaderRow = 4;
    public const int PeriodIdRow = 5;
    public const int FirstDataRow = 6;
    public const int UnitCodeColumn = 1;
    public const int UnitNameColumn = 2;
    public const int IndicatorCodeColumn = 3;
    public const int IndicatorNameColumn = 4;
    public const int MeasureUnitColumn = 5;
    public const int FirstPeriodColumn = 6;

    /// <summary>The metadata sheet's column listing the unit codes (one a row from row 1).</summary>
    public const int UnitListColumn = 4;

    private HistoryLayout(ReportForm form, IReadOnlyList<HistoryRow> rows, IReadOnlyList<ReportingPeriod> periods, IReadOnlyList<string> unitCodes, string sheetName)
    {
        Form = form;
        Rows = rows;
        Periods = periods;
        UnitCodes = unitCodes;
        SheetName = sheetName;
        Checksum = ComputeChecksum();
    }

    public ReportForm Form { get; }

    public IReadOnlyList<HistoryRow> Rows { get; }

    public IReadOnlyList<ReportingPeriod> Periods { get; }

    public IReadOnlyList<string> UnitCodes { get; }

    public string SheetName { get; }

    public string Checksum { get; }

    public int LastColumn => FirstPeriodColumn + Periods.Count - 1;

    public int LastRow => FirstDataRow + (UnitCodes.Count * Rows.Count) - 1;

    /// <exception cref="ArgumentException">No unit or period, too many, duplicates, a bad sheet name, or a row's indicator not in the catalogue.</exception>
    public static HistoryLayout Create(IndicatorCatalogue catalogue, ReportForm form, IReadOnlyList<ReportingPeriod> periods,
        IReadOnlyList<string> unitCodes, string sheetName, Func<Indicator, ValueBounds> bounds)
    {
        SheetNames.ThrowIfInvalid(sheetName, nameof(sheetName));
        if (periods.Count == 0 || periods.Count > MaxPeriods || periods.Distinct().Count() != periods.Count)
        {
            throw new ArgumentException("Cần từ 1 đến 240 kỳ khác nhau / Between 1 and 240 distinct periods are needed", nameof(periods));
        }

        if (unitCodes.Count == 0 || unitCodes.Count > MaxUnits || unitCodes.Any(string.IsNullOrEmpty)
            || unitCodes.Distinct(StringComparer.Ordinal).Count() != unitCodes.Count)
        {
            throw new ArgumentException("Cần từ 1 đến 100.000 đơn vị có mã khác nhau / Between 1 and 100,000 units with distinct codes are needed", nameof(unitCodes));
        }

        if (FirstDataRow + ((long)unitCodes.Count * form.Rows.Count) - 1 > CellAddress.MaxRow)
        {
            throw new ArgumentException("Quá nhiều dòng cho một trang tính / Too many rows for one sheet", nameof(unitCodes));
        }

        var rows = new List<HistoryRow>(form.Rows.Count);
        foreach (FormRow row in form.Rows)
        {
            Indicator indicator = catalogue.Find(row.IndicatorCode)
                ?? throw new ArgumentException($"Chỉ tiêu '{row.IndicatorCode}' của biểu '{form.Code}' không có trong danh mục / Indicator '{row.IndicatorCode}' of form '{form.Code}' is not in the catalogue", nameof(form));
            rows.Add(new HistoryRow(row, indicator, bounds(indicator)));
        }

        return new HistoryLayout(form, rows, periods, unitCodes, sheetName);
    }

    private string ComputeChecksum()
    {
        var text = new StringBuilder();
        text.Append(FormatMarker).Append('\n')
            .Append(Form.Code).Append('|').Append(Form.Version).Append('|').Append(SheetName).Append('\n')
            .Append(string.Join(";", Periods.Select(p => p.Id))).Append('\n')
            .Append(string.Join(";", UnitCodes)).Append('\n');
        foreach (HistoryRow r in Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r.Indicator.Code}|{r.FormRow.Level}|{r.FormRow.IsOfWhich}|{r.Indicator.ValueKind}|{r.Indicator.MeasureUnitCode}|{r.Bounds.Min}|{r.Bounds.Max}|{r.Bounds.WholeNumbers}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The key/value pairs of the metadata sheet (columns A and B), in order; the unit codes go down column D.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Metadata() =>
    [
        KeyValuePair.Create(MetadataKeys.Format, FormatMarker),
        KeyValuePair.Create(MetadataKeys.FormCode, Form.Code),
        KeyValuePair.Create(MetadataKeys.FormVersion, Form.Version),
        KeyValuePair.Create(MetadataKeys.Periods, string.Join(";", Periods.Select(p => p.Id))),
        KeyValuePair.Create(MetadataKeys.Sheet, SheetName),
        KeyValuePair.Create(UnitCountKey, UnitCodes.Count.ToString(CultureInfo.InvariantCulture)),
        KeyValuePair.Create(MetadataKeys.Checksum, Checksum),
    ];

    public const string UnitCountKey = "unitCount";
}
