namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 Node.</summary>
internal sealed class Node : KubernetesObject
{
    public NodeStatus? Status { get; set; }
}
