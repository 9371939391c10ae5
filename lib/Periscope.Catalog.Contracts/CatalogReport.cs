using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

/// <summary>
/// What a sidecar sends to <c>POST /api/catalog/reports</c>: who it is, where it can be reached,
/// and, when it changed or the catalog asked for it, the app's OpenAPI document as the app served it.
/// </summary>
/// <remarks>
/// A report without <see cref="Document"/> is a heartbeat: it carries <see cref="DocumentHash"/>, the
/// hash of the document the sidecar last reported, so the catalog can answer
/// <see cref="ReportOutcome.DocumentRequired"/> when it does not hold that document (for example after
/// its store was reset). Sending the same report twice changes nothing.
/// </remarks>
public sealed record CatalogReport
{
    [JsonPropertyName("appId")] public string? AppId { get; init; }
    [JsonPropertyName("namespace")] public string? Namespace { get; init; }
    [JsonPropertyName("pod")] public string? Pod { get; init; }
    [JsonPropertyName("container")] public string? Container { get; init; }
    [JsonPropertyName("endpoint")] public ReportedEndpoint? Endpoint { get; init; }

    /// <summary>The raw document, or null for a heartbeat (or when the app serves none).</summary>
    [JsonPropertyName("document")] public ReportedDocument? Document { get; init; }

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the document bytes; null when no document was found.</summary>
    [JsonPropertyName("documentHash")] public string? DocumentHash { get; init; }

    /// <summary>Traffic seen since the last accepted summary; null when the sidecar has none to send.</summary>
    [JsonPropertyName("traffic")] public TrafficSummary? Traffic { get; init; }

    [JsonPropertyName("heartbeatAt")] public DateTimeOffset? HeartbeatAt { get; init; }
    [JsonPropertyName("sidecarVersion")] public string? SidecarVersion { get; init; }
}
