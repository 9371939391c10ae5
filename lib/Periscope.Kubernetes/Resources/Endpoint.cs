namespace Periscope.Kubernetes.Resources;

/// <summary>discovery.k8s.io/v1 Endpoint.</summary>
internal sealed class Endpoint
{
    public List<string> Addresses { get; set; } = [];

    public EndpointConditions? Conditions { get; set; }

    public ObjectReference? TargetRef { get; set; }

    public string? NodeName { get; set; }
}
