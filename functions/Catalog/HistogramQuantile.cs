namespace Periscope.Functions.Catalog;

/// <summary>
/// Quantiles of a bucketed latency histogram, estimated the way Prometheus' <c>histogram_quantile</c>
/// does (prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile; promql/quantile.go,
/// bucketQuantile): find the bucket the rank q·count falls in and interpolate linearly within it, the
/// first bucket starting at 0; a rank in the +Inf bucket answers the highest finite bound.
/// </summary>
internal static class HistogramQuantile
{
    /// <param name="q">The quantile, 0 to 1.</param>
    /// <param name="counts">Per-bucket (not cumulative) counts: one per bound, then the +Inf bucket.</param>
    /// <param name="bounds">The buckets' inclusive upper bounds, ascending, all above 0.</param>
    /// <returns>Null for an empty histogram, where Prometheus answers NaN.</returns>
    public static double? Estimate(double q, IReadOnlyList<long> counts, IReadOnlyList<double> bounds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1);
        var total = counts.Sum();
        if (total == 0)
        {
            return null;
        }

        var rank = q * total;
        long below = 0;
        for (var i = 0; i < bounds.Count; i++)
        {
            var inBucket = i < counts.Count ? counts[i] : 0;
            if (below + inBucket >= rank && inBucket > 0)
            {
                var start = i == 0 ? 0 : bounds[i - 1];
                return start + ((bounds[i] - start) * ((rank - below) / inBucket));
            }

            below += inBucket;
        }

        return bounds[^1];
    }
}
