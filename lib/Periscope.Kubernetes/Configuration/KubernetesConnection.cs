using System.Security.Cryptography.X509Certificates;
using Periscope.Kubernetes.Credentials;

namespace Periscope.Kubernetes.Configuration;

/// <summary>
/// Everything needed to reach one API server, whatever it was read from.
/// </summary>
/// <param name="Source">Where this came from, for log lines and errors ("kubeconfig /x, context y").</param>
internal sealed record KubernetesConnection(
    Uri Server,
    string Namespace,
    ICredentialSource? Credentials,
    X509Certificate2Collection? CertificateAuthorities,
    bool InsecureSkipTlsVerify,
    string? TlsServerName,
    string Source);
