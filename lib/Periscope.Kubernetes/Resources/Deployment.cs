namespace Periscope.Kubernetes.Resources;

/// <summary>apps/v1 Deployment.</summary>
internal sealed class Deployment : KubernetesObject
{
    public WorkloadSpec? Spec { get; set; }

    public WorkloadStatus? Status { get; set; }
}
