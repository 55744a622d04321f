using Ktxh.Aggregation;
using Ktxh.Cli.Cycle;
using Ktxh.Indicators;
using Ktxh.Indicators.DataValues;
using Ktxh.Periods;
using Ktxh.Workflow;
using NodaTime;

namespace Ktxh.Cli.Demo;

/// <summary>The outcome of the workflow step of the demo.</summary>
/// <param name="Accepted">The accepted values of the demo period, in the shape aggregation takes.</param>
/// <param name="Progress">The province's progress table at the end of the period.</param>
/// <param name="LateUnits">Units that sent after the deadline, with the working days late.</param>
/// <param name="MissingUnit">The unit that never sent.</param>
/// <param name="RejectionReason">The reason the leader gave for rejecting.</param>
/// <param name="ReturnReason">The reason the aggregator gave for returning a sent report.</param>
/// <param name="Chain">The verified audit chain, or null when verification failed.</param>
internal sealed record DemoWorkflowOutcome(
    IReadOnlyList<AggregationInput> Accepted,
    ProgressReport Progress,
    IReadOnlyList<(string Unit, int WorkingDaysLate)> LateUnits,
    string MissingUnit,
    string RejectionReason,
    string ReturnReason,
    AuditChainSummary? Chain);

/// <summary>
/// The workflow of the demo period on a SQLite file (the one <c>ktxh workflow … --db</c> reads afterwards, with the
/// set-up and accounts of <c>ktxh workflow init</c>) or, without a file, on the in-memory store, with a fake clock
/// stepping through the period: the
/// province assigns the form to its communes with its deadline; the communes enter, their leaders approve, their
/// senders send; the province accepts. The planted mistakes found by validation are handled as a real cycle would:
/// the leader of the commune with the mistyped total rejects it and the commune corrects it; the province returns
/// the report whose "of which" exceeds its total and accepts the corrected revision. Three of the communes that had
/// not sent by the deadline send late; one never sends.
/// </summary>
internal sealed class DemoWorkflow(Action<string> line, string? file = null)
{
    public const string RejectionReason = "Tổng bán lẻ khác tổng các thành phần (COMPONENTS) / the retail total is not the sum of its components";
    public const string ReturnReason = "Thu nội địa lớn hơn tổng thu ngân sách (OF_WHICH) / domestic revenue exceeds total revenue";

    private int _commands;

    public DemoWorkflowOutcome Run(string formCode, string provinceCode, ReportingPeriod period, Deadline deadline, WorkingCalendar calendar,
        IReadOnlyList<string> communes, DemoData data, int seed)
    {
        var clock = new DemoClock(Instant.FromUtc(period.End.Year, period.End.Month, period.End.Day, 2, 0));
        var engine = new WorkflowEngine(OpenStore(provinceCode, period, formCode, communes, clock), clock, new WorkflowEngineOptions { Calendar = calendar });
        var aggregator = new Actor($"tonghop_{provinceCode}", provinceCode, WorkflowRole.Aggregator);
        LocalDate due = deadline.Effective;

        // Giao biểu: on the period's last day, every commune gets the form with its deadline.
        clock.MoveTo(period.End);
        foreach (string commune in communes)
        {
            Check(engine.AssignAsync(aggregator, new Assignment(Id(formCode, commune, period), provinceCode, due, deadline.Nominal)
            {
                DeadlineRuleId = deadline.Rule.Id,
            }, NextCommand()).GetAwaiter().GetResult());
        }

        line($"Tỉnh {provinceCode} giao biểu {formCode} cho {communes.Count} xã, hạn {Show(due)}. / Form assigned to {communes.Count} communes, due {Show(due)}.");

        // Values by commune: what each entered by the deadline (step 5), and three of the missing communes' late figures.
        var byCommune = data.Values.Where(v => v.Period == period).GroupBy(v => v.UnitCode).ToDictionary(g => g.Key, g => g.ToArray());
        string missing = data.MissingCommunes[0];
        string[] late = data.MissingCommunes.Skip(1).ToArray();
        var random = new Random(seed + 2);
        foreach (string commune in late)
        {
            byCommune[commune] = LateFigures(commune, period, random);
        }

        // Before the deadline: the communes that had their figures in time enter, submit, approve and send.
        clock.MoveTo(calendar.AddWorkingDays(due, -3));
        foreach (string commune in communes.Where(c => c != missing && !late.Contains(c)))
        {
            var unit = Unit.Of(commune);
            Execute(engine, unit.Entry, commune, formCode, period, WorkflowTrigger.EnterValues, content: Content(byCommune[commune]));
            Execute(engine, unit.Entry, commune, formCode, period, WorkflowTrigger.SubmitForApproval);
            if (commune == data.CommuneWithTypo)
            {
                Execute(engine, unit.Leader, commune, formCode, period, WorkflowTrigger.Reject, RejectionReason);
                line($"Lãnh đạo xã {commune} từ chối / the leader rejects: \"{RejectionReason}\".");
                AggregationInput[] fixedValues = Corrected(byCommune[commune]);
                byCommune[commune] = fixedValues;
                Execute(engine, unit.Entry, commune, formCode, period, WorkflowTrigger.EnterValues, content: Content(fixedValues));
                Execute(engine, unit.Entry, commune, formCode, period, WorkflowTrigger.SubmitForApproval);
                line($"  Xã {commune} sửa tổng, lập bản sửa đổi 2 / the commune corrects its total in revision 2.");
            }

            Execute(engine, unit.Leader, commune, formCode, period, WorkflowTrigger.Approve);
            Execute(engine, unit.Sender, commune, formCode, period, WorkflowTrigger.Send);
        }

        // The province checks and accepts; it returns the report whose "of which" exceeds its total.
        clock.MoveTo(calendar.AddWorkingDays(due, -2));
        foreach (string commune in communes.Where(c => c != missing && !late.Contains(c)))
        {
            if (commune == data.CommuneWithOfWhichError)
            {
                Execute(engine, aggregator, commune, formCode, period, WorkflowTrigger.Return, ReturnReason);
                line($"Tỉnh trả lại báo cáo của xã {commune} / the province returns the report of {commune}: \"{ReturnReason}\".");
            }
            else
            {
                Execute(engine, aggregator, commune, formCode, period, WorkflowTrigger.Accept);
            }
        }

        clock.MoveTo(calendar.AddWorkingDays(due, -1));
        {
            string commune = data.CommuneWithOfWhichError;
            var unit = Unit.Of(commune);
            AggregationInput[] fixedValues = byCommune[commune]
                .Select(v => v.IndicatorCode == DemoData.DomesticRevenue
                    ? v with { Value = decimal.Round(byCommune[commune].Single(x => x.IndicatorCode == DemoData.BudgetRevenue).Value * 0.8m, 1) }
                    : v)
                .ToArray();
            byCommune[commune] = fixedValues;
            Execute(engine, unit.Entry, commune, formCode, period, WorkflowTrigger.EnterValues, content: Content(fixedValues));
            Execute(engine, unit.Entry, commune, formCode, period, WorkflowTrigger.SubmitForApproval);
            Execute(engine, unit.Leader, commune, formCode, period, WorkflowTrigger.Approve);
            Execute(engine, unit.Sender, commune, formCode, period, WorkflowTrigger.Send);
            var accepted = Execute(engine, aggregator, commune, formCode, period, WorkflowTrigger.Accept);
            line($"  Bản sửa đổi {accepted.CurrentRevision!.Number} của xã {commune} được tiếp nhận; bản 1 vẫn được lưu ({accepted.Revisions[0].Outcome}). / Revision {accepted.CurrentRevision.Number} accepted; revision 1 is kept.");
        }

        // After the deadline: three communes send late, one working day apart; the province accepts each.
        for (int i = 0; i < late.Length; i++)
        {
            string commune = late[i];
            var unit = Unit.Of(commune);
            clock.MoveTo(calendar.AddWorkingDays(due, i + 1));
            Execute(engine, unit.Entry, commune, formCode, period, WorkflowTrigger.EnterValues, content: Content(byCommune[commune]));
            Execute(engine, unit.Entry, commune, formCode, period, WorkflowTrigger.SubmitForApproval);
            Execute(engine, unit.Leader, commune, formCode, period, WorkflowTrigger.Approve);
            Execute(engine, unit.Sender, commune, formCode, period, WorkflowTrigger.Send);
            Execute(engine, aggregator, commune, formCode, period, WorkflowTrigger.Accept);
        }

        // The progress table a week after the deadline.
        clock.MoveTo(calendar.AddWorkingDays(due, 5));
        var reports = new WorkflowReports(engine);
        ProgressReport progress = reports.ProgressAsync(provinceCode, formCode, period).GetAwaiter().GetResult();
        line($"Tiến độ ngày {Show(progress.AsOf)} / progress:");
        line("  " + string.Join(", ", progress.CountByState.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}")));
        var byStatus = progress.CountByTimeliness;
        line($"  Đúng hạn / on time: {byStatus.GetValueOrDefault(TimelinessStatus.OnTime)}, trễ hạn / late: {byStatus.GetValueOrDefault(TimelinessStatus.Late)}, chưa gửi / missing: {byStatus.GetValueOrDefault(TimelinessStatus.Missing)}.");
        var lateRows = progress.Rows.Where(r => r.Timeliness.Status == TimelinessStatus.Late).Select(r => (r.UnitCode, r.Timeliness.WorkingDaysLate)).ToArray();
        foreach (var (unitCode, days) in lateRows)
        {
            line($"  Trễ / late: {unitCode} {days} ngày làm việc / working days");
        }

        foreach (var row in progress.Rows.Where(r => r.Timeliness.Status == TimelinessStatus.Missing))
        {
            line($"  Chưa gửi / missing: {row.UnitCode} ({row.State})");
        }

        // The accepted values feed the aggregation.
        var acceptedValues = reports.AcceptedValuesAsync(formCode, period, provinceCode).GetAwaiter().GetResult()
            .Select(AggregationInput.FromDataValue).OfType<AggregationInput>().ToArray();
        line($"{acceptedValues.Length} giá trị đã tiếp nhận được đưa vào tổng hợp. / accepted values go on to aggregation.");

        var chain = engine.VerifyAuditChainAsync().GetAwaiter().GetResult();
        if (chain.TryGetValue(out AuditChainSummary? summary))
        {
            line($"Chuỗi nhật ký / audit chain: {summary.EventCount} sự kiện / events, {summary.StreamCount} luồng / streams, đầu chuỗi / head {summary.Head.Hash}: đã kiểm / verified.");
        }
        else
        {
            line($"Chuỗi nhật ký KHÔNG hợp lệ / audit chain NOT verified: {chain.Errors[0]}");
        }

        return new DemoWorkflowOutcome(acceptedValues, progress, lateRows, missing, RejectionReason, ReturnReason, chain.Success ? summary : null);
    }

    /// <summary>The store: a fresh cycle file (an earlier demo's file is replaced) set up as <c>ktxh workflow init</c>
    /// would, with the same built-in accounts the demo acts as; or the in-memory store.</summary>
    private IWorkflowStore OpenStore(string provinceCode, ReportingPeriod period, string formCode, IReadOnlyList<string> communes, DemoClock clock)
    {
        if (file is null)
        {
            return new InMemoryWorkflowStore();
        }

        foreach (string old in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(old);
        }

        var setup = new CycleSetup(provinceCode, period.Year, [formCode], communes);
        return CycleFile.Create(file, setup, setup.BuiltInAccounts().ToArray(), NodaTime.Text.InstantPattern.ExtendedIso.Format(clock.Now),
            flushEachCommit: false).Value.Store; // A demo file: speed over surviving a power cut mid-run.
    }

    private static SubmissionId Id(string formCode, string commune, ReportingPeriod period) => new(formCode, commune, period);

    // Deterministic command ids, so that the same seed gives the same chain (and the same head hash).
    private Guid NextCommand() => new(++_commands, 0x4b54, 0x5848, [0x57, 0x46, 0, 0, 0, 0, 0, 0]);

    private Submission Execute(WorkflowEngine engine, Actor actor, string commune, string formCode, ReportingPeriod period, WorkflowTrigger trigger,
        string? reason = null, SubmissionContent? content = null) =>
        Check(engine.ExecuteAsync(new WorkflowCommand(NextCommand(), Id(formCode, commune, period), actor, trigger) { Reason = reason, Content = content })
            .GetAwaiter().GetResult());

    // Every command of the scripted cycle is legal; a refusal is a bug of the demo, shown with its bilingual reason.
    private static Submission Check(KtxhResult<Submission> result) =>
        result.Success ? result.Value : throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));

    private static SubmissionContent Content(IEnumerable<AggregationInput> values) =>
        new(values.Select(v => DataValue.Number(v.IndicatorCode, v.UnitCode, v.Period, v.Value, v.Maturity) with { MeasureUnitCode = v.MeasureUnitCode }));

    // The corrected entry: the total is the sum of the components.
    private static AggregationInput[] Corrected(AggregationInput[] values)
    {
        decimal sum = values.Where(v => DemoData.RetailComponents.Contains(v.IndicatorCode)).Sum(v => v.Value);
        return values.Select(v => v.IndicatorCode == DemoData.RetailTotal ? v with { Value = sum } : v).ToArray();
    }

    private static AggregationInput[] LateFigures(string commune, ReportingPeriod period, Random random)
    {
        decimal[] parts = [Amount(random, 2_000, 9_000), Amount(random, 300, 1_500), Amount(random, 0, 80), Amount(random, 100, 700)];
        decimal revenue = Amount(random, 5, 40);
        return
        [
            new AggregationInput(DemoData.RetailTotal, commune, period, parts.Sum()),
            .. parts.Select((p, i) => new AggregationInput(DemoData.RetailComponents[i], commune, period, p)),
            new AggregationInput(DemoData.BudgetRevenue, commune, period, revenue),
            new AggregationInput(DemoData.DomesticRevenue, commune, period, decimal.Round(revenue * 0.8m, 1)),
        ];
    }

    private static decimal Amount(Random random, int min, int max) => random.Next(min * 10, max * 10) / 10m;

    private static string Show(LocalDate date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A commune's three accounts (seed 002 Điều 7): data entry, leader (approver), sender.</summary>
    private sealed record Unit(Actor Entry, Actor Leader, Actor Sender)
    {
        public static Unit Of(string commune) => new(
            new Actor($"nhaplieu_{commune}", commune, WorkflowRole.DataEntry),
            new Actor($"lanhdao_{commune}", commune, WorkflowRole.Approver),
            new Actor($"vanthu_{commune}", commune, WorkflowRole.Sender));
    }
}
