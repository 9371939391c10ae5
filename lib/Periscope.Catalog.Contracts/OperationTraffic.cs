using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

/// <summary>Traffic of one operation during a <see cref="TrafficSummary"/>'s period.</summary>
public sealed record OperationTraffic
{
    /// <summary>Upper-case HTTP method, e.g. <c>GET</c>.</summary>
    [JsonPropertyName("method")] public string? Method { get; init; }

    /// <summary>
    /// The path template: for a documented operation exactly as the document's <c>paths</c> key writes it
    /// (e.g. <c>/orders/{id}</c>); for an inferred one the sidecar's template (e.g. <c>/legacy/items/{id}</c>).
    /// </summary>
    [JsonPropertyName("pathTemplate")] public string? PathTemplate { get; init; }

    /// <summary>True when the document does not describe the operation (a shadow API).</summary>
    [JsonPropertyName("inferred")] public bool Inferred { get; init; }

    /// <summary>Requests by status class: keys <c>1xx</c> … <c>5xx</c>; classes with no requests may be absent.</summary>
    [JsonPropertyName("requests")] public IReadOnlyDictionary<string, long>? Requests { get; init; }

    /// <summary>Requests that failed: a 5xx answer, including the sidecar's own 502/504 when the app failed.</summary>
    [JsonPropertyName("errors")] public long Errors { get; init; }

    [JsonPropertyName("latency")] public LatencyHistogram? Latency { get; init; }

    /// <summary>Bytes of request bodies received.</summary>
    [JsonPropertyName("requestBytes")] public long RequestBytes { get; init; }

    /// <summary>Bytes of response bodies sent.</summary>
    [JsonPropertyName("responseBytes")] public long ResponseBytes { get; init; }
}
