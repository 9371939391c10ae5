using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 ContainerPort.</summary>
internal sealed class ContainerPort
{
    public string? Name { get; set; }

    [JsonPropertyName("containerPort")]
    public int Port { get; set; }

    public string? Protocol { get; set; }
}
