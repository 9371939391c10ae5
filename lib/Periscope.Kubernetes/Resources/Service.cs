namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 Service.</summary>
internal sealed class Service : KubernetesObject
{
    public ServiceSpec? Spec { get; set; }
}
