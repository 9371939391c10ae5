using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Periscope.Webhook.Tls;

/// <summary>
/// The CA of <see cref="TlsMode.Bootstrap"/>: ECDSA P-256, self-signed, signing the serving certificates whose
/// trust kube-apiserver takes from the webhook's caBundle. A CA loaded from the Secret may also be RSA (an
/// operator's own CA placed there).
/// </summary>
internal sealed class WebhookCertificateAuthority : IDisposable
{
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(5);
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly X509Certificate2 _certificate;
    private readonly AsymmetricAlgorithm _key;

    private WebhookCertificateAuthority(X509Certificate2 certificate, AsymmetricAlgorithm key)
    {
        _certificate = certificate;
        _key = key;
    }

    /// <summary>The CA certificate without its key.</summary>
    public X509Certificate2 Certificate => X509CertificateLoader.LoadCertificate(_certificate.RawData);

    /// <summary>The CA certificate as PEM: the caBundle and the Secret's tls.crt.</summary>
    public string CertificatePem => _certificate.ExportCertificatePem();

    /// <summary>The CA key as PKCS#8 PEM: the Secret's tls.key.</summary>
    public string KeyPem => _key.ExportPkcs8PrivateKeyPem();

    public static WebhookCertificateAuthority Create(string commonName, DateTimeOffset now, TimeSpan validity)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={commonName}"), key, HashAlgorithmName.SHA256);

        // RFC 5280 §4.2.1.9 and §4.2.1.3: a CA certificate asserts cA and keyCertSign, both critical.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(now - Backdate, now + validity);
        return new WebhookCertificateAuthority(X509CertificateLoader.LoadCertificate(certificate.RawData), key);
    }

    /// <summary>A CA from PEM text (the Secret's tls.crt and tls.key), checked to be a usable CA.</summary>
    /// <exception cref="CryptographicException">Not a CA certificate with its key, or outside its validity.</exception>
    public static WebhookCertificateAuthority FromPem(string certificatePem, string keyPem, DateTimeOffset now)
    {
        using var pair = CertificateFiles.Pair(certificatePem, keyPem);
        var constraints = pair.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is not { CertificateAuthority: true })
        {
            throw new CryptographicException($"{pair.Subject} is not a CA certificate (basicConstraints cA is not set)");
        }

        if (now >= pair.NotAfter.ToUniversalTime())
        {
            throw new CryptographicException($"the CA {pair.Subject} expired at {pair.NotAfter.ToUniversalTime():u}");
        }

        AsymmetricAlgorithm key = (AsymmetricAlgorithm?)pair.GetECDsaPrivateKey() ?? pair.GetRSAPrivateKey()
            ?? throw new CryptographicException($"the CA key of {pair.Subject} is neither ECDSA nor RSA");
        return new WebhookCertificateAuthority(X509CertificateLoader.LoadCertificate(pair.RawData), key);
    }

    /// <summary>Whether <paramref name="certificatePem"/> is this CA's certificate.</summary>
    public bool IsSameAs(string certificatePem)
    {
        using var other = X509Certificate2.CreateFromPem(certificatePem);
        return other.RawData.AsSpan().SequenceEqual(_certificate.RawData);
    }

    /// <summary>
    /// A serving certificate (ECDSA P-256, serverAuth) for <paramref name="hosts"/>, the first also its CN,
    /// valid from five minutes ago (clock skew between nodes) for <paramref name="validity"/>, never past the CA.
    /// </summary>
    public X509Certificate2 Issue(IReadOnlyList<string> hosts, DateTimeOffset now, TimeSpan validity)
    {
        ArgumentOutOfRangeException.ThrowIfZero(hosts.Count);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={hosts[0]}"), key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (IPAddress.TryParse(host, out var address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        // Go's crypto/x509, which kube-apiserver uses, checks names only in subjectAltName (the CN is ignored since Go 1.15).
        request.CertificateExtensions.Add(names.Build(critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, true, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        var notAfter = now + validity;
        var caNotAfter = new DateTimeOffset(_certificate.NotAfter.ToUniversalTime());
        if (notAfter > caNotAfter)
        {
            notAfter = caNotAfter;
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f; // RFC 5280 §4.1.2.2: a positive integer
        var generator = _key switch
        {
            ECDsa ecdsa => X509SignatureGenerator.CreateForECDsa(ecdsa),
            RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
            _ => throw new CryptographicException("unsupported CA key"),
        };
        using var signed = request.Create(_certificate.SubjectName, generator, now - Backdate, notAfter, serial);
        using var withKey = signed.CopyWithPrivateKey(key);

        // A PKCS#12 round trip gives SslStream a persisted key on every platform (Windows refuses ephemeral keys).
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        _key.Dispose();
    }
}
