using System.Security.Cryptography.X509Certificates;

namespace Periscope.Kubernetes.Configuration;

/// <summary>PEM helpers for CA bundles and client certificates.</summary>
internal static class PemCertificates
{
    public static X509Certificate2Collection LoadBundle(string pem)
    {
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPem(pem);
        if (bundle.Count == 0)
        {
            throw new FormatException("no PEM certificate found");
        }

        return bundle;
    }

    /// <summary>
    /// A certificate with its private key. Exported and re-imported as PKCS#12 because an
    /// ephemeral key from CreateFromPem is refused by SslStream on some platforms (dotnet/runtime#23749).
    /// </summary>
    public static X509Certificate2 LoadClientCertificate(string certificatePem, string keyPem)
    {
        using var ephemeral = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
