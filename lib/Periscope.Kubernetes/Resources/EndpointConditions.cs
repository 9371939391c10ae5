namespace Periscope.Kubernetes.Resources;

/// <summary>discovery.k8s.io/v1 EndpointConditions; a missing value means "unknown", treated as true by consumers.</summary>
internal sealed class EndpointConditions
{
    public bool? Ready { get; set; }

    public bool? Serving { get; set; }

    public bool? Terminating { get; set; }
}
