using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using static Ktxh.Workflow.Tests.WorkflowFixture;

namespace Ktxh.Workflow.Tests.Audit;

/// <summary>
/// A revoked signer is refused when the host asks for revocation checking: a test CA (made here with
/// <see cref="CertificateRequest"/>) issues two leaves of the actor whose CRL distribution point is a tiny HTTP server on
/// 127.0.0.1 serving the CA's revocation list (built with <see cref="CertificateRevocationListBuilder"/>); one leaf is on
/// the list. The revoked leaf verifies without revocation checking and fails with it; the other passes both, so the
/// list was fetched and read (a status that cannot be determined would fail it too).
/// </summary>
public sealed class SignatureRevocationTests : IDisposable
{
    private static readonly DateTimeOffset RootFrom = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RootTo = new(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly CrlServer _server = new();
    private readonly X509Certificate2 _root;

    public SignatureRevocationTests()
    {
        // A new CA and list address per run: the platform caches downloaded lists by issuer and address.
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN=Ktxh Revocation Test CA {Guid.NewGuid():N}, O=Cục Thống kê", key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        _root = req.CreateSelfSigned(RootFrom, RootTo);
    }

    public void Dispose()
    {
        _server.Dispose();
        _root.Dispose();
    }

    private X509Certificate2 Leaf(string subject)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_root, true, false));
        req.CertificateExtensions.Add(CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([_server.Url]));
        using X509Certificate2 issued = req.Create(_root, new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>The CA's list, valid from before the events (2026-02-02) until after today, revoking <paramref name="revoked"/>.</summary>
    private byte[] Crl(params X509Certificate2[] revoked)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (X509Certificate2 c in revoked)
        {
            builder.AddEntry(c, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero), X509RevocationReason.KeyCompromise);
        }

        return builder.Build(_root, BigInteger.One, new DateTimeOffset(2039, 1, 1, 0, 0, 0, TimeSpan.Zero), HashAlgorithmName.SHA256,
            thisUpdate: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    private SignatureTrust Trust(X509RevocationMode mode) => new() { TrustAnchors = [_root], RevocationMode = mode };

    private static async Task<IReadOnlyList<StoredEvent>> SignedApproval(X509Certificate2 signer)
    {
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        var r = await f.Engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), Leader, WorkflowTrigger.Approve) { Signer = signer });
        Assert.True(r.Success, string.Join("\n", r.Errors));
        return await store.ReadAllAsync();
    }

    [Fact]
    public async Task A_revoked_signer_fails_only_when_revocation_is_checked_and_a_good_one_passes()
    {
        using X509Certificate2 revoked = Leaf("CN=lethic_xa1, O=UBND xa X1, SERIALNUMBER=1");
        using X509Certificate2 good = Leaf("CN=lethic_xa1, O=UBND xa X1, SERIALNUMBER=2");
        _server.Body = Crl(revoked);
        var revokedEvents = await SignedApproval(revoked);
        var goodEvents = await SignedApproval(good);

        // Not checked: the revoked certificate passes (this is what the test would see if revocation were ignored).
        Assert.True(AuditChain.Verify(revokedEvents, null, Trust(X509RevocationMode.NoCheck)).Success);
        Assert.Equal(0, _server.Requests);

        // Checked online: the list is fetched from the local server; the revoked signer is refused, located and named.
        var r = AuditChain.Verify(revokedEvents, null, Trust(X509RevocationMode.Online));
        KtxhError error = Assert.Single(r.Errors);
        Assert.True(error.Is(WorkflowErrorCode.CertificateRevoked), error.ToString());
        Assert.Equal(revokedEvents.Count - 1, error.Location.Index);
        Assert.Contains("đã bị thu hồi", error.MessageVi, StringComparison.Ordinal);
        Assert.Contains("is revoked", error.MessageEn, StringComparison.Ordinal);
        Assert.Contains("lethic_xa1", error.MessageEn, StringComparison.Ordinal);
        Assert.True(_server.Requests > 0, "the revocation list was never asked for");

        // The same CA's other leaf is not on the list: trusted, and counted as signed.
        var ok = AuditChain.Verify(goodEvents, null, Trust(X509RevocationMode.Online));
        Assert.True(ok.Success, string.Join("\n", ok.Errors));
        Assert.Equal(1, ok.Value.SignedEventCount);
    }

    [Fact]
    public async Task The_engine_refuses_a_revoked_signer_when_its_trust_checks_revocation()
    {
        using X509Certificate2 revoked = Leaf("CN=lethic_xa1, SERIALNUMBER=3");
        _server.Body = Crl(revoked);
        var store = new InMemoryWorkflowStore();
        var f = new WorkflowFixture(store: store);
        f.DriveTo(SubmissionState.AwaitingApproval, WorkflowPolicy.Default);
        Assert.True((await f.Engine.ExecuteAsync(new WorkflowCommand(Guid.NewGuid(), Id(), Leader, WorkflowTrigger.Approve) { Signer = revoked })).Success);
        var checking = new WorkflowEngine(store, f.Clock, new WorkflowEngineOptions { SignatureTrust = Trust(X509RevocationMode.Online) });
        var notChecking = new WorkflowEngine(store, f.Clock, new WorkflowEngineOptions { SignatureTrust = Trust(X509RevocationMode.NoCheck) });

        Assert.True((await notChecking.VerifyAuditChainAsync()).Success);
        Assert.True((await checking.VerifyAuditChainAsync()).Errors.Single().Is(WorkflowErrorCode.CertificateRevoked));
    }

    /// <summary>Serves one body (the CRL, DER) at a unique address on 127.0.0.1 and counts the requests.</summary>
    private sealed class CrlServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private int _requests;

        public CrlServer()
        {
            // A free port: bind port 0, read it, release it, then listen there (retried if another process took it).
            for (int attempt = 0; ; attempt++)
            {
                var probe = new TcpListener(IPAddress.Loopback, 0);
                probe.Start();
                int port = ((IPEndPoint)probe.LocalEndpoint).Port;
                probe.Stop();
                string prefix = $"http://127.0.0.1:{port}/";
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add(prefix);
                try
                {
                    _listener.Start();
                    Url = $"{prefix}{Guid.NewGuid():N}/ca.crl";
                    break;
                }
                catch (HttpListenerException) when (attempt < 5)
                {
                }
            }

            _loop = Task.Run(ServeAsync);
        }

        public string Url { get; } = "";

        public byte[] Body { get; set; } = [];

        public int Requests => Volatile.Read(ref _requests);

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                byte[] body = Body;
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/pkix-crl";
                context.Response.ContentLength64 = body.Length;
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _listener.Close();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The loop ends on the closed listener; nothing to report.
            }

            _stop.Dispose();
        }
    }
}
