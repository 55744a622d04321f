using Ktxh.Indicators.Forms;

namespace Ktxh.Indicators;

/// <summary>Finds every problem of a catalogue at once, each with its JSON path and a bilingual message.</summary>
internal sealed class CatalogueValidator
{
    private readonly IReadOnlyList<Indicator> _indicators;
    private readonly IReadOnlyList<Agency> _agencies;
    private readonly IReadOnlyList<Disaggregation> _disaggregations;
    private readonly IReadOnlyList<ReportForm> _forms;
    private readonly IReadOnlyList<FormSet> _formSets;
    private readonly decimal _tolerance;
    private readonly IMeasureUnitLookup? _units;
    private readonly List<KtxhError> _errors = [];
    private readonly Dictionary<string, int> _indexByCode = new(StringComparer.Ordinal);

    public CatalogueValidator(
        IReadOnlyList<Indicator> indicators,
        IReadOnlyList<Agency> agencies,
        IReadOnlyList<Disaggregation> disaggregations,
        IReadOnlyList<ReportForm> forms,
        IReadOnlyList<FormSet> formSets,
        decimal tolerance,
        IMeasureUnitLookup? units)
    {
        _indicators = indicators;
        _agencies = agencies;
        _disaggregations = disaggregations;
        _forms = forms;
        _formSets = formSets;
        _tolerance = tolerance;
        _units = units;
    }

    public IReadOnlyList<KtxhError> Run()
    {
        if (_tolerance < 0)
        {
            Add(CatalogueErrorCode.InvalidTolerance, "$.componentTolerance",
                $"Dung sai cộng thành phần âm ({_tolerance})", $"The component tolerance is negative ({_tolerance})");
        }

        HashSet<string> agencyCodes = CheckCodes(_agencies, a => a.Code, a => a.NameVi, "agencies", "cơ quan", "agency");
        HashSet<string> dimensionCodes = CheckCodes(_disaggregations, d => d.Code, d => d.NameVi, "disaggregations", "phân tổ", "disaggregation");
        for (int i = 0; i < _disaggregations.Count; i++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int j = 0; j < _disaggregations[i].Categories.Count; j++)
            {
                string code = _disaggregations[i].Categories[j].Code ?? string.Empty;
                if (!seen.Add(code))
                {
                    Add(CatalogueErrorCode.DuplicateCode, $"$.disaggregations[{i}].categories[{j}].code",
                        $"Mã nhóm phân tổ '{code}' bị trùng", $"Duplicate disaggregation category code '{code}'");
                }
            }
        }

        CheckIndicators(agencyCodes, dimensionCodes);
        CheckHierarchy();
        CheckRules();
        CheckDerivationCycles();
        CheckForms(agencyCodes);
        CheckFormSets();
        return _errors;
    }

    private void Add(CatalogueErrorCode code, string path, string vi, string en) => _errors.Add(CatalogueErrors.At(code, path, vi, en));

    private static string P(int i) => $"$.indicators[{i}]";

    private HashSet<string> CheckCodes<T>(IReadOnlyList<T> items, Func<T, string> code, Func<T, string> name, string array, string vi, string en)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            string c = code(items[i]) ?? string.Empty;
            if (c.Length == 0)
            {
                Add(CatalogueErrorCode.MissingCode, $"$.{array}[{i}].code", $"Thiếu mã {vi}", $"The {en} code is missing");
            }
            else if (!seen.Add(c))
            {
                Add(CatalogueErrorCode.DuplicateCode, $"$.{array}[{i}].code", $"Mã {vi} '{c}' bị trùng", $"Duplicate {en} code '{c}'");
            }

            if (string.IsNullOrEmpty(name(items[i])))
            {
                Add(CatalogueErrorCode.MissingName, $"$.{array}[{i}].nameVi", $"Thiếu tên tiếng Việt của {vi} '{c}'", $"The Vietnamese name of {en} '{c}' is missing");
            }
        }

        return seen;
    }

    private void CheckIndicators(HashSet<string> agencyCodes, HashSet<string> dimensionCodes)
    {
        for (int i = 0; i < _indicators.Count; i++)
        {
            Indicator ind = _indicators[i];
            string c = ind.Code;
            if (c.Length == 0)
            {
                Add(CatalogueErrorCode.MissingCode, P(i) + ".code", "Thiếu mã chỉ tiêu", "The indicator code is missing");
            }
            else if (!_indexByCode.TryAdd(c, i))
            {
                Add(CatalogueErrorCode.DuplicateCode, P(i) + ".code",
                    $"Mã chỉ tiêu '{c}' bị trùng với $.indicators[{_indexByCode[c]}]", $"Indicator code '{c}' duplicates $.indicators[{_indexByCode[c]}]");
            }

            if (ind.NameVi.Length == 0)
            {
                Add(CatalogueErrorCode.MissingName, P(i) + ".nameVi", $"Thiếu tên tiếng Việt của chỉ tiêu '{c}'", $"The Vietnamese name of indicator '{c}' is missing");
            }

            if (ind.Periods.Count == 0)
            {
                Add(CatalogueErrorCode.NoPeriods, P(i) + ".periods", $"Chỉ tiêu '{c}' không có kỳ báo cáo", $"Indicator '{c}' has no reporting period type");
            }

            if (ind.Precision is < 0 or > 28)
            {
                Add(CatalogueErrorCode.InvalidPrecision, P(i) + ".precision",
                    $"Số chữ số thập phân {ind.Precision} của '{c}' phải từ 0 đến 28", $"Precision {ind.Precision} of '{c}' must be 0–28");
            }

            if (ind.ValidFrom is { } from && ind.ValidTo is { } to && to < from)
            {
                Add(CatalogueErrorCode.InvalidValidity, P(i) + ".validTo",
                    $"Ngày hết hiệu lực {to:uuuu-MM-dd} trước ngày có hiệu lực {from:uuuu-MM-dd} của '{c}'",
                    $"ValidTo {to:uuuu-MM-dd} is before ValidFrom {from:uuuu-MM-dd} for '{c}'");
            }

            if (ind.AgencyCode is { Length: > 0 } agency && !agencyCodes.Contains(agency))
            {
                Add(CatalogueErrorCode.UnknownAgency, P(i) + ".agency",
                    $"Cơ quan '{agency}' của chỉ tiêu '{c}' không có trong danh mục cơ quan", $"Agency '{agency}' of indicator '{c}' is not in the agency list");
            }

            for (int k = 0; k < ind.Disaggregations.Count; k++)
            {
                string d = ind.Disaggregations[k];
                if (!dimensionCodes.Contains(d))
                {
                    Add(CatalogueErrorCode.UnknownDisaggregation, $"{P(i)}.disaggregations[{k}]",
                        $"Phân tổ '{d}' của chỉ tiêu '{c}' không tồn tại", $"Disaggregation '{d}' of indicator '{c}' does not exist");
                }
            }

            if (_units is not null && ind.MeasureUnitCode is { Length: > 0 } unit && !_units.TryGetDimension(unit, out _))
            {
                Add(CatalogueErrorCode.UnknownUnit, P(i) + ".unit",
                    $"Đơn vị tính '{unit}' của chỉ tiêu '{c}' không có trong danh mục đơn vị", $"Unit '{unit}' of indicator '{c}' is not in the unit registry");
            }
        }
    }

    private Indicator? Find(string? code) => code is not null && _indexByCode.TryGetValue(code, out int i) ? _indicators[i] : null;

    private string? Dimension(Indicator ind) =>
        _units is not null && ind.MeasureUnitCode is { Length: > 0 } u && _units.TryGetDimension(u, out string dim) ? dim : null;

    private void CheckHierarchy()
    {
        for (int i = 0; i < _indicators.Count; i++)
        {
            Indicator ind = _indicators[i];
            if (ind.Relation is not { } rel)
            {
                continue;
            }

            Indicator? parent = Find(rel.ParentCode);
            if (parent is null)
            {
                Add(CatalogueErrorCode.UnknownParent, P(i) + ".parent",
                    $"Chỉ tiêu cha '{rel.ParentCode}' của '{ind.Code}' không tồn tại", $"Parent '{rel.ParentCode}' of '{ind.Code}' does not exist");
                continue;
            }

            string? childDim = Dimension(ind);
            string? parentDim = Dimension(parent);
            bool dimsDiffer = childDim is not null && parentDim is not null && childDim != parentDim;
            if (rel.Kind == IndicatorRelationKind.Component
                && (!AggregationRuleFit.IsAdditive(ind.ValueKind) || ind.ValueKind != parent.ValueKind || dimsDiffer))
            {
                Add(CatalogueErrorCode.ComponentMismatch, P(i) + ".relation",
                    $"'{ind.Code}' ({ind.ValueKind}, {ind.MeasureUnitCode}) không thể là thành phần cộng thành '{parent.Code}' ({parent.ValueKind}, {parent.MeasureUnitCode}): thành phần phải cộng được, cùng loại giá trị và cùng thứ nguyên đơn vị",
                    $"'{ind.Code}' ({ind.ValueKind}, {ind.MeasureUnitCode}) cannot be a component adding up to '{parent.Code}' ({parent.ValueKind}, {parent.MeasureUnitCode}): components must be additive, of the same value kind and unit dimension");
            }
            else if (rel.Kind == IndicatorRelationKind.OfWhich && AggregationRuleFit.IsAdditive(ind.ValueKind)
                && parent.ValueKind != ValueKind.Text
                && (!AggregationRuleFit.IsAdditive(parent.ValueKind) || dimsDiffer))
            {
                Add(CatalogueErrorCode.OfWhichParentMismatch, P(i) + ".parent",
                    $"Dòng 'Trong đó' '{ind.Code}' ({ind.ValueKind}, {ind.MeasureUnitCode}) không thể là một phần của '{parent.Code}' ({parent.ValueKind}, {parent.MeasureUnitCode})",
                    $"Of-which row '{ind.Code}' ({ind.ValueKind}, {ind.MeasureUnitCode}) cannot be a part of '{parent.Code}' ({parent.ValueKind}, {parent.MeasureUnitCode})");
            }
        }

        // An of-which row under a text heading (seed 004: "Trong đó: Gà" under a heading row) has no amount to be
        // compared with, so only of-which rows under a numeric parent are checked.

        // Parent cycles: walk each chain; a chain that revisits a node of itself is a cycle, reported once at its first member.
        var state = new int[_indicators.Count]; // 0 unvisited, 1 on the current chain, 2 done
        for (int start = 0; start < _indicators.Count; start++)
        {
            if (state[start] != 0)
            {
                continue;
            }

            var chain = new List<int>();
            int current = start;
            while (current >= 0 && state[current] == 0)
            {
                state[current] = 1;
                chain.Add(current);
                Indicator? parent = Find(_indicators[current].Relation?.ParentCode);
                current = parent is null ? -1 : _indexByCode[parent.Code];
            }

            if (current >= 0 && state[current] == 1)
            {
                int[] cycle = chain.SkipWhile(n => n != current).ToArray();
                int first = cycle.Min();
                string loop = string.Join(" → ", cycle.Select(n => _indicators[n].Code).Append(_indicators[cycle[0]].Code));
                Add(CatalogueErrorCode.ParentCycle, P(first) + ".parent", $"Quan hệ cha–con lặp vòng: {loop}", $"The parent chain loops: {loop}");
            }

            foreach (int n in chain)
            {
                state[n] = 2;
            }
        }
    }

    private void CheckRules()
    {
        for (int i = 0; i < _indicators.Count; i++)
        {
            Indicator ind = _indicators[i];
            CheckRule(i, ind, ind.AcrossUnits, "acrossUnits", AggregationRuleFit.FitsAcrossUnits(ind.ValueKind, ind.AcrossUnits.Method), "giữa các đơn vị", "across units");
            CheckRule(i, ind, ind.AcrossTime, "acrossTime", AggregationRuleFit.FitsAcrossTime(ind.ValueKind, ind.AcrossTime.Method), "theo thời gian", "across time");
        }
    }

    private void CheckRule(int i, Indicator ind, AggregationRule rule, string field, bool fits, string dirVi, string dirEn)
    {
        string path = $"{P(i)}.{field}";
        if (!fits)
        {
            Add(CatalogueErrorCode.RuleDoesNotFitValueKind, path + ".method",
                $"Cách tổng hợp {rule.Method} {dirVi} không phù hợp với loại giá trị {ind.ValueKind} của '{ind.Code}'",
                $"Aggregation {rule.Method} {dirEn} does not fit value kind {ind.ValueKind} of '{ind.Code}'");
        }

        switch (rule.Method)
        {
            case AggregationMethod.Ratio:
                RequireIndicator(path + ".numerator", rule.NumeratorCode, ind.Code, "tử số", "numerator");
                RequireIndicator(path + ".denominator", rule.DenominatorCode, ind.Code, "mẫu số", "denominator");
                if (rule.Factor is { } f && f <= 0)
                {
                    Add(CatalogueErrorCode.RuleMissingOperand, path + ".factor", $"Hệ số {f} của '{ind.Code}' phải dương", $"Factor {f} of '{ind.Code}' must be positive");
                }

                break;
            case AggregationMethod.WeightedAverage:
                RequireIndicator(path + ".weight", rule.WeightIndicatorCode, ind.Code, "quyền số", "weight");
                break;
            case AggregationMethod.Formula:
                if (rule.Formula is null)
                {
                    Add(CatalogueErrorCode.RuleMissingOperand, path + ".formula", $"Thiếu công thức của '{ind.Code}'", $"The formula of '{ind.Code}' is missing");
                    break;
                }

                foreach (string code in rule.Formula.ReferencedCodes)
                {
                    if (Find(code) is null)
                    {
                        Add(CatalogueErrorCode.FormulaUnknownCode, path + ".formula",
                            $"Công thức của '{ind.Code}' dùng mã chỉ tiêu không tồn tại '{code}'", $"The formula of '{ind.Code}' uses unknown indicator '{code}'");
                    }
                }

                break;
        }
    }

    private void RequireIndicator(string path, string? code, string owner, string vi, string en)
    {
        if (string.IsNullOrEmpty(code))
        {
            Add(CatalogueErrorCode.RuleMissingOperand, path, $"Thiếu {vi} của '{owner}'", $"The {en} of '{owner}' is missing");
        }
        else if (Find(code) is null)
        {
            Add(CatalogueErrorCode.RuleUnknownIndicator, path,
                $"Chỉ tiêu {vi} '{code}' của '{owner}' không tồn tại", $"The {en} indicator '{code}' of '{owner}' does not exist");
        }
    }

    private IEnumerable<int> Dependencies(int i)
    {
        Indicator ind = _indicators[i];
        foreach (string code in ind.AcrossUnits.ReferencedCodes.Concat(ind.AcrossTime.ReferencedCodes))
        {
            if (_indexByCode.TryGetValue(code, out int j))
            {
                yield return j;
            }
        }
    }

    private void CheckDerivationCycles()
    {
        // Tarjan's strongly connected components over "derived from" edges; each loop is reported once.
        int n = _indicators.Count;
        int[] index = Enumerable.Repeat(-1, n).ToArray();
        int[] low = new int[n];
        bool[] onStack = new bool[n];
        var stack = new Stack<int>();
        int counter = 0;
        var components = new List<List<int>>();

        for (int root = 0; root < n; root++)
        {
            if (index[root] >= 0 || !ReferenceEquals(_indicators[root], Find(_indicators[root].Code)))
            {
                continue;
            }

            // Iterative DFS to survive deep chains.
            var work = new Stack<(int Node, IEnumerator<int> Next)>();
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            work.Push((root, Dependencies(root).GetEnumerator()));
            while (work.Count > 0)
            {
                (int v, IEnumerator<int> next) = work.Peek();
                if (next.MoveNext())
                {
                    int w = next.Current;
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        work.Push((w, Dependencies(w).GetEnumerator()));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                work.Pop();
                if (work.Count > 0)
                {
                    int parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }

                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != v);
                    if (component.Count > 1 || Dependencies(v).Contains(v))
                    {
                        components.Add(component);
                    }
                }
            }
        }

        foreach (List<int> component in components.OrderBy(c => c.Min()))
        {
            int first = component.Min();
            string members = string.Join(", ", component.Order().Select(k => _indicators[k].Code));
            Indicator ind = _indicators[first];
            string field = ind.AcrossUnits.ReferencedCodes.Any() ? "acrossUnits" : "acrossTime";
            Add(CatalogueErrorCode.FormulaCycle, $"{P(first)}.{field}",
                $"Các chỉ tiêu dẫn xuất phụ thuộc vòng tròn: {members}", $"Derived indicators depend on each other in a loop: {members}");
        }
    }

    private void CheckForms(HashSet<string> agencyCodes)
    {
        CheckCodes(_forms, f => f.Code, f => f.NameVi, "forms", "biểu", "form");
        for (int i = 0; i < _forms.Count; i++)
        {
            ReportForm form = _forms[i];
            string fp = $"$.forms[{i}]";
            if (form.AgencyCode is { Length: > 0 } agency && !agencyCodes.Contains(agency))
            {
                Add(CatalogueErrorCode.UnknownAgency, fp + ".agency", $"Cơ quan '{agency}' của biểu '{form.Code}' không tồn tại", $"Agency '{agency}' of form '{form.Code}' does not exist");
            }

            if (form.Cutoff is { } cutoff && !cutoff.Defines(form.PeriodType))
            {
                Add(CatalogueErrorCode.InvalidField, fp + ".cutOff",
                    $"Quy ước chốt số liệu '{cutoff.Name}' không định nghĩa kỳ {form.PeriodType} của biểu '{form.Code}'",
                    $"Cut-off convention '{cutoff.Name}' does not define period type {form.PeriodType} of form '{form.Code}'");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int j = 0; j < form.Rows.Count; j++)
            {
                FormRow row = form.Rows[j];
                string rp = $"{fp}.rows[{j}]";
                if (row.Level < 0)
                {
                    Add(CatalogueErrorCode.InvalidField, rp + ".level", $"Mức thụt lề {row.Level} phải ≥ 0", $"Indentation level {row.Level} must be ≥ 0");
                }

                Indicator? ind = Find(row.IndicatorCode);
                if (ind is null)
                {
                    Add(CatalogueErrorCode.FormUnknownIndicator, rp + ".indicator",
                        $"Biểu '{form.Code}' có dòng chỉ tiêu không tồn tại '{row.IndicatorCode}'", $"Form '{form.Code}' has a row for unknown indicator '{row.IndicatorCode}'");
                    continue;
                }

                if (!seen.Add(ind.Code))
                {
                    Add(CatalogueErrorCode.FormDuplicateRow, rp + ".indicator",
                        $"Biểu '{form.Code}' có chỉ tiêu '{ind.Code}' hai lần", $"Form '{form.Code}' lists indicator '{ind.Code}' twice");
                }

                if (!form.MixedPeriods && !ind.IsReportedFor(form.PeriodType))
                {
                    Add(CatalogueErrorCode.FormPeriodMismatch, rp + ".indicator",
                        $"Chỉ tiêu '{ind.Code}' không báo cáo theo kỳ {form.PeriodType} của biểu '{form.Code}'",
                        $"Indicator '{ind.Code}' is not reported for the form's period type {form.PeriodType} ('{form.Code}')");
                }

                if (row.IsOfWhich)
                {
                    FormRow? above = null;
                    for (int k = j - 1; k >= 0; k--)
                    {
                        if (form.Rows[k].Level < row.Level)
                        {
                            above = form.Rows[k];
                            break;
                        }
                    }

                    if (ind.Relation is not { Kind: IndicatorRelationKind.OfWhich } rel || above is null
                        || !string.Equals(rel.ParentCode, VietnameseText.Normalize(above.IndicatorCode), StringComparison.Ordinal))
                    {
                        string parentVi = above?.IndicatorCode ?? "(không có)";
                        string parentEn = above?.IndicatorCode ?? "(none)";
                        Add(CatalogueErrorCode.FormOfWhichMismatch, rp + ".ofWhich",
                            $"Dòng 'Trong đó' '{ind.Code}' của biểu '{form.Code}' không phải là phần của dòng trên nó '{parentVi}'",
                            $"Of-which row '{ind.Code}' of form '{form.Code}' is not a part of the row above it '{parentEn}'");
                    }
                }
            }
        }
    }

    private void CheckFormSets()
    {
        CheckCodes(_formSets, f => f.Code, f => f.NameVi, "formSets", "hệ biểu", "form set");
        var formCodes = new HashSet<string>(_forms.Select(f => f.Code), StringComparer.Ordinal);
        for (int i = 0; i < _formSets.Count; i++)
        {
            for (int j = 0; j < _formSets[i].FormCodes.Count; j++)
            {
                string code = _formSets[i].FormCodes[j];
                if (!formCodes.Contains(code))
                {
                    Add(CatalogueErrorCode.FormSetUnknownForm, $"$.formSets[{i}].forms[{j}]",
                        $"Hệ biểu '{_formSets[i].Code}' có biểu không tồn tại '{code}'", $"Form set '{_formSets[i].Code}' lists unknown form '{code}'");
                }
            }
        }
    }

}
