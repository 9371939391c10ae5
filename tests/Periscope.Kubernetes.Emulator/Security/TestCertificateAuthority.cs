using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Periscope.Kubernetes.Emulator.Security;

/// <summary>
/// A throwaway CA for loopback TLS in tests: the emulator's serving certificate, and webhook servers'
/// certificates whose CA goes into a MutatingWebhookConfiguration's caBundle.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _ca;

    private TestCertificateAuthority(X509Certificate2 ca) => _ca = ca;

    /// <summary>The CA certificate (public part only).</summary>
    public X509Certificate2 Certificate => X509CertificateLoader.LoadCertificate(_ca.RawData);

    public string CertificatePem => _ca.ExportCertificatePem();

    /// <summary>The PEM base64-encoded, as kubeconfig's certificate-authority-data and a webhook's caBundle carry it.</summary>
    public string CertificatePemBase64 => Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(CertificatePem));

    public static TestCertificateAuthority Create(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return new TestCertificateAuthority(request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2)));
    }

    /// <summary>A serving certificate with a private key for the given DNS names and IP addresses.</summary>
    public X509Certificate2 IssueServerCertificate(params string[] hosts)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hosts.FirstOrDefault() ?? "localhost"}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var host in hosts)
        {
            if (IPAddress.TryParse(host, out var ip))
            {
                names.AddIpAddress(ip);
            }
            else
            {
                names.AddDnsName(host);
            }
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));
        var now = DateTimeOffset.UtcNow;
        using var signed = request.Create(_ca, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(16));
        using var withKey = signed.CopyWithPrivateKey(key);

        // Round-trip through PKCS#12 so SslStream gets a key it can use on every platform.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose() => _ca.Dispose();
}
