using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 ServiceSpec.</summary>
internal sealed class ServiceSpec
{
    public string? Type { get; set; }

    public string? ClusterIP { get; set; }

    public Dictionary<string, string>? Selector { get; set; }

    public List<ServicePort>? Ports { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
