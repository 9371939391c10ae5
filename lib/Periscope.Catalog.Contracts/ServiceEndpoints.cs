using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

/// <summary>
/// <c>GET /api/services/{namespace}/{appId}/endpoints</c>: where an app-id can be invoked, for the
/// sidecars' service invocation. Only endpoints whose heartbeats are current are listed.
/// </summary>
public sealed record ServiceEndpoints
{
    [JsonPropertyName("namespace")] public string? Namespace { get; init; }
    [JsonPropertyName("appId")] public string? AppId { get; init; }
    [JsonPropertyName("items")] public IReadOnlyList<ResolvedEndpoint>? Items { get; init; }
}

/// <summary>One pod's sidecar inbound port (or, outside Kubernetes, wherever the sidecar reported).</summary>
public sealed record ResolvedEndpoint
{
    [JsonPropertyName("pod")] public string? Pod { get; init; }
    [JsonPropertyName("address")] public string? Address { get; init; }
    [JsonPropertyName("port")] public int Port { get; init; }
    [JsonPropertyName("lastHeartbeat")] public DateTimeOffset LastHeartbeat { get; init; }
}
