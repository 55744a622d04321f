using System.Globalization;
using System.Text.RegularExpressions;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Text;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Indicators.Formulas;
using Ktxh.Indicators.Forms;

namespace Ktxh.Excel;

/// <summary>
/// One import of a catalogue workbook: reads each sheet into builder items, records cell problems with their cells,
/// validates with <see cref="IndicatorCatalogueBuilder"/> and maps the builder's JSON paths onto cells. Not thread-safe
/// (one instance per import).
/// </summary>
internal sealed partial class CatalogueWorkbookReading(ICellSource reader, MeasureUnitRegistry? units)
{
    private const int MaxRows = 100_000;
    private const int MaxColumns = 200;
    private const int InfoRows = 60;

    private readonly List<KtxhError> _errors = [];
    private readonly HashSet<(string Sheet, string Cell)> _errorCells = [];
    private readonly Dictionary<string, Table> _tables = new(StringComparer.Ordinal);

    // Where each builder item came from, to map a JSON path such as $.forms[2].rows[5].indicator onto its cell.
    private readonly List<int> _indicatorRows = [];
    private readonly List<int> _agencyRows = [];
    private readonly List<int> _dimensionRows = [];
    private readonly Dictionary<(int, int), int> _categoryRows = [];
    private readonly List<int> _formRows = [];
    private readonly Dictionary<(int, int), int> _formRowRows = [];
    private readonly Dictionary<(int, int), int> _formColumnRows = [];
    private readonly List<int> _formSetRows = [];
    private readonly HashSet<int> _invalidKindRows = [];
    private string _toleranceCell = "B5";

    public KtxhResult<IndicatorCatalogue> Read()
    {
        if (!ReadInfo(out string version, out decimal tolerance))
        {
            return KtxhResult<IndicatorCatalogue>.ForErrors(_errors);
        }

        foreach (CatalogueSheet layout in CatalogueSheets.All)
        {
            if (ReadTable(layout) is { } table)
            {
                _tables[layout.Name] = table;
            }
        }

        if (_errors.Count > 0)
        {
            return KtxhResult<IndicatorCatalogue>.ForErrors(_errors);
        }

        var builder = new IndicatorCatalogueBuilder().WithVersion(version).WithComponentTolerance(tolerance).WithMeasureUnits(units);
        foreach (Agency agency in Agencies())
        {
            builder.AddAgency(agency);
        }

        foreach (Disaggregation disaggregation in Disaggregations())
        {
            builder.AddDisaggregation(disaggregation);
        }

        builder.AddRange(Indicators());
        foreach (ReportForm form in Forms())
        {
            builder.AddForm(form);
        }

        foreach (FormSet set in FormSets())
        {
            builder.AddFormSet(set);
        }

        KtxhResult<IndicatorCatalogue> built = builder.BuildResult();
        var all = new List<KtxhError>(_errors);
        foreach (KtxhError error in built.Errors)
        {
            KtxhError located = Locate(error);
            if (located.Location.Sheet is { } sheet && located.Location.Cell is { } cell && _errorCells.Contains((sheet, cell)))
            {
                continue; // already reported: the cell's own problem (a misspelt value) comes first
            }

            if (located.Is(CatalogueErrorCode.RuleDoesNotFitValueKind) && error.Location.JsonPath is { } path
                && FirstIndex(path) is { } index && _invalidKindRows.Contains(index))
            {
                continue; // the value kind was invalid, so the rules were checked against a placeholder
            }

            all.Add(located);
        }

        return all.Count > 0 ? KtxhResult<IndicatorCatalogue>.ForErrors(all) : built;
    }

    // ----- sheets -----

    private bool ReadInfo(out string version, out decimal tolerance)
    {
        version = "1";
        tolerance = 0m;
        string sheet = CatalogueSheets.InfoSheet;
        if (!reader.HasSheet(sheet))
        {
            _errors.Add(ExcelErrors.File(ExcelErrorCode.NotACatalogueWorkbook,
                $"Không phải sổ danh mục chỉ tiêu: không có trang '{sheet}'", $"Not a catalogue workbook: there is no sheet '{sheet}'"));
            return false;
        }

        Dictionary<(int Row, int Column), RawCell> cells = reader.ReadGrid(sheet, InfoRows, 2);
        var table = new Table(new CatalogueSheet(sheet, []), new Dictionary<string, int>(), [], cells);
        int? formatRow = null, versionRow = null, toleranceRow = null;
        for (int r = 1; r <= InfoRows; r++)
        {
            string label = cells.TryGetValue((r, 1), out RawCell c) ? VietnameseText.Fold(c.Raw) : string.Empty;
            formatRow ??= label == VietnameseText.Fold(CatalogueSheets.FormatLabel) ? r : null;
            versionRow ??= label == VietnameseText.Fold(CatalogueSheets.VersionLabel) ? r : null;
            toleranceRow ??= label == VietnameseText.Fold(CatalogueSheets.ToleranceLabel) ? r : null;
        }

        string? marker = formatRow is { } fr ? TextAt(table, fr, 2) : null;
        if (marker != CatalogueSheets.FormatMarker)
        {
            _errors.Add(ExcelErrors.At(ExcelErrorCode.NotACatalogueWorkbook, sheet, formatRow is { } f ? CellAddress.Of(f, 2) : "A3",
                $"Không phải sổ danh mục chỉ tiêu: thiếu dấu định dạng '{CatalogueSheets.FormatMarker}' (có '{marker}')",
                $"Not a catalogue workbook: the format marker '{CatalogueSheets.FormatMarker}' is missing (found '{marker}')"));
            return false;
        }

        if (versionRow is { } vr && TextAt(table, vr, 2) is { } v)
        {
            version = v;
        }

        if (toleranceRow is { } tr)
        {
            _toleranceCell = CellAddress.Of(tr, 2);
            tolerance = DecimalAt(table, tr, 2) ?? 0m;
        }

        return _errors.Count == 0;
    }

    private Table? ReadTable(CatalogueSheet layout)
    {
        if (!reader.HasSheet(layout.Name))
        {
            _errors.Add(ExcelErrors.File(ExcelErrorCode.NotACatalogueWorkbook,
                $"Sổ danh mục thiếu trang '{layout.Name}'", $"The catalogue workbook has no sheet '{layout.Name}'"));
            return null;
        }

        Dictionary<(int Row, int Column), RawCell> cells = reader.ReadGrid(layout.Name, MaxRows, MaxColumns);
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var byHeader = layout.Columns.Where(c => c.Kind != CatalogueCellKind.Info)
            .ToDictionary(c => VietnameseText.Fold(c.Header), c => c.Key, StringComparer.Ordinal);
        foreach (((int row, int column), RawCell cell) in cells)
        {
            if (row == 1 && byHeader.TryGetValue(VietnameseText.Fold(cell.Raw), out string? key) && (!columns.TryGetValue(key, out int seen) || column < seen))
            {
                columns[key] = column;
            }
        }

        bool complete = true;
        foreach (CatalogueColumn column in layout.Columns.Where(c => c.Kind != CatalogueCellKind.Info && !columns.ContainsKey(c.Key)))
        {
            _errors.Add(ExcelErrors.At(ExcelErrorCode.NotACatalogueWorkbook, layout.Name, "A1",
                $"Trang '{layout.Name}' thiếu cột '{column.Header}' ở dòng tiêu đề", $"Sheet '{layout.Name}' has no column '{column.Header}' in its header row"));
            complete = false;
        }

        if (!complete)
        {
            return null;
        }

        var used = new HashSet<int>(columns.Values);
        int[] rows = cells.Where(kv => kv.Key.Row > 1 && used.Contains(kv.Key.Column) && !IsBlank(kv.Value))
            .Select(kv => kv.Key.Row).Distinct().Order().ToArray();
        return new Table(layout, columns, rows, cells);
    }

    private static bool IsBlank(RawCell cell) => !cell.HasFormula && string.IsNullOrWhiteSpace(cell.Raw);

    private IEnumerable<Agency> Agencies()
    {
        if (!_tables.TryGetValue(CatalogueSheets.Agencies.Name, out Table? t))
        {
            yield break;
        }

        foreach (int r in t.Rows)
        {
            _agencyRows.Add(r);
            yield return new Agency(Text(t, r, "code") ?? string.Empty, Text(t, r, "nameVi") ?? string.Empty, Text(t, r, "nameEn"));
        }
    }

    private List<Disaggregation> Disaggregations()
    {
        var result = new List<Disaggregation>();
        if (!_tables.TryGetValue(CatalogueSheets.Disaggregations.Name, out Table? t) || !_tables.TryGetValue(CatalogueSheets.Categories.Name, out Table? ct))
        {
            return result;
        }

        var dims = new List<(string Code, string NameVi, string? NameEn, List<DisaggregationCategory> Categories)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (int r in t.Rows)
        {
            string code = Key(Text(t, r, "code"));
            index.TryAdd(code, dims.Count);
            _dimensionRows.Add(r);
            dims.Add((code, Text(t, r, "nameVi") ?? string.Empty, Text(t, r, "nameEn"), []));
        }

        foreach (int r in ct.Rows)
        {
            string dimension = Key(Text(ct, r, "disaggregation"));
            if (!index.TryGetValue(dimension, out int d))
            {
                Error(CatalogueErrorCode.UnknownDisaggregation, ct, r, "disaggregation",
                    $"Phân tổ '{dimension}' không có trong trang '{CatalogueSheets.Disaggregations.Name}'", $"Disaggregation '{dimension}' is not on sheet '{CatalogueSheets.Disaggregations.Name}'");
                continue;
            }

            _categoryRows[(d, dims[d].Categories.Count)] = r;
            dims[d].Categories.Add(new DisaggregationCategory(Key(Text(ct, r, "code")), VietnameseText.NormalizeName(Text(ct, r, "nameVi")) ?? string.Empty,
                VietnameseText.NormalizeName(Text(ct, r, "nameEn"))));
        }

        result.AddRange(dims.Select(d => new Disaggregation { Code = d.Code, NameVi = d.NameVi, NameEn = d.NameEn, Categories = d.Categories }));
        return result;
    }

    private List<Indicator> Indicators()
    {
        var result = new List<Indicator>();
        if (!_tables.TryGetValue(CatalogueSheets.Indicators.Name, out Table? t))
        {
            return result;
        }

        foreach (int r in t.Rows)
        {
            int index = result.Count;
            _indicatorRows.Add(r);
            int before = _errors.Count;
            ValueKind kind = Choice(t, r, "valueKind", ValueKind.Text, required: true);
            if (_errors.Count > before)
            {
                _invalidKindRows.Add(index);
            }

            var periods = new List<PeriodType>();
            foreach (string item in List(t, r, "periods"))
            {
                if (ParseName(item, out PeriodType p))
                {
                    periods.Add(p);
                }
                else
                {
                    BadChoice<PeriodType>(t, r, "periods", item);
                }
            }

            IndicatorRelation? relation = null;
            string? parent = Text(t, r, "parent");
            if (parent is not null)
            {
                relation = new IndicatorRelation(Choice(t, r, "relation", IndicatorRelationKind.Detail, required: false), Key(parent));
            }
            else if (Text(t, r, "relation") is not null)
            {
                Error(CatalogueErrorCode.InvalidField, t, r, "parent", "Có quan hệ nhưng thiếu mã chỉ tiêu cha", "A relation is given without a parent code");
            }

            result.Add(new Indicator
            {
                Code = Text(t, r, "code") ?? string.Empty,
                NameVi = Text(t, r, "nameVi") ?? string.Empty,
                NameEn = Text(t, r, "nameEn"),
                MeasureUnitCode = Text(t, r, "unit"),
                Periods = periods,
                ValueKind = kind,
                Precision = Integer(t, r, "precision") ?? 0,
                AgencyCode = Text(t, r, "agency"),
                Relation = relation,
                Order = Integer(t, r, "order") ?? 0,
                AcrossUnits = Rule(t, r, "acrossUnits") ?? AggregationRuleFit.DefaultAcrossUnits(kind),
                AcrossTime = Rule(t, r, "acrossTime") ?? AggregationRuleFit.DefaultAcrossTime(kind),
                Disaggregations = List(t, r, "disaggregations"),
                PriceBasis = Choice(t, r, "priceBasis", PriceBasis.NotApplicable, required: false),
                Confidentiality = Choice(t, r, "confidentiality", Confidentiality.Public, required: false),
                EmbargoedUntilPublished = Bool(t, r, "embargoed") ?? false,
                ValidFrom = Date(t, r, "validFrom"),
                ValidTo = Date(t, r, "validTo"),
                Note = Text(t, r, "note"),
            });
        }

        return result;
    }

    private AggregationRule? Rule(Table t, int r, string prefix)
    {
        string[] operands = ["numerator", "denominator", "factor", "weight", "formula"];
        if (Text(t, r, prefix + ".method") is null && operands.All(o => Text(t, r, $"{prefix}.{o}") is null))
        {
            return null; // the indicator's default for its value kind
        }

        int before = _errors.Count;
        AggregationMethod method = Choice(t, r, prefix + ".method", AggregationMethod.None, required: true);
        if (_errors.Count > before)
        {
            return AggregationRule.None;
        }

        Formula? formula = null;
        if (Text(t, r, prefix + ".formula") is { } text)
        {
            KtxhResult<Formula> parsed = Formula.ParseResult(text);
            if (parsed.TryGetValue(out Formula? f))
            {
                formula = f;
            }
            else
            {
                Error(CatalogueErrorCode.FormulaSyntax, t, r, prefix + ".formula", parsed.Errors[0].MessageVi, parsed.Errors[0].MessageEn);
                if (method == AggregationMethod.Formula)
                {
                    return AggregationRule.None;
                }
            }
        }

        return new AggregationRule
        {
            Method = method,
            NumeratorCode = Text(t, r, prefix + ".numerator"),
            DenominatorCode = Text(t, r, prefix + ".denominator"),
            Factor = Decimal(t, r, prefix + ".factor"),
            WeightIndicatorCode = Text(t, r, prefix + ".weight"),
            Formula = formula,
        };
    }

    private List<ReportForm> Forms()
    {
        var result = new List<ReportForm>();
        if (!_tables.TryGetValue(CatalogueSheets.Forms.Name, out Table? t)
            || !_tables.TryGetValue(CatalogueSheets.FormRows.Name, out Table? rt) || !_tables.TryGetValue(CatalogueSheets.FormColumns.Name, out Table? ct))
        {
            return result;
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (int r in t.Rows)
        {
            index.TryAdd(Key(Text(t, r, "code")), _formRows.Count);
            _formRows.Add(r);
        }

        var rows = _formRows.Select(_ => new List<FormRow>()).ToArray();
        foreach (int r in rt.Rows)
        {
            if (FormIndex(rt, r, index) is { } f)
            {
                _formRowRows[(f, rows[f].Count)] = r;
                rows[f].Add(new FormRow(Key(Text(rt, r, "indicator")), Integer(rt, r, "level") ?? 0, Bool(rt, r, "ofWhich") ?? false,
                    Bool(rt, r, "required") ?? true, Text(rt, r, "label")));
            }
        }

        var columns = _formRows.Select(_ => new List<FormColumn>()).ToArray();
        foreach (int r in ct.Rows)
        {
            if (FormIndex(ct, r, index) is { } f)
            {
                _formColumnRows[(f, columns[f].Count)] = r;
                columns[f].Add(new FormColumn(Choice(ct, r, "kind", FormColumnKind.ThisPeriod, required: true),
                    Choice(ct, r, "mode", FormColumnMode.Entered, required: false), Text(ct, r, "headerVi"), Text(ct, r, "headerEn")));
            }
        }

        for (int i = 0; i < _formRows.Count; i++)
        {
            int r = _formRows[i];
            result.Add(new ReportForm
            {
                Code = Text(t, r, "code") ?? string.Empty,
                NameVi = Text(t, r, "nameVi") ?? string.Empty,
                NameEn = Text(t, r, "nameEn"),
                Version = Text(t, r, "version") ?? "1",
                PeriodType = Choice(t, r, "periodType", PeriodType.Year, required: true),
                MixedPeriods = Bool(t, r, "mixedPeriods") ?? false,
                Cutoff = Cutoff(t, r),
                Deadline = Deadline(t, r),
                AgencyCode = Text(t, r, "agency"),
                FilledBy = List(t, r, "filledBy"),
                ReceivedBy = List(t, r, "receivedBy"),
                Rows = rows[i],
                Columns = columns[i],
            });
        }

        return result;
    }

    private int? FormIndex(Table t, int r, Dictionary<string, int> index)
    {
        string code = Key(Text(t, r, "form"));
        if (index.TryGetValue(code, out int f))
        {
            return f;
        }

        Error(CatalogueErrorCode.InvalidField, t, r, "form",
            $"Biểu '{code}' không có trong trang '{CatalogueSheets.Forms.Name}'", $"Form '{code}' is not on sheet '{CatalogueSheets.Forms.Name}'");
        return null;
    }

    private CutoffConvention? Cutoff(Table t, int r)
    {
        string? name = Text(t, r, "cutOff");
        if (name is null)
        {
            return null;
        }

        if (name == CutoffConvention.Calendar.Name)
        {
            return CutoffConvention.Calendar;
        }

        if (name == CutoffConvention.Decree09.Name)
        {
            return CutoffConvention.Decree09;
        }

        Error(CatalogueErrorCode.InvalidField, t, r, "cutOff", $"Quy ước chốt số liệu '{name}' không có (có: calendar, decree09)",
            $"Unknown cut-off convention '{name}' (known: calendar, decree09)");
        return null;
    }

    private DeadlineRule? Deadline(Table t, int r)
    {
        string? text = Text(t, r, "deadline");
        if (text is null)
        {
            return null;
        }

        KtxhResult<DeadlineRule> parsed = DeadlineRule.ParseWithResult(text);
        if (parsed.TryGetValue(out DeadlineRule? rule))
        {
            return rule;
        }

        Error(CatalogueErrorCode.InvalidField, t, r, "deadline", parsed.Errors[0].MessageVi, parsed.Errors[0].MessageEn);
        return null;
    }

    private IEnumerable<FormSet> FormSets()
    {
        if (!_tables.TryGetValue(CatalogueSheets.FormSets.Name, out Table? t))
        {
            yield break;
        }

        foreach (int r in t.Rows)
        {
            _formSetRows.Add(r);
            yield return new FormSet
            {
                Code = Text(t, r, "code") ?? string.Empty,
                NameVi = Text(t, r, "nameVi") ?? string.Empty,
                NameEn = Text(t, r, "nameEn"),
                UnitKinds = List(t, r, "unitKinds"),
                FormCodes = List(t, r, "forms"),
            };
        }
    }

    // ----- cells -----

    private static string Key(string? code) => VietnameseText.Normalize(code) ?? string.Empty;

    private string Address(Table t, int r, string key) => CellAddress.Of(r, t.Columns.TryGetValue(key, out int c) ? c : 1);

    private void Error(CatalogueErrorCode code, Table t, int r, string key, string vi, string en)
    {
        string cell = Address(t, r, key);
        _errorCells.Add((t.Layout.Name, cell));
        _errors.Add(KtxhError.Create(code, ErrorLocation.AtCell(t.Layout.Name, cell), vi, en));
    }

    private static string Header(Table t, string key) => t.Layout.Columns.FirstOrDefault(c => c.Key == key)?.Header ?? key;

    /// <summary>The cell's text: a string as stored, a number as its stored digits; null when empty. A formula, an error value or a broken string is an error.</summary>
    private string? Text(Table t, int r, string key) => t.Columns.TryGetValue(key, out int c) ? TextAt(t, r, c) : null;

    private string? TextAt(Table t, int r, int c)
    {
        if (!t.Cells.TryGetValue((r, c), out RawCell cell))
        {
            return null;
        }

        string sheet = t.Layout.Name;
        string address = CellAddress.Of(r, c);
        if (cell.HasFormula)
        {
            Record(ExcelErrors.At(ExcelErrorCode.FormulaInInputCell, sheet, address,
                $"Ô có công thức '={cell.Formula}' (giá trị lưu sẵn '{cell.Raw}'); danh mục không nhận công thức, hãy nhập giá trị",
                $"The cell holds the formula '={cell.Formula}' (cached value '{cell.Raw}'); the catalogue takes no formulas, type the value"));
            return null;
        }

        switch (cell.Type)
        {
            case "e":
                Record(KtxhError.Create(CatalogueErrorCode.InvalidField, ErrorLocation.AtCell(sheet, address),
                    $"Ô chứa giá trị lỗi '{cell.Raw}'", $"The cell holds the error value '{cell.Raw}'"));
                return null;
            case "s?":
                Record(ExcelErrors.At(ExcelErrorCode.CorruptWorkbook, sheet, address,
                    "Ô trỏ tới chuỗi dùng chung không tồn tại", "The cell points to a shared string that does not exist"));
                return null;
            case "b":
                return cell.Raw == "1" ? "TRUE" : "FALSE";
        }

        string? text = VietnameseText.Normalize(cell.Raw);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private void Record(KtxhError error)
    {
        if (error.Location.Sheet is { } s && error.Location.Cell is { } c && !_errorCells.Add((s, c)))
        {
            return; // one error per cell: a field read twice is reported once
        }

        _errors.Add(error);
    }

    private int? Integer(Table t, int r, string key)
    {
        if (Decimal(t, r, key) is not { } value)
        {
            return null;
        }

        if (value != decimal.Truncate(value) || value < int.MinValue || value > int.MaxValue)
        {
            Record(ExcelErrors.At(ExcelErrorCode.NotAWholeNumber, t.Layout.Name, Address(t, r, key),
                $"'{Header(t, key)}' phải là số nguyên ({value.ToString(CultureInfo.InvariantCulture)})",
                $"'{Header(t, key)}' must be a whole number ({value.ToString(CultureInfo.InvariantCulture)})"));
            return null;
        }

        return (int)value;
    }

    private decimal? Decimal(Table t, int r, string key) => t.Columns.TryGetValue(key, out int c) ? DecimalAt(t, r, c, key) : null;

    private decimal? DecimalAt(Table t, int r, int c, string? key = null)
    {
        if (!t.Cells.TryGetValue((r, c), out RawCell cell))
        {
            return null;
        }

        string? text = TextAt(t, r, c);
        if (text is null)
        {
            return null;
        }

        decimal value = 0m;
        bool number = cell.Type == "n"
            ? decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            : cell.Type != "b" && (VietnameseNumber.TryParse(text, out value) || decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value));
        if (number)
        {
            return value;
        }

        string header = key is null ? CellAddress.Of(r, c) : Header(t, key);
        Record(ExcelErrors.At(ExcelErrorCode.NotANumber, t.Layout.Name, CellAddress.Of(r, c),
            $"'{header}' phải là một số, không phải '{text}'", $"'{header}' must be a number, not '{text}'"));
        return null;
    }

    private bool? Bool(Table t, int r, string key)
    {
        string? text = Text(t, r, key);
        switch (VietnameseText.Fold(text))
        {
            case "":
                return null;
            case "co" or "true" or "yes" or "x" or "1":
                return true;
            case "khong" or "false" or "no" or "0":
                return false;
            default:
                Record(KtxhError.Create(CatalogueErrorCode.InvalidField, ErrorLocation.AtCell(t.Layout.Name, Address(t, r, key)),
                    $"'{Header(t, key)}' phải là Có hoặc Không, không phải '{text}'", $"'{Header(t, key)}' must be Có (yes) or Không (no), not '{text}'"));
                return null;
        }
    }

    private LocalDate? Date(Table t, int r, string key)
    {
        if (!t.Columns.TryGetValue(key, out int c) || !t.Cells.TryGetValue((r, c), out RawCell cell))
        {
            return null;
        }

        string? text = Text(t, r, key);
        if (text is null)
        {
            return null;
        }

        // A date a person types becomes a serial number (days since 1899-12-30); the writer writes yyyy-MM-dd text.
        if (cell.Type == "n" && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double serial) && serial is >= 1 and < 2_958_466)
        {
            return LocalDate.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }

        string candidate = cell.Type == "d" && text.Length >= 10 ? text[..10] : text;
        ParseResult<LocalDate> iso = LocalDatePattern.Iso.Parse(candidate);
        if (iso.Success)
        {
            return iso.Value;
        }

        ParseResult<LocalDate> vietnamese = LocalDatePattern.CreateWithInvariantCulture("dd/MM/yyyy").Parse(candidate);
        if (vietnamese.Success)
        {
            return vietnamese.Value;
        }

        Record(KtxhError.Create(CatalogueErrorCode.InvalidField, ErrorLocation.AtCell(t.Layout.Name, Address(t, r, key)),
            $"Ngày '{text}' không đúng dạng yyyy-MM-dd", $"Date '{text}' is not in the form yyyy-MM-dd"));
        return null;
    }

    private IReadOnlyList<string> List(Table t, int r, string key) =>
        Text(t, r, key) is { } text ? CatalogueSheets.SplitList(text) : [];

    private static bool ParseName<T>(string text, out T value)
        where T : struct, Enum =>
        // Names only: a number such as "3" is not accepted, so that data stays readable and stable (as in the JSON).
        Enum.TryParse(text, ignoreCase: false, out value) && !char.IsAsciiDigit(text[0]) && !text.Contains(',', StringComparison.Ordinal) && Enum.IsDefined(value);

    private T Choice<T>(Table t, int r, string key, T fallback, bool required)
        where T : struct, Enum
    {
        string? text = Text(t, r, key);
        if (text is null)
        {
            if (required)
            {
                Record(KtxhError.Create(CatalogueErrorCode.InvalidField, ErrorLocation.AtCell(t.Layout.Name, Address(t, r, key)),
                    $"Thiếu '{Header(t, key)}' (một trong: {string.Join(", ", Enum.GetNames<T>())})",
                    $"'{Header(t, key)}' is required (one of: {string.Join(", ", Enum.GetNames<T>())})"));
            }

            return fallback;
        }

        if (ParseName(text, out T value))
        {
            return value;
        }

        BadChoice<T>(t, r, key, text);
        return fallback;
    }

    private void BadChoice<T>(Table t, int r, string key, string text)
        where T : struct, Enum =>
        Record(KtxhError.Create(CatalogueErrorCode.InvalidField, ErrorLocation.AtCell(t.Layout.Name, Address(t, r, key)),
            $"'{Header(t, key)}': giá trị '{text}' không hợp lệ (một trong: {string.Join(", ", Enum.GetNames<T>())})",
            $"'{Header(t, key)}': invalid value '{text}' (one of: {string.Join(", ", Enum.GetNames<T>())})"));

    // ----- JSON paths of the builder's findings → cells -----

    [GeneratedRegex(@"^\$\.(?<a>[A-Za-z]+)\[(?<i>\d+)\](?:\.(?<b>[A-Za-z]+)(?:\[(?<j>\d+)\])?(?:\.(?<c>[A-Za-z]+))?)?$")]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"\$\.[A-Za-z]+\[\d+\](?:\.[A-Za-z]+(?:\[\d+\])?)*")]
    private static partial Regex PathInText();

    private static int? FirstIndex(string path)
    {
        Match m = PathPattern().Match(path);
        return m.Success && m.Groups["a"].Value == "indicators" ? int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture) : null;
    }

    private KtxhError Locate(KtxhError error)
    {
        if (error.Location.JsonPath is not { } path || Cell(path) is not { } cell)
        {
            return error;
        }

        string Rewrite(string message) => PathInText().Replace(message, m => Cell(m.Value) is { } c ? Reference(c.Sheet, c.Cell) : m.Value);
        ErrorLocation location = ErrorLocation.AtCell(cell.Sheet, cell.Cell);
        return error.TryGetCode(out CatalogueErrorCode code)
            ? KtxhError.Create(code, location, Rewrite(error.MessageVi), Rewrite(error.MessageEn))
            : error with { Location = location };
    }

    private static string Reference(string sheet, string cell) => $"'{sheet}'!{cell}";

    private (string Sheet, string Cell)? Cell(string path)
    {
        if (path == "$.componentTolerance")
        {
            return (CatalogueSheets.InfoSheet, _toleranceCell);
        }

        Match m = PathPattern().Match(path);
        if (!m.Success)
        {
            return null;
        }

        string a = m.Groups["a"].Value, b = m.Groups["b"].Value, c = m.Groups["c"].Value;
        int i = int.Parse(m.Groups["i"].Value, CultureInfo.InvariantCulture);
        int j = m.Groups["j"].Success ? int.Parse(m.Groups["j"].Value, CultureInfo.InvariantCulture) : -1;
        (CatalogueSheet Sheet, int? Row, string Key) target = a switch
        {
            "indicators" => (CatalogueSheets.Indicators, At(_indicatorRows, i), b is "acrossUnits" or "acrossTime" && c.Length > 0 ? $"{b}.{c}" : b),
            "agencies" => (CatalogueSheets.Agencies, At(_agencyRows, i), b),
            "disaggregations" when b == "categories" => (CatalogueSheets.Categories, _categoryRows.TryGetValue((i, j), out int cr) ? cr : null, c),
            "disaggregations" => (CatalogueSheets.Disaggregations, At(_dimensionRows, i), b),
            "forms" when b == "rows" => (CatalogueSheets.FormRows, _formRowRows.TryGetValue((i, j), out int rr) ? rr : null, c),
            "forms" when b == "columns" => (CatalogueSheets.FormColumns, _formColumnRows.TryGetValue((i, j), out int kr) ? kr : null, c),
            "forms" => (CatalogueSheets.Forms, At(_formRows, i), b),
            "formSets" => (CatalogueSheets.FormSets, At(_formSetRows, i), b),
            _ => (CatalogueSheets.Indicators, null, string.Empty),
        };
        if (target.Row is not { } row || !_tables.TryGetValue(target.Sheet.Name, out Table? table))
        {
            return null;
        }

        return (target.Sheet.Name, Address(table, row, target.Key.Length == 0 ? "code" : target.Key));
    }

    private static int? At(List<int> rows, int index) => index >= 0 && index < rows.Count ? rows[index] : null;

    /// <summary>A sheet as read: its layout, where each column was found, the rows holding data, and the raw cells.</summary>
    private sealed record Table(CatalogueSheet Layout, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<int> Rows, Dictionary<(int Row, int Column), RawCell> Cells);
}
