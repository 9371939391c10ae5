namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 NamespaceStatus: "Active" or "Terminating".</summary>
internal sealed class NamespaceStatus
{
    public string? Phase { get; set; }
}
