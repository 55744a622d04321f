using System.Globalization;
using Ktxh.Indicators.DataValues;
using Ktxh.Indicators.Forms;
using Ktxh.Periods;

namespace Ktxh.Excel;

/// <summary>
/// Reads a filled form workbook back into data values. Every problem is reported with its sheet and cell, in
/// Vietnamese and English; a workbook with any error yields no values at all (all or nothing).
/// </summary>
/// <remarks>
/// <para>Order of work: the bytes are checked by size, zip entry count, real decompressed size, compression ratio and
/// a DTD-free prolog in every XML part before any spreadsheet library opens them; then the hidden metadata sheet is read and its layout
/// checksum compared with the one computed from the current form (a renamed, outdated or altered template is refused);
/// then each input cell is read from the raw sheet XML by the read engine (<see cref="WorkbookReadEngine"/>), so numbers keep
/// their stored digits and no formula is ever evaluated.</para>
/// <para>Numbers typed as text the Vietnamese way (<c>1.234,5</c>) are understood (<see cref="VietnameseNumber"/>). An
/// empty cell is no value, never zero. Numbers are read to Excel's 15 significant digits.</para>
/// <para>Thread-safe: each call works on its own copy of the bytes; the catalogue and options are only read.</para>
/// </remarks>
public sealed class FormWorkbookImporter
{
    private const int MaxMetadataRows = 50;
    private readonly IndicatorCatalogue _catalogue;
    private readonly KtxhExcelOptions _options;
    private readonly CellInterpreter _interpreter;

    /// <summary>Creates an importer.</summary>
    /// <param name="catalogue">The catalogue the workbook's form must belong to.</param>
    /// <param name="options">The options (limits, formula policy, maturity, bounds); defaults when <see langword="null"/>.</param>
    public FormWorkbookImporter(IndicatorCatalogue catalogue, KtxhExcelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _options = options ?? new KtxhExcelOptions();
        _interpreter = new CellInterpreter(_options);
    }

    /// <summary>Imports a workbook from a stream (read to its end, up to <see cref="WorkbookSafetyLimits.MaxFileBytes"/>).</summary>
    /// <param name="workbook">The workbook stream; left open.</param>
    /// <param name="expected">What the workbook must be (form, unit, periods); <see langword="null"/> checks nothing.</param>
    /// <returns>The values, or every problem.</returns>
    public KtxhResult<FormImport> Import(Stream workbook, FormImportExpectation? expected = null)
    {
        return GuardedWorkbookRead.FromStream(workbook, _options.Limits, bytes => Import(bytes, expected));
    }

    /// <summary>Imports a workbook from its bytes.</summary>
    /// <param name="workbook">The workbook's bytes (.xlsx).</param>
    /// <param name="expected">What the workbook must be (form, unit, periods); <see langword="null"/> checks nothing.</param>
    /// <returns>The values, or every problem.</returns>
    public KtxhResult<FormImport> Import(byte[] workbook, FormImportExpectation? expected = null)
    {
        return GuardedWorkbookRead.Open(workbook, _options, source => Read(source, expected ?? FormImportExpectation.Any));
    }

    private KtxhResult<FormImport> Read(ICellSource reader, FormImportExpectation expected)
    {
        KtxhResult<FormLayout> layoutResult = ReadLayout(reader, expected);
        if (!layoutResult.Success)
        {
            return layoutResult.ConvertError<FormImport>();
        }

        FormLayout layout = layoutResult.Value;
        string sheet = layout.SheetName;
        var errors = new List<KtxhError>();
        var warnings = new List<KtxhError>();
        string unitCell = CellAddress.Of(FormLayout.UnitRow, FormLayout.HeaderValueColumn);
        string periodCell = CellAddress.Of(FormLayout.PeriodRow, FormLayout.HeaderValueColumn);
        if (expected.UnitCode is { } unit && !string.Equals(unit, layout.UnitCode, StringComparison.Ordinal))
        {
            errors.Add(ExcelErrors.At(ExcelErrorCode.UnitMismatch, sheet, unitCell,
                $"Biểu này của đơn vị '{layout.UnitCode}', không phải đơn vị được giao '{unit}'",
                $"This workbook is for unit '{layout.UnitCode}', not the assigned unit '{unit}'"));
        }

        if (expected.Periods is { } periods && !periods.SequenceEqual(layout.Periods))
        {
            string given = string.Join(", ", layout.Periods.Select(p => p.Id));
            string wanted = string.Join(", ", periods.Select(p => p.Id));
            errors.Add(ExcelErrors.At(ExcelErrorCode.PeriodMismatch, sheet, periodCell,
                $"Biểu này cho kỳ {given}, không phải kỳ được giao {wanted}", $"This workbook is for period {given}, not the assigned period {wanted}"));
        }

        Dictionary<(int Row, int Column), RawCell> cells = reader.ReadGrid(sheet, layout.LastRow, layout.LastColumn);
        var values = new List<DataValue>();
        foreach (LayoutRow row in layout.Rows)
        {
            ReadRow(layout, row, cells, values, errors, warnings);
        }

        CheckHierarchy(layout, values, errors);
        return errors.Count > 0
            ? KtxhResult<FormImport>.ForErrors(errors)
            : KtxhResult<FormImport>.ForValue(new FormImport(layout.Form, layout.UnitCode, layout.Periods, values.AsReadOnly(), warnings.AsReadOnly()));
    }

    /// <summary>
    /// An of-which ("Trong đó") value must not exceed its parent and components must add up to it (the catalogue's
    /// rules, DOMAIN.md aggregation practice); each finding is put at the cell of the offending value.
    /// </summary>
    private void CheckHierarchy(FormLayout layout, List<DataValue> values, List<KtxhError> errors)
    {
        DataValidationReport check = _catalogue.ValidateValues(values, layout.Form);
        foreach (DataValueProblem problem in check.Problems)
        {
            if (problem.Code is DataValueProblemCode.OfWhichExceedsParent or DataValueProblemCode.ComponentSumMismatch
                && problem.Index is int i && i >= 0 && i < values.Count)
            {
                DataValue v = values[i];
                LayoutRow? row = layout.Rows.FirstOrDefault(r => string.Equals(r.Indicator.Code, v.IndicatorCode, StringComparison.Ordinal));
                LayoutColumn? column = layout.Columns.FirstOrDefault(c => c.Period == v.Period && c.Column.Kind == v.Column);
                if (row is not null && column is not null)
                {
                    errors.Add(ExcelErrors.At(ExcelErrorCode.HierarchyMismatch, layout.SheetName, CellAddress.Of(row.RowNumber, column.ColumnNumber), problem.MessageVi, problem.MessageEn));
                }
            }
        }
    }

    /// <summary>Reads the metadata sheet and rebuilds the layout it claims, checking that it is the current one.</summary>
    private KtxhResult<FormLayout> ReadLayout(ICellSource reader, FormImportExpectation expected)
    {
        const string meta = FormLayout.MetadataSheetName;
        if (!reader.HasSheet(meta))
        {
            return KtxhResult<FormLayout>.ForError(ExcelErrors.File(ExcelErrorCode.NotAFormWorkbook,
                "Tệp không phải biểu nhập liệu do hệ thống tạo (thiếu trang thông tin ẩn); hãy dùng mẫu được cấp",
                "The file is not a form workbook made by the system (the hidden metadata sheet is missing); use the template provided"));
        }

        Dictionary<(int Row, int Column), RawCell> cells = reader.ReadGrid(meta, MaxMetadataRows, 2);
        var entries = new Dictionary<string, (string Value, int Row)>(StringComparer.Ordinal);
        for (int r = 1; r <= MaxMetadataRows; r++)
        {
            if (TextOf(cells, r, 1) is { } key && TextOf(cells, r, 2) is { } value)
            {
                entries.TryAdd(key, (value, r));
            }
        }

        string At(string key) => CellAddress.Of(entries.TryGetValue(key, out var e) ? e.Row : 1, 2);
        string? Get(string key) => entries.TryGetValue(key, out var e) ? VietnameseText.Normalize(e.Value) : null;
        KtxhResult<FormLayout> NotForm(string key, string vi, string en) =>
            KtxhResult<FormLayout>.ForError(ExcelErrors.At(ExcelErrorCode.NotAFormWorkbook, meta, At(key), vi, en));

        if (Get(MetadataKeys.Format) != FormLayout.FormatMarker)
        {
            return NotForm(MetadataKeys.Format, "Trang thông tin ẩn không đúng định dạng biểu nhập liệu", "The hidden metadata sheet is not in the form-workbook format");
        }

        string? formCode = Get(MetadataKeys.FormCode);
        if (formCode is null || !_catalogue.TryGetForm(formCode, out ReportForm form))
        {
            return KtxhResult<FormLayout>.ForError(ExcelErrors.At(ExcelErrorCode.WrongForm, meta, At(MetadataKeys.FormCode),
                $"Biểu '{formCode}' không có trong danh mục", $"Form '{formCode}' is not in the catalogue"));
        }

        if (expected.FormCode is { } wantedForm && !string.Equals(wantedForm, form.Code, StringComparison.Ordinal))
        {
            return KtxhResult<FormLayout>.ForError(ExcelErrors.At(ExcelErrorCode.WrongForm, meta, At(MetadataKeys.FormCode),
                $"Tệp là biểu '{form.Code}', không phải biểu '{wantedForm}' được giao", $"The file is form '{form.Code}', not the assigned form '{wantedForm}'"));
        }

        string? version = Get(MetadataKeys.FormVersion);
        if (!string.Equals(version, form.Version, StringComparison.Ordinal))
        {
            return KtxhResult<FormLayout>.ForError(ExcelErrors.At(ExcelErrorCode.OutdatedTemplate, meta, At(MetadataKeys.FormVersion),
                $"Mẫu biểu '{form.Code}' đã cũ (phiên bản {version}, hiện hành {form.Version}); hãy tải mẫu mới",
                $"The template of form '{form.Code}' is outdated (version {version}, current {form.Version}); download the new template"));
        }

        string? unitCode = Get(MetadataKeys.UnitCode);
        string? sheet = Get(MetadataKeys.Sheet);
        var periods = new List<ReportingPeriod>();
        foreach (string id in (Get(MetadataKeys.Periods) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ReportingPeriod.TryParse(id, out ReportingPeriod p))
            {
                return NotForm(MetadataKeys.Periods, $"Kỳ '{id}' không đọc được", $"Period '{id}' cannot be read");
            }

            periods.Add(p);
        }

        if (string.IsNullOrEmpty(unitCode) || periods.Count == 0 || periods.Count > 240)
        {
            return NotForm(MetadataKeys.UnitCode, "Trang thông tin ẩn thiếu đơn vị hoặc kỳ", "The hidden metadata sheet lacks the unit or the period");
        }

        if (sheet is null || !SheetNames.IsValid(sheet) || !reader.HasSheet(sheet))
        {
            return NotForm(MetadataKeys.Sheet, $"Không thấy trang tính '{sheet}' của biểu (đã đổi tên hoặc xoá?)", $"The form sheet '{sheet}' is missing (renamed or deleted?)");
        }

        FormLayout layout = FormLayout.Create(_catalogue, form, unitCode, periods, sheet, _options.Bounds);
        if (!string.Equals(Get(MetadataKeys.Checksum), layout.Checksum, StringComparison.Ordinal))
        {
            return KtxhResult<FormLayout>.ForError(ExcelErrors.At(ExcelErrorCode.OutdatedTemplate, meta, At(MetadataKeys.Checksum),
                $"Bố cục biểu '{form.Code}' không khớp mẫu hiện hành (mẫu cũ hoặc đã bị sửa); hãy tải mẫu mới",
                $"The layout of form '{form.Code}' does not match the current template (outdated or altered); download the new template"));
        }

        return KtxhResult<FormLayout>.ForValue(layout);
    }

    private void ReadRow(FormLayout layout, LayoutRow row, Dictionary<(int Row, int Column), RawCell> cells,
        List<DataValue> values, List<KtxhError> errors, List<KtxhError> warnings)
    {
        string sheet = layout.SheetName;
        string codeCell = CellAddress.Of(row.RowNumber, FormLayout.CodeColumn);
        string? code = TextOf(cells, row.RowNumber, FormLayout.CodeColumn);
        if (!string.Equals(VietnameseText.Normalize(code), row.Indicator.Code, StringComparison.Ordinal))
        {
            errors.Add(ExcelErrors.At(ExcelErrorCode.LayoutChanged, sheet, codeCell,
                $"Ô mã chỉ tiêu phải là '{row.Indicator.Code}' nhưng là '{code}' (dòng bị chèn, xoá hoặc sửa)",
                $"The indicator code cell should be '{row.Indicator.Code}' but is '{code}' (a row was inserted, deleted or edited)"));
            return;
        }

        foreach (var group in layout.Columns.Where(c => c.IsEntered).GroupBy(c => c.Period))
        {
            LayoutColumn? primary = group.FirstOrDefault(c => c.Column.Kind == FormColumnKind.ThisPeriod) ?? group.FirstOrDefault(c => !c.IsNote);
            DataValue? primaryValue = null;
            var notes = new List<(LayoutColumn Column, string Text)>();
            foreach (LayoutColumn column in group)
            {
                string address = CellAddress.Of(row.RowNumber, column.ColumnNumber);
                cells.TryGetValue((row.RowNumber, column.ColumnNumber), out RawCell raw);
                bool textual = row.IsText || column.IsNote;
                CellReading reading = _interpreter.Interpret(raw, textual, row.Indicator, row.Bounds, sheet, row.RowNumber, column.ColumnNumber, errors, warnings);
                if (reading.IsEmpty)
                {
                    if (column == primary && row.FormRow.Required)
                    {
                        errors.Add(ExcelErrors.At(ExcelErrorCode.RequiredValueMissing, sheet, address,
                            $"Thiếu số liệu bắt buộc của chỉ tiêu '{row.Indicator.Code}' ({row.Indicator.NameVi}), kỳ {column.Period.Id} (ô trống khác số 0)",
                            $"The required value of indicator '{row.Indicator.Code}' for period {column.Period.Id} is missing (empty is not zero)"));
                    }

                    continue;
                }

                if (reading.Failed)
                {
                    continue;
                }

                if (column.IsNote)
                {
                    notes.Add((column, reading.Text!));
                    continue;
                }

                var value = new DataValue
                {
                    IndicatorCode = row.Indicator.Code,
                    ReportingUnitCode = layout.UnitCode,
                    Period = column.Period,
                    Column = column.Column.Kind,
                    Value = reading.Number,
                    Text = reading.Text,
                    Maturity = _options.Maturity,
                };
                values.Add(value);
                if (column == primary)
                {
                    primaryValue = value;
                }
            }

            foreach ((LayoutColumn column, string text) in notes)
            {
                if (primaryValue is not null)
                {
                    values[values.IndexOf(primaryValue)] = primaryValue = primaryValue with { Comment = text };
                }
                else
                {
                    warnings.Add(ExcelErrors.At(ExcelErrorCode.RequiredValueMissing, sheet, CellAddress.Of(row.RowNumber, column.ColumnNumber),
                        "Ghi chú không kèm số liệu nên không được lưu", "A note without a figure is not kept"));
                }
            }
        }
    }

    internal static string? TextOf(Dictionary<(int Row, int Column), RawCell> cells, int row, int column) =>
        cells.TryGetValue((row, column), out RawCell cell) && cell.Type is "s" or "str" or "inlineStr" or "n" && !cell.HasFormula ? cell.Raw : null;
}
