using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Periscope.Webhook.Tests.Tls;

/// <summary>One TLS handshake with a loopback port: what a client (kube-apiserver) is served.</summary>
internal static class TlsHandshake
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The server's certificate. With <paramref name="trust"/>, the handshake succeeds only when the certificate
    /// chains to one of those roots and names <paramref name="targetHost"/>, as kube-apiserver checks a caBundle.
    /// </summary>
    public static async Task<X509Certificate2> ServerCertificateAsync(int port, string targetHost, X509Certificate2Collection? trust = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream());
        using var timeout = new CancellationTokenSource(Deadline);
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = targetHost,
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => trust is null || Trusted(certificate, errors, trust),
            },
            timeout.Token);
        return X509CertificateLoader.LoadCertificate(tls.RemoteCertificate!.GetRawCertData());
    }

    /// <summary>Polls handshakes until one serves a certificate <paramref name="accept"/> takes, or fails at the deadline.</summary>
    public static async Task<X509Certificate2> WaitForAsync(int port, string targetHost, Func<X509Certificate2, bool> accept)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var certificate = await ServerCertificateAsync(port, targetHost);
            if (accept(certificate))
            {
                return certificate;
            }

            Assert.True(DateTime.UtcNow < deadline, $"still served {certificate.Subject} (serial {certificate.SerialNumber}) after {Deadline}");
            await Task.Yield();
        }
    }

    private static bool Trusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection trust)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
