using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ktxh.Workflow;

/// <summary>
/// A digital signature of an event's canonical bytes by the actor's X.509 certificate (RSA PKCS#1 v1.5 or ECDSA
/// P1363, SHA-256), for non-repudiation (QĐ 690/QĐ-UBND 2025 Điều 3.7–3.8 and 15.4, seed 002
/// "002-hanoi-ktxh-system-regulation.txt"). Immutable.
/// </summary>
/// <param name="Algorithm"><c>RSA-SHA256</c> or <c>ECDSA-SHA256</c>.</param>
/// <param name="Value">The signature bytes.</param>
/// <param name="Certificate">The signer's certificate (DER), public part only.</param>
public sealed record EventSignature(string Algorithm, ReadOnlyMemory<byte> Value, ReadOnlyMemory<byte> Certificate)
{
    /// <summary>RSA with SHA-256, PKCS#1 v1.5 padding.</summary>
    public const string RsaSha256 = "RSA-SHA256";

    /// <summary>ECDSA with SHA-256, IEEE P1363 signature format.</summary>
    public const string EcdsaSha256 = "ECDSA-SHA256";

    /// <summary>Signs data with a certificate's private key.</summary>
    /// <param name="data">The bytes to sign.</param>
    /// <param name="certificate">A certificate with an RSA or ECDSA private key.</param>
    /// <returns>The signature, or <see cref="WorkflowErrorCode.CertificateUnusable"/> when the certificate has no
    /// usable private key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="certificate"/> is null.</exception>
    public static KtxhResult<EventSignature> Sign(ReadOnlySpan<byte> data, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        byte[] der = certificate.Export(X509ContentType.Cert);
        using (RSA? rsa = certificate.GetRSAPrivateKey())
        {
            if (rsa is not null)
            {
                return KtxhResult.ForValue(new EventSignature(RsaSha256, rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), der));
            }
        }

        using (ECDsa? ec = certificate.GetECDsaPrivateKey())
        {
            if (ec is not null)
            {
                return KtxhResult.ForValue(new EventSignature(EcdsaSha256, ec.SignData(data, HashAlgorithmName.SHA256), der));
            }
        }

        return KtxhResult<EventSignature>.ForError(KtxhError.Create(WorkflowErrorCode.CertificateUnusable, ErrorLocation.None,
            $"Chứng thư số {certificate.Subject} không có khóa bí mật RSA hoặc ECDSA.",
            $"The certificate {certificate.Subject} has no RSA or ECDSA private key."));
    }

    /// <summary>Verifies the signature over <paramref name="data"/> with the embedded certificate.</summary>
    /// <param name="data">The signed bytes.</param>
    /// <param name="signer">The signer's subject name when valid; otherwise what went wrong.</param>
    /// <returns>Whether the signature is valid.</returns>
    public bool Verify(ReadOnlySpan<byte> data, out string signer)
    {
        try
        {
            using X509Certificate2 cert = X509CertificateLoader.LoadCertificate(Certificate.Span);
            signer = cert.Subject;
            switch (Algorithm)
            {
                case RsaSha256:
                    using (RSA? rsa = cert.GetRSAPublicKey())
                    {
                        return rsa is not null && rsa.VerifyData(data, Value.Span, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    }

                case EcdsaSha256:
                    using (ECDsa? ec = cert.GetECDsaPublicKey())
                    {
                        return ec is not null && ec.VerifyData(data, Value.Span, HashAlgorithmName.SHA256);
                    }

                default:
                    signer = $"unknown algorithm {Algorithm}";
                    return false;
            }
        }
        catch (CryptographicException ex)
        {
            signer = ex.Message;
            return false;
        }
    }

    /// <inheritdoc/>
    public bool Equals(EventSignature? other) => other is not null && Algorithm == other.Algorithm
        && Value.Span.SequenceEqual(other.Value.Span) && Certificate.Span.SequenceEqual(other.Certificate.Span);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Algorithm, Value.Length, Certificate.Length);
}
