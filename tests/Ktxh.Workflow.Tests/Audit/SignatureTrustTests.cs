using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Audit;

/// <summary>
/// Signatures prove who acted only with a trusted chain, valid at the event's time, and a certificate that is the
/// actor's (seed 002 Điều 3.7–3.8). Every certificate is made here: a root CA, leaves it issues, a self-signed
/// stranger, an expired leaf, a leaf of another account.
/// </summary>
public sealed class SignatureTrustTests : IDisposable
{
    // The fixture's clock stands at 2026-02-02: events are signed then.
    private static readonly DateTimeOffset RootFrom = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RootTo = new(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly X509Certificate2 _root = Root("CN=Ktxh Test Root CA, O=Cục Thống kê");
    private readonly X509Certificate2 _otherRoot = Root("CN=Another CA");

    public void Dispose()
    {
        _root.Dispose();
        _otherRoot.Dispose();
    }

    private SignatureTrust Trust(IReadOnlyDictionary<string, IReadOnlyList<string>>? mapping = null, X509RevocationMode revocation = X509RevocationMode.NoCheck) =>
        new()
        {
            TrustAnchors = [_root],
            RevocationMode = revocation,
            ActorCertificates = mapping ?? new Dictionary<string, IReadOnlyList<string>>(),
        };

    /// <summary>Drives a submission to awaiting approval and has the leader approve it, signed.</summary>
    private static async Task<IReadOnlyList<StoredEvent>> SignedApproval(X509Certificate2 signer)
    {
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        var r = await f.Engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), Leader, WorkflowTrigger.Approve) { Signer = signer });
        Assert.True(r.Success, string.Join("\n", r.Errors));
        return await store.ReadAllAsync();
    }

    public static TheoryData<string, WorkflowErrorCode?> Cases() => new()
    {
        { "leaf of the actor, issued by the root", null },
        { "leaf valid at the event's time, expired now", null },
        { "self-signed stranger naming the actor", WorkflowErrorCode.CertificateUntrusted },
        { "leaf of the actor, issued by another CA", WorkflowErrorCode.CertificateUntrusted },
        { "expired before the event", WorkflowErrorCode.CertificateNotValidAtEventTime },
        { "not yet valid at the event", WorkflowErrorCode.CertificateNotValidAtEventTime },
        { "leaf of another account", WorkflowErrorCode.SignerNotActor },
        { "leaf naming the actor by e-mail", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_certificate_is_judged_by_its_chain_at_the_event_time_and_by_its_account(string name, WorkflowErrorCode? expected)
    {
        using X509Certificate2 signer = name switch
        {
            "leaf of the actor, issued by the root" => Leaf(_root, "CN=lethic_xa1, O=UBND xa X1", 2025, 2028),
            "leaf valid at the event's time, expired now" => Leaf(_root, "CN=lethic_xa1", 2025, 2026, toMonth: 3),
            "self-signed stranger naming the actor" => SelfSigned("CN=lethic_xa1"),
            "leaf of the actor, issued by another CA" => Leaf(_otherRoot, "CN=lethic_xa1", 2025, 2028),
            "expired before the event" => Leaf(_root, "CN=lethic_xa1", 2020, 2021),
            "not yet valid at the event" => Leaf(_root, "CN=lethic_xa1", 2027, 2028),
            "leaf of another account" => Leaf(_root, "CN=nguyenvana_xa1", 2025, 2028),
            "leaf naming the actor by e-mail" => Leaf(_root, "CN=Lê Thị C", 2025, 2028, email: "LETHIC_XA1@ubnd-x1.example"),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
        var events = await SignedApproval(signer);
        var r = AuditChain.Verify(events, null, Trust());
        if (expected is null)
        {
            Assert.True(r.Success, string.Join("\n", r.Errors));
            Assert.Equal(1, r.Value.SignedEventCount);
            Assert.Equal([signer.Subject], r.Value.Signers);
            return;
        }

        KtxhError error = Assert.Single(r.Errors);
        Assert.True(error.Is(expected.Value), error.ToString());
        // Located: the signed event is the last one; the message names it, the stream, the account and the reason.
        Assert.Equal(events.Count - 1, error.Location.Index);
        Assert.Equal(Id().StreamId, error.Location.Field);
        Assert.Contains($"Sự kiện thứ {events.Count}", error.MessageVi, StringComparison.Ordinal);
        Assert.Contains($"Event {events.Count}", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("lethic_xa1", error.MessageVi, StringComparison.Ordinal);
        Assert.Contains("lethic_xa1", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("Approve", error.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_mapping_is_authoritative_for_the_accounts_it_lists()
    {
        using X509Certificate2 named = Leaf(_root, "CN=Le Thi C, O=UBND xa X1", 2025, 2028);
        using X509Certificate2 namesTheActor = Leaf(_root, "CN=lethic_xa1", 2025, 2028);
        var mapping = new Dictionary<string, IReadOnlyList<string>>
        {
            ["lethic_xa1"] = [named.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant()],
        };

        // Listed: a certificate whose name says nothing about the account is the actor's.
        var ok = AuditChain.Verify(await SignedApproval(named), null, Trust(mapping));
        Assert.True(ok.Success, string.Join("\n", ok.Errors));

        // Listed: a certificate that names the account but is not in the list is refused.
        var refused = AuditChain.Verify(await SignedApproval(namesTheActor), null, Trust(mapping));
        Assert.True(Assert.Single(refused.Errors).Is(WorkflowErrorCode.SignerNotActor));

        // Not listed: the name rule applies (and "Le Thi C" is not "lethic_xa1").
        var unlisted = AuditChain.Verify(await SignedApproval(named), null, Trust());
        Assert.True(Assert.Single(unlisted.Errors).Is(WorkflowErrorCode.SignerNotActor));
    }

    [Fact]
    public async Task Revocation_that_cannot_be_checked_fails_when_the_host_asks_for_it()
    {
        // The test leaves name no revocation list: with revocation checked, their status is unknown.
        using X509Certificate2 leaf = Leaf(_root, "CN=lethic_xa1", 2025, 2028);
        var events = await SignedApproval(leaf);
        Assert.True(AuditChain.Verify(events, null, Trust()).Success);
        var r = AuditChain.Verify(events, null, Trust(revocation: X509RevocationMode.Offline));
        Assert.True(Assert.Single(r.Errors).Is(WorkflowErrorCode.CertificateUntrusted), string.Join("\n", r.Errors));
    }

    [Fact]
    public async Task Without_host_anchors_the_machine_roots_decide_and_a_test_root_is_not_among_them()
    {
        using X509Certificate2 leaf = Leaf(_root, "CN=lethic_xa1", 2025, 2028);
        var r = AuditChain.Verify(await SignedApproval(leaf));
        Assert.True(Assert.Single(r.Errors).Is(WorkflowErrorCode.CertificateUntrusted));
    }

    [Fact]
    public async Task The_engine_verifies_with_the_trust_of_its_options()
    {
        using X509Certificate2 leaf = Leaf(_root, "CN=lethic_xa1", 2025, 2028);
        var store = new InMemoryWorkflowStore();
        var clock = new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 2, 2, 2, 0));
        var trusting = new WorkflowEngine(store, clock, new WorkflowEngineOptions { SignatureTrust = Trust() });
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        Assert.True((await trusting.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), Leader, WorkflowTrigger.Approve) { Signer = leaf })).Success);
        var verified = await trusting.VerifyAuditChainAsync();
        Assert.True(verified.Success, string.Join("\n", verified.Errors));
        Assert.Equal(1, verified.Value.SignedEventCount);
        Assert.True((await f.Engine.VerifyAuditChainAsync()).Errors.Single().Is(WorkflowErrorCode.CertificateUntrusted));
    }

    internal static X509Certificate2 Root(string subject)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        return req.CreateSelfSigned(RootFrom, RootTo);
    }

    internal static X509Certificate2 Leaf(X509Certificate2 issuer, string subject, int fromYear, int toYear, int toMonth = 1, string? email = null)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        if (email is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddEmailAddress(email);
            req.CertificateExtensions.Add(san.Build());
        }

        using X509Certificate2 issued = req.Create(issuer, new DateTimeOffset(fromYear, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(toYear, toMonth, 1, 0, 0, 0, TimeSpan.Zero), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    internal static X509Certificate2 SelfSigned(string subject)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        return req.CreateSelfSigned(RootFrom, RootTo);
    }
}
