namespace Periscope.Kubernetes.Resources;

/// <summary>apps/v1 ReplicaSet.</summary>
internal sealed class ReplicaSet : KubernetesObject
{
    public WorkloadSpec? Spec { get; set; }

    public WorkloadStatus? Status { get; set; }
}
