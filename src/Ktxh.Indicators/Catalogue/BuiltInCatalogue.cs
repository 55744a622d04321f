using System.Globalization;
using System.Reflection;
using System.Text;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.Formulas;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Periods;

namespace Ktxh.Indicators;

/// <summary>
/// The built-in catalogue: every indicator row of the Hà Nam IOC indicator appendix (seed 004, Kế hoạch triển khai đô
/// thị thông minh và Trung tâm Giám sát, điều hành thông minh tỉnh Hà Nam, 2023, Phụ lục II), loaded from the embedded
/// files <c>builtin-indicators.tsv</c> and <c>builtin-agencies.tsv</c>.
/// </summary>
/// <remarks>
/// <para>Each agency report group of the appendix becomes a <see cref="ReportForm"/> (code = group code, rows = the
/// group's indicators in file order, indentation from the parent chain, "Trong đó" rows marked, text heading rows not
/// required, one entered column <see cref="FormColumnKind.ThisPeriod"/>, filled by the agency and received by the IOC).
/// A group whose rows have several period types is a mixed form; its nominal <see cref="ReportForm.PeriodType"/> is the
/// most frequent one. Each agency gets a <see cref="FormSet"/> of its groups.</para>
/// <para>Unit texts are resolved through the <see cref="MeasureUnitRegistry"/>; every row must resolve.</para>
/// <para>Thread-safe: <see cref="Catalogue"/> is built once, lazily.</para>
/// </remarks>
public static class BuiltInCatalogue
{
    /// <summary>The manifest name of the embedded indicator file.</summary>
    public const string IndicatorsResourceName = "Ktxh.Indicators.Data.builtin-indicators.tsv";

    /// <summary>The manifest name of the embedded agency/group file.</summary>
    public const string AgenciesResourceName = "Ktxh.Indicators.Data.builtin-agencies.tsv";

    /// <summary>The version label of the built-in catalogue.</summary>
    public const string Version = "HNM-IOC-2023";

    /// <summary>The component tolerance of the built-in catalogue: 0.5 in the parent's unit (published figures are rounded).</summary>
    public const decimal ComponentTolerance = 0.5m;

    /// <summary>The receiver of every built-in form: the provincial smart operations centre (IOC).</summary>
    public const string Receiver = "IOC";

    private static readonly string[] IndicatorColumns =
    [
        "code", "parent_code", "relation", "order", "agency_code", "group_code", "name_vi", "name_en", "unit_text", "periods",
        "value_kind", "across_units", "across_time", "numerator", "denominator", "factor", "formula", "weight_indicator",
        "precision", "price_basis", "confidentiality", "embargoed", "note",
    ];

    private static readonly string[] AgencyColumns = ["agency_code", "name_vi", "name_en", "group_code", "group_name_vi", "order"];

    private static readonly Lazy<IndicatorCatalogue> LazyCatalogue = new(() => Load().GetValueOrThrow(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the built-in catalogue (built once; thread-safe).</summary>
    /// <exception cref="KtxhException">The embedded data is invalid (a packaging defect; tests prevent it).</exception>
    public static IndicatorCatalogue Catalogue => LazyCatalogue.Value;

    /// <summary>Loads the built-in catalogue afresh, resolving units with a registry.</summary>
    /// <param name="units">The unit registry (default <see cref="MeasureUnitRegistry.Default"/>).</param>
    /// <returns>The catalogue, or every problem in the embedded data.</returns>
    public static KtxhResult<IndicatorCatalogue> Load(MeasureUnitRegistry? units = null) =>
        LoadTsv(ReadResource(IndicatorsResourceName), ReadResource(AgenciesResourceName), units ?? MeasureUnitRegistry.Default);

    /// <summary>
    /// The agencies of <c>builtin-agencies.tsv</c>, each once, in file order and normalised as
    /// <see cref="IndicatorCatalogueBuilder.AddAgency"/> does: the same list as <see cref="Catalogue"/>'s agencies, read
    /// without building the catalogue (the built-in unit directory registers them under every province).
    /// </summary>
    /// <exception cref="KtxhException">The embedded file is invalid (a packaging defect; tests prevent it).</exception>
    internal static IReadOnlyList<Agency> ReadAgencies()
    {
        var errors = new List<KtxhError>();
        List<(int Line, Dictionary<string, string> Cells)> groupRows = ReadTsv(ReadResource(AgenciesResourceName), "builtin-agencies.tsv", AgencyColumns, errors);
        if (errors.Count > 0)
        {
            throw new KtxhException(errors);
        }

        var agencies = new List<Agency>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((_, Dictionary<string, string> g) in groupRows)
        {
            if (seen.Add(g["agency_code"]))
            {
                agencies.Add(new Agency(g["agency_code"], VietnameseText.NormalizeName(g["name_vi"]), VietnameseText.NormalizeName(Empty(g["name_en"]))));
            }
        }

        return agencies;
    }

    /// <summary>Gets the text of an embedded resource.</summary>
    /// <param name="name">The manifest resource name.</param>
    /// <returns>The UTF-8 text.</returns>
    internal static string ReadResource(string name)
    {
        using Stream stream = typeof(BuiltInCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Thiếu tài nguyên nhúng '{name}' / Missing embedded resource '{name}'");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Builds a catalogue from the two TSV texts (the built-in format; see the type remarks).</summary>
    /// <param name="indicatorsTsv">The indicator file's text.</param>
    /// <param name="agenciesTsv">The agency/group file's text.</param>
    /// <param name="units">The unit registry that resolves unit texts.</param>
    /// <returns>The catalogue, or every problem (paths are <c>file:line (column)</c>).</returns>
    internal static KtxhResult<IndicatorCatalogue> LoadTsv(string indicatorsTsv, string agenciesTsv, MeasureUnitRegistry units)
    {
        var errors = new List<KtxhError>();
        List<(int Line, Dictionary<string, string> Cells)> indicatorRows = ReadTsv(indicatorsTsv, "builtin-indicators.tsv", IndicatorColumns, errors);
        List<(int Line, Dictionary<string, string> Cells)> groupRows = ReadTsv(agenciesTsv, "builtin-agencies.tsv", AgencyColumns, errors);
        if (errors.Count > 0)
        {
            return KtxhResult<IndicatorCatalogue>.ForErrors(errors);
        }

        var builder = new IndicatorCatalogueBuilder().WithVersion(Version).WithComponentTolerance(ComponentTolerance).WithMeasureUnits(units);
        var agencySeen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((_, Dictionary<string, string> g) in groupRows)
        {
            if (agencySeen.Add(g["agency_code"]))
            {
                builder.AddAgency(new Agency(g["agency_code"], g["name_vi"], Empty(g["name_en"])));
            }
        }

        var lineOfIndex = new List<int>();
        var indicators = new List<(Indicator Indicator, string Group)>();
        foreach ((int line, Dictionary<string, string> row) in indicatorRows)
        {
            var rowErrors = new TsvRow(line, row, errors);
            Indicator indicator = rowErrors.ToIndicator(units);
            builder.Add(indicator);
            indicators.Add((indicator, row["group_code"]));
            lineOfIndex.Add(line);
        }

        var formSets = new List<(string Agency, List<string> Forms)>();
        foreach ((int line, Dictionary<string, string> g) in groupRows.OrderBy(r => ParseInt(r.Cells["order"]) ?? int.MaxValue))
        {
            string group = g["group_code"];
            ReportForm form = BuildForm(g, indicators.Where(x => x.Group == group).Select(x => x.Indicator).ToList());
            builder.AddForm(form);
            (string Agency, List<string> Forms) set = formSets.FirstOrDefault(s => s.Agency == form.AgencyCode);
            if (set.Forms is null)
            {
                set = (form.AgencyCode!, []);
                formSets.Add(set);
            }

            set.Forms.Add(form.Code);
        }

        foreach ((string agency, List<string> forms) in formSets)
        {
            builder.AddFormSet(new FormSet
            {
                Code = agency,
                NameVi = $"Hệ biểu cung cấp số liệu cho IOC của {AgencyName(groupRows, agency)}",
                NameEn = $"IOC indicator forms of agency {agency}",
                UnitKinds = [agency],
                FormCodes = forms,
            });
        }

        errors.AddRange(builder.Validate().Select(e => WithTsvLine(e, lineOfIndex)));
        return KtxhResult.FromErrorsOr(errors, builder.CreateValidated);
    }

    private static string AgencyName(List<(int Line, Dictionary<string, string> Cells)> groups, string agency) =>
        groups.First(g => g.Cells["agency_code"] == agency).Cells["name_vi"];

    private static KtxhError WithTsvLine(KtxhError error, List<int> lineOfIndex) =>
        CatalogueErrors.FirstIndex(error.Location.JsonPath, "indicators") is { } index
            ? error with { Location = error.Location with { Source = "builtin-indicators.tsv", Line = lineOfIndex[index] } }
            : error;

    private static ReportForm BuildForm(Dictionary<string, string> group, List<Indicator> rows)
    {
        PeriodType[] periods = rows.SelectMany(r => r.Periods).ToArray();
        PeriodType nominal = periods.Length == 0
            ? PeriodType.Year
            : periods.GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var codes = new HashSet<string>(rows.Select(r => r.Code), StringComparer.Ordinal);
        var byCode = rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        int Level(Indicator i)
        {
            int level = 0;
            Indicator current = i;
            while (current.Relation is { } rel && codes.Contains(rel.ParentCode) && level < rows.Count)
            {
                level++;
                current = byCode[rel.ParentCode];
            }

            return level;
        }

        return new ReportForm
        {
            Code = group["group_code"],
            NameVi = group["group_name_vi"],
            Version = "2023",
            PeriodType = nominal,
            MixedPeriods = rows.Any(r => !r.IsReportedFor(nominal)),
            AgencyCode = group["agency_code"],
            FilledBy = [group["agency_code"]],
            ReceivedBy = [Receiver],
            Rows = rows.Select(r => new FormRow(r.Code, Level(r), r.Relation?.Kind == IndicatorRelationKind.OfWhich, r.ValueKind != ValueKind.Text)).ToArray(),
            Columns = [new FormColumn(FormColumnKind.ThisPeriod, FormColumnMode.Entered)],
        };
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static int? ParseInt(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;

    private static List<(int Line, Dictionary<string, string> Cells)> ReadTsv(string text, string file, string[] columns, List<KtxhError> errors)
    {
        var rows = new List<(int, Dictionary<string, string>)>();
        string[] lines = text.Split('\n');
        string[] header = lines.Length > 0 ? lines[0].TrimEnd('\r').TrimStart('\uFEFF').Split('\t') : [];
        if (!header.SequenceEqual(columns))
        {
            errors.Add(CatalogueErrors.AtLine(CatalogueErrorCode.InvalidField, file, 1, null,
                $"Dòng tiêu đề phải là: {string.Join(" | ", columns)}", $"The header row must be: {string.Join(" | ", columns)}"));
            return rows;
        }

        for (int n = 1; n < lines.Length; n++)
        {
            string line = lines[n].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            string[] cells = line.Split('\t');
            if (cells.Length != columns.Length)
            {
                errors.Add(CatalogueErrors.AtLine(CatalogueErrorCode.InvalidField, file, n + 1, null,
                    $"Dòng có {cells.Length} cột, cần {columns.Length}", $"The row has {cells.Length} columns, expected {columns.Length}"));
                continue;
            }

            var dict = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int c = 0; c < columns.Length; c++)
            {
                dict[columns[c]] = VietnameseText.Normalize(cells[c])!;
            }

            rows.Add((n + 1, dict));
        }

        return rows;
    }

    /// <summary>Turns one indicator row into an <see cref="Indicator"/>, recording cell errors with their line and column.</summary>
    private sealed class TsvRow(int line, Dictionary<string, string> cells, List<KtxhError> errors)
    {
        private void Error(CatalogueErrorCode code, string column, string vi, string en) =>
            errors.Add(CatalogueErrors.AtLine(code, "builtin-indicators.tsv", line, column, vi, en));

        private T Enum<T>(string column, T fallback)
            where T : struct, Enum
        {
            string text = cells[column];
            if (text.Length == 0)
            {
                return fallback;
            }

            if (!char.IsAsciiDigit(text[0]) && System.Enum.TryParse(text, false, out T value) && System.Enum.IsDefined(value))
            {
                return value;
            }

            Error(CatalogueErrorCode.InvalidField, column, $"Giá trị '{text}' không hợp lệ", $"Invalid value '{text}'");
            return fallback;
        }

        private int Int(string column)
        {
            string text = cells[column];
            if (text.Length == 0)
            {
                return 0;
            }

            if (ParseInt(text) is { } value)
            {
                return value;
            }

            Error(CatalogueErrorCode.InvalidField, column, $"'{text}' không phải số nguyên", $"'{text}' is not an integer");
            return 0;
        }

        public Indicator ToIndicator(MeasureUnitRegistry units)
        {
            string code = cells["code"];
            ValueKind kind = Enum("value_kind", ValueKind.Text);
            var periods = new List<PeriodType>();
            foreach (string p in cells["periods"].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (System.Enum.TryParse(p, false, out PeriodType period) && System.Enum.IsDefined(period) && !char.IsAsciiDigit(p[0]))
                {
                    periods.Add(period);
                }
                else
                {
                    Error(CatalogueErrorCode.InvalidField, "periods", $"Kỳ '{p}' không hợp lệ", $"Invalid period type '{p}'");
                }
            }

            string? unitCode = null;
            string unitText = cells["unit_text"];
            if (unitText.Length > 0)
            {
                if (units.TryResolve(unitText, out MeasureUnit? unit))
                {
                    unitCode = unit.Code;
                }
                else
                {
                    Error(CatalogueErrorCode.UnknownUnit, "unit_text", $"Không nhận ra đơn vị tính '{unitText}' của '{code}'", $"Unit text '{unitText}' of '{code}' does not resolve");
                }
            }

            IndicatorRelation? relation = null;
            string parent = cells["parent_code"];
            string relationText = cells["relation"];
            if (parent.Length > 0)
            {
                IndicatorRelationKind relKind = relationText switch
                {
                    "" => IndicatorRelationKind.Detail,
                    "component" => IndicatorRelationKind.Component,
                    "of_which" => IndicatorRelationKind.OfWhich,
                    _ => IndicatorRelationKind.Detail,
                };
                if (relationText is not ("" or "component" or "of_which"))
                {
                    Error(CatalogueErrorCode.InvalidField, "relation", $"Quan hệ '{relationText}' không hợp lệ (component, of_which)", $"Invalid relation '{relationText}' (component, of_which)");
                }

                relation = new IndicatorRelation(relKind, parent);
            }
            else if (relationText.Length > 0)
            {
                Error(CatalogueErrorCode.InvalidField, "parent_code", "Có quan hệ nhưng thiếu mã chỉ tiêu cha", "A relation is given without a parent code");
            }

            decimal? factor = null;
            if (cells["factor"].Length > 0)
            {
                if (decimal.TryParse(cells["factor"], NumberStyles.Number, CultureInfo.InvariantCulture, out decimal f))
                {
                    factor = f;
                }
                else
                {
                    Error(CatalogueErrorCode.InvalidField, "factor", $"Hệ số '{cells["factor"]}' không phải số", $"Factor '{cells["factor"]}' is not a number");
                }
            }

            Formula? formula = null;
            if (cells["formula"].Length > 0)
            {
                KtxhResult<Formula> parsed = Formula.ParseResult(cells["formula"]);
                if (parsed.Success)
                {
                    formula = parsed.Value;
                }
                else
                {
                    Error(CatalogueErrorCode.FormulaSyntax, "formula", parsed.Errors[0].MessageVi, parsed.Errors[0].MessageEn);
                }
            }

            AggregationRule Rule(string column, AggregationRule fallback)
            {
                if (cells[column].Length == 0)
                {
                    return fallback;
                }

                AggregationMethod method = Enum(column, fallback.Method);
                return new AggregationRule
                {
                    Method = method,
                    NumeratorCode = method == AggregationMethod.Ratio ? Empty(cells["numerator"]) : null,
                    DenominatorCode = method == AggregationMethod.Ratio ? Empty(cells["denominator"]) : null,
                    Factor = method == AggregationMethod.Ratio ? factor : null,
                    WeightIndicatorCode = method == AggregationMethod.WeightedAverage ? Empty(cells["weight_indicator"]) : null,
                    Formula = method == AggregationMethod.Formula ? formula : null,
                };
            }

            string embargoed = cells["embargoed"];
            if (embargoed is not ("" or "true" or "false"))
            {
                Error(CatalogueErrorCode.InvalidField, "embargoed", $"'{embargoed}' phải là true hoặc false", $"'{embargoed}' must be true or false");
            }

            return new Indicator
            {
                Code = code,
                NameVi = cells["name_vi"],
                NameEn = Empty(cells["name_en"]),
                MeasureUnitCode = unitCode,
                Periods = periods,
                ValueKind = kind,
                Precision = Int("precision"),
                AgencyCode = Empty(cells["agency_code"]),
                Relation = relation,
                Order = Int("order"),
                AcrossUnits = Rule("across_units", AggregationRuleFit.DefaultAcrossUnits(kind)),
                AcrossTime = Rule("across_time", AggregationRuleFit.DefaultAcrossTime(kind)),
                PriceBasis = Enum("price_basis", PriceBasis.NotApplicable),
                Confidentiality = Enum("confidentiality", Confidentiality.Public),
                EmbargoedUntilPublished = embargoed == "true",
                Note = Empty(cells["note"]),
            };
        }
    }
}
