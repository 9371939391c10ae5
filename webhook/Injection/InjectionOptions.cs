namespace Periscope.Webhook.Injection;

/// <summary>What the injected sidecar looks like unless a pod's annotations override it.</summary>
/// <param name="Image">The sidecar image; overridable by <c>periscope.dev/sidecar-image</c>.</param>
/// <param name="CatalogUrl">Absolute URL of the catalog the sidecar reports to (<c>PERISCOPE_CATALOG_URL</c>).</param>
/// <param name="ClusterMinorVersion">
/// The API server's minor version (<c>/version</c>); native sidecars from 29, where the SidecarContainers
/// feature is beta and on by default (kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/).
/// </param>
internal sealed record InjectionOptions(string Image, string CatalogUrl, int ClusterMinorVersion)
{
    /// <summary>The first minor version of Kubernetes 1.x that runs native sidecars.</summary>
    public const int NativeSidecarMinorVersion = 29;

    /// <summary>
    /// Assumed when the version is neither configured nor readable from the API server: a regular container, which
    /// every version runs, whereas an API server before 1.29 drops <c>restartPolicy</c> from an init container and
    /// the app would wait forever behind a sidecar that never exits.
    /// </summary>
    public const int DefaultClusterMinorVersion = NativeSidecarMinorVersion - 1;

    /// <summary>Default <c>IfNotPresent</c>: a pinned tag never needs a pull per pod.</summary>
    public string ImagePullPolicy { get; init; } = "IfNotPresent";

    /// <summary>Default 10m; overridable by <c>periscope.dev/sidecar-cpu-request</c>.</summary>
    public string CpuRequest { get; init; } = "10m";

    /// <summary>Default none: a CPU limit throttles the proxy on the request path.</summary>
    public string? CpuLimit { get; init; }

    /// <summary>Default 32Mi (the sidecar targets 25 MB RSS, ARCHITECTURE.md).</summary>
    public string MemoryRequest { get; init; } = "32Mi";

    /// <summary>Default 128Mi; overridable by <c>periscope.dev/sidecar-memory-limit</c>.</summary>
    public string MemoryLimit { get; init; } = "128Mi";

    /// <summary>Default Information; overridable by <c>periscope.dev/sidecar-log-level</c>.</summary>
    public string LogLevel { get; init; } = "Information";

    /// <summary>Secret holding the catalog report token; none means the sidecar gets no token variable.</summary>
    public string? ReportTokenSecretName { get; init; }

    /// <summary>Key of the token inside <see cref="ReportTokenSecretName"/>; default <c>token</c>.</summary>
    public string ReportTokenSecretKey { get; init; } = "token";

    public bool UsesNativeSidecar => ClusterMinorVersion >= NativeSidecarMinorVersion;
}
