using System.Text.Json.Serialization;

namespace Periscope.Catalog.Contracts;

/// <summary>
/// What the sidecar's inbound port saw since its previous accepted summary: one entry per operation
/// (documented, or inferred from paths the document does not describe). Counts are deltas, never totals.
/// </summary>
/// <remarks>
/// Delivery is exactly-once by (<see cref="Instance"/>, <see cref="Sequence"/>): the sidecar resends an
/// unacknowledged summary unchanged with the same sequence, and the catalog applies a given sequence of
/// an instance once, so a lost answer never counts traffic twice. A restarted sidecar is a new instance.
/// </remarks>
public sealed record TrafficSummary
{
    /// <summary>A random id the sidecar picks at start (e.g. 32 hex digits).</summary>
    [JsonPropertyName("instance")] public string? Instance { get; init; }

    /// <summary>1 for an instance's first summary, then one more for each summary after an accepted one.</summary>
    [JsonPropertyName("sequence")] public long Sequence { get; init; }

    /// <summary>The start of the period the counts cover.</summary>
    [JsonPropertyName("from")] public DateTimeOffset? From { get; init; }

    /// <summary>The end of the period the counts cover.</summary>
    [JsonPropertyName("to")] public DateTimeOffset? To { get; init; }

    [JsonPropertyName("operations")] public IReadOnlyList<OperationTraffic>? Operations { get; init; }

    /// <summary>Requests not attributed to an inferred operation because the sidecar's bound on them was reached.</summary>
    [JsonPropertyName("unattributedRequests")] public long UnattributedRequests { get; init; }
}
