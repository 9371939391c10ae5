using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>
/// The part every persisted kind shares: apiVersion, kind and metadata.
/// Fields Periscope does not model land in <see cref="ExtensionData"/> so a get, change, replace cycle
/// sends back what the server gave (API conventions, "Objects": clients must not drop unknown fields
/// on update, or a replace silently clears them).
/// </summary>
internal abstract class KubernetesObject
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ObjectMeta Metadata { get; set; } = new();

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
