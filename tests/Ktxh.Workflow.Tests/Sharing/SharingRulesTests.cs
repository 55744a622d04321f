using Ktxh.Indicators;
using Ktxh.Workflow.Sharing;
using NodaTime;
using NodaTime.Testing;

namespace Ktxh.Workflow.Tests.Sharing;

/// <summary>Table tests of the sharing rules of seed 003 Điều 7 khoản 1 điểm b and Điều 8.</summary>
public class SharingRulesTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 7, 1, 3, 0);
    private static readonly SharingFacts Open = new();

    public static TheoryData<string, SharingFacts, SharingRequest, SharingErrorCode[]> Clauses => new()
    {
        { "an open datum", Open, SharingRequest.ToOutside, [] },
        { "an open datum within the system", Open, SharingRequest.ToReportingSystem, [] },
        { "Điều 8.1 state secret", Open with { IsStateSecret = true }, SharingRequest.ToReportingSystem, [SharingErrorCode.StateSecret] },
        { "Điều 8 never shared", Open with { Confidentiality = Confidentiality.NeverShared }, SharingRequest.ToReportingSystem, [SharingErrorCode.NeverSharedIndicator] },
        { "never shared, asked from outside", Open with { Confidentiality = Confidentiality.NeverShared }, SharingRequest.ToOutside, [SharingErrorCode.NeverSharedIndicator, SharingErrorCode.InternalOnly] },
        { "internal, within the system", Open with { Confidentiality = Confidentiality.Internal }, SharingRequest.ToReportingSystem, [] },
        { "internal, asked from outside", Open with { Confidentiality = Confidentiality.Internal }, SharingRequest.ToOutside, [SharingErrorCode.InternalOnly] },
        { "Điều 8.2 named without consent", Open with { NamesSubject = true }, SharingRequest.ToReportingSystem, [SharingErrorCode.NamedSubjectWithoutConsent] },
        { "Điều 8.2 named with consent", Open with { NamesSubject = true, SubjectConsented = true }, SharingRequest.ToOutside, [] },
        { "consent without a named subject", Open with { SubjectConsented = true }, SharingRequest.ToOutside, [] },
        { "Điều 8.3 quality not assured", Open with { QualityNotAssured = true }, SharingRequest.ToReportingSystem, [SharingErrorCode.QualityNotAssured] },
        { "Điều 8.3 falsified", Open with { Falsified = true }, SharingRequest.ToReportingSystem, [SharingErrorCode.Falsified] },
        { "Điều 8.4 harmful private purpose", Open, SharingRequest.ToOutside with { HarmsOthersForPrivateInterest = true }, [SharingErrorCode.HarmfulPrivatePurpose] },
        { "Điều 8.5 no onward sharing", Open with { NoOnwardSharingAgreement = true }, SharingRequest.ToReportingSystem, [SharingErrorCode.NoOnwardSharingAgreement] },
        { "Điều 7.1b embargoed, unpublished", Open with { EmbargoedUntilPublished = true }, SharingRequest.ToReportingSystem, [SharingErrorCode.NotYetPublished] },
        { "embargoed, published an hour later", Open with { EmbargoedUntilPublished = true, PublishedAt = Now + Duration.FromHours(1) }, SharingRequest.ToReportingSystem, [SharingErrorCode.NotYetPublished] },
        { "embargoed, published at the instant", Open with { EmbargoedUntilPublished = true, PublishedAt = Now }, SharingRequest.ToReportingSystem, [] },
        { "embargoed, published yesterday", Open with { EmbargoedUntilPublished = true, PublishedAt = Now - Duration.FromDays(1) }, SharingRequest.ToOutside, [] },
        { "not embargoed, never published", Open with { PublishedAt = null }, SharingRequest.ToOutside, [] },
        {
            "everything at once",
            new SharingFacts
            {
                Confidentiality = Confidentiality.NeverShared, IsStateSecret = true, NamesSubject = true, QualityNotAssured = true, Falsified = true,
                NoOnwardSharingAgreement = true, EmbargoedUntilPublished = true, PublishedAt = Now + Duration.FromSeconds(1),
            },
            SharingRequest.ToOutside with { HarmsOthersForPrivateInterest = true },
            [
                SharingErrorCode.StateSecret, SharingErrorCode.NeverSharedIndicator, SharingErrorCode.InternalOnly, SharingErrorCode.NamedSubjectWithoutConsent,
                SharingErrorCode.QualityNotAssured, SharingErrorCode.Falsified, SharingErrorCode.HarmfulPrivatePurpose, SharingErrorCode.NoOnwardSharingAgreement,
                SharingErrorCode.NotYetPublished,
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Clauses))]
    public void Every_reason_of_the_regulation_is_listed_and_cites_its_clause(string why, SharingFacts facts, SharingRequest request, SharingErrorCode[] expected)
    {
        SharingDecision decision = SharingRules.Decide(facts, request, Now);
        Assert.Equal(expected, decision.Codes);
        Assert.Equal(expected.Length == 0, decision.IsAllowed);
        Assert.Equal(Now, decision.DecidedAt);
        foreach (SharingErrorCode code in expected)
        {
            Assert.True(decision.IsRefusedFor(code), why);
        }

        foreach (KtxhError reason in decision.Reasons)
        {
            (string vi, string en) = SharingRules.ClauseOf(reason.TryGetCode(out SharingErrorCode c) ? c : default);
            Assert.Contains(vi, reason.MessageVi, StringComparison.Ordinal);
            Assert.Contains(en, reason.MessageEn, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(reason.Location.Field));
        }
    }

    public static TheoryData<SharingErrorCode, string> ClauseTable => new()
    {
        { SharingErrorCode.StateSecret, "Điều 8 khoản 1" },
        { SharingErrorCode.NeverSharedIndicator, "Điều 8" },
        { SharingErrorCode.InternalOnly, "Điều 2, Điều 4 khoản 3" },
        { SharingErrorCode.NamedSubjectWithoutConsent, "Điều 8 khoản 2" },
        { SharingErrorCode.QualityNotAssured, "Điều 8 khoản 3" },
        { SharingErrorCode.Falsified, "Điều 8 khoản 3" },
        { SharingErrorCode.HarmfulPrivatePurpose, "Điều 8 khoản 4" },
        { SharingErrorCode.NoOnwardSharingAgreement, "Điều 8 khoản 5" },
        { SharingErrorCode.NotYetPublished, "Điều 7 khoản 1 điểm b" },
    };

    [Theory]
    [MemberData(nameof(ClauseTable))]
    public void Each_reason_rests_on_its_clause(SharingErrorCode code, string clause)
        => Assert.Equal(clause, SharingRules.ClauseOf(code).Vi);

    [Fact]
    public void Every_code_has_a_clause()
    {
        Assert.All(Enum.GetValues<SharingErrorCode>(), c => Assert.StartsWith("Art", SharingRules.ClauseOf(c).En, StringComparison.Ordinal));
        Assert.Throws<ArgumentOutOfRangeException>(() => SharingRules.ClauseOf((SharingErrorCode)99));
    }

    [Fact]
    public void Publication_is_an_event_judged_against_the_injected_clock()
    {
        var published = Instant.FromUtc(2026, 7, 29, 1, 0);
        SharingFacts facts = SharingFacts.For(Indicator("GRDP", Confidentiality.Public, embargoed: true)).WithPublication(published);
        var clock = new FakeClock(published - Duration.FromMinutes(1));

        SharingDecision before = SharingRules.Decide(facts, SharingRequest.ToOutside, clock);
        Assert.Equal([SharingErrorCode.NotYetPublished], before.Codes);
        Assert.Throws<KtxhException>(before.EnsureAllowed);

        clock.AdvanceMinutes(1);
        SharingDecision after = SharingRules.Decide(facts, SharingRequest.ToOutside, clock);
        Assert.True(after.IsAllowed);
        after.EnsureAllowed();
        Assert.Equal(published, after.DecidedAt);
        Assert.Contains("May be shared", after.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_start_from_the_indicators_catalogue_entry()
    {
        SharingFacts facts = SharingFacts.For(Indicator("X1", Confidentiality.Internal, embargoed: true));
        Assert.Equal(Confidentiality.Internal, facts.Confidentiality);
        Assert.True(facts.EmbargoedUntilPublished);
        Assert.Null(facts.PublishedAt);
        Assert.False(facts.IsStateSecret || facts.NamesSubject || facts.QualityNotAssured || facts.Falsified || facts.NoOnwardSharingAgreement);
        Assert.Equal(
            [SharingErrorCode.InternalOnly, SharingErrorCode.NotYetPublished],
            SharingRules.Decide(facts, SharingRequest.ToOutside, Now).Codes);
    }

    [Fact]
    public void A_refusal_reads_in_both_languages()
    {
        SharingDecision decision = SharingRules.Decide(Open with { IsStateSecret = true }, SharingRequest.ToReportingSystem, Now);
        string text = decision.ToString();
        Assert.Contains("Không được chia sẻ", text, StringComparison.Ordinal);
        Assert.Contains("bí mật Nhà nước", text, StringComparison.Ordinal);
        Assert.Contains("state secrets", text, StringComparison.Ordinal);
        KtxhException thrown = Assert.Throws<KtxhException>(decision.EnsureAllowed);
        Assert.True(Assert.Single(thrown.Errors).Is(SharingErrorCode.StateSecret));
    }

    [Fact]
    public void Programming_errors_throw()
    {
        Assert.Throws<ArgumentNullException>(() => SharingRules.Decide(null!, SharingRequest.ToOutside, Now));
        Assert.Throws<ArgumentNullException>(() => SharingRules.Decide(Open, null!, Now));
        Assert.Throws<ArgumentNullException>(() => SharingRules.Decide(Open, SharingRequest.ToOutside, (IClock)null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => SharingRules.Decide(Open, new SharingRequest { Audience = (SharingAudience)7 }, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => Open with { Confidentiality = (Confidentiality)0 });
        Assert.Throws<ArgumentNullException>(() => SharingFacts.For(null!));
    }

    private static Indicator Indicator(string code, Confidentiality confidentiality, bool embargoed) => new()
    {
        Code = code,
        NameVi = "Tổng sản phẩm trên địa bàn",
        ValueKind = ValueKind.Amount,
        Confidentiality = confidentiality,
        EmbargoedUntilPublished = embargoed,
    };
}
