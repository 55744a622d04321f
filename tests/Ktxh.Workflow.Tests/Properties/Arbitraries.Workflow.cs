using FsCheck;
using FsCheck.Fluent;

namespace Ktxh.Workflow.Tests;

/// <summary>One random command: which submission, which trigger, by the legal actor or a random one, with or without a
/// reason, which values, and how far the clock moves first.</summary>
public sealed record Step(int Target, WorkflowTrigger Trigger, bool ByLegalActor, int ActorIndex, bool WithReason, int Value, int AdvanceDays)
{
    public override string ToString() => $"{Target}:{Trigger}{(ByLegalActor ? "" : $"@{ActorIndex}")}{(WithReason ? "" : "!reason")}+{AdvanceDays}d";
}

/// <summary>A random run: a policy and a list of commands.</summary>
public sealed record Scenario(int PolicyIndex, bool EntryCloses, IReadOnlyList<Step> Steps)
{
    public override string ToString() => $"policy {PolicyIndex}, closes {EntryCloses}: {string.Join(" ", Steps)}";
}

/// <summary>A single-byte change of a stored event.</summary>
public sealed record ByteFlip(int EventIndex, bool InHash, int Offset, byte Mask);

public static partial class Arbitraries
{
    /// <summary>Triggers weighted towards the forward path, so runs reach deep states; cancel and withdraw are rare
    /// because they end a submission.</summary>
    private static readonly Gen<WorkflowTrigger> Triggers = Gen.Frequency(
        (8, Gen.Constant(WorkflowTrigger.EnterValues)), (8, Gen.Constant(WorkflowTrigger.SubmitForApproval)),
        (8, Gen.Constant(WorkflowTrigger.Approve)), (7, Gen.Constant(WorkflowTrigger.Send)), (5, Gen.Constant(WorkflowTrigger.Receive)),
        (8, Gen.Constant(WorkflowTrigger.Accept)), (3, Gen.Constant(WorkflowTrigger.Reject)), (3, Gen.Constant(WorkflowTrigger.Return)),
        (4, Gen.Constant(WorkflowTrigger.RequestReopen)), (4, Gen.Constant(WorkflowTrigger.GrantReopen)), (2, Gen.Constant(WorkflowTrigger.DenyReopen)),
        (3, Gen.Constant(WorkflowTrigger.RevokeAcceptance)), (1, Gen.Constant(WorkflowTrigger.Cancel)), (1, Gen.Constant(WorkflowTrigger.Withdraw)));

    public static Gen<Step> Steps { get; } =
        from target in Gen.Frequency((5, Gen.Constant(0)), (2, Gen.Constant(1)), (3, Gen.Constant(2)))
        from trigger in Triggers
        from legal in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
        from actor in Gen.Choose(0, 1000)
        from reason in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from value in Gen.Choose(0, 99)
        from advance in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(1, 6)))
        select new Step(target, trigger, legal, actor, reason, value, advance);

    public static Gen<Scenario> Scenarios { get; } =
        from policy in Gen.Choose(0, 3)
        from closes in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from steps in Gen.ListOf(Steps).Resize(90)
        select new Scenario(policy, closes, steps.ToArray());

    public static Arbitrary<Scenario> ScenarioArbitrary() => Arb.From(Scenarios);

    public static Gen<ByteFlip> ByteFlips { get; } =
        from index in Gen.Choose(0, 10_000)
        from inHash in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from offset in Gen.Choose(0, 100_000)
        from mask in Gen.Choose(1, 255)
        select new ByteFlip(index, inHash, offset, (byte)mask);

    public static Arbitrary<ByteFlip> ByteFlipArbitrary() => Arb.From(ByteFlips);
}
