using Periscope.Catalog.Contracts;
using Periscope.Functions.Store;

namespace Periscope.Functions.Catalog;

/// <summary>
/// An operation's traffic as the catalog shows it, summed over every pod since it was first seen:
/// calls, errors (5xx answers, the sidecar's own 502/504 included), latency quantiles estimated from the
/// histogram, requests by status class and body bytes.
/// </summary>
internal sealed record TrafficView(
    long Calls,
    long Errors,
    double ErrorRate,
    double? P50Seconds,
    double? P99Seconds,
    IReadOnlyDictionary<string, long> ByStatusClass,
    long RequestBytes,
    long ResponseBytes,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen)
{
    /// <returns>Null when the operation was never called.</returns>
    public static TrafficView? From(TrafficTotals? totals)
    {
        if (totals is null || totals.Calls == 0)
        {
            return null;
        }

        var bounds = LatencyHistogram.StandardBoundsSeconds;
        return new TrafficView(
            totals.Calls,
            totals.Errors,
            (double)totals.Errors / totals.Calls,
            HistogramQuantile.Estimate(0.5, totals.LatencyCounts, bounds),
            HistogramQuantile.Estimate(0.99, totals.LatencyCounts, bounds),
            new Dictionary<string, long>
            {
                ["1xx"] = totals.ByStatusClass[0],
                ["2xx"] = totals.ByStatusClass[1],
                ["3xx"] = totals.ByStatusClass[2],
                ["4xx"] = totals.ByStatusClass[3],
                ["5xx"] = totals.ByStatusClass[4],
            },
            totals.RequestBytes,
            totals.ResponseBytes,
            totals.FirstSeen,
            totals.LastSeen);
    }
}
