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
