using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Periscope.Kubernetes.Configuration;

namespace Periscope.Kubernetes.Http;

/// <summary>
/// The handler chain for a connection: TLS trust limited to the cluster CA (kubeconfig
/// certificate-authority), an optional client certificate, tls-server-name as the name checked on the
/// server certificate, then the bearer token.
/// </summary>
internal static class KubernetesHttpHandlerFactory
{
    public static HttpMessageHandler Create(KubernetesConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Validate(connection, certificate, errors),
                // Read at each handshake: an exec plugin may hand out a new client certificate when the old one expires.
                LocalCertificateSelectionCallback = (_, _, _, _, _) => connection.Credentials?.Current?.ClientCertificate!,
            },
        };
        // No credential is fetched here: AuthenticationHandler awaits it before each request reaches this handler,
        // so Current (a client certificate from an exec plugin included) is set before the first handshake.
        return connection.Credentials is null ? sockets : new AuthenticationHandler(connection.Credentials) { InnerHandler = sockets };
    }

    private static bool Validate(KubernetesConnection connection, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (connection.InsecureSkipTlsVerify)
        {
            return true;
        }

        if (certificate is null)
        {
            return false;
        }

        using var server = new X509Certificate2(certificate);
        var nameOk = connection.TlsServerName is { } name
            ? server.MatchesHostname(name)
            : (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
        if (!nameOk)
        {
            return false;
        }

        if (connection.CertificateAuthorities is not { Count: > 0 } authorities)
        {
            return (errors & SslPolicyErrors.RemoteCertificateChainErrors) == 0;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(server);
    }
}
