using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>meta/v1 LabelSelector; matchExpressions stay in <see cref="ExtensionData"/>.</summary>
internal sealed class LabelSelector
{
    public Dictionary<string, string>? MatchLabels { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
