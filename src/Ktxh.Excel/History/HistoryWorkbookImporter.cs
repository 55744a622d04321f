using System.Globalization;
using Ktxh.Periods;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.DataValues;

namespace Ktxh.Excel;

/// <summary>
/// Reads a filled history workbook (<see cref="HistoryWorkbookGenerator"/>) back into data values for every unit and
/// period it holds. All or nothing: a workbook with any error yields no values, only every problem found, each with its
/// sheet and cell in Vietnamese and English — an unknown or unassigned unit, an indicator not on the form, a period id
/// that cannot be read or is not assigned, a unit and indicator given on two rows, and every cell problem of the form
/// import (text in a numeric cell, a negative count, a value out of bounds, a formula, text too long, an of-which value
/// larger than its parent).
/// </summary>
/// <remarks>
/// <para>Rows are matched by the unit and indicator codes in their own cells, not by position: a sheet sorted, filtered or
/// with rows deleted still imports; a row of blank codes and blank values is skipped. Columns are matched by the period
/// id under each period's name. Required rows are not enforced: history comes from archives with gaps, and an empty cell
/// is simply no value (never zero). Values land in the this-period column of the form.</para>
/// <para>The same hostile-file checks as the form import run before anything opens the file; the cells are then read
/// row by row by the engine of <see cref="KtxhExcelOptions.ReadEngine"/> (streaming by default, so a national workbook of
/// 3,321 communes × 100 indicators is read in flat memory). At most <see cref="MaxReportedErrors"/> errors are listed,
/// then one <see cref="ExcelErrorCode.TooManyErrors"/> with the count of the rest.</para>
/// <para>Thread-safe: each call works on its own copy of the bytes; the catalogue and options are only read.</para>
/// </remarks>
public sealed class HistoryWorkbookImporter
{
    /// <summary>The most errors listed one by one.</summary>
    public const int MaxReportedErrors = 1_000;

    private readonly IndicatorCatalogue _catalogue;
    private readonly KtxhExcelOptions _options;
    private readonly CellInterpreter _interpreter;

    /// <summary>Creates an importer.</summary>
    /// <param name="catalogue">The catalogue the workbook's form must belong to.</param>
    /// <param name="options">The options (limits, read engine, formula policy, maturity, bounds); defaults when <see langword="null"/>.</param>
    public HistoryWorkbookImporter(IndicatorCatalogue catalogue, KtxhExcelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _options = options ?? new KtxhExcelOptions();
        _interpreter = new CellInterpreter(_options);
    }

    /// <summary>Imports a history workbook from a stream (read to its end, up to <see cref="WorkbookSafetyLimits.MaxFileBytes"/>).</summary>
    /// <param name="workbook">The workbook stream; left open.</param>
    /// <param name="expected">What the workbook must be (form, units, periods); <see langword="null"/> checks only the workbook's own lists.</param>
    /// <returns>The values, or every problem.</returns>
    public KtxhResult<HistoryImport> Import(Stream workbook, HistoryImportExpectation? expected = null)
    {
        return GuardedWorkbookRead.FromStream(workbook, _options.Limits, bytes => Import(bytes, expected));
    }

    /// <summary>Imports a history workbook from its bytes.</summary>
    /// <param name="workbook">The workbook's bytes (.xlsx).</param>
    /// <param name="expected">What the workbook must be (form, units, periods); <see langword="null"/> checks only the workbook's own lists.</param>
    /// <returns>The values, or every problem.</returns>
    public KtxhResult<HistoryImport> Import(byte[] workbook, HistoryImportExpectation? expected = null)
    {
        HistoryImportExpectation expectation = expected ?? HistoryImportExpectation.Any;
        return GuardedWorkbookRead.Open(workbook, _options, source =>
        {
            KtxhResult<HistoryLayout> layout = ReadLayout(source, expectation);
            return layout.Success ? new Reading(this, layout.Value, expectation).Run(source) : layout.ConvertError<HistoryImport>();
        });
    }

    /// <summary>Reads the metadata sheet and rebuilds the layout it claims, checking that it is the current one.</summary>
    private KtxhResult<HistoryLayout> ReadLayout(ICellSource source, HistoryImportExpectation expected)
    {
        const string meta = FormLayout.MetadataSheetName;
        if (!source.HasSheet(meta))
        {
            return KtxhResult<HistoryLayout>.ForError(ExcelErrors.File(ExcelErrorCode.NotAFormWorkbook,
                "Tệp không phải biểu số liệu lịch sử do hệ thống tạo (thiếu trang thông tin ẩn); hãy dùng mẫu được cấp",
                "The file is not a history workbook made by the system (the hidden metadata sheet is missing); use the template provided"));
        }

        Dictionary<(int Row, int Column), RawCell> cells = source.ReadGrid(meta, HistoryLayout.MaxUnits, HistoryLayout.UnitListColumn);
        var entries = new Dictionary<string, (string Value, int Row)>(StringComparer.Ordinal);
        for (int r = 1; r <= 50; r++)
        {
            if (FormWorkbookImporter.TextOf(cells, r, 1) is { } key && FormWorkbookImporter.TextOf(cells, r, 2) is { } value)
            {
                entries.TryAdd(key, (value, r));
            }
        }

        string At(string key) => CellAddress.Of(entries.TryGetValue(key, out var e) ? e.Row : 1, 2);
        string? Get(string key) => entries.TryGetValue(key, out var e) ? VietnameseText.Normalize(e.Value) : null;
        KtxhResult<HistoryLayout> Fail(ExcelErrorCode code, string key, string vi, string en) =>
            KtxhResult<HistoryLayout>.ForError(ExcelErrors.At(code, meta, At(key), vi, en));

        if (Get(MetadataKeys.Format) != HistoryLayout.FormatMarker)
        {
            return Fail(ExcelErrorCode.NotAFormWorkbook, MetadataKeys.Format,
                "Trang thông tin ẩn không đúng định dạng biểu số liệu lịch sử (có thể là biểu nhập liệu một kỳ)",
                "The hidden metadata sheet is not in the history-workbook format (it may be a one-period form workbook)");
        }

        string? formCode = Get(MetadataKeys.FormCode);
        if (formCode is null || !_catalogue.TryGetForm(formCode, out ReportForm form))
        {
            return Fail(ExcelErrorCode.WrongForm, MetadataKeys.FormCode, $"Biểu '{formCode}' không có trong danh mục", $"Form '{formCode}' is not in the catalogue");
        }

        if (expected.FormCode is { } wanted && !string.Equals(wanted, form.Code, StringComparison.Ordinal))
        {
            return Fail(ExcelErrorCode.WrongForm, MetadataKeys.FormCode,
                $"Tệp là biểu '{form.Code}', không phải biểu '{wanted}' được giao", $"The file is form '{form.Code}', not the assigned form '{wanted}'");
        }

        string? version = Get(MetadataKeys.FormVersion);
        if (!string.Equals(version, form.Version, StringComparison.Ordinal))
        {
            return Fail(ExcelErrorCode.OutdatedTemplate, MetadataKeys.FormVersion,
                $"Mẫu biểu '{form.Code}' đã cũ (phiên bản {version}, hiện hành {form.Version}); hãy tải mẫu mới",
                $"The template of form '{form.Code}' is outdated (version {version}, current {form.Version}); download the new template");
        }

        var periods = new List<ReportingPeriod>();
        foreach (string id in (Get(MetadataKeys.Periods) ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!ReportingPeriod.TryParse(id, out ReportingPeriod p) || periods.Contains(p))
            {
                return Fail(ExcelErrorCode.NotAFormWorkbook, MetadataKeys.Periods, $"Kỳ '{id}' không đọc được hoặc lặp lại", $"Period '{id}' cannot be read or is repeated");
            }

            periods.Add(p);
        }

        string? countText = Get(HistoryLayout.UnitCountKey);
        if (periods.Count is 0 or > HistoryLayout.MaxPeriods || !int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out int unitCount)
            || unitCount is < 1 or > HistoryLayout.MaxUnits)
        {
            return Fail(ExcelErrorCode.NotAFormWorkbook, HistoryLayout.UnitCountKey, "Trang thông tin ẩn thiếu danh sách đơn vị hoặc kỳ", "The hidden metadata sheet lacks the list of units or periods");
        }

        var units = new List<string>(unitCount);
        for (int r = 1; r <= unitCount; r++)
        {
            string? unit = VietnameseText.Normalize(FormWorkbookImporter.TextOf(cells, r, HistoryLayout.UnitListColumn));
            if (string.IsNullOrEmpty(unit))
            {
                return KtxhResult<HistoryLayout>.ForError(ExcelErrors.At(ExcelErrorCode.NotAFormWorkbook, meta, CellAddress.Of(r, HistoryLayout.UnitListColumn),
                    "Danh sách đơn vị trên trang thông tin ẩn bị thiếu", "The list of units on the hidden metadata sheet is incomplete"));
            }

            units.Add(unit);
        }

        string? sheet = Get(MetadataKeys.Sheet);
        if (sheet is null || !SheetNames.IsValid(sheet) || !source.HasSheet(sheet))
        {
            return Fail(ExcelErrorCode.NotAFormWorkbook, MetadataKeys.Sheet, $"Không thấy trang tính '{sheet}' (đã đổi tên hoặc xoá?)", $"The sheet '{sheet}' is missing (renamed or deleted?)");
        }

        HistoryLayout layout;
        try
        {
            layout = HistoryLayout.Create(_catalogue, form, periods, units, sheet, _options.Bounds);
        }
        catch (ArgumentException)
        {
            return Fail(ExcelErrorCode.NotAFormWorkbook, HistoryLayout.UnitCountKey, "Danh sách đơn vị hoặc kỳ trên trang thông tin ẩn không hợp lệ", "The lists of units or periods on the hidden metadata sheet are not valid");
        }

        if (!string.Equals(Get(MetadataKeys.Checksum), layout.Checksum, StringComparison.Ordinal))
        {
            return Fail(ExcelErrorCode.OutdatedTemplate, MetadataKeys.Checksum,
                $"Bố cục biểu '{form.Code}' không khớp mẫu hiện hành (mẫu cũ hoặc đã bị sửa); hãy tải mẫu mới",
                $"The layout of form '{form.Code}' does not match the current template (outdated or altered); download the new template");
        }

        return KtxhResult<HistoryLayout>.ForValue(layout);
    }

    /// <summary>One pass over the history sheet, a row at a time.</summary>
    private sealed class Reading
    {
        private readonly HistoryWorkbookImporter _owner;
        private readonly HistoryLayout _layout;
        private readonly HistoryImportExpectation _expected;
        private readonly string _sheet;
        private readonly HashSet<string> _units;
        private readonly Dictionary<string, HistoryRow> _rows;
        private readonly RawCell[] _cells;
        private readonly List<int> _touched = [];
        private readonly ReportingPeriod?[] _periodOf;
        private readonly Dictionary<(string Unit, string Indicator), int> _seen = [];
        private readonly List<DataValue> _values = [];
        private readonly List<(int Row, int Column)> _addresses = [];
        private readonly List<string> _unitOrder = [];
        private readonly HashSet<string> _unitsMet = new(StringComparer.Ordinal);
        private readonly List<KtxhError> _errors = [];
        private readonly List<KtxhError> _warnings = [];
        private int _overflow;
        private int _currentRow;
        private int _lastRow;
        private bool _headerRead;

        public Reading(HistoryWorkbookImporter owner, HistoryLayout layout, HistoryImportExpectation expected)
        {
            _owner = owner;
            _layout = layout;
            _expected = expected;
            _sheet = layout.SheetName;
            _units = layout.UnitCodes.ToHashSet(StringComparer.Ordinal);
            _rows = layout.Rows.GroupBy(r => r.Indicator.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            _cells = new RawCell[layout.LastColumn + 1];
            _periodOf = new ReportingPeriod?[layout.LastColumn + 1];
        }

        public KtxhResult<HistoryImport> Run(ICellSource source)
        {
            // Rows beyond the layout's last row may hold values typed below the template; read up to the sheet's end.
            source.ReadCells(_sheet, CellAddress.MaxRow, _layout.LastColumn, Visit);
            Flush();
            if (!_headerRead)
            {
                Error(ExcelErrorCode.UnknownPeriod, CellAddress.Of(HistoryLayout.PeriodIdRow, HistoryLayout.FirstPeriodColumn),
                    "Thiếu dòng mã kỳ dưới tên kỳ (dòng bị xoá?)", "The row of period ids under the period names is missing (deleted?)");
            }

            CheckHierarchy();
            if (_overflow > 0)
            {
                _errors.Add(ExcelErrors.Sheet(ExcelErrorCode.TooManyErrors, _sheet,
                    $"Còn {_overflow} lỗi khác không liệt kê", $"{_overflow} more errors are not listed"));
            }

            if (_errors.Count > 0)
            {
                return KtxhResult<HistoryImport>.ForErrors(_errors);
            }

            ReportingPeriod[] periods = [.. _periodOf.Where(p => p is not null).Select(p => p!.Value)];
            return KtxhResult<HistoryImport>.ForValue(new HistoryImport(_layout.Form, _unitOrder.AsReadOnly(), periods.AsReadOnly(), _values.AsReadOnly(), _warnings.AsReadOnly()));
        }

        private void Visit(int row, int column, RawCell cell)
        {
            if (row != _currentRow)
            {
                Flush();
                if (row <= _lastRow)
                {
                    Error(ExcelErrorCode.DuplicateRow, CellAddress.Of(row, 1),
                        $"Dòng {row} được lưu lặp lại hoặc sai thứ tự trong tệp", $"Row {row} is stored twice or out of order in the file");
                }

                _currentRow = row;
            }

            if (_cells[column].Type is null && cell.Type is null)
            {
                return;
            }

            if (_cells[column].Type is null)
            {
                _touched.Add(column);
            }

            _cells[column] = cell;
        }

        private RawCell Cell(int column) => _cells[column];

        private string? Text(int column) =>
            Cell(column) is { Type: "s" or "str" or "inlineStr" or "n", HasFormula: false } c ? VietnameseText.Normalize(c.Raw) is { Length: > 0 } t ? t : null : null;

        private void Flush()
        {
            int row = _currentRow;
            if (row == 0)
            {
                return;
            }

            if (row == HistoryLayout.PeriodIdRow)
            {
                ReadPeriodIds();
            }
            else if (row >= HistoryLayout.FirstDataRow)
            {
                ReadDataRow(row);
            }

            _lastRow = Math.Max(_lastRow, row);
            foreach (int c in _touched)
            {
                _cells[c] = default;
            }

            _touched.Clear();
            if (_errors.Count > MaxReportedErrors)
            {
                _overflow += _errors.Count - MaxReportedErrors;
                _errors.RemoveRange(MaxReportedErrors, _errors.Count - MaxReportedErrors);
            }
        }

        private void ReadPeriodIds()
        {
            _headerRead = true;
            var seen = new Dictionary<ReportingPeriod, int>();
            for (int c = HistoryLayout.FirstPeriodColumn; c <= _layout.LastColumn; c++)
            {
                string address = CellAddress.Of(HistoryLayout.PeriodIdRow, c);
                string? id = Text(c);
                if (id is null)
                {
                    Error(ExcelErrorCode.UnknownPeriod, address, "Ô mã kỳ trống (cột kỳ bị sửa?)", "The period id cell is empty (was the period column edited?)");
                }
                else if (!ReportingPeriod.TryParse(id, out ReportingPeriod period) || !_layout.Periods.Contains(period))
                {
                    Error(ExcelErrorCode.UnknownPeriod, address, $"Mã kỳ '{id}' không phải kỳ của biểu này", $"Period id '{id}' is not a period of this workbook");
                }
                else if (_expected.Periods is { } allowed && !allowed.Contains(period))
                {
                    Error(ExcelErrorCode.UnknownPeriod, address, $"Kỳ {id} không phải kỳ được giao", $"Period {id} is not an assigned period");
                }
                else if (seen.TryGetValue(period, out int first))
                {
                    Error(ExcelErrorCode.UnknownPeriod, address, $"Kỳ {id} xuất hiện hai lần (đã có ở cột {CellAddress.ColumnName(first)})",
                        $"Period {id} appears twice (already in column {CellAddress.ColumnName(first)})");
                }
                else
                {
                    seen[period] = c;
                    _periodOf[c] = period;
                }
            }
        }

        private void ReadDataRow(int row)
        {
            string? unit = Text(HistoryLayout.UnitCodeColumn);
            string? code = Text(HistoryLayout.IndicatorCodeColumn);
            bool anyValue = false;
            for (int c = HistoryLayout.FirstPeriodColumn; c <= _layout.LastColumn && !anyValue; c++)
            {
                anyValue = Cell(c).Type is not null && (Cell(c).HasFormula || !string.IsNullOrWhiteSpace(Cell(c).Raw));
            }

            if (unit is null && code is null && !anyValue)
            {
                return; // a blank row
            }

            if (!_headerRead)
            {
                _headerRead = true;
                Error(ExcelErrorCode.UnknownPeriod, CellAddress.Of(HistoryLayout.PeriodIdRow, HistoryLayout.FirstPeriodColumn),
                    "Thiếu dòng mã kỳ dưới tên kỳ (dòng bị xoá?)", "The row of period ids under the period names is missing (deleted?)");
            }

            bool ok = true;
            if (unit is null || !_units.Contains(unit))
            {
                ok = false;
                Error(ExcelErrorCode.UnknownUnit, CellAddress.Of(row, HistoryLayout.UnitCodeColumn),
                    unit is null ? "Dòng có số liệu nhưng thiếu mã đơn vị" : $"Mã đơn vị '{unit}' không có trong danh sách đơn vị của biểu",
                    unit is null ? "The row has values but no unit code" : $"Unit code '{unit}' is not in the workbook's list of units");
            }
            else if (_expected.UnitCodes is { } allowed && !allowed.Contains(unit))
            {
                ok = false;
                Error(ExcelErrorCode.UnknownUnit, CellAddress.Of(row, HistoryLayout.UnitCodeColumn), $"Đơn vị '{unit}' không phải đơn vị được giao", $"Unit '{unit}' is not an assigned unit");
            }

            if (code is null || !_rows.TryGetValue(code, out HistoryRow? layoutRow))
            {
                Error(ExcelErrorCode.UnknownIndicator, CellAddress.Of(row, HistoryLayout.IndicatorCodeColumn),
                    code is null ? "Dòng có số liệu nhưng thiếu mã chỉ tiêu" : $"Mã chỉ tiêu '{code}' không có trong biểu '{_layout.Form.Code}'",
                    code is null ? "The row has values but no indicator code" : $"Indicator code '{code}' is not on form '{_layout.Form.Code}'");
                return;
            }

            if (!ok)
            {
                return;
            }

            if (!_seen.TryAdd((unit!, code), row))
            {
                int first = _seen[(unit!, code)];
                Error(ExcelErrorCode.DuplicateRow, CellAddress.Of(row, HistoryLayout.IndicatorCodeColumn),
                    $"Đơn vị '{unit}', chỉ tiêu '{code}' đã có ở dòng {first}", $"Unit '{unit}', indicator '{code}' is already on row {first}");
                return;
            }

            if (_unitsMet.Add(unit!))
            {
                _unitOrder.Add(unit!);
            }

            for (int c = HistoryLayout.FirstPeriodColumn; c <= _layout.LastColumn; c++)
            {
                if (_periodOf[c] is not { } period)
                {
                    continue;
                }

                CellReading reading = _owner._interpreter.Interpret(Cell(c), layoutRow.IsText, layoutRow.Indicator, layoutRow.Bounds, _sheet, row, c, _errors, _warnings);
                if (reading.IsEmpty || reading.Failed)
                {
                    continue;
                }

                _values.Add(new DataValue
                {
                    IndicatorCode = layoutRow.Indicator.Code,
                    ReportingUnitCode = unit!,
                    Period = period,
                    Column = FormColumnKind.ThisPeriod,
                    Value = reading.Number,
                    Text = reading.Text,
                    Maturity = _owner._options.Maturity,
                });
                _addresses.Add((row, c));
            }
        }

        /// <summary>Of-which and component rules, unit by unit (the catalogue's validator, DOMAIN.md aggregation practice).</summary>
        private void CheckHierarchy()
        {
            if (_errors.Count > 0 || _overflow > 0)
            {
                return;
            }

            var byUnit = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (int i = 0; i < _values.Count; i++)
            {
                if (!byUnit.TryGetValue(_values[i].ReportingUnitCode, out List<int>? list))
                {
                    byUnit[_values[i].ReportingUnitCode] = list = [];
                }

                list.Add(i);
            }

            foreach (List<int> indices in byUnit.Values)
            {
                DataValidationReport check = _owner._catalogue.ValidateValues(indices.Select(i => _values[i]), _layout.Form);
                foreach (DataValueProblem problem in check.Problems)
                {
                    if (problem.Code is DataValueProblemCode.OfWhichExceedsParent or DataValueProblemCode.ComponentSumMismatch
                        && problem.Index is int k && k >= 0 && k < indices.Count)
                    {
                        (int r, int c) = _addresses[indices[k]];
                        Error(ExcelErrorCode.HierarchyMismatch, CellAddress.Of(r, c), problem.MessageVi, problem.MessageEn);
                    }
                }
            }

            if (_errors.Count > MaxReportedErrors)
            {
                _overflow += _errors.Count - MaxReportedErrors;
                _errors.RemoveRange(MaxReportedErrors, _errors.Count - MaxReportedErrors);
            }
        }

        private void Error(ExcelErrorCode code, string cell, string vi, string en) => _errors.Add(ExcelErrors.At(code, _sheet, cell, vi, en));
    }
}
