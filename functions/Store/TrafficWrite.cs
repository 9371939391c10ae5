namespace Periscope.Functions.Store;

/// <summary>
/// One sidecar instance's traffic summary, to be added to its service's totals exactly once: the store
/// applies a (pod, instance) pair's summaries only while their sequence grows.
/// </summary>
/// <param name="Operations">Deltas of the period; each one's first and last seen are the period's ends.</param>
/// <param name="UnattributedRequests">Requests the sidecar counted without an operation (its bound on inferred ones was reached).</param>
/// <param name="ReceivedAt">The catalog's clock when the summary arrived: ages the record of applied sequences.</param>
internal sealed record TrafficWrite(
    string Pod,
    string Instance,
    long Sequence,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<TrafficRecord> Operations,
    long UnattributedRequests,
    DateTimeOffset ReceivedAt);
