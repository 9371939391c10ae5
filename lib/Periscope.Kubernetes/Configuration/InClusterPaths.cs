namespace Periscope.Kubernetes.Configuration;

/// <summary>
/// Where a pod finds its service-account credentials (Kubernetes docs, "Accessing the Kubernetes API
/// from a Pod"); overridable so tests can point at temp files.
/// </summary>
internal sealed record InClusterPaths(string TokenFile, string CertificateAuthorityFile, string NamespaceFile)
{
    public static InClusterPaths Default { get; } = FromDirectory("/var/run/secrets/kubernetes.io/serviceaccount");

    public static InClusterPaths FromDirectory(string directory) => new(
        Path.Combine(directory, "token"),
        Path.Combine(directory, "ca.crt"),
        Path.Combine(directory, "namespace"));
}
