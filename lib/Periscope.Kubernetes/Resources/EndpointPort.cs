namespace Periscope.Kubernetes.Resources;

/// <summary>discovery.k8s.io/v1 EndpointPort.</summary>
internal sealed class EndpointPort
{
    public string? Name { get; set; }

    public int? Port { get; set; }

    public string? Protocol { get; set; }

    public string? AppProtocol { get; set; }
}
