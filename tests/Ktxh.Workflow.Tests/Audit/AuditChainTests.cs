using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Audit;

public class AuditChainTests
{
    private static async Task<(WorkflowFixture F, InMemoryWorkflowStore Store, IReadOnlyList<StoredEvent> Events)> Cycle()
    {
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.Accepted, WorkflowPolicy.Default);
        f.Assign("X2");
        return (f, store, await store.ReadAllAsync());
    }

    private static WorkflowErrorCode[] Codes(KtxhResult<AuditChainSummary> r) =>
        r.Errors.Select(e => (WorkflowErrorCode)e.CodeValue!).Distinct().ToArray();

    [Fact]
    public async Task An_untouched_store_verifies()
    {
        var (_, store, events) = await Cycle();
        var r = AuditChain.Verify(events, await store.GetHeadAsync());
        Assert.True(r.Success, string.Join("\n", r.Errors));
        Assert.Equal((7L, 2, 0L), (r.Value.EventCount, r.Value.StreamCount, r.Value.SignedEventCount));
    }

    [Fact]
    public async Task A_changed_event_is_found_and_located()
    {
        var (_, _, events) = await Cycle();
        byte[] body = events[3].Body.ToArray();
        int at = Array.IndexOf(body, (byte)'S');
        body[at] = (byte)'T';
        var tampered = events.ToArray();
        tampered[3] = events[3].With(body);
        var r = AuditChain.Verify(tampered);
        Assert.False(r.Success);
        Assert.Contains(WorkflowErrorCode.EventHashMismatch, Codes(r));
        Assert.Equal(3, r.Errors[0].Location.Index);
        Assert.All(r.Errors, e => Assert.True(e.Location.Index >= 3));
        Assert.Contains("Event 4", r.Errors[0].MessageEn);
    }

    [Fact]
    public async Task A_changed_event_with_a_recomputed_hash_breaks_the_next_link()
    {
        var (_, _, events) = await Cycle();
        byte[] body = events[2].Body.ToArray();
        body[Array.IndexOf(body, (byte)'S')] = (byte)'T';
        var tampered = events.ToArray();
        tampered[2] = events[2].With(body, AuditChain.HashOf(body));
        var r = AuditChain.Verify(tampered);
        Assert.Contains(WorkflowErrorCode.ChainBroken, Codes(r));
        Assert.Contains(r.Errors, e => e.Location.Index == 3);
    }

    [Fact]
    public async Task A_removed_an_inserted_and_a_reordered_event_are_found()
    {
        var (_, store, events) = await Cycle();
        var removed = events.Where((_, i) => i != 2).ToArray();
        Assert.Contains(WorkflowErrorCode.SequenceBroken, Codes(AuditChain.Verify(removed)));
        var inserted = events.Take(3).Append(events[1]).Concat(events.Skip(3)).ToArray();
        Assert.Contains(WorkflowErrorCode.SequenceBroken, Codes(AuditChain.Verify(inserted)));
        var reordered = events.ToArray();
        (reordered[2], reordered[3]) = (reordered[3], reordered[2]);
        var r = AuditChain.Verify(reordered);
        Assert.Contains(WorkflowErrorCode.ChainBroken, Codes(r));
        Assert.Equal(2, r.Errors.Min(e => e.Location.Index));
        var anchor = await store.GetHeadAsync();
        Assert.Contains(WorkflowErrorCode.AnchorMismatch, Codes(AuditChain.Verify(events.Take(events.Count - 1), anchor)));
    }

    [Fact]
    public async Task A_changed_index_column_is_found()
    {
        var (_, _, events) = await Cycle();
        var tampered = events.ToArray();
        var e = events[1];
        tampered[1] = new StoredEvent(e.Position, Id("X9").StreamId, e.StreamVersion, e.CommandId, e.Body, e.Hash);
        Assert.Contains(WorkflowErrorCode.EventHashMismatch, Codes(AuditChain.Verify(tampered)));
    }

    [Fact]
    public async Task Tampering_inside_the_store_is_found_by_the_engine()
    {
        var (f, store, events) = await Cycle();
        byte[] body = events[4].Body.ToArray();
        body[^3] ^= 1;
        store.TamperForTests(4, events[4].With(body));
        var r = await f.Engine.VerifyAuditChainAsync();
        Assert.False(r.Success);
        Assert.Equal(4, r.Errors[0].Location.Index);
    }

    public static TheoryData<string> Algorithms() => new() { "RSA", "ECDSA" };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Signed_events_verify_with_the_signer_named_and_a_forged_signature_is_found(string algorithm)
    {
        using X509Certificate2 cert = algorithm == "RSA" ? RsaCertificate("CN=Le Thi C, O=UBND xa X1") : EcdsaCertificate("CN=Le Thi C, O=UBND xa X1");
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        var approved = await f.Engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), Leader, WorkflowTrigger.Approve) { Signer = cert });
        Assert.True(approved.Success);
        var events = await store.ReadAllAsync();
        // The self-signed certificate is its own trust anchor here, and the host maps the account to it.
        var trust = new SignatureTrust
        {
            TrustAnchors = [cert],
            ActorCertificates = new Dictionary<string, IReadOnlyList<string>> { [Leader.UserName] = [cert.GetCertHashString(HashAlgorithmName.SHA256)] },
        };
        var r = AuditChain.Verify(events, null, trust);
        Assert.True(r.Success, string.Join("\n", r.Errors));
        Assert.Equal(1, r.Value.SignedEventCount);
        Assert.Equal(["CN=Le Thi C, O=UBND xa X1"], r.Value.Signers);

        // Someone rewrites the signed event and re-hashes the chain from there: the signature still gives it away.
        string json = System.Text.Encoding.UTF8.GetString(events[^1].Body.Span).Replace("lethic_xa1", "lethid_xa1", StringComparison.Ordinal);
        byte[] forged = System.Text.Encoding.UTF8.GetBytes(json);
        var rewritten = events.Take(events.Count - 1).Append(events[^1].With(forged, AuditChain.HashOf(forged))).ToArray();
        var bad = AuditChain.Verify(rewritten, null, trust);
        Assert.Equal([WorkflowErrorCode.SignatureInvalid], Codes(bad));
    }

    [Fact]
    public async Task A_submission_whose_stored_history_was_broken_is_reported_not_thrown()
    {
        var (f, store, events) = await Cycle();
        string json = System.Text.Encoding.UTF8.GetString(events[0].Body.Span);
        int from = json.IndexOf(",\"assignment\":", StringComparison.Ordinal);
        int to = json.IndexOf("}", from, StringComparison.Ordinal) + 1;
        byte[] broken = System.Text.Encoding.UTF8.GetBytes(json[..from] + json[to..]);
        store.TamperForTests(0, events[0].With(broken, AuditChain.HashOf(broken)));
        var r = await f.Engine.GetAsync(Id());
        Assert.True(r.Errors.Single().Is(WorkflowErrorCode.EventUnreadable), r.Errors.Single().ToString());
    }

    [Fact]
    public async Task A_certificate_without_a_private_key_cannot_sign_and_nothing_is_stored()
    {
        using X509Certificate2 withKey = RsaCertificate("CN=A");
        using X509Certificate2 publicOnly = X509CertificateLoader.LoadCertificate(withKey.Export(X509ContentType.Cert));
        var f = new WorkflowFixture();
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        var r = await f.Engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), Leader, WorkflowTrigger.Approve) { Signer = publicOnly });
        Assert.True(r.Errors.Single().Is(WorkflowErrorCode.CertificateUnusable));
        Assert.Equal(SubmissionState.AwaitingApproval, f.Get().State);
    }

    [Fact]
    public void Events_round_trip_through_their_canonical_json()
    {
        var f = new WorkflowFixture();
        Submission s = f.DriveTo(SubmissionState.Accepted, WorkflowPolicy.Default);
        foreach (WorkflowEvent e in s.Events)
        {
            byte[] json = WorkflowEventJson.Write(e);
            WorkflowEvent back = WorkflowEventJson.Read(json).Value;
            Assert.Equal(json, WorkflowEventJson.Write(back));
            Assert.Equal(e.Content?.Sha256, back.Content?.Sha256);
        }

        Assert.True(WorkflowEventJson.Read("{\"type\":\"Nope\"}"u8.ToArray()).Errors.Single().Is(WorkflowErrorCode.EventUnreadable));
    }

    internal static X509Certificate2 RsaCertificate(string subject)
    {
        using RSA rsa = RSA.Create(2048);
        var req = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return req.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
    }

    internal static X509Certificate2 EcdsaCertificate(string subject)
    {
        using ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest(subject, ec, HashAlgorithmName.SHA256);
        return req.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
    }
}
