using System.Text.Json;
using System.Text.Json.Serialization;

namespace Periscope.Kubernetes.Resources;

/// <summary>admissionregistration.k8s.io/v1 MutatingWebhook; rules, selectors and the rest round-trip.</summary>
internal sealed class MutatingWebhook
{
    public string Name { get; set; } = "";

    public WebhookClientConfig ClientConfig { get; set; } = new();

    public string? FailurePolicy { get; set; }

    public int? TimeoutSeconds { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
