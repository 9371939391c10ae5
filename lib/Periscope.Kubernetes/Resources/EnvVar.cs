using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>core/v1 EnvVar; valueFrom stays in <see cref="ExtensionData"/>.</summary>
internal sealed class EnvVar
{
    public string Name { get; set; } = "";

    public string? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
