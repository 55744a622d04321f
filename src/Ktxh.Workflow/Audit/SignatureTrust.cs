using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NodaTime;

namespace Ktxh.Workflow;

/// <summary>
/// Whom the audit chain trusts to have signed an event (non-repudiation, QĐ 690/QĐ-UBND 2025 Điều 3.7–3.8, seed 002
/// "002-hanoi-ktxh-system-regulation.txt": a digital signature proves who acted only if the certificate is the
/// actor's and was issued by an authority the host trusts). <see cref="AuditChain.Verify(IEnumerable{StoredEvent}, AuditAnchor?, SignatureTrust)"/>
/// checks three things for every signed event, after the signature itself:
/// <list type="number">
/// <item>the certificate chains to a trust anchor: the host's <see cref="TrustAnchors"/> (custom root trust), or
/// the machine's trusted roots when none are given; intermediate certificates from <see cref="Intermediates"/>;</item>
/// <item>the chain was valid at the event's time (the time recorded in the signed event, not now), and not revoked
/// under <see cref="RevocationMode"/>;</item>
/// <item>the signer is the actor, by this rule: when <see cref="ActorCertificates"/> lists the event's account, the
/// certificate's SHA-256 thumbprint must be one of those listed (the mapping is authoritative); otherwise the
/// certificate must name the account: its subject common name (CN), its e-mail name (subject alternative name
/// rfc822Name or subject E) or its user principal name equals the account's user name, or the e-mail's or UPN's
/// part before '@' does — ignoring case.</item>
/// </list>
/// Immutable once built; thread-safe.
/// </summary>
public sealed class SignatureTrust
{
    /// <summary>The machine's trusted roots, revocation not checked, names matched to accounts.</summary>
    public static SignatureTrust System { get; } = new();

    /// <summary>The trust anchors (root certificates, public part). When empty, the machine's trusted roots are used;
    /// when given, only these are (custom root trust: the machine's roots are ignored).</summary>
    public IReadOnlyList<X509Certificate2> TrustAnchors { get; init; } = [];

    /// <summary>Intermediate certificates that may complete a chain (an event stores only the signer's own certificate).</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; init; } = [];

    /// <summary>How revocation is checked. Default <see cref="X509RevocationMode.NoCheck"/>, because the reporting
    /// networks are often closed; set <see cref="X509RevocationMode.Online"/> (or
    /// <see cref="X509RevocationMode.Offline"/> with cached lists) where the authorities' revocation lists are
    /// reachable. A revocation status that cannot be determined fails the check.</summary>
    public X509RevocationMode RevocationMode { get; init; } = X509RevocationMode.NoCheck;

    /// <summary>Which certificates of the chain are checked for revocation (default: all but the root).</summary>
    public X509RevocationFlag RevocationFlag { get; init; } = X509RevocationFlag.ExcludeRoot;

    /// <summary>The host's account → certificate mapping: for each account user name listed, the SHA-256
    /// thumbprints (hexadecimal, any case) of the certificates that may sign for it. Accounts not listed fall back
    /// to the name rule (see the class summary).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ActorCertificates { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Checks a certificate that has already verified a signature: its chain at <paramref name="eventTime"/>
    /// and that it belongs to <paramref name="actorUserName"/>.</summary>
    /// <param name="certificate">The signer's certificate.</param>
    /// <param name="actorUserName">The acting account recorded in the event.</param>
    /// <param name="eventTime">The event's time.</param>
    /// <returns>Null when trusted; otherwise the error code and why, in Vietnamese and English.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    internal (WorkflowErrorCode Code, string Vi, string En)? Check(X509Certificate2 certificate, string actorUserName, Instant eventTime)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(actorUserName);
        if (CheckChain(certificate, eventTime) is { } chainProblem)
        {
            return chainProblem;
        }

        return IsActors(certificate, actorUserName)
            ? null
            : (WorkflowErrorCode.SignerNotActor,
                $"chứng thư số \"{certificate.Subject}\" không phải của tài khoản thực hiện {actorUserName}",
                $"the certificate \"{certificate.Subject}\" is not the acting account {actorUserName}'s");
    }

    private (WorkflowErrorCode Code, string Vi, string En)? CheckChain(X509Certificate2 certificate, Instant eventTime)
    {
        using var chain = new X509Chain();
        X509ChainPolicy policy = chain.ChainPolicy;
        policy.RevocationMode = RevocationMode;
        policy.RevocationFlag = RevocationFlag;
        // The certificate must have been valid when the actor signed, not when someone verifies years later.
        policy.VerificationTime = eventTime.ToDateTimeUtc();
        policy.VerificationTimeIgnored = false;
        policy.UrlRetrievalTimeout = TimeSpan.FromSeconds(15);
        foreach (X509Certificate2 i in Intermediates)
        {
            policy.ExtraStore.Add(i);
        }

        if (TrustAnchors.Count > 0)
        {
            policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            foreach (X509Certificate2 root in TrustAnchors)
            {
                policy.CustomTrustStore.Add(root);
            }
        }

        bool built;
        try
        {
            built = chain.Build(certificate);
        }
        catch (CryptographicException)
        {
            return (WorkflowErrorCode.CertificateUntrusted, "không dựng được chuỗi chứng thư (chứng thư hoặc chứng thư gốc tin cậy bị hỏng)",
                "the certificate chain cannot be built (the certificate or a trust anchor is damaged)");
        }

        X509ChainStatusFlags flags = X509ChainStatusFlags.NoError;
        foreach (X509ChainElement element in chain.ChainElements)
        {
            foreach (X509ChainStatus s in element.ChainElementStatus)
            {
                flags |= s.Status;
            }
        }

        foreach (X509ChainStatus s in chain.ChainStatus)
        {
            flags |= s.Status;
        }

        if (built && flags == X509ChainStatusFlags.NoError)
        {
            return null;
        }

        string at = eventTime.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", global::System.Globalization.CultureInfo.InvariantCulture);
        if ((flags & X509ChainStatusFlags.Revoked) != 0)
        {
            return (WorkflowErrorCode.CertificateRevoked, $"chứng thư số \"{certificate.Subject}\" đã bị thu hồi",
                $"the certificate \"{certificate.Subject}\" is revoked");
        }

        if ((flags & (X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested)) != 0)
        {
            return (WorkflowErrorCode.CertificateNotValidAtEventTime,
                $"chứng thư số \"{certificate.Subject}\" (hiệu lực {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd} – {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}) không còn hoặc chưa có hiệu lực tại thời điểm ký {at}",
                $"the certificate \"{certificate.Subject}\" (valid {certificate.NotBefore.ToUniversalTime():yyyy-MM-dd} to {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}) was not valid at the event's time {at}");
        }

        if ((flags & (X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation)) != 0)
        {
            return (WorkflowErrorCode.CertificateUntrusted,
                $"không kiểm tra được tình trạng thu hồi của chứng thư số \"{certificate.Subject}\" (chế độ {RevocationMode})",
                $"the revocation status of the certificate \"{certificate.Subject}\" cannot be determined (mode {RevocationMode})");
        }

        string detail = flags == X509ChainStatusFlags.NoError ? "PartialChain" : flags.ToString();
        return (WorkflowErrorCode.CertificateUntrusted,
            $"chứng thư số \"{certificate.Subject}\" không do tổ chức chứng thực được tin cậy cấp ({detail})",
            $"the certificate \"{certificate.Subject}\" is not issued by a trusted authority ({detail})");
    }

    private bool IsActors(X509Certificate2 certificate, string actorUserName)
    {
        if (ActorCertificates.TryGetValue(actorUserName, out IReadOnlyList<string>? thumbprints))
        {
            string sha256 = certificate.GetCertHashString(HashAlgorithmName.SHA256);
            return thumbprints.Any(t => string.Equals(t?.Replace(":", "", StringComparison.Ordinal), sha256, StringComparison.OrdinalIgnoreCase));
        }

        return Names(certificate).Any(n => NameMatches(n, actorUserName));
    }

    private static IEnumerable<string> Names(X509Certificate2 certificate)
    {
        yield return certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        yield return certificate.GetNameInfo(X509NameType.EmailName, forIssuer: false);
        yield return certificate.GetNameInfo(X509NameType.UpnName, forIssuer: false);
    }

    private static bool NameMatches(string? name, string account)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (string.Equals(name, account, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int at = name.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && string.Equals(name[..at], account, StringComparison.OrdinalIgnoreCase);
    }
}
