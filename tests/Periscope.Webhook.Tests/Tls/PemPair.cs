using System.Security.Cryptography.X509Certificates;
using Periscope.Kubernetes.Emulator.Security;

namespace Periscope.Webhook.Tests.Tls;

/// <summary>A certificate and key as the PEM text of a cert-manager Secret's tls.crt and tls.key.</summary>
internal sealed record PemPair(string Certificate, string Key, string Serial)
{
    public static PemPair Issue(TestCertificateAuthority authority, string host)
    {
        using var certificate = authority.IssueServerCertificate(host);
        using var key = certificate.GetECDsaPrivateKey()!;
        return new PemPair(certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem(), certificate.SerialNumber);
    }
}
