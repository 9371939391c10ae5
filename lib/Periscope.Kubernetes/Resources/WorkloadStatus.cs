namespace Periscope.Kubernetes.Resources;

/// <summary>
/// The status fields of apps/v1 workloads. Deployments, ReplicaSets and StatefulSets count
/// replicas; DaemonSets count scheduled nodes, so both sets are here and unset ones stay null.
/// </summary>
internal sealed class WorkloadStatus
{
    public long? ObservedGeneration { get; set; }

    public int? Replicas { get; set; }

    public int? ReadyReplicas { get; set; }

    public int? UpdatedReplicas { get; set; }

    public int? AvailableReplicas { get; set; }

    public int? DesiredNumberScheduled { get; set; }

    public int? CurrentNumberScheduled { get; set; }

    public int? NumberReady { get; set; }

    public int? NumberAvailable { get; set; }

    public List<Condition>? Conditions { get; set; }
}
