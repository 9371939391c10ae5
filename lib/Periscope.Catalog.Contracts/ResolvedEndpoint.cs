using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

/// <summary>One pod's sidecar inbound port (or, outside Kubernetes, wherever the sidecar reported).</summary>
public sealed record ResolvedEndpoint
{
    [JsonPropertyName("pod")] public string? Pod { get; init; }
    [JsonPropertyName("address")] public string? Address { get; init; }
    [JsonPropertyName("port")] public int Port { get; init; }
    [JsonPropertyName("lastHeartbeat")] public DateTimeOffset LastHeartbeat { get; init; }
}
