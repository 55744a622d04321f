using System.Globalization;
using System.Text;
using System.Text.Json;
using Ktxh.Indicators.Forms;
using Ktxh.Indicators.Formulas;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Text;

namespace Ktxh.Indicators;

/// <summary>
/// Reads and writes an <see cref="IndicatorCatalogue"/> as JSON (schema version <see cref="SchemaVersion"/>,
/// documented in <c>docs/catalogue-json.md</c>), with System.Text.Json source generation.
/// </summary>
/// <remarks>
/// Reading never throws on bad input: it returns every problem with its JSON path (<c>$.indicators[12].unit</c>) and
/// a bilingual message, and no catalogue unless all of it is valid. Text is normalised to NFC. Thread-safe.
/// </remarks>
public static partial class IndicatorCatalogueJson
{
    /// <summary>The schema version this library reads and writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Reads a catalogue from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The catalogue, or every problem found.</returns>
    public static KtxhResult<IndicatorCatalogue> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), DefaultUnitLookup());
    }

    /// <summary>Reads a catalogue from a UTF-8 JSON stream.</summary>
    /// <param name="utf8Json">The stream; read to its end, not closed.</param>
    /// <returns>The catalogue, or every problem found.</returns>
    public static KtxhResult<IndicatorCatalogue> Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Read(buffer.ToArray(), DefaultUnitLookup());
    }

    /// <summary>Reads a catalogue from a UTF-8 JSON file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The catalogue, or every problem found (a missing or unreadable file is reported as an error).</returns>
    public static KtxhResult<IndicatorCatalogue> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            (string vi, string en) = FileReadMessages.CannotRead(Path.GetFileName(path), e);
            return Fail(KtxhError.Create(CatalogueErrorCode.InvalidJson, ErrorLocation.None.WithSource(path), vi, en));
        }

        return Read(bytes, DefaultUnitLookup()).WithSource(path);
    }

    // Vietnamese text is written as is (UTF-8), not as \uXXXX escapes, so that exported files stay readable; HTML-sensitive
    // characters are still escaped by the relaxed encoder's rules for JSON strings.
    private static readonly JsonSerializerOptions WriteOptions = new(CatalogueJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<CatalogueDocument> WriteTypeInfo =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<CatalogueDocument>)WriteOptions.GetTypeInfo(typeof(CatalogueDocument));

    /// <summary>Writes a catalogue as indented JSON text.</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(IndicatorCatalogue catalogue) =>
        JsonSerializer.Serialize(ToDocument(catalogue), WriteTypeInfo);

    /// <summary>Writes a catalogue as indented UTF-8 JSON to a stream.</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="utf8Json">The stream (not closed).</param>
    public static void Write(IndicatorCatalogue catalogue, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        JsonSerializer.Serialize(utf8Json, ToDocument(catalogue), WriteTypeInfo);
    }

    private static KtxhResult<IndicatorCatalogue> Fail(KtxhError error) => KtxhResult<IndicatorCatalogue>.ForError(error);

    internal static KtxhResult<IndicatorCatalogue> Read(byte[] utf8Json, IMeasureUnitLookup? units)
    {
        // Byte order mark, duplicate keys and syntax errors are read the same way for every JSON format of the SDK
        // (with line, column and path); what is left here is the catalogue's content.
        KtxhResult<JsonDocument> parsed = LocatedJson.Parse(utf8Json, new LocatedJsonOptions { AllowComments = false, AllowTrailingCommas = false });
        if (!parsed.TryGetValue(out JsonDocument? json))
        {
            return parsed.ConvertError<IndicatorCatalogue>();
        }

        CatalogueDocument? doc;
        using (json)
        {
            try
            {
                doc = json.Deserialize(CatalogueJsonContext.Default.CatalogueDocument);
            }
            catch (JsonException e)
            {
                // Well-formed JSON of the wrong shape (a string where a number belongs, an unknown property): located by its path.
                // Not e.Message: it is English and names .NET types (System.Int32).
                return Fail(CatalogueErrors.At(CatalogueErrorCode.InvalidJson, e.Path ?? "$",
                    "JSON không hợp lệ: giá trị sai kiểu (chữ thay cho số, số thay cho danh sách…) hoặc thuộc tính không có trong lược đồ",
                    "Invalid JSON: a value of the wrong type (text for a number, a number for a list…) or a property the schema does not have"));
            }
        }

        if (doc is null)
        {
            return Fail(CatalogueErrors.At(CatalogueErrorCode.InvalidJson, "$", "Tài liệu JSON rỗng (null)", "The JSON document is null"));
        }

        if (doc.SchemaVersion != SchemaVersion)
        {
            string found = doc.SchemaVersion?.ToString(CultureInfo.InvariantCulture) ?? "(thiếu/missing)";
            return Fail(CatalogueErrors.At(CatalogueErrorCode.UnsupportedSchemaVersion, "$.schemaVersion",
                $"Phiên bản lược đồ {found} không được hỗ trợ (cần {SchemaVersion})", $"Schema version {found} is not supported (expected {SchemaVersion})"));
        }

        return new DocumentReader(units).Read(doc);
    }

    private static CatalogueDocument ToDocument(IndicatorCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return new CatalogueDocument
        {
            SchemaVersion = SchemaVersion,
            Version = catalogue.Version,
            ComponentTolerance = catalogue.ComponentTolerance,
            Agencies = catalogue.Agencies.Select(a => new AgencyDocument { Code = a.Code, NameVi = a.NameVi, NameEn = a.NameEn }).ToList(),
            Disaggregations = catalogue.Disaggregations.Select(d => new DisaggregationDocument
            {
                Code = d.Code,
                NameVi = d.NameVi,
                NameEn = d.NameEn,
                Categories = d.Categories.Select(c => new CategoryDocument { Code = c.Code, NameVi = c.NameVi, NameEn = c.NameEn }).ToList(),
            }).ToList(),
            Indicators = catalogue.Indicators.Select(ToDocument).ToList(),
            Forms = catalogue.Forms.Select(f => new FormDocument
            {
                Code = f.Code,
                NameVi = f.NameVi,
                NameEn = f.NameEn,
                Version = f.Version,
                PeriodType = f.PeriodType.ToString(),
                MixedPeriods = f.MixedPeriods ? true : null,
                CutOff = f.Cutoff?.Name,
                Deadline = f.Deadline?.Id,
                Agency = f.AgencyCode,
                FilledBy = f.FilledBy.ToList(),
                ReceivedBy = f.ReceivedBy.ToList(),
                Rows = f.Rows.Select(r => new RowDocument
                {
                    Indicator = r.IndicatorCode,
                    Level = r.Level,
                    OfWhich = r.IsOfWhich,
                    Required = r.Required,
                    Label = r.LabelVi,
                }).ToList(),
                Columns = f.Columns.Select(c => new ColumnDocument { Kind = c.Kind.ToString(), Mode = c.Mode.ToString(), HeaderVi = c.HeaderVi, HeaderEn = c.HeaderEn }).ToList(),
            }).ToList(),
            FormSets = catalogue.FormSets.Select(s => new FormSetDocument
            {
                Code = s.Code,
                NameVi = s.NameVi,
                NameEn = s.NameEn,
                UnitKinds = s.UnitKinds.ToList(),
                Forms = s.FormCodes.ToList(),
            }).ToList(),
        };
    }

    private static IndicatorDocument ToDocument(Indicator i) => new()
    {
        Code = i.Code,
        NameVi = i.NameVi,
        NameEn = i.NameEn,
        Unit = i.MeasureUnitCode,
        Periods = i.Periods.Select(p => p.ToString()).ToList(),
        ValueKind = i.ValueKind.ToString(),
        Precision = i.Precision,
        Agency = i.AgencyCode,
        Parent = i.Relation?.ParentCode,
        Relation = i.Relation?.Kind.ToString(),
        Order = i.Order,
        AcrossUnits = ToDocument(i.AcrossUnits),
        AcrossTime = ToDocument(i.AcrossTime),
        Disaggregations = i.Disaggregations.Count > 0 ? i.Disaggregations.ToList() : null,
        PriceBasis = i.PriceBasis == PriceBasis.NotApplicable ? null : i.PriceBasis.ToString(),
        Confidentiality = i.Confidentiality.ToString(),
        Embargoed = i.EmbargoedUntilPublished,
        ValidFrom = i.ValidFrom is { } from ? LocalDatePattern.Iso.Format(from) : null,
        ValidTo = i.ValidTo is { } to ? LocalDatePattern.Iso.Format(to) : null,
        Note = i.Note,
    };

    private static RuleDocument ToDocument(AggregationRule r) => new()
    {
        Method = r.Method.ToString(),
        Numerator = r.NumeratorCode,
        Denominator = r.DenominatorCode,
        Factor = r.Factor,
        Weight = r.WeightIndicatorCode,
        Formula = r.Formula?.Text,
    };

    /// <summary>The cut-off conventions a JSON document may name (schema version 1).</summary>
    private static readonly CutoffConvention[] KnownCutoffs = [CutoffConvention.Calendar, CutoffConvention.Decree09];

    /// <summary>Converts a document into a builder, collecting field errors with their paths.</summary>
    private sealed class DocumentReader(IMeasureUnitLookup? units)
    {
        private readonly List<KtxhError> _errors = [];

        public KtxhResult<IndicatorCatalogue> Read(CatalogueDocument doc)
        {
            IndicatorCatalogueBuilder builder = new IndicatorCatalogueBuilder()
                .WithVersion(doc.Version ?? "1")
                .WithComponentTolerance(doc.ComponentTolerance ?? 0m);
            builder.UnitLookup = units;
            foreach (AgencyDocument? a in doc.Agencies ?? [])
            {
                builder.AddAgency(new Agency(a?.Code ?? string.Empty, a?.NameVi ?? string.Empty, a?.NameEn));
            }

            foreach (DisaggregationDocument? d in doc.Disaggregations ?? [])
            {
                builder.AddDisaggregation(new Disaggregation
                {
                    Code = d?.Code ?? string.Empty,
                    NameVi = d?.NameVi ?? string.Empty,
                    NameEn = d?.NameEn,
                    Categories = (d?.Categories ?? []).Select(c => new DisaggregationCategory(
                        VietnameseText.Normalize(c?.Code) ?? string.Empty, VietnameseText.NormalizeName(c?.NameVi) ?? string.Empty, VietnameseText.NormalizeName(c?.NameEn))).ToArray(),
                });
            }

            var suppressRuleFit = new HashSet<int>();
            IReadOnlyList<IndicatorDocument?> indicators = doc.Indicators ?? [];
            for (int i = 0; i < indicators.Count; i++)
            {
                builder.Add(ReadIndicator(indicators[i] ?? new IndicatorDocument(), $"$.indicators[{i}]", out bool kindInvalid));
                if (kindInvalid)
                {
                    suppressRuleFit.Add(i);
                }
            }

            IReadOnlyList<FormDocument?> forms = doc.Forms ?? [];
            for (int i = 0; i < forms.Count; i++)
            {
                builder.AddForm(ReadForm(forms[i] ?? new FormDocument(), $"$.forms[{i}]"));
            }

            foreach (FormSetDocument? s in doc.FormSets ?? [])
            {
                builder.AddFormSet(new FormSet
                {
                    Code = s?.Code ?? string.Empty,
                    NameVi = s?.NameVi ?? string.Empty,
                    NameEn = s?.NameEn,
                    UnitKinds = s?.UnitKinds ?? [],
                    FormCodes = s?.Forms ?? [],
                });
            }

            // The value kind of an indicator whose kind was invalid is a placeholder: do not also blame its rules.
            IEnumerable<KtxhError> validation = builder.Validate().Where(e =>
                !e.Is(CatalogueErrorCode.RuleDoesNotFitValueKind) || !suppressRuleFit.Any(i => e.Location.JsonPath?.StartsWith($"$.indicators[{i}].", StringComparison.Ordinal) == true));
            List<KtxhError> all = _errors.Concat(validation).ToList();
            return KtxhResult.FromErrorsOr(all, builder.CreateValidated);
        }

        private void Error(CatalogueErrorCode code, string path, string vi, string en) => _errors.Add(CatalogueErrors.At(code, path, vi, en));

        private T ParseEnum<T>(string? text, string path, T fallback, bool required)
            where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    Error(CatalogueErrorCode.InvalidField, path, $"Thiếu giá trị (một trong: {string.Join(", ", Enum.GetNames<T>())})",
                        $"A value is required (one of: {string.Join(", ", Enum.GetNames<T>())})");
                }

                return fallback;
            }

            // Names only: a number such as "3" is not accepted, so that data stays readable and stable.
            if (!char.IsAsciiDigit(text.Trim()[0]) && Enum.TryParse(text.Trim(), ignoreCase: false, out T value) && Enum.IsDefined(value))
            {
                return value;
            }

            Error(CatalogueErrorCode.InvalidField, path, $"Giá trị '{text}' không hợp lệ (một trong: {string.Join(", ", Enum.GetNames<T>())})",
                $"Invalid value '{text}' (one of: {string.Join(", ", Enum.GetNames<T>())})");
            return fallback;
        }

        private LocalDate? ParseDate(string? text, string path)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text.Trim());
            if (result.Success)
            {
                return result.Value;
            }

            Error(CatalogueErrorCode.InvalidField, path, $"Ngày '{text}' không đúng dạng yyyy-MM-dd", $"Date '{text}' is not in the form yyyy-MM-dd");
            return null;
        }

        private Indicator ReadIndicator(IndicatorDocument d, string path, out bool kindInvalid)
        {
            int before = _errors.Count;
            ValueKind kind = ParseEnum(d.ValueKind, path + ".valueKind", ValueKind.Text, required: true);
            kindInvalid = _errors.Count > before;
            var periods = new List<PeriodType>();
            List<string> periodTexts = d.Periods ?? [];
            for (int k = 0; k < periodTexts.Count; k++)
            {
                int count = _errors.Count;
                PeriodType p = ParseEnum(periodTexts[k], $"{path}.periods[{k}]", PeriodType.Year, required: true);
                if (_errors.Count == count)
                {
                    periods.Add(p);
                }
            }

            IndicatorRelation? relation = null;
            if (!string.IsNullOrWhiteSpace(d.Parent))
            {
                IndicatorRelationKind relKind = ParseEnum(d.Relation, path + ".relation", IndicatorRelationKind.Detail, required: false);
                relation = new IndicatorRelation(relKind, VietnameseText.Normalize(d.Parent)!);
            }
            else if (!string.IsNullOrWhiteSpace(d.Relation))
            {
                Error(CatalogueErrorCode.InvalidField, path + ".parent", "Có quan hệ nhưng thiếu mã chỉ tiêu cha", "A relation is given without a parent code");
            }

            return new Indicator
            {
                Code = d.Code ?? string.Empty,
                NameVi = d.NameVi ?? string.Empty,
                NameEn = d.NameEn,
                MeasureUnitCode = d.Unit,
                Periods = periods,
                ValueKind = kind,
                Precision = d.Precision ?? 0,
                AgencyCode = d.Agency,
                Relation = relation,
                Order = d.Order ?? 0,
                AcrossUnits = ReadRule(d.AcrossUnits, path + ".acrossUnits") ?? AggregationRuleFit.DefaultAcrossUnits(kind),
                AcrossTime = ReadRule(d.AcrossTime, path + ".acrossTime") ?? AggregationRuleFit.DefaultAcrossTime(kind),
                Disaggregations = d.Disaggregations ?? [],
                PriceBasis = ParseEnum(d.PriceBasis, path + ".priceBasis", PriceBasis.NotApplicable, required: false),
                Confidentiality = ParseEnum(d.Confidentiality, path + ".confidentiality", Confidentiality.Public, required: false),
                EmbargoedUntilPublished = d.Embargoed ?? false,
                ValidFrom = ParseDate(d.ValidFrom, path + ".validFrom"),
                ValidTo = ParseDate(d.ValidTo, path + ".validTo"),
                Note = d.Note,
            };
        }

        private AggregationRule? ReadRule(RuleDocument? r, string path)
        {
            if (r is null)
            {
                return null; // the indicator's default for its value kind
            }

            int before = _errors.Count;
            AggregationMethod method = ParseEnum(r.Method, path + ".method", AggregationMethod.None, required: true);
            if (_errors.Count > before)
            {
                return AggregationRule.None;
            }

            Formula? formula = null;
            if (!string.IsNullOrWhiteSpace(r.Formula))
            {
                KtxhResult<Formula> parsed = Formula.ParseResult(r.Formula);
                if (parsed.Success)
                {
                    formula = parsed.Value;
                }
                else
                {
                    Error(CatalogueErrorCode.FormulaSyntax, path + ".formula", parsed.Errors[0].MessageVi, parsed.Errors[0].MessageEn);
                    if (method == AggregationMethod.Formula)
                    {
                        return AggregationRule.None;
                    }
                }
            }

            return new AggregationRule
            {
                Method = method,
                NumeratorCode = r.Numerator,
                DenominatorCode = r.Denominator,
                Factor = r.Factor,
                WeightIndicatorCode = r.Weight,
                Formula = formula,
            };
        }

        private CutoffConvention? ReadCutoff(string? name, string path)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            if (KnownCutoffs.FirstOrDefault(c => c.Name == name.Trim()) is { } known)
            {
                return known;
            }

            Error(CatalogueErrorCode.InvalidField, path, $"Quy ước chốt số liệu '{name}' không có (có: calendar, decree09)",
                $"Unknown cut-off convention '{name}' (known: calendar, decree09)");
            return null;
        }

        private DeadlineRule? ReadDeadline(string? text, string path)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            KtxhResult<DeadlineRule> parsed = DeadlineRule.ParseWithResult(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }

            KtxhError error = parsed.Errors[0];
            Error(CatalogueErrorCode.InvalidField, path, error.MessageVi, error.MessageEn);
            return null;
        }

        private ReportForm ReadForm(FormDocument f, string path)
        {
            var rows = new List<FormRow>();
            foreach (RowDocument? r in f.Rows ?? [])
            {
                rows.Add(new FormRow(VietnameseText.Normalize(r?.Indicator) ?? string.Empty, r?.Level ?? 0, r?.OfWhich ?? false, r?.Required ?? true, VietnameseText.Normalize(r?.Label)));
            }

            var columns = new List<FormColumn>();
            IReadOnlyList<ColumnDocument?> columnDocs = f.Columns ?? [];
            for (int k = 0; k < columnDocs.Count; k++)
            {
                ColumnDocument c = columnDocs[k] ?? new ColumnDocument();
                columns.Add(new FormColumn(
                    ParseEnum(c.Kind, $"{path}.columns[{k}].kind", FormColumnKind.ThisPeriod, required: true),
                    ParseEnum(c.Mode, $"{path}.columns[{k}].mode", FormColumnMode.Entered, required: false),
                    VietnameseText.Normalize(c.HeaderVi),
                    VietnameseText.Normalize(c.HeaderEn)));
            }

            return new ReportForm
            {
                Code = f.Code ?? string.Empty,
                NameVi = f.NameVi ?? string.Empty,
                NameEn = f.NameEn,
                Version = f.Version ?? "1",
                PeriodType = ParseEnum(f.PeriodType, path + ".periodType", PeriodType.Year, required: true),
                MixedPeriods = f.MixedPeriods ?? false,
                Cutoff = ReadCutoff(f.CutOff, path + ".cutOff"),
                Deadline = ReadDeadline(f.Deadline, path + ".deadline"),
                AgencyCode = f.Agency,
                FilledBy = f.FilledBy ?? [],
                ReceivedBy = f.ReceivedBy ?? [],
                Rows = rows,
                Columns = columns,
            };
        }
    }
}
