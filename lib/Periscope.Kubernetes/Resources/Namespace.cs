namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 Namespace.</summary>
internal sealed class Namespace : KubernetesObject
{
    public NamespaceStatus? Status { get; set; }
}
