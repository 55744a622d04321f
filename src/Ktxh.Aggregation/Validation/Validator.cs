using Ktxh.Indicators;
using Ktxh.Indicators.Formulas;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Periods;

namespace Ktxh.Aggregation;

/// <summary>Where a finding comes from.</summary>
public enum FindingKind
{
    /// <summary>A built-in rule (of-which, components, signs, bounds, required values).</summary>
    BuiltIn = 0,

    /// <summary>A declared rule.</summary>
    Declared = 1,

    /// <summary>An outlier against the unit's own history (reported, never corrected).</summary>
    Outlier = 2,
}

/// <summary>One validation finding: which rule, how serious, where, the values involved and a bilingual message.</summary>
/// <param name="RuleCode">The rule (built-in rules: <c>OF_WHICH</c>, <c>COMPONENTS</c>, <c>NEGATIVE</c>, <c>BOUNDS</c>,
/// <c>REQUIRED</c>, <c>PARENT_MISSING</c>, <c>OUTLIER_Z</c>, <c>OUTLIER_MODIFIED_Z</c>; the reference rules of
/// <see cref="Validator.CheckReferences(IReadOnlyList{AggregationInput}, Ktxh.Indicators.ReportingUnits.ReportingUnitDirectory)"/>: <c>UNKNOWN_INDICATOR</c>, <c>UNKNOWN_UNIT</c>, <c>UNKNOWN_DISAGGREGATION</c>,
/// <c>PERIOD_TYPE</c>, <c>PERIOD_MISSING</c>).</param>
/// <param name="Kind">Built-in, declared or outlier.</param>
/// <param name="Severity">How serious.</param>
/// <param name="UnitCode">The reporting unit.</param>
/// <param name="Period">The period.</param>
/// <param name="Disaggregation">The disaggregation, or null for the total.</param>
/// <param name="Values">The values involved (indicator code or expression, value; null when missing).</param>
/// <param name="MessageVi">The message in Vietnamese.</param>
/// <param name="MessageEn">The message in English.</param>
public sealed record ValidationFinding(
    string RuleCode,
    FindingKind Kind,
    ValidationSeverity Severity,
    string UnitCode,
    ReportingPeriod Period,
    string? Disaggregation,
    IReadOnlyList<KeyValuePair<string, decimal?>> Values,
    string MessageVi,
    string MessageEn)
{
    /// <summary>Where the value came from (such as its file and line), or null when not known.</summary>
    public ErrorLocation? Location { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Location is null ? string.Empty : Location + ": ")}[{Severity}] {RuleCode} {UnitCode} {Period.Id}{(Disaggregation is null ? string.Empty : " " + Disaggregation)}: {MessageVi} / {MessageEn} ({string.Join(", ", Values.Select(v => $"{v.Key}={(v.Value is decimal d ? d.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture) : "∅")}"))})";
}

/// <summary>The settings of a <see cref="Validator"/>.</summary>
public sealed record ValidatorOptions
{
    /// <summary>The defaults.</summary>
    public static ValidatorOptions Default { get; } = new();

    /// <summary>The bounds of a <see cref="ValueKind.Percentage"/> (default 0–100).</summary>
    public (decimal Min, decimal Max) PercentageBounds { get; init; } = (0m, 100m);

    /// <summary>The bounds of a <see cref="ValueKind.Rate"/> (default 0–1000, i.e. per mille at most).</summary>
    public (decimal Min, decimal Max) RateBounds { get; init; } = (0m, 1000m);

    /// <summary>The indicators every submission (unit and period) must contain.</summary>
    public IReadOnlyCollection<string> Required { get; init; } = [];

    /// <summary>The |z-score| above which a value is an outlier (default 3).</summary>
    public decimal ZScoreThreshold { get; init; } = 3m;

    /// <summary>The |modified z-score| (Iglewicz–Hoaglin, 0.6745 (x − median) / MAD) above which a value is an outlier
    /// (default 3.5).</summary>
    public decimal ModifiedZScoreThreshold { get; init; } = 3.5m;

    /// <summary>The fewest earlier values of the same unit needed before outliers are looked for (default 4).</summary>
    public int MinimumHistory { get; init; } = 4;
}

/// <summary>
/// Checks values before they are sent or after they arrive: the built-in rules (of-which rows not above their parent,
/// components adding up to their parent within the catalogue's tolerance, no negative amounts, stocks or counts,
/// percentages and rates within bounds, required values present), declared rules (DHIS2-style) and outliers against
/// each unit's own history (z-score and modified z-score; reported, never corrected).
/// </summary>
/// <remarks>
/// <para>Runs on one submission (the values of one unit and period) or on a whole province (every unit's values):
/// values are grouped by unit, period and disaggregation. Of several revisions of a value the latest is checked (as
/// the aggregation engine uses it).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed partial class Validator
{
    private readonly Dictionary<string, Indicator> _byCode = new(StringComparer.Ordinal);
    private readonly (Indicator Parent, Indicator[] Components)[] _componentGroups;
    private readonly (Indicator Child, Indicator Parent)[] _ofWhich;
    private readonly MeasureUnitRegistry _units;
    private readonly MeasureConverter _converter;

    /// <summary>Creates a validator.</summary>
    /// <param name="catalogue">The catalogue (relations, value kinds, component tolerance).</param>
    /// <param name="rules">Declared rules, or null.</param>
    /// <param name="options">Options, or null for <see cref="ValidatorOptions.Default"/>.</param>
    /// <param name="units">The units of measure values may be entered in (<see cref="AggregationInput.MeasureUnitCode"/>),
    /// or null for <see cref="MeasureUnitRegistry.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalogue"/> is null.</exception>
    public Validator(IndicatorCatalogue catalogue, IEnumerable<ValidationRule>? rules = null, ValidatorOptions? options = null, MeasureUnitRegistry? units = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _units = units ?? MeasureUnitRegistry.Default;
        _converter = new MeasureConverter(_units);
        Catalogue = catalogue;
        Rules = rules?.ToArray() ?? [];
        Options = options ?? ValidatorOptions.Default;
        foreach (Indicator i in catalogue.Indicators)
        {
            _byCode[i.Code] = i;
        }

        _ofWhich = catalogue.Indicators
            .Where(i => i.Relation is { Kind: IndicatorRelationKind.OfWhich })
            .Select(i => (i, catalogue.Find(i.Relation!.Value.ParentCode)))
            .Where(p => p.Item2 is not null)
            .Select(p => (p.i, p.Item2!))
            .ToArray();
        _componentGroups = catalogue.Indicators
            .Select(p => (p, catalogue.ComponentsOf(p.Code).ToArray()))
            .Where(g => g.Item2.Length > 0)
            .ToArray();
    }

    /// <summary>The catalogue.</summary>
    public IndicatorCatalogue Catalogue { get; }

    /// <summary>The declared rules.</summary>
    public IReadOnlyList<ValidationRule> Rules { get; }

    /// <summary>The options.</summary>
    public ValidatorOptions Options { get; }

    /// <summary>Validates a set of values (one submission or many units').</summary>
    /// <param name="values">The values to check.</param>
    /// <param name="history">Earlier values of the same units (for outliers), or null. Values in
    /// <paramref name="values"/> of earlier periods count as history too.</param>
    /// <returns>Every finding, ordered by unit, period, rule.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> is null.</exception>
    public IReadOnlyList<ValidationFinding> Validate(IEnumerable<AggregationInput> values, IEnumerable<AggregationInput>? history = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        List<AggregationInput> latest = Latest(values);
        var findings = new List<ValidationFinding>();
        foreach (var group in latest.GroupBy(v => (v.UnitCode, v.Period, v.Disaggregation)))
        {
            var map = new Dictionary<string, decimal>(StringComparer.Ordinal);
            var entered = new Dictionary<string, (decimal Value, string? MeasureUnitCode)>(StringComparer.Ordinal);
            foreach (AggregationInput v in group)
            {
                string code = Code(v.IndicatorCode);
                string? unit = v.MeasureUnitCode ?? (_byCode.TryGetValue(code, out Indicator? ind) ? ind.MeasureUnitCode : null);
                entered[code] = (v.Value, unit);

                // Signs, bounds and declared rules read each value in its indicator's own unit when it converts.
                map[code] = _byCode.TryGetValue(code, out Indicator? own) && unit is not null && own.MeasureUnitCode is { } ownUnit
                    && _converter.TryConvert(v.Value, unit, ownUnit, out decimal converted)
                    ? converted
                    : v.Value;
            }

            CheckGroup(group.Key.UnitCode, group.Key.Period, group.Key.Disaggregation, map, entered, findings);
        }

        Outliers(latest, history is null ? [] : Latest(history), findings);
        return findings
            .OrderBy(f => f.UnitCode, StringComparer.Ordinal)
            .ThenBy(f => f.Period)
            .ThenBy(f => f.RuleCode, StringComparer.Ordinal)
            .ToArray();
    }

    private string Code(string code) => Catalogue.TryGet(code, out Indicator i) ? i.Code : code;

    private static List<AggregationInput> Latest(IEnumerable<AggregationInput> values) =>
        values.Select((x, i) => (x, i))
            .GroupBy(p => (p.x.IndicatorCode, p.x.UnitCode, p.x.Period, p.x.Disaggregation))
            .Select(g => g.OrderBy(p => p.x.Maturity).ThenBy(p => p.i).Last().x)
            .ToList();

    private void CheckGroup(string unit, ReportingPeriod period, string? dis, Dictionary<string, decimal> values, Dictionary<string, (decimal Value, string? MeasureUnitCode)> entered, List<ValidationFinding> findings)
    {
        void Add(string rule, FindingKind kind, ValidationSeverity severity, string vi, string en, params (string, decimal?)[] involved) =>
            findings.Add(new ValidationFinding(rule, kind, severity, unit, period, dis, involved.Select(x => new KeyValuePair<string, decimal?>(x.Item1, x.Item2)).ToArray(), vi, en));

        // The catalogue's relation rules (Ktxh.Indicators' CatalogueRules), compared in the parent's unit.
        foreach ((Indicator child, Indicator parent) in _ofWhich)
        {
            if (entered.TryGetValue(child.Code, out var c) && entered.TryGetValue(parent.Code, out var p)
                && CatalogueRules.CheckOfWhich(p.Value, p.MeasureUnitCode, c.Value, c.MeasureUnitCode, parent.MeasureUnitCode, _units) is { IsViolated: true } check)
            {
                Add("OF_WHICH", FindingKind.BuiltIn, ValidationSeverity.Error,
                    $"Dòng \"trong đó\" {child.Code} ({check.Parts}) lớn hơn chỉ tiêu cha {parent.Code} ({check.Parent})",
                    $"Of-which row {child.Code} ({check.Parts}) exceeds its parent {parent.Code} ({check.Parent})",
                    (child.Code, check.Parts), (parent.Code, check.Parent));
            }
        }

        foreach ((Indicator parent, Indicator[] components) in _componentGroups)
        {
            if (!entered.TryGetValue(parent.Code, out var p) || !components.All(c => entered.ContainsKey(c.Code)))
            {
                continue;
            }

            RelationCheck check = CatalogueRules.CheckComponents(
                p.Value, p.MeasureUnitCode, components.Select(c => entered[c.Code]), Catalogue.ComponentTolerance, parent.MeasureUnitCode, _units);
            if (check.IsViolated)
            {
                Add("COMPONENTS", FindingKind.BuiltIn, ValidationSeverity.Error,
                    $"Tổng các thành phần của {parent.Code} là {check.Parts}, khác {check.Parent} (sai số cho phép {Catalogue.ComponentTolerance})",
                    $"The components of {parent.Code} add up to {check.Parts}, not {check.Parent} (tolerance {Catalogue.ComponentTolerance})",
                    components.Select(c => (c.Code, (decimal?)values[c.Code])).Append((parent.Code, check.Parent)).ToArray());
            }
        }

        foreach ((string code, decimal v) in values)
        {
            if (!_byCode.TryGetValue(code, out Indicator? ind))
            {
                continue;
            }

            if (v < 0m && ind.ValueKind is ValueKind.Amount or ValueKind.Count or ValueKind.Stock)
            {
                Add("NEGATIVE", FindingKind.BuiltIn, ValidationSeverity.Error,
                    $"{code} âm ({v}): số lượng, giá trị và số tồn không được âm",
                    $"{code} is negative ({v}): amounts, counts and stocks cannot be",
                    (code, v));
            }

            (decimal Min, decimal Max)? bounds = ind.ValueKind switch
            {
                ValueKind.Percentage => Options.PercentageBounds,
                ValueKind.Rate => Options.RateBounds,
                _ => null,
            };
            if (bounds is { } b && (v < b.Min || v > b.Max))
            {
                Add("BOUNDS", FindingKind.BuiltIn, ValidationSeverity.Error,
                    $"{code} = {v} nằm ngoài khoảng [{b.Min}; {b.Max}]",
                    $"{code} = {v} is outside [{b.Min}, {b.Max}]",
                    (code, v));
            }

            if (ind.Relation is { } rel && !values.ContainsKey(rel.ParentCode))
            {
                Add("PARENT_MISSING", FindingKind.BuiltIn, ValidationSeverity.Warning,
                    $"Có {code} nhưng thiếu chỉ tiêu cha {rel.ParentCode}",
                    $"{code} is given but its parent {rel.ParentCode} is missing",
                    (code, v), (rel.ParentCode, null));
            }
        }

        foreach (string required in Options.Required)
        {
            if (!values.ContainsKey(Code(required)))
            {
                Add("REQUIRED", FindingKind.BuiltIn, ValidationSeverity.Error,
                    $"Thiếu chỉ tiêu bắt buộc {required}", $"The required indicator {required} is missing", (required, null));
            }
        }

        foreach (ValidationRule rule in Rules)
        {
            CheckDeclared(rule, values, Add);
        }
    }

    private void CheckDeclared(ValidationRule rule, Dictionary<string, decimal> values, Action<string, FindingKind, ValidationSeverity, string, string, (string, decimal?)[]> add)
    {
        string[] codes = rule.Left.ReferencedCodes.Concat(rule.Right.ReferencedCodes).Select(Code).Distinct().ToArray();
        int present = codes.Count(values.ContainsKey);
        bool anyMissing = present < codes.Length;
        bool allMissing = present == 0 && codes.Length > 0;
        bool zeroForMissing = rule.MissingValues != MissingValueStrategy.SkipIfAnyValueMissing;
        Func<string, decimal?> lookup = c => values.TryGetValue(Code(c), out decimal v) ? v : zeroForMissing ? 0m : null;
        (string, decimal?)[] involved = codes.Select(c => (c, values.TryGetValue(c, out decimal v) ? (decimal?)v : null)).ToArray();
        bool violated;
        if (rule.Operator is RuleOperator.CompulsoryPair or RuleOperator.ExclusivePair)
        {
            bool left = rule.Left.ReferencedCodes.Select(Code).Any(values.ContainsKey);
            bool right = rule.Right.ReferencedCodes.Select(Code).Any(values.ContainsKey);
            violated = rule.Operator == RuleOperator.CompulsoryPair ? left != right : left && right;
        }
        else
        {
            if ((rule.MissingValues == MissingValueStrategy.SkipIfAnyValueMissing && anyMissing)
                || (rule.MissingValues == MissingValueStrategy.SkipIfAllValuesMissing && allMissing))
            {
                return;
            }

            FormulaResult l = rule.Left.Evaluate(lookup);
            FormulaResult r = rule.Right.Evaluate(lookup);
            if (l.Value is not decimal lv || r.Value is not decimal rv)
            {
                return; // a division by zero inside an expression: nothing to compare
            }

            decimal diff = lv - rv;
            violated = rule.Operator switch
            {
                RuleOperator.Equal => Math.Abs(diff) > rule.Tolerance,
                RuleOperator.NotEqual => Math.Abs(diff) <= rule.Tolerance,
                RuleOperator.Less => !(lv < rv),
                RuleOperator.LessOrEqual => !(lv <= rv),
                RuleOperator.Greater => !(lv > rv),
                _ => !(lv >= rv),
            };
            involved = [.. involved, (rule.Left.Text, lv), (rule.Right.Text, rv)];
        }

        if (violated)
        {
            add(rule.Code, FindingKind.Declared, rule.Severity, rule.MessageVi, rule.MessageEn, involved);
        }
    }

    /// <summary>
    /// Outliers of each value against the same unit's earlier values of the same indicator and period type: the
    /// z-score (x − mean) / standard deviation and the modified z-score 0.6745 (x − median) / MAD (Iglewicz and
    /// Hoaglin, 1993), the latter robust to earlier outliers. Computed in decimal (square root by Newton's method).
    /// </summary>
    private void Outliers(List<AggregationInput> values, List<AggregationInput> history, List<ValidationFinding> findings)
    {
        var all = values.Concat(history)
            .GroupBy(v => (Code(v.IndicatorCode), v.UnitCode, v.Disaggregation, v.Period.Type))
            .ToDictionary(g => g.Key, g => g.GroupBy(x => x.Period).Select(x => x.First()).OrderBy(x => x.Period).ToArray());
        foreach (AggregationInput v in values)
        {
            if (!all.TryGetValue((Code(v.IndicatorCode), v.UnitCode, v.Disaggregation, v.Period.Type), out AggregationInput[]? series))
            {
                continue;
            }

            decimal[] earlier = series.Where(x => x.Period < v.Period).Select(x => x.Value).ToArray();
            if (earlier.Length < Options.MinimumHistory)
            {
                continue;
            }

            decimal mean = earlier.Sum() / earlier.Length;
            decimal variance = earlier.Sum(x => (x - mean) * (x - mean)) / (earlier.Length - 1);
            decimal sd = Sqrt(variance);
            decimal median = Median(earlier);
            decimal mad = Median(earlier.Select(x => Math.Abs(x - median)).ToArray());
            var involved = new KeyValuePair<string, decimal?>[] { new(v.IndicatorCode, v.Value), new("mean", mean), new("sd", sd), new("median", median), new("MAD", mad) };
            if (sd > 0m)
            {
                decimal z = (v.Value - mean) / sd;
                if (Math.Abs(z) > Options.ZScoreThreshold)
                {
                    findings.Add(new ValidationFinding("OUTLIER_Z", FindingKind.Outlier, ValidationSeverity.Warning, v.UnitCode, v.Period, v.Disaggregation, [.. involved, new("z", z)],
                        $"{v.IndicatorCode} = {v.Value} bất thường so với {earlier.Length} kỳ trước của đơn vị (z = {Math.Round(z, 2)})",
                        $"{v.IndicatorCode} = {v.Value} is unusual against the unit's {earlier.Length} earlier periods (z = {Math.Round(z, 2)})"));
                }
            }

            if (mad > 0m)
            {
                decimal mz = 0.6745m * (v.Value - median) / mad;
                if (Math.Abs(mz) > Options.ModifiedZScoreThreshold)
                {
                    findings.Add(new ValidationFinding("OUTLIER_MODIFIED_Z", FindingKind.Outlier, ValidationSeverity.Warning, v.UnitCode, v.Period, v.Disaggregation, [.. involved, new("modified z", mz)],
                        $"{v.IndicatorCode} = {v.Value} bất thường so với trung vị {median} của đơn vị (z hiệu chỉnh = {Math.Round(mz, 2)})",
                        $"{v.IndicatorCode} = {v.Value} is unusual against the unit's median {median} (modified z = {Math.Round(mz, 2)})"));
                }
            }
        }
    }

    private static decimal Median(decimal[] xs)
    {
        decimal[] s = xs.Order().ToArray();
        int n = s.Length;
        return n % 2 == 1 ? s[n / 2] : (s[(n / 2) - 1] + s[n / 2]) / 2m;
    }

    /// <summary>The square root in decimal, by Newton's method from a double estimate.</summary>
    internal static decimal Sqrt(decimal x)
    {
        if (x <= 0m)
        {
            return 0m;
        }

        decimal r = (decimal)Math.Sqrt((double)x);
        for (int i = 0; i < 8; i++)
        {
            decimal next = (r + (x / r)) / 2m;
            if (next == r)
            {
                break;
            }

            r = next;
        }

        return r;
    }
}
