namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 NodeAddress (InternalIP, ExternalIP, Hostname).</summary>
internal sealed class NodeAddress
{
    public string Type { get; set; } = "";

    public string Address { get; set; } = "";
}
