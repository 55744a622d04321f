using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Lifecycle;

public class RevisionsTests
{
    [Fact]
    public void A_rejected_and_a_returned_revision_are_kept_and_the_accepted_one_is_retrievable_with_its_note()
    {
        var f = new WorkflowFixture();
        f.Assign();
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(1));
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);
        f.Ok(Leader, WorkflowTrigger.Reject, "Thiếu số liệu A02");
        f.Ok(Entry2, WorkflowTrigger.EnterValues, content: Content(2));
        f.Ok(Entry2, WorkflowTrigger.SubmitForApproval);
        f.Ok(Leader, WorkflowTrigger.Approve);
        f.Ok(Sender, WorkflowTrigger.Send);
        f.Ok(Agg1, WorkflowTrigger.Return, "A01 giảm bất thường, đề nghị giải trình");
        f.Ok(Entry1, WorkflowTrigger.EnterValues, content: Content(3, note: "A01 giảm do sáp nhập xã"));
        f.Ok(Entry1, WorkflowTrigger.SubmitForApproval);
        f.Ok(Leader, WorkflowTrigger.Approve);
        f.Ok(Sender, WorkflowTrigger.Send);
        Submission s = f.Ok(Agg1, WorkflowTrigger.Accept);

        Assert.Equal([1, 2, 3], s.Revisions.Select(r => r.Number).ToArray());
        Assert.Equal([RevisionOutcome.Rejected, RevisionOutcome.Returned, RevisionOutcome.Current], s.Revisions.Select(r => r.Outcome).ToArray());
        Assert.Equal(Content(1).Sha256, s.Revisions[0].ContentSha256);
        Assert.Equal(Content(2).Sha256, s.Revisions[1].ContentSha256);
        Assert.Equal("Thiếu số liệu A02", s.Revisions[0].OutcomeReason);
        Assert.Equal("A01 giảm bất thường, đề nghị giải trình", s.Revisions[1].OutcomeReason);
        Assert.Equal([Entry1.UserName, Entry2.UserName], s.Revisions[2].EnteredBy);
        SubmissionRevision accepted = s.LastAcceptedRevision!;
        Assert.Equal(3, accepted.Number);
        Assert.Equal("A01 giảm do sáp nhập xã", accepted.Content.Note);
        Assert.Equal("thuyet-minh.pdf", accepted.Content.Attachments.Single().Name);
        Assert.Equal(3m, accepted.Content.Values.First(v => v.IndicatorCode == "A01").Value);
    }

    [Fact]
    public void Content_hashes_are_canonical_whatever_the_order_of_values()
    {
        var a = Content(5);
        var b = new SubmissionContent(a.Values.Reverse(), a.Note, a.Attachments);
        Assert.Equal(a.Sha256, b.Sha256);
        Assert.NotEqual(a.Sha256, Content(5, note: "khác").Sha256);
        Assert.NotEqual(Content(1.5m).Sha256, Content(1.50m).Sha256);
    }
}
