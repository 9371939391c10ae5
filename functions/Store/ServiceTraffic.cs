namespace Periscope.Functions.Store;

/// <summary>
/// All the traffic recorded for a service: per operation, the requests no operation was attributed to,
/// and the span of the summaries applied (null before the first).
/// </summary>
internal sealed record ServiceTraffic(
    IReadOnlyList<TrafficRecord> Operations, long UnattributedRequests, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen)
{
    public static readonly ServiceTraffic None = new([], 0, null, null);
}
