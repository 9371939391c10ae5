using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 Container; probes, resources and the rest stay in <see cref="ExtensionData"/>.</summary>
internal sealed class Container
{
    public string Name { get; set; } = "";

    public string? Image { get; set; }

    public List<ContainerPort>? Ports { get; set; }

    public List<EnvVar>? Env { get; set; }

    /// <summary>"Always" on an init container makes it a native sidecar (Kubernetes 1.29+).</summary>
    public string? RestartPolicy { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
