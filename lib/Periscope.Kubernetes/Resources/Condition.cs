namespace Periscope.Kubernetes.Resources;

/// <summary>
/// A status condition. Pods, Nodes, Deployments and the other workloads all use this shape
/// (API conventions, "Typical status properties"); the kind-specific extras are not modelled.
/// </summary>
internal sealed class Condition
{
    public string Type { get; set; } = "";

    public string Status { get; set; } = "";

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public DateTimeOffset? LastTransitionTime { get; set; }
}
