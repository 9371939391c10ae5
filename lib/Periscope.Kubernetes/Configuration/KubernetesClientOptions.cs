namespace Periscope.Kubernetes.Configuration;

/// <summary>
/// Explicit settings; any of <see cref="Server"/> or <see cref="KubeConfigPath"/> set overrides the
/// environment (see <see cref="KubernetesConfiguration"/> for the order). All default to null.
/// </summary>
internal sealed record KubernetesClientOptions
{
    /// <summary>The API server; with it, the token, token file and CA below are the whole configuration.</summary>
    public Uri? Server { get; init; }

    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public string? CertificateAuthorityFile { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    /// <summary>Read this kubeconfig file only, ignoring KUBECONFIG and ~/.kube/config.</summary>
    public string? KubeConfigPath { get; init; }

    /// <summary>The kubeconfig context to use instead of current-context.</summary>
    public string? Context { get; init; }

    /// <summary>Overrides the namespace of whichever configuration is used.</summary>
    public string? Namespace { get; init; }
}
