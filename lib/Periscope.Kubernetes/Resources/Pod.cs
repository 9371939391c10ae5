namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 Pod.</summary>
internal sealed class Pod : KubernetesObject
{
    public PodSpec? Spec { get; set; }

    public PodStatus? Status { get; set; }
}
