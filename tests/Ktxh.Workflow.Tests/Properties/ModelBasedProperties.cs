using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Periods;
using NodaTime;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Properties;

/// <summary>
/// Random command sequences from random actors against commune X1, commune X2 (both to the province P01) and the
/// province's own report (to the nation): after every command the invariants hold, and at the end the audit chain
/// verifies.
/// </summary>
public class ModelBasedProperties
{
    private static readonly WorkflowPolicy[] Policies = WorkflowFixture.Policies().ToArray();

    private static readonly Actor[] Pool =
    [
        Entry1, Entry2, Leader, Sender, Viewer, Admin, OtherCommuneAll, Agg1, Agg2, ProvinceEntry, ProvinceLeader, ProvinceSender, Nso,
        new("nguyenvana_xa1", "X1", WorkflowRole.DataEntry | WorkflowRole.Approver), // enters and approves: segregation of duties
        new("nhap_xa2", "X2", WorkflowRole.DataEntry), new("lanhdao_xa2", "X2", WorkflowRole.Approver | WorkflowRole.Sender),
        new("tongcuc2", "NSO", WorkflowRole.Aggregator),
    ];

    private static readonly SubmissionId[] Targets = [Id("X1"), Id("X2"), Id("P01")];

    /// <summary>The independent specification of who may fire a trigger: the role(s) and which side acts.</summary>
    private static (WorkflowRole Roles, bool OwnUnit) Rule(WorkflowTrigger t) => t switch
    {
        WorkflowTrigger.EnterValues or WorkflowTrigger.SubmitForApproval => (WorkflowRole.DataEntry, true),
        WorkflowTrigger.Approve or WorkflowTrigger.Reject => (WorkflowRole.Approver, true),
        WorkflowTrigger.Send => (WorkflowRole.Sender, true),
        WorkflowTrigger.RequestReopen => (WorkflowRole.Approver | WorkflowRole.DataEntry, true),
        WorkflowTrigger.Cancel => (WorkflowRole.Aggregator | WorkflowRole.Administrator, false),
        _ => (WorkflowRole.Aggregator, false),
    };

    private static Actor LegalActorFor(int target, WorkflowTrigger trigger, WorkflowPolicy policy, Submission s)
    {
        (WorkflowRole roles, bool own) = Rule(trigger);
        string unit = own ? s.Id.UnitCode : s.Assignment.ReceivingUnitCode;
        var candidates = Pool.Where(a => a.UnitCode == unit && a.HasAny(roles)).ToArray();
        // Prefer an actor who passes segregation of duties, so runs reach deep states.
        return candidates.FirstOrDefault(a => trigger != WorkflowTrigger.Approve || !(s.CurrentRevision?.EnteredBy.Contains(a.UserName) ?? false))
            is { } ok && !(trigger == WorkflowTrigger.Accept && policy.TwoStepAccept && s.CurrentRevision?.ReceivedBy == ok.UserName)
            ? ok
            : candidates.LastOrDefault() ?? Pool[target];
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 120)]
    public Property Random_commands_from_random_actors_never_break_the_invariants(Scenario scenario)
    {
        WorkflowPolicy policy = Policies[scenario.PolicyIndex] with { EntryClosesAfterWorkingDays = scenario.EntryCloses ? 3 : null };
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(policy, store, Instant.FromUtc(2026, 2, 2, 2, 0));
        f.Assign("X1");
        f.Assign("X2");
        f.Assign("P01", "NSO");
        var machine = SubmissionLifecycle.Build(policy);
        var problems = new List<string>();
        int accepted = 0;
        foreach (Step step in scenario.Steps)
        {
            if (step.AdvanceDays > 0)
            {
                f.Clock.AdvanceDays(step.AdvanceDays);
            }

            SubmissionId id = Targets[step.Target];
            Submission before = f.Get(id);
            Submission parent = f.Get(Targets[2]);
            bool locked = step.Target != 2 && SubmissionLifecycle.IsAccepted(parent.State);
            Actor actor = step.ByLegalActor ? LegalActorFor(step.Target, step.Trigger, policy, before) : Pool[step.ActorIndex % Pool.Length];
            long count = store.Count;
            var result = f.Run(actor, step.Trigger, step.WithReason ? $"lý do {step.Value}" : null,
                step.Trigger == WorkflowTrigger.EnterValues ? Content(step.Value, id.UnitCode) : null, id);
            Submission after = f.Get(id);
            string where = $"{step} by {actor} from {before.State}";
            if (result.Success)
            {
                accepted++;
                var row = machine.Find(before.State, step.Trigger);
                (WorkflowRole roles, bool own) = Rule(step.Trigger);
                Check(row is not null && row.Destination == after.State, $"illegal transition {where} → {after.State}");
                Check(actor.HasAny(roles), $"role missing: {where}");
                Check(actor.UnitCode == (own ? id.UnitCode : before.Assignment.ReceivingUnitCode), $"out of scope: {where}");
                Check(step.Trigger != WorkflowTrigger.Approve || !policy.SegregationOfDuties || !before.CurrentRevision!.EnteredBy.Contains(actor.UserName),
                    $"segregation of duties: {where}");
                Check(!locked || step.Trigger == WorkflowTrigger.DenyReopen, $"acted while locked: {where}");
                Check(store.Count == count + 1 && after.Version == before.Version + 1, $"not exactly one event: {where}");
                if (step.Trigger == WorkflowTrigger.EnterValues && policy.EntryClosesAfterWorkingDays is { } n)
                {
                    Check(f.Engine.Today <= WorkingCalendar.VietnamCivilService.AddWorkingDays(before.Assignment.DueDate, n), $"entered after closing: {where}");
                }
            }
            else
            {
                Check(result.Errors.Count > 0 && result.Errors.All(e => e.MessageVi.Contains(actor.UserName) && e.MessageEn.Length > 0),
                    $"refusal without who/why: {where}");
                Check(store.Count == count && after.Version == before.Version && after.State == before.State, $"refusal changed something: {where}");
            }

            // No revision is lost: every revision that ended is kept as it was; numbers only grow.
            Check(after.Revisions.Count >= before.Revisions.Count, $"revision lost: {where}");
            for (int i = 0; i < before.Revisions.Count; i++)
            {
                SubmissionRevision old = before.Revisions[i], now = after.Revisions[i];
                bool ended = old.Outcome != RevisionOutcome.Current;
                Check(old.Number == now.Number && (!ended || (old.ContentSha256 == now.ContentSha256 && old.Outcome == now.Outcome && old.OutcomeReason == now.OutcomeReason)),
                    $"revision {old.Number} changed: {where}");
            }

            // Data is edited only in draft.
            Check(after.CurrentRevision?.ContentSha256 == before.CurrentRevision?.ContentSha256 || after.State == SubmissionState.Draft,
                $"content changed outside draft: {where}");
        }

        var chain = AuditChain.Verify(store.ReadAllAsync().AsTask().GetAwaiter().GetResult(), store.GetHeadAsync().AsTask().GetAwaiter().GetResult());
        Check(chain.Success, "audit chain: " + string.Join("; ", chain.Errors));
        SubmissionState finalState = f.Get(Targets[0]).State;
        return (problems.Count == 0).Label(string.Join("\n", problems.Take(5)))
            .Classify(accepted == 0, "nothing accepted")
            .Classify(accepted >= 10, "10+ commands accepted")
            .Classify(f.Get(Targets[0]).Revisions.Count > 1, "X1 has several revisions")
            .Classify(SubmissionLifecycle.IsAccepted(f.Get(Targets[2]).State), "province accepted by the nation (lock)")
            .Collect($"X1 ends {finalState}");

        void Check(bool ok, string message)
        {
            if (!ok)
            {
                problems.Add(message);
            }
        }
    }

    private static readonly Lazy<IReadOnlyList<StoredEvent>> Sample = new(() =>
    {
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(WorkflowPolicy.Default, store);
        f.DriveTo(SubmissionState.Accepted, WorkflowPolicy.Default);
        f.Assign("X2");
        f.Ok(Agg1, WorkflowTrigger.Withdraw, "Giao nhầm", id: Id("X2"));
        return store.ReadAllAsync().AsTask().GetAwaiter().GetResult();
    });

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 300)]
    public Property Any_single_changed_byte_of_any_stored_event_is_detected(ByteFlip flip)
    {
        IReadOnlyList<StoredEvent> events = Sample.Value;
        Assert.True(AuditChain.Verify(events).Success);
        int i = flip.EventIndex % events.Count;
        StoredEvent e = events[i];
        StoredEvent changed;
        string part;
        if (flip.InHash)
        {
            byte[] hash = Encoding.ASCII.GetBytes(e.Hash);
            int at = flip.Offset % hash.Length;
            hash[at] ^= flip.Mask;
            changed = e.With(hash: Encoding.Latin1.GetString(hash));
            part = "hash";
        }
        else
        {
            byte[] body = e.Body.ToArray();
            int at = flip.Offset % body.Length;
            body[at] ^= flip.Mask;
            changed = e.With(body);
            part = "body";
        }

        var tampered = events.ToArray();
        tampered[i] = changed;
        var r = AuditChain.Verify(tampered);
        return (!r.Success && r.Errors[0].Location.Index == i).Label($"event {i} {part}: {string.Join("; ", r.Errors.Take(2))}")
            .Classify(flip.InHash, "hash byte")
            .Collect($"event {i}");
    }
}
