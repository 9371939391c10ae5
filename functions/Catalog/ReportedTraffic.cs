using Periscope.Catalog.Contracts;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>Turns a validated <see cref="TrafficSummary"/> into the store's <see cref="TrafficWrite"/>.</summary>
internal static class ReportedTraffic
{
    /// <remarks>
    /// The period is the sidecar's clock; an end in the catalog's future is cut to now (as heartbeats are),
    /// so one fast clock cannot push a service's last-seen time ahead for good.
    /// </remarks>
    public static TrafficWrite ToWrite(TrafficSummary summary, string pod, DateTimeOffset now)
    {
        var to = summary.To!.Value > now ? now : summary.To.Value.ToUniversalTime();
        var from = summary.From!.Value > to ? to : summary.From.Value.ToUniversalTime();
        var operations = (summary.Operations ?? [])
            .Select(operation => new TrafficRecord(
                operation.Method!, operation.PathTemplate!, operation.Inferred,
                new TrafficTotals(
                    ByStatusClass(operation.Requests), operation.Errors, [.. operation.Latency!.Counts!], operation.Latency.SumSeconds,
                    operation.RequestBytes, operation.ResponseBytes, from, to)))
            .ToList();
        return new TrafficWrite(pod, summary.Instance!, summary.Sequence, from, to, operations, summary.UnattributedRequests, now);
    }

    /// <summary>Counts indexed by status class: <c>1xx</c> at 0 to <c>5xx</c> at 4.</summary>
    private static long[] ByStatusClass(IReadOnlyDictionary<string, long>? requests)
    {
        var counts = new long[TrafficTotals.StatusClassCount];
        foreach (var (statusClass, count) in requests ?? new Dictionary<string, long>())
        {
            counts[statusClass[0] - '1'] += count;
        }

        return counts;
    }
}
