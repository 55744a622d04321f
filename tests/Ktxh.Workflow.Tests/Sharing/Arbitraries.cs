using FsCheck;
using FsCheck.Fluent;
using Ktxh.Indicators;
using Ktxh.Workflow.Sharing;
using NodaTime;

namespace Ktxh.Workflow.Tests.Sharing;

/// <summary>FsCheck generators for the sharing rules.</summary>
public static class Arbitraries
{
    /// <summary>The instant decisions are taken at in the generated cases; publications fall around it.</summary>
    public static readonly Instant DecisionInstant = Instant.FromUtc(2026, 7, 1, 3, 0);

    /// <summary>A case: facts, a request and the instant of the decision, most of them allowed or refused for one reason.</summary>
    public static Arbitrary<SharingCase> SharingCase()
    {
        Gen<bool> rarely = Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)));
        Gen<Instant?> publishedAt = Gen.Frequency(
            (2, Gen.Constant<Instant?>(null)),
            (5, Gen.Choose(-72, 72).Select(h => (Instant?)(DecisionInstant + Duration.FromHours(h)))),
            (1, Gen.Constant<Instant?>(DecisionInstant)));
        Gen<SharingFacts> facts =
            from confidentiality in Gen.Frequency((6, Gen.Constant(Confidentiality.Public)), (2, Gen.Constant(Confidentiality.Internal)), (1, Gen.Constant(Confidentiality.NeverShared)))
            from secret in rarely
            from names in Gen.Elements(false, true)
            from consent in Gen.Elements(false, true)
            from quality in rarely
            from falsified in rarely
            from agreement in rarely
            from embargoed in Gen.Elements(false, true)
            from published in publishedAt
            select new SharingFacts
            {
                Confidentiality = confidentiality,
                IsStateSecret = secret,
                NamesSubject = names,
                SubjectConsented = consent,
                QualityNotAssured = quality,
                Falsified = falsified,
                NoOnwardSharingAgreement = agreement,
                EmbargoedUntilPublished = embargoed,
                PublishedAt = published,
            };
        Gen<SharingRequest> request =
            from audience in Gen.Elements(SharingAudience.ReportingSystem, SharingAudience.Outside)
            from harmful in Gen.Frequency((8, Gen.Constant(false)), (1, Gen.Constant(true)))
            select new SharingRequest { Audience = audience, HarmsOthersForPrivateInterest = harmful };
        return (from f in facts from r in request select new SharingCase(f, r)).ToArbitrary();
    }

    /// <summary>One way to make a case more restrictive.</summary>
    public static Arbitrary<Restriction> Restriction() => Gen.Elements(Enum.GetValues<Restriction>()).ToArbitrary();
}

/// <summary>Facts and a request, decided at <see cref="Arbitraries.DecisionInstant"/>.</summary>
public sealed record SharingCase(SharingFacts Facts, SharingRequest Request);

/// <summary>A change that only restricts sharing.</summary>
public enum Restriction
{
    /// <summary>The datum becomes a state secret.</summary>
    StateSecret,

    /// <summary>The indicator's confidentiality goes one step up (Public → Internal → NeverShared).</summary>
    RaiseConfidentiality,

    /// <summary>The datum names an organisation or person.</summary>
    NamesSubject,

    /// <summary>The named subject's consent is withdrawn.</summary>
    WithdrawConsent,

    /// <summary>The datum fails its quality checks.</summary>
    QualityNotAssured,

    /// <summary>The datum is found falsified.</summary>
    Falsified,

    /// <summary>The datum comes under a no-onward-sharing agreement.</summary>
    NoOnwardSharingAgreement,

    /// <summary>The datum is embargoed until published.</summary>
    Embargo,

    /// <summary>The publication is undone (not yet published).</summary>
    Unpublish,

    /// <summary>The publication is a day later.</summary>
    PublishLater,

    /// <summary>The recipient is outside the reporting system.</summary>
    AudienceOutside,

    /// <summary>The request serves a harmful private interest.</summary>
    HarmfulPurpose,
}
