namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 NodeStatus. Quantities ("4", "16Gi") stay strings.</summary>
internal sealed class NodeStatus
{
    public Dictionary<string, string>? Capacity { get; set; }

    public Dictionary<string, string>? Allocatable { get; set; }

    public List<Condition>? Conditions { get; set; }

    public List<NodeAddress>? Addresses { get; set; }

    public NodeSystemInfo? NodeInfo { get; set; }
}
