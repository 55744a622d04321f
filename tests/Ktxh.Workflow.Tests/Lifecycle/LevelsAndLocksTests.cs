using Ktxh.Periods;
using NodaTime;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Lifecycle;

public class LevelsAndLocksTests
{
    /// <summary>Commune X1 → province P01 → nation NSO: the province's own report of the same form feeds the nation.</summary>
    private static (WorkflowFixture F, SubmissionId Province) AcceptedUpToTheNation()
    {
        var f = new WorkflowFixture();
        f.DriveTo(SubmissionState.Accepted, WorkflowPolicy.Default);
        f.Assign("P01", "NSO");
        SubmissionId province = Id("P01");
        f.Ok(ProvinceEntry, WorkflowTrigger.EnterValues, content: Content(10, "P01"), id: province);
        f.Ok(ProvinceEntry, WorkflowTrigger.SubmitForApproval, id: province);
        f.Ok(ProvinceLeader, WorkflowTrigger.Approve, id: province);
        f.Ok(ProvinceSender, WorkflowTrigger.Send, id: province);
        f.Ok(Nso, WorkflowTrigger.Accept, id: province);
        return (f, province);
    }

    [Fact]
    public void Once_the_nation_has_accepted_the_commune_data_below_is_locked()
    {
        var (f, _) = AcceptedUpToTheNation();
        var ask = f.Run(Leader, WorkflowTrigger.RequestReopen, "Sai số liệu A01");
        Assert.True(ask.Errors.Single().Is(WorkflowErrorCode.LockedByHigherLevel), ask.Errors.Single().ToString());
        Assert.True(f.Run(Agg1, WorkflowTrigger.RevokeAcceptance, "Kiểm tra lại").Errors.Single().Is(WorkflowErrorCode.LockedByHigherLevel));
        Assert.Equal(SubmissionState.Accepted, f.Get().State);
    }

    [Fact]
    public void Undoing_the_higher_acceptance_with_a_reason_unlocks_the_data_below()
    {
        var (f, province) = AcceptedUpToTheNation();
        Assert.True(f.Run(Nso, WorkflowTrigger.RevokeAcceptance, null, id: province).Errors.Single().Is(WorkflowErrorCode.ReasonRequired));
        Assert.Equal(SubmissionState.Sent, f.Ok(Nso, WorkflowTrigger.RevokeAcceptance, "Xã X1 đề nghị sửa A01", id: province).State);
        Assert.Equal(SubmissionState.ReopenRequested, f.Ok(Leader, WorkflowTrigger.RequestReopen, "Sai số liệu A01").State);
        Submission reopened = f.Ok(Agg1, WorkflowTrigger.GrantReopen);
        Assert.Equal((SubmissionState.Draft, 2), (reopened.State, reopened.CurrentRevision!.Number));
        Assert.Equal(RevisionOutcome.Reopened, reopened.Revisions[0].Outcome);
        Assert.Equal("Sai số liệu A01", reopened.Revisions[0].OutcomeReason);
    }

    [Fact]
    public void An_agency_reporting_to_the_province_is_locked_the_same_way()
    {
        var f = new WorkflowFixture();
        var agencyEntry = new Actor("nguyenvann_sotc", "STC", WorkflowRole.DataEntry);
        var agencyLeader = new Actor("tranvano_sotc", "STC", WorkflowRole.Approver | WorkflowRole.Sender);
        SubmissionId agency = Id("STC");
        Assert.True(f.TryAssign(Agg1, new Assignment(agency, "P01", new LocalDate(2026, 2, 12)) { FeedsFormCode = "PROV-01" }).Success);
        f.Ok(agencyEntry, WorkflowTrigger.EnterValues, content: Content(3, "STC"), id: agency);
        f.Ok(agencyEntry, WorkflowTrigger.SubmitForApproval, id: agency);
        f.Ok(agencyLeader, WorkflowTrigger.Approve, id: agency);
        f.Ok(agencyLeader, WorkflowTrigger.Send, id: agency);
        SubmissionId provinceReport = new("PROV-01", "P01", Jan2026);
        Assert.True(f.TryAssign(Nso, new Assignment(provinceReport, "NSO", new LocalDate(2026, 2, 20))).Success);
        f.Ok(ProvinceEntry, WorkflowTrigger.EnterValues, content: Content(3, "P01"), id: provinceReport);
        f.Ok(ProvinceEntry, WorkflowTrigger.SubmitForApproval, id: provinceReport);
        f.Ok(ProvinceLeader, WorkflowTrigger.Approve, id: provinceReport);
        f.Ok(ProvinceSender, WorkflowTrigger.Send, id: provinceReport);
        f.Ok(Nso, WorkflowTrigger.Accept, id: provinceReport);
        Assert.True(f.Run(Agg1, WorkflowTrigger.Accept, id: agency).Errors.Single().Is(WorkflowErrorCode.LockedByHigherLevel));
    }

    [Fact]
    public async Task Data_entry_closes_after_the_configured_working_days_unless_the_aggregator_grants_an_exception()
    {
        // Due Thursday 12/2/2026; two working days later is Monday 23/2 (the Tết 2026 break lies between); closed from 24/2.
        var p = new WorkflowPolicy { EntryClosesAfterWorkingDays = 2 };
        var f = new WorkflowFixture(p, now: Instant.FromUtc(2026, 2, 23, 9, 0));
        f.Assign();
        Assert.Equal(new LocalDate(2026, 2, 23), WorkingCalendar.VietnamCivilService.AddWorkingDays(new LocalDate(2026, 2, 12), 2));
        f.Clock.Reset(Instant.FromUtc(2026, 2, 25, 2, 0));
        var closed = f.Run(Entry1, WorkflowTrigger.EnterValues, content: Content(1));
        Assert.True(closed.Errors.Single().Is(WorkflowErrorCode.EntryClosed), closed.Errors.Single().ToString());

        var exception = new LockException("X1", Jan2026, new LocalDate(2026, 2, 27), "Xã mới sáp nhập, thiếu cán bộ");
        Assert.True((await f.Engine.GrantLockExceptionAsync(Agg2, exception, Guid.NewGuid())).Success);
        Assert.Equal(SubmissionState.Draft, f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(1)).State);
        f.Clock.Reset(Instant.FromUtc(2026, 3, 2, 2, 0));
        Assert.True(f.Run(Entry1, WorkflowTrigger.EnterValues, content: Content(2)).Errors.Single().Is(WorkflowErrorCode.EntryClosed));
        Assert.Equal(SubmissionState.AwaitingApproval, f.Ok(Entry1, WorkflowTrigger.SubmitForApproval).State);
    }

    [Fact]
    public async Task A_lock_exception_is_granted_only_by_an_aggregator_of_the_unit_with_a_reason_and_a_future_end()
    {
        var f = new WorkflowFixture();
        f.Assign();
        var past = new LockException("X1", Jan2026, new LocalDate(2026, 1, 1), " ");
        var r = (await f.Engine.GrantLockExceptionAsync(Entry1, past, Guid.NewGuid()));
        Assert.Equal([WorkflowErrorCode.RoleMissing, WorkflowErrorCode.OutOfScope, WorkflowErrorCode.ReasonRequired, WorkflowErrorCode.InvalidArgument],
            r.Errors.Select(e => (WorkflowErrorCode)e.CodeValue!).ToArray());
        var other = (await f.Engine.GrantLockExceptionAsync(Nso, past with { Until = new LocalDate(2026, 3, 1), Reason = "x" }, Guid.NewGuid()));
        Assert.True(other.Errors.Single().Is(WorkflowErrorCode.OutOfScope));
    }
}
