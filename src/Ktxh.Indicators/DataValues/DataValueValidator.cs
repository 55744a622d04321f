using Ktxh.Indicators.Forms;
using Ktxh.Indicators.MeasureUnits;
using Ktxh.Periods;

namespace Ktxh.Indicators.DataValues;

/// <summary>
/// Validates data values against a catalogue and, optionally, a report form. Reports every problem at once, never throws
/// on bad data. Thread-safe (stateless; the catalogue and registry are immutable).
/// </summary>
public sealed class DataValueValidator
{
    private readonly IndicatorCatalogue _catalogue;
    private readonly MeasureUnitRegistry? _units;

    /// <summary>Creates a validator.</summary>
    /// <param name="catalogue">The catalogue the values refer to.</param>
    /// <param name="units">The unit registry for unit checks (default <see cref="MeasureUnitRegistry.Default"/>).</param>
    public DataValueValidator(IndicatorCatalogue catalogue, MeasureUnitRegistry? units = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        _catalogue = catalogue;
        _units = units ?? MeasureUnitRegistry.Default;
    }

    /// <summary>Validates values against the catalogue only.</summary>
    /// <param name="values">The values.</param>
    /// <returns>Every problem found.</returns>
    public DataValidationReport Validate(IEnumerable<DataValue> values) => Validate(values, null);

    /// <summary>Validates values against the catalogue and a form.</summary>
    /// <param name="values">The values.</param>
    /// <param name="form">The form the values were filed on, or <see langword="null"/>.</param>
    /// <returns>Every problem found.</returns>
    public DataValidationReport Validate(IEnumerable<DataValue> values, ReportForm? form)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<DataValueProblem>();
        var seen = new HashSet<(string, string, ReportingPeriod, DisaggregationKey, FormColumnKind, Maturity)>();
        // The (unit, period) pairs in first-seen order, for the required-row check; the set keeps the test linear at
        // national volume (a list lookup per value made it quadratic).
        var filed = new List<(string Unit, ReportingPeriod Period)>();
        var filedSet = new HashSet<(string Unit, ReportingPeriod Period)>();
        var present = new HashSet<(string Unit, ReportingPeriod Period, string Indicator)>();
        var numeric = new List<(int Index, DataValue Value, Indicator Indicator)>();
        int index = 0;
        foreach (DataValue v in values)
        {
            int i = index++;
            string at = $"values[{i}]";
            void Problem(DataValueProblemCode code, string field, string vi, string en) =>
                problems.Add(new DataValueProblem(code, i, $"{at}.{field}", $"{vi} (giá trị thứ {i + 1}: {v.IndicatorCode}, {v.ReportingUnitCode}, {v.Period.Id})",
                    $"{en} (value {i + 1}: {v.IndicatorCode}, {v.ReportingUnitCode}, {v.Period.Id})"));

            if (!seen.Add((v.IndicatorCode, v.ReportingUnitCode, v.Period, v.Disaggregation, v.Column, v.Maturity)))
            {
                Problem(DataValueProblemCode.DuplicateValue, "indicatorCode", "Giá trị bị nhập trùng", "The value is given twice");
            }

            if (filedSet.Add((v.ReportingUnitCode, v.Period)))
            {
                filed.Add((v.ReportingUnitCode, v.Period));
            }

            present.Add((v.ReportingUnitCode, v.Period, v.IndicatorCode));
            if (!_catalogue.TryGet(v.IndicatorCode, out Indicator ind))
            {
                Problem(DataValueProblemCode.UnknownIndicator, "indicatorCode", $"Mã chỉ tiêu '{v.IndicatorCode}' không có trong danh mục", $"Indicator code '{v.IndicatorCode}' is not in the catalogue");
                continue;
            }

            if (!ind.IsReportedFor(v.Period.Type))
            {
                Problem(DataValueProblemCode.PeriodTypeNotReported, "period",
                    $"Chỉ tiêu '{ind.Code}' không báo cáo theo kỳ {v.Period.Type} (chỉ: {string.Join(", ", ind.Periods)})",
                    $"Indicator '{ind.Code}' is not reported for period type {v.Period.Type} (only: {string.Join(", ", ind.Periods)})");
            }

            if ((ind.ValidFrom is { } from && v.Period.End < from) || (ind.ValidTo is { } to && v.Period.Start > to))
            {
                Problem(DataValueProblemCode.IndicatorNotValidInPeriod, "period",
                    $"Chỉ tiêu '{ind.Code}' không có hiệu lực trong kỳ {v.Period.Id}", $"Indicator '{ind.Code}' is not in force in period {v.Period.Id}");
            }

            if (ind.ValueKind == ValueKind.Text)
            {
                if (v.Value is not null)
                {
                    Problem(DataValueProblemCode.NumberInTextIndicator, "value", $"Chỉ tiêu '{ind.Code}' là chữ, không nhận số", $"Indicator '{ind.Code}' is text and takes no number");
                }
            }
            else if (v.Value is null)
            {
                Problem(DataValueProblemCode.TextInNumericIndicator, "value",
                    v.Text is null ? $"Chỉ tiêu '{ind.Code}' thiếu giá trị số" : $"Chỉ tiêu '{ind.Code}' là số nhưng nhận chữ '{v.Text}'",
                    v.Text is null ? $"Indicator '{ind.Code}' has no number" : $"Indicator '{ind.Code}' is numeric but got text '{v.Text}'");
            }

            CheckUnit(v, ind, Problem);
            CheckDisaggregation(v, ind, Problem);
            if (v.Value is not null && AggregationRuleFit.IsAdditive(ind.ValueKind))
            {
                numeric.Add((i, v, ind));
            }

            if (form is not null)
            {
                if (!form.Rows.Any(r => string.Equals(r.IndicatorCode, ind.Code, StringComparison.Ordinal)))
                {
                    Problem(DataValueProblemCode.NotOnForm, "indicatorCode", $"Chỉ tiêu '{ind.Code}' không có trong biểu '{form.Code}'", $"Indicator '{ind.Code}' is not on form '{form.Code}'");
                }

                if (form.Columns.Count > 0 && !form.Columns.Any(c => c.Kind == v.Column))
                {
                    Problem(DataValueProblemCode.ColumnNotOnForm, "column", $"Biểu '{form.Code}' không có cột {v.Column}", $"Form '{form.Code}' has no column {v.Column}");
                }

                if (!form.MixedPeriods && v.Period.Type != form.PeriodType)
                {
                    Problem(DataValueProblemCode.FormPeriodMismatch, "period",
                        $"Kỳ {v.Period.Type} khác kỳ {form.PeriodType} của biểu '{form.Code}'", $"Period type {v.Period.Type} differs from form '{form.Code}''s {form.PeriodType}");
                }
            }
        }

        CheckHierarchy(numeric, problems);
        if (form is not null)
        {
            foreach ((string unit, ReportingPeriod period) in filed)
            {
                for (int j = 0; j < form.Rows.Count; j++)
                {
                    FormRow row = form.Rows[j];
                    if (row.Required && !present.Contains((unit, period, VietnameseText.Normalize(row.IndicatorCode)!)))
                    {
                        problems.Add(new DataValueProblem(DataValueProblemCode.MissingRequiredRow, null, $"form.rows[{j}]",
                            $"Thiếu dòng bắt buộc '{row.IndicatorCode}' của biểu '{form.Code}' cho đơn vị {unit}, kỳ {period.Id}",
                            $"Required row '{row.IndicatorCode}' of form '{form.Code}' is missing for unit {unit}, period {period.Id}"));
                    }
                }
            }
        }

        return new DataValidationReport(problems);
    }

    /// <summary>
    /// The catalogue's relation rules (<see cref="CatalogueRules"/>: components add up to their parent within
    /// <see cref="IndicatorCatalogue.ComponentTolerance"/>, an of-which value does not exceed its parent), per unit,
    /// period, disaggregation, column and maturity, compared in the parent indicator's unit after exact conversion; a
    /// check is skipped when a component is missing or a unit does not convert (that is reported on its own).
    /// </summary>
    private void CheckHierarchy(List<(int Index, DataValue Value, Indicator Indicator)> numeric, List<DataValueProblem> problems)
    {
        MeasureUnitRegistry units = _units ?? MeasureUnitRegistry.Default;
        foreach (var group in numeric
            .Where(n => n.Value.Column is not (FormColumnKind.GrowthPercent or FormColumnKind.CumulativeGrowthPercent or FormColumnKind.PercentOfTarget or FormColumnKind.Note))
            .GroupBy(n => (n.Value.ReportingUnitCode, n.Value.Period, n.Value.Disaggregation, n.Value.Column, n.Value.Maturity)))
        {
            var byCode = new Dictionary<string, (int Index, DataValue Value, Indicator Indicator)>(StringComparer.Ordinal);
            foreach (var n in group)
            {
                byCode.TryAdd(n.Indicator.Code, n);
            }

            foreach ((int parentIndex, DataValue parentValue, Indicator parent) in byCode.Values)
            {
                decimal total = parentValue.Value!.Value;
                string? parentUnit = EnteredUnit(parentValue, parent);
                IReadOnlyList<Indicator> components = _catalogue.ComponentsOf(parent.Code);
                if (components.Count > 0 && components.All(c => byCode.ContainsKey(c.Code)))
                {
                    RelationCheck check = CatalogueRules.CheckComponents(
                        total,
                        parentUnit,
                        components.Select(c => (byCode[c.Code].Value.Value!.Value, EnteredUnit(byCode[c.Code].Value, c))),
                        _catalogue.ComponentTolerance,
                        parent.MeasureUnitCode,
                        units);
                    if (check.IsViolated)
                    {
                        problems.Add(new DataValueProblem(DataValueProblemCode.ComponentSumMismatch, parentIndex, $"values[{parentIndex}].value",
                            $"Tổng các thành phần của '{parent.Code}' là {check.Parts}, khác giá trị {check.Parent} quá dung sai {_catalogue.ComponentTolerance} ({parentValue.ReportingUnitCode}, {parentValue.Period.Id})",
                            $"The components of '{parent.Code}' add up to {check.Parts}, not {check.Parent} within tolerance {_catalogue.ComponentTolerance} ({parentValue.ReportingUnitCode}, {parentValue.Period.Id})"));
                    }
                }

                foreach (Indicator part in _catalogue.OfWhichOf(parent.Code))
                {
                    if (!byCode.TryGetValue(part.Code, out var ofWhich))
                    {
                        continue;
                    }

                    RelationCheck check = CatalogueRules.CheckOfWhich(total, parentUnit, ofWhich.Value.Value!.Value, EnteredUnit(ofWhich.Value, part), parent.MeasureUnitCode, units);
                    if (check.IsViolated)
                    {
                        problems.Add(new DataValueProblem(DataValueProblemCode.OfWhichExceedsParent, ofWhich.Index, $"values[{ofWhich.Index}].value",
                            $"Giá trị 'Trong đó' '{part.Code}' ({check.Parts}) lớn hơn chỉ tiêu cha '{parent.Code}' ({check.Parent})",
                            $"Of-which value '{part.Code}' ({check.Parts}) exceeds its parent '{parent.Code}' ({check.Parent})"));
                    }
                }
            }
        }
    }

    /// <summary>The unit a value was entered in: its own, or its indicator's.</summary>
    private static string? EnteredUnit(DataValue value, Indicator indicator) => value.MeasureUnitCode ?? indicator.MeasureUnitCode;

    private void CheckUnit(DataValue v, Indicator ind, Action<DataValueProblemCode, string, string, string> problem)
    {
        if (v.MeasureUnitCode is null || string.Equals(v.MeasureUnitCode, ind.MeasureUnitCode, StringComparison.Ordinal) || _units is null)
        {
            return;
        }

        if (!_units.TryGet(v.MeasureUnitCode, out MeasureUnit? given))
        {
            problem(DataValueProblemCode.UnitMismatch, "unitCode", $"Đơn vị '{v.MeasureUnitCode}' không có trong danh mục đơn vị", $"Unit '{v.MeasureUnitCode}' is not in the unit registry");
            return;
        }

        if (ind.MeasureUnitCode is null || !_units.TryGet(ind.MeasureUnitCode, out MeasureUnit? expected) || !given.CanConvertTo(expected))
        {
            problem(DataValueProblemCode.UnitMismatch, "unitCode",
                $"Đơn vị '{v.MeasureUnitCode}' không đổi được sang đơn vị '{ind.MeasureUnitCode}' của chỉ tiêu '{ind.Code}'",
                $"Unit '{v.MeasureUnitCode}' does not convert into unit '{ind.MeasureUnitCode}' of indicator '{ind.Code}'");
        }
    }

    private void CheckDisaggregation(DataValue v, Indicator ind, Action<DataValueProblemCode, string, string, string> problem)
    {
        foreach ((string dimension, string category) in v.Disaggregation.Parts)
        {
            bool known = ind.Disaggregations.Contains(dimension, StringComparer.Ordinal)
                && _catalogue.TryGetDisaggregation(dimension, out Disaggregation d) && d.HasCategory(category);
            if (!known)
            {
                problem(DataValueProblemCode.UnknownDisaggregation, "disaggregation",
                    $"Phân tổ '{dimension}={category}' không thuộc chỉ tiêu '{ind.Code}'", $"Disaggregation '{dimension}={category}' is not one of indicator '{ind.Code}'");
            }
        }
    }
}
