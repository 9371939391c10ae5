using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Periscope.Webhook.Tls;

/// <summary>Reads and checks a PEM certificate and key pair, as cert-manager writes them into a Secret.</summary>
internal static class CertificateFiles
{
    /// <summary>The two files' bytes, read once so the fingerprint and the loaded pair are the same version.</summary>
    public static (byte[] Certificate, byte[] Key) Read(string certificatePath, string keyPath) =>
        (File.ReadAllBytes(certificatePath), File.ReadAllBytes(keyPath));

    /// <summary>A digest of both files: a reload is attempted only when it changes.</summary>
    public static string Fingerprint(byte[] certificate, byte[] key)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(certificate);
        hash.AppendData([0]);
        hash.AppendData(key);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// The certificate with its private key, or an exception saying why the pair is unusable: not PEM, a key
    /// that does not belong to the certificate, or a certificate outside its validity period.
    /// </summary>
    /// <exception cref="CryptographicException">The pair cannot be served.</exception>
    public static X509Certificate2 Load(byte[] certificatePem, byte[] keyPem, DateTimeOffset now)
    {
        // CreateFromPem takes the first CERTIFICATE block (the leaf; cert-manager appends the chain after it) and
        // throws when the key does not match it.
        using var pair = Pair(System.Text.Encoding.ASCII.GetString(certificatePem), System.Text.Encoding.ASCII.GetString(keyPem));
        if (now >= pair.NotAfter.ToUniversalTime())
        {
            throw new CryptographicException($"the certificate expired at {pair.NotAfter.ToUniversalTime():u}");
        }

        // A PKCS#12 round trip gives SslStream a persisted key on every platform (Windows refuses ephemeral keys).
        return X509CertificateLoader.LoadPkcs12(pair.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary><see cref="X509Certificate2.CreateFromPem(string, string)"/>, whose key mismatch (an ArgumentException) counts as a bad pair.</summary>
    /// <exception cref="CryptographicException">Not PEM, or the key is not the certificate's.</exception>
    public static X509Certificate2 Pair(string certificatePem, string keyPem)
    {
        try
        {
            return X509Certificate2.CreateFromPem(certificatePem, keyPem);
        }
        catch (ArgumentException e)
        {
            throw new CryptographicException(e.Message, e);
        }
    }
}
