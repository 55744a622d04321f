using System.Globalization;
using Ktxh.Aggregation;
using Ktxh.Indicators;
using Ktxh.Indicators.ReportingUnits;
using Ktxh.Periods;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ktxh.Cli.Demo;

/// <summary>The outcome of a demo cycle, for tests and for the command's exit code.</summary>
/// <param name="Communes">Communes of the province on the period's last day.</param>
/// <param name="ValuesEntered">Values the communes entered (all months).</param>
/// <param name="Findings">Validation findings on the demo period.</param>
/// <param name="ProvinceRetailTotal">The province's retail sales for the period, triệu đồng.</param>
/// <param name="HandSum">The same total summed by hand from the communes' entries (converted to triệu đồng).</param>
/// <param name="Discrepancies">Reconciliation discrepancies against the typed province totals.</param>
/// <param name="OldTotal">The old communes' total before remapping.</param>
/// <param name="RemappedTotal">The remapped values' total plus what could not be remapped.</param>
/// <param name="Workflow">The workflow of the demo period: progress, late and missing units, reasons, audit chain.</param>
internal sealed record DemoOutcome(
    int Communes,
    int ValuesEntered,
    IReadOnlyList<ValidationFinding> Findings,
    decimal? ProvinceRetailTotal,
    decimal HandSum,
    IReadOnlyList<Discrepancy> Discrepancies,
    decimal OldTotal,
    decimal RemappedTotal,
    DemoWorkflowOutcome Workflow);

/// <summary>
/// The demo reporting cycle on the built-in data: the working calendar, the catalogue (seed 004), the administrative
/// units after the 2025 reform, a form assigned with its cut-off and deadline, data entered by every commune of a
/// province, validation, the approval workflow (Ktxh.Workflow: approve, reject, send, return, accept, on time or late,
/// the audit chain verified), the roll-up to the province with the columns of a Vietnamese report, reconciliation against
/// typed totals and the remapping of an old series onto the new communes.
/// </summary>
/// <param name="output">Where the cycle is narrated.</param>
/// <param name="services">The services the calendar, catalogue, units, converter and validator are resolved from.</param>
internal sealed class DemoCycle(TextWriter output, IServiceProvider services)
{
    private const string FormCode = "CTK.09";

    /// <summary>The SQLite file the workflow step runs on (replaced if it exists); null for the in-memory store.</summary>
    public string? WorkflowFile { get; init; }

    /// <summary>Gets the folder the Excel step writes to (default <see cref="DemoExcel.DefaultDirectory"/>).</summary>
    public string? ExcelDirectory { get; init; }

    /// <summary>Gets a value indicating whether the Excel step runs (default true).</summary>
    public bool WriteExcel { get; init; } = true;

    /// <summary>Gets the outcome of the Excel step, once <see cref="Run"/> has run.</summary>
    public DemoExcelOutcome? Excel { get; private set; }

    /// <summary>Runs the cycle for <paramref name="provinceCode"/> and <paramref name="period"/>.</summary>
    public DemoOutcome Run(string provinceCode, ReportingPeriod period, int seed)
    {
        LocalDate asOf = period.End;

        Heading(1, "Lịch làm việc", "Working calendar");
        var calendar = services.GetRequiredService<WorkingCalendar>();
        var daysOff = calendar.DaysOff(period.Year);
        Line($"Năm {period.Year}: {daysOff.Count} ngày nghỉ lễ, bù, hoán đổi; {(calendar.IsForecast(period.Year) ? "DỰ BÁO theo quy tắc / FORECAST by rule" : "theo quyết định chính thức / official decisions")}.");
        // Every day the count counts (issue 8 §5): a list of three under "14 ngày nghỉ" reads as if eleven were lost.
        foreach (var day in daysOff)
        {
            Line($"  {Format(day.Date)} {day.NameVi} / {day.NameEn}");
        }

        Heading(2, "Danh mục chỉ tiêu", "Indicator catalogue");
        var catalogue = services.GetRequiredService<IndicatorCatalogue>();
        var form = catalogue.GetForm(FormCode);
        Line($"{catalogue.Count} chỉ tiêu / indicators, {catalogue.Forms.Count} biểu / forms, {catalogue.Agencies.Count} cơ quan / agencies (seed 004, Hà Nam IOC).");
        Line($"Biểu {form.Code}: {form.NameVi} ({form.PeriodType}), {form.Rows.Count} dòng / rows:");
        foreach (var row in form.Rows)
        {
            var indicator = catalogue.Get(row.IndicatorCode);
            Line($"  {indicator.Code} {indicator.NameVi} [{indicator.MeasureUnitCode}]");
        }

        Heading(3, "Đơn vị hành chính", "Administrative units");
        var directory = services.GetRequiredService<ReportingUnitDirectory>();
        var hierarchy = directory.AsOf(asOf);
        var province = hierarchy.Get(provinceCode);
        string[] communes = hierarchy.CommunesOf(provinceCode).Select(u => u.Code).ToArray();
        var predecessors = directory.Successions.MapBackward(provinceCode).Select(s => s.FromCode).Distinct().ToArray();
        Line($"{province.NameVi} ({province.Code}) ngày {Format(asOf)}: {communes.Length} xã, phường / communes; {hierarchy.AdministrativeLevels} cấp / levels.");
        Line($"Hình thành từ các tỉnh cũ / formed from old provinces: {string.Join(", ", predecessors)} (Nghị quyết 202/2025/QH15).");

        Heading(4, "Giao biểu", "Form assignment");
        var rule = form.DeadlineRuleId is { } ruleId ? DeadlineRule.Parse(ruleId) : DeadlineRule.DayOfMonthAfterPeriod(12);
        var deadline = rule.Resolve(period, calendar, CutoffConvention.Decree09);
        var gap = DeadlineGapCheck.Check(deadline, calendar);
        Line($"Kỳ / period {period.Id}; chốt số liệu / cut-off {Format(deadline.Cutoff.Start)}–{Format(deadline.Cutoff.End)} (Nghị định 09/2019 Điều 12).");
        Line($"Hạn / deadline ({rule.Id}{(form.DeadlineRuleId is null ? ", mặc định của bản demo / demo default" : string.Empty)}): {Format(deadline.Nominal)} → {Format(deadline.Effective)}.");
        if (deadline.IsMoved)
        {
            Line("  " + deadline.ReasonVi);
        }

        Line($"  {(gap.Passed ? "✓" : "✗")} {gap.MessageEn}");

        Heading(5, "Nhập liệu", "Data entry");
        var data = DemoData.Generate(communes, period, seed);
        Line($"{data.Values.Count} giá trị / values, {communes.Length - data.MissingCommunes.Count}/{communes.Length} xã đã gửi kỳ {period.Id} / communes sent the period.");
        Line($"Chưa gửi / not sent: {string.Join(", ", data.MissingCommunes)}; ước tính / still an estimate: {data.EstimateCommune}; nhập bằng tỷ đồng / typed in tỷ đồng: {data.CommuneInBillions}.");

        Heading(6, "Kiểm tra", "Validation");
        var current = data.Values.Where(v => v.Period == period).ToArray();
        var history = data.Values.Where(v => v.Period != period).ToArray();
        var findings = services.GetRequiredService<Validator>().Validate(current, history);
        foreach (var group in findings.GroupBy(f => f.RuleCode).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line($"  {group.Key}: {group.Count()}");
        }

        // Every outlier counted above is printed; of the other findings the first three, with how many are not shown.
        var builtIn = findings.Where(f => f.Kind != FindingKind.Outlier).ToArray();
        foreach (var finding in builtIn.Take(3).Concat(findings.Where(f => f.Kind == FindingKind.Outlier)))
        {
            Line($"  [{finding.Severity}] {finding.RuleCode} {finding.UnitCode} {finding.MessageVi}");
            Line($"      {finding.MessageEn}");
        }

        if (builtIn.Length > 3)
        {
            Line($"  … và {builtIn.Length - 3} phát hiện khác không in ra / and {builtIn.Length - 3} more findings not shown (ktxh validate lists them all).");
        }

        Heading(7, "Duyệt, gửi, tiếp nhận", "Approval, sending, acceptance");
        var workflow = new DemoWorkflow(Line, WorkflowFile).Run(FormCode, provinceCode, period, deadline, calendar, communes, data, seed);
        // What the province aggregates for the period is what it accepted; earlier months are the history already held.
        current = workflow.Accepted.ToArray();
        var inputs = history.Concat(current).ToArray();

        Heading(8, "Tổng hợp", "Aggregation");
        // The registered engine is built on one date; the demo needs the hierarchy of its period, with the same converter.
        var engine = AggregationEngine.Create(catalogue, hierarchy, asOf, converter: services.GetRequiredService<IMeasureConverter>());
        var result = engine.Aggregate(inputs);
        Line($"{"Chỉ tiêu / indicator",-52} {"Kỳ này",14} {"Lũy kế",14} {"Cùng kỳ",14} {"% cùng kỳ",10} {"Báo cáo",8} Độ tin cậy");
        foreach (string code in new[] { DemoData.RetailTotal }.Concat(DemoData.RetailComponents))
        {
            var report = result.Report(code, provinceCode, period);
            result.TryGet(code, provinceCode, period, out var aggregate);
            string name = catalogue.Get(code).NameVi;
            Line($"{Clip(name, 52),-52} {Number(report.ThisPeriod),14} {Number(report.Cumulative),14} {Number(report.SamePeriodLastYear),14} {Number(report.IndexOverSamePeriodLastYear, 1),10} {aggregate.Coverage,8} {MaturityVi(aggregate.Maturity)}");
        }

        Line("Đơn vị / unit: triệu đồng. Độ tin cậy của tổng = mức thấp nhất của đầu vào / an aggregate is as mature as its least mature input.");
        decimal? provinceTotal = result.ValueOf(DemoData.RetailTotal, provinceCode, period);
        decimal handSum = current.Where(v => v.IndicatorCode == DemoData.RetailTotal)
            .Sum(v => v.MeasureUnitCode == "VND_BN" ? v.Value * 1000m : v.Value);
        Line($"Kiểm tra bằng tay / hand check: Σ xã = {Number(handSum)}; engine = {Number(provinceTotal)}.");
        if (result.TryGet(DemoData.RetailTotal, provinceCode, period, out var total))
        {
            var explanation = result.Explain(total);
            string? ownUnit = catalogue.Get(DemoData.RetailTotal).MeasureUnitCode;
            var converted = explanation.Inputs.FirstOrDefault(i => i.EnteredUnit is not null && i.EnteredUnit != ownUnit);
            Line($"Giải trình / explanation: {explanation.Rule}, {explanation.Inputs.Count} đầu vào / inputs"
                 + (converted is null ? "." : $"; {converted.UnitCode}: {Number(converted.EnteredValue, 4)} {converted.EnteredUnit} = {Number(converted.Value)} triệu đồng."));
        }

        Heading(9, "Đối soát", "Reconciliation");
        var typed = new[] { DemoData.RetailTotal }.Concat(DemoData.RetailComponents)
            .Select(code => new AggregationInput(code, provinceCode, period,
                (result.ValueOf(code, provinceCode, period) ?? 0m) + (code == DemoData.RetailComponents[1] ? 12.5m : 0m)))
            .ToArray();
        var discrepancies = Reconciler.Compare(typed, result, _ => 0.05m);
        Line($"Số liệu cơ quan nhập tay so với số tổng hợp / typed province totals vs computed: {discrepancies.Count} sai lệch / discrepancies.");
        foreach (var d in discrepancies)
        {
            Line($"  {d.IndicatorCode}: nhập / typed {Number(d.Reported)} − tính / computed {Number(d.Other)} = {Number(d.Difference)} ({d.Explanation?.Inputs.Count ?? 0} đầu vào / inputs).");
        }

        Heading(10, "Chuyển đổi chuỗi lịch sử", "Historical remapping");
        var oldDate = ReportingUnitDirectory.TwoLevelReformDate.PlusDays(-1);
        var oldHierarchy = directory.AsOf(oldDate);
        string oldProvince = predecessors.FirstOrDefault(p => oldHierarchy.Find(p) is not null) ?? provinceCode;
        string[] oldCommunes = oldHierarchy.CommunesOf(oldProvince).Select(u => u.Code).ToArray();
        var oldPeriod = ReportingPeriod.Month(oldDate.Year - 1, 12);
        var oldValues = DemoData.OldSeries(oldCommunes, oldPeriod, seed);
        var remapped = new HistoricalRemapper(catalogue, directory.Successions, asOf).Remap(oldValues);
        decimal oldTotal = oldValues.Sum(v => v.Value);
        decimal remappedTotal = remapped.Values.Sum(v => v.Value) + remapped.NotRemapped.Sum(i => i.Value.Value);
        Line($"{oldHierarchy.Get(oldProvince).NameVi}, {oldPeriod.Id}: {oldCommunes.Length} xã cũ / old communes → {remapped.Values.Select(v => v.UnitCode).Distinct().Count()} xã mới / new communes.");
        Line($"Tổng trước / total before {Number(oldTotal)}; sau / after {Number(remapped.Values.Sum(v => v.Value))} + không chuyển được / not remapped {Number(remapped.NotRemapped.Sum(i => i.Value.Value))} ({remapped.NotRemapped.Count} giá trị: nhập một phần chưa có tỷ lệ / part transfers without a share).");

        if (WriteExcel)
        {
            Heading(11, "Biểu Excel", "Excel workbooks");
            Excel = new DemoExcel(Line, services).Run(ExcelDirectory ?? DemoExcel.DefaultDirectory(provinceCode, period), FormCode, provinceCode, period,
                deadline.Effective, hierarchy, data, result, workflow.Progress);
        }

        Heading(12, "Kết quả", "Summary");
        bool exact = provinceTotal == handSum && oldTotal == remappedTotal && workflow.Chain is not null;
        Line(exact
            ? "Tổng tỉnh bằng tổng các xã và tổng chuỗi lịch sử được bảo toàn. / The province total equals the communes' sum and the remapped total is preserved."
            : "CẢNH BÁO: tổng không khớp hoặc chuỗi nhật ký không hợp lệ. / WARNING: totals do not match or the audit chain does not verify.");
        return new DemoOutcome(communes.Length, data.Values.Count, findings, provinceTotal, handSum, discrepancies, oldTotal, remappedTotal, workflow);
    }

    private void Heading(int step, string vi, string en)
    {
        output.WriteLine();
        output.WriteLine($"{step}. {vi} / {en}");
    }

    private void Line(string text) => output.WriteLine(text);

    private static string Format(LocalDate date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    // No thousands separator: "12,345.6" reads as twelve to a Vietnamese reader; one or two decimals after a point
    // never look like a group of three (issue 8 §2).
    private static string Number(decimal? value, int decimals = 1) =>
        value is { } v ? decimal.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture) : "–";

    // The column is headed in Vietnamese ("Độ tin cậy"): its words are Vietnamese too.
    private static string MaturityVi(Maturity? maturity) => maturity switch
    {
        Maturity.Estimate => "Ước tính",
        Maturity.Preliminary => "Sơ bộ",
        Maturity.Official => "Chính thức",
        _ => "–",
    };

    private static string Clip(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
