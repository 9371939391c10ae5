using System.Security.Cryptography.X509Certificates;

namespace Periscope.Kubernetes.Credentials;

/// <summary>What a request presents: a bearer token, a client certificate, or both.</summary>
internal sealed record Credential(string? Token, X509Certificate2? ClientCertificate);
