using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Ktxh.Indicators;
using Ktxh.Workflow.Sharing;
using NodaTime;

namespace Ktxh.Workflow.Tests.Sharing;

/// <summary>Laws of the sharing rules (seed 003 Điều 7 khoản 1 điểm b, Điều 8) as FsCheck properties.</summary>
public class SharingRulesProperties
{
    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property Adding_a_restriction_never_turns_a_refusal_into_an_allowance_nor_drops_a_reason(SharingCase c, Restriction restriction)
    {
        (SharingFacts facts, SharingRequest request) = Restrict(c.Facts, c.Request, restriction);
        SharingDecision before = SharingRules.Decide(c.Facts, c.Request, Arbitraries.DecisionInstant);
        SharingDecision after = SharingRules.Decide(facts, request, Arbitraries.DecisionInstant);
        bool ok = (before.IsAllowed || !after.IsAllowed) && before.Codes.All(after.Codes.Contains);
        return ok.Label($"{c} + {restriction}: {before} → {after}")
            .Classify(before.IsAllowed, "allowed before")
            .Classify(before.IsAllowed && !after.IsAllowed, "the restriction refused it")
            .Collect(restriction);
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property Deciding_later_never_refuses_more(SharingCase c, PositiveInt hours)
    {
        SharingDecision earlier = SharingRules.Decide(c.Facts, c.Request, Arbitraries.DecisionInstant);
        SharingDecision later = SharingRules.Decide(c.Facts, c.Request, Arbitraries.DecisionInstant + Duration.FromHours(hours.Get));
        bool ok = later.Codes.All(earlier.Codes.Contains) && (!earlier.IsAllowed || later.IsAllowed);
        return ok.Label($"{c}: {earlier} → {later}")
            .Classify(earlier.IsRefusedFor(SharingErrorCode.NotYetPublished) && !later.IsRefusedFor(SharingErrorCode.NotYetPublished), "published in between");
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) })]
    public Property A_share_is_allowed_exactly_when_no_clause_applies(SharingCase c)
    {
        SharingFacts f = c.Facts;
        bool anyClause = f.IsStateSecret
            || f.Confidentiality == Confidentiality.NeverShared
            || (f.Confidentiality == Confidentiality.Internal && c.Request.Audience == SharingAudience.Outside)
            || (f.NamesSubject && !f.SubjectConsented)
            || f.QualityNotAssured || f.Falsified || f.NoOnwardSharingAgreement
            || c.Request.HarmsOthersForPrivateInterest
            || (f.EmbargoedUntilPublished && (f.PublishedAt is null || f.PublishedAt > Arbitraries.DecisionInstant));
        SharingDecision decision = SharingRules.Decide(f, c.Request, Arbitraries.DecisionInstant);
        bool ok = decision.IsAllowed == !anyClause && decision.Codes.Distinct().Count() == decision.Reasons.Count;
        return ok.Label($"{c}: {decision}")
            .Classify(decision.IsAllowed, "allowed")
            .Classify(decision.Reasons.Count > 1, "several reasons");
    }

    private static (SharingFacts, SharingRequest) Restrict(SharingFacts f, SharingRequest r, Restriction restriction) => restriction switch
    {
        Restriction.StateSecret => (f with { IsStateSecret = true }, r),
        Restriction.RaiseConfidentiality => (f with { Confidentiality = f.Confidentiality == Confidentiality.Public ? Confidentiality.Internal : Confidentiality.NeverShared }, r),
        Restriction.NamesSubject => (f with { NamesSubject = true }, r),
        Restriction.WithdrawConsent => (f with { SubjectConsented = false }, r),
        Restriction.QualityNotAssured => (f with { QualityNotAssured = true }, r),
        Restriction.Falsified => (f with { Falsified = true }, r),
        Restriction.NoOnwardSharingAgreement => (f with { NoOnwardSharingAgreement = true }, r),
        Restriction.Embargo => (f with { EmbargoedUntilPublished = true }, r),
        Restriction.Unpublish => (f with { PublishedAt = null }, r),
        Restriction.PublishLater => (f with { PublishedAt = f.PublishedAt + Duration.FromDays(1) }, r),
        Restriction.AudienceOutside => (f, r with { Audience = SharingAudience.Outside }),
        _ => (f, r with { HarmsOthersForPrivateInterest = true }),
    };
}
