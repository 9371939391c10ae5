using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

/// <summary>Where invocations of the app reach it: in Kubernetes the pod IP and the sidecar's inbound port 3501.</summary>
public sealed record ReportedEndpoint
{
    [JsonPropertyName("address")] public string? Address { get; init; }
    [JsonPropertyName("port")] public int? Port { get; init; }
}
