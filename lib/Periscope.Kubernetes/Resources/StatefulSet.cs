namespace Periscope.Kubernetes.Resources;

/// <summary>apps/v1 StatefulSet.</summary>
internal sealed class StatefulSet : KubernetesObject
{
    public WorkloadSpec? Spec { get; set; }

    public WorkloadStatus? Status { get; set; }
}
