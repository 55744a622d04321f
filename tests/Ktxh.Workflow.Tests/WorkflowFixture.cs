using Ktxh.Indicators;
using Ktxh.Periods;
using NodaTime;
using NodaTime.Testing;

namespace Ktxh.Workflow.Tests;

/// <summary>A small reporting world: commune X1 and X2 report to province P01, which reports to the nation (NSO).</summary>
public sealed class WorkflowFixture
{
    public const string Form = "001.T/BCC-XXXX";
    public static readonly ReportingPeriod Jan2026 = ReportingPeriod.Month(2026, 1);

    public static readonly Actor Entry1 = new("nguyenvana_xa1", "X1", WorkflowRole.DataEntry);
    public static readonly Actor Entry2 = new("tranthib_xa1", "X1", WorkflowRole.DataEntry);
    public static readonly Actor Leader = new("lethic_xa1", "X1", WorkflowRole.Approver);
    public static readonly Actor Sender = new("phamvand_xa1", "X1", WorkflowRole.Sender);
    public static readonly Actor Viewer = new("hoangvane_xa1", "X1", WorkflowRole.Viewer);
    public static readonly Actor Admin = new("quantri_xa1", "X1", WorkflowRole.Administrator);
    public static readonly Actor OtherCommuneAll = new("vuvanf_xa2", "X2",
        WorkflowRole.DataEntry | WorkflowRole.Approver | WorkflowRole.Sender | WorkflowRole.Aggregator);
    public static readonly Actor Agg1 = new("dangvang_tinh", "P01", WorkflowRole.Aggregator);
    public static readonly Actor Agg2 = new("buithih_tinh", "P01", WorkflowRole.Aggregator);
    public static readonly Actor ProvinceEntry = new("ngothii_tinh", "P01", WorkflowRole.DataEntry);
    public static readonly Actor ProvinceLeader = new("dovank_tinh", "P01", WorkflowRole.Approver);
    public static readonly Actor ProvinceSender = new("lyvanl_tinh", "P01", WorkflowRole.Sender);
    public static readonly Actor Nso = new("maivanm_tctk", "NSO", WorkflowRole.Aggregator);

    public WorkflowFixture(WorkflowPolicy? policy = null, IWorkflowStore? store = null, Instant? now = null)
    {
        Clock = new FakeClock(now ?? Instant.FromUtc(2026, 2, 2, 2, 0));
        Store = store ?? new InMemoryWorkflowStore();
        var options = new WorkflowEngineOptions { DefaultPolicy = policy ?? WorkflowPolicy.Default };
        Engine = new WorkflowEngine(Store, Clock, options);
    }

    public FakeClock Clock { get; }

    public IWorkflowStore Store { get; }

    public WorkflowEngine Engine { get; }

    public static SubmissionId Id(string unit = "X1", string form = Form) => new(form, unit, Jan2026);

    public static Assignment AssignmentOf(string unit = "X1", string receiving = "P01", string form = Form) =>
        new(Id(unit, form), receiving, new LocalDate(2026, 2, 12));

    public static SubmissionContent Content(decimal value, string unit = "X1", string? note = "Thuyết minh: tăng do mùa vụ") =>
        new([DataValue.Number("A01", unit, Jan2026, value), DataValue.Number("A02", unit, Jan2026, value * 2)], note,
            [new AttachmentReference("thuyet-minh.pdf", "files/1", new string('a', 64), "application/pdf")]);

    public Submission Assign(string unit = "X1", string receiving = "P01", Actor? by = null) =>
        Engine.AssignAsync(by ?? (receiving == "NSO" ? Nso : Agg1), AssignmentOf(unit, receiving), Guid.NewGuid()).GetAwaiter().GetResult().Value;

    public Submission Get(SubmissionId? id = null) => Engine.GetAsync(id ?? Id()).GetAwaiter().GetResult().Value;

    public KtxhResult<Submission> TryAssign(Actor actor, Assignment assignment, Guid? commandId = null) =>
        Engine.AssignAsync(actor, assignment, commandId ?? Guid.NewGuid()).GetAwaiter().GetResult();

    public KtxhResult<Submission> Run(Actor actor, WorkflowTrigger trigger, string? reason = null, SubmissionContent? content = null,
        SubmissionId? id = null)
    {
        var command = new WorkflowCommand(Guid.NewGuid(), id ?? Id(), actor, trigger) { Reason = reason, Content = content };
        return Engine.ExecuteAsync(command).GetAwaiter().GetResult();
    }

    public Submission Ok(Actor actor, WorkflowTrigger trigger, string? reason = null, SubmissionContent? content = null, SubmissionId? id = null)
    {
        var r = Run(actor, trigger, reason, content, id);
        Assert.True(r.Success, string.Join("\n", r.Errors));
        return r.Value;
    }

    /// <summary>The actor that may legally fire a trigger on X1's submission under the policy.</summary>
    public static Actor LegalActor(WorkflowTrigger trigger, WorkflowPolicy policy) => trigger switch
    {
        WorkflowTrigger.EnterValues or WorkflowTrigger.SubmitForApproval => Entry1,
        WorkflowTrigger.Approve or WorkflowTrigger.Reject or WorkflowTrigger.RequestReopen => Leader,
        WorkflowTrigger.Send => Sender,
        WorkflowTrigger.Accept when policy.TwoStepAccept => Agg2,
        _ => Agg1,
    };

    public static string? ReasonFor(WorkflowTrigger trigger) => "Lý do: số liệu A01 lệch so với kỳ trước";

    /// <summary>Drives X1's submission to a state by a canonical path.</summary>
    public Submission DriveTo(SubmissionState state, WorkflowPolicy policy)
    {
        Submission s = Assign();
        if (state == SubmissionState.NotStarted)
        {
            return s;
        }

        if (state == SubmissionState.Cancelled)
        {
            return Ok(Agg1, WorkflowTrigger.Cancel);
        }

        if (state == SubmissionState.Withdrawn)
        {
            return Ok(Agg1, WorkflowTrigger.Withdraw, "Giao nhầm biểu");
        }

        var path = new List<WorkflowTrigger> { WorkflowTrigger.EnterValues, WorkflowTrigger.SubmitForApproval, WorkflowTrigger.Approve };
        if (!policy.MergeApproveAndSend)
        {
            path.Add(WorkflowTrigger.Send);
        }

        if (policy.TwoStepAccept)
        {
            path.Add(WorkflowTrigger.Receive);
        }

        path.Add(WorkflowTrigger.Accept);
        path.Add(WorkflowTrigger.RequestReopen);
        foreach (WorkflowTrigger t in path)
        {
            s = Ok(LegalActor(t, policy), t, ReasonFor(t), t == WorkflowTrigger.EnterValues ? Content(10) : null);
            if (s.State == state)
            {
                return s;
            }
        }

        throw new InvalidOperationException($"{state} is not on the canonical path of this policy");
    }

    public static IEnumerable<WorkflowPolicy> Policies()
    {
        foreach (bool merge in new[] { false, true })
        {
            foreach (bool twoStep in new[] { false, true })
            {
                yield return new WorkflowPolicy { Name = $"merge={merge},twoStep={twoStep}", MergeApproveAndSend = merge, TwoStepAccept = twoStep };
            }
        }
    }
}
