namespace Periscope.Kubernetes.Resources;

/// <summary>discovery.k8s.io/v1 EndpointSlice (it has no spec: the fields sit at the top level).</summary>
internal sealed class EndpointSlice : KubernetesObject
{
    public string AddressType { get; set; } = "IPv4";

    public List<Endpoint>? Endpoints { get; set; }

    public List<EndpointPort>? Ports { get; set; }
}
