using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>admissionregistration.k8s.io/v1 WebhookClientConfig.</summary>
internal sealed class WebhookClientConfig
{
    public string? Url { get; set; }

    /// <summary>PEM bundle; base64 on the wire, which System.Text.Json does for byte arrays.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819", Justification = "Wire model.")]
    public byte[]? CaBundle { get; set; }

    public JsonElement? Service { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
