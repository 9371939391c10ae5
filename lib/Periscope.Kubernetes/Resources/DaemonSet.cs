namespace Periscope.Kubernetes.Resources;

/// <summary>apps/v1 DaemonSet.</summary>
internal sealed class DaemonSet : KubernetesObject
{
    public WorkloadSpec? Spec { get; set; }

    public WorkloadStatus? Status { get; set; }
}
