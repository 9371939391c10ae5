using Periscope.Catalog.Contracts;

namespace Periscope.Sidecar.Traffic;

/// <summary>
/// The running totals of one operation since the sidecar started, updated lock-free by every request,
/// and the totals at the previous cut, so a cut reports deltas (<see cref="Cut"/>).
/// </summary>
/// <remarks>
/// Nothing is lost between a request and a cut: totals only grow, and a cut takes what they grew by
/// since the last one, so every counter sums over all summaries to exactly what was recorded. A request
/// caught half-recorded by a cut shows in some counters now and in the others at the next cut.
/// </remarks>
internal sealed class OperationStats
{
    private static readonly long[] BoundTicks =
        [.. LatencyHistogram.StandardBoundsSeconds.Select(s => (long)Math.Round(s * TimeSpan.TicksPerSecond))];

    private readonly long[] statusClasses = new long[StatusClasses.Count];
    private readonly long[] buckets = new long[BoundTicks.Length + 1];
    private long errors;
    private long latencyTicks;
    private long requestBytes;
    private long responseBytes;

    // The totals at the previous cut; only Cut touches them, under the recorder's lock.
    private readonly long[] cutStatusClasses = new long[StatusClasses.Count];
    private readonly long[] cutBuckets = new long[BoundTicks.Length + 1];
    private long cutErrors;
    private long cutLatencyTicks;
    private long cutRequestBytes;
    private long cutResponseBytes;

    public OperationStats(string method, string pathTemplate, string? operationId, bool inferred, OperationMetricTags? metricTags)
    {
        Method = method;
        PathTemplate = pathTemplate;
        OperationId = operationId;
        Inferred = inferred;
        MetricTags = metricTags;
    }

    public string Method { get; }

    public string PathTemplate { get; }

    public string? OperationId { get; }

    public bool Inferred { get; }

    /// <summary>The labels of this operation's metrics, made once.</summary>
    public OperationMetricTags? MetricTags { get; }

    /// <summary>The number of cuts made when the operation left the document (or was documented, if inferred); -1 while it is current.</summary>
    public int RetiredAtCut { get; set; } = -1;

    /// <summary>Requests since the sidecar started.</summary>
    public long TotalRequests
    {
        get
        {
            long total = 0;
            foreach (ref var count in statusClasses.AsSpan())
            {
                total += Volatile.Read(ref count);
            }

            return total;
        }
    }

    /// <summary>The bucket of a latency: the first bound it does not exceed (bounds are inclusive, as Prometheus' <c>le</c>).</summary>
    public static int BucketOf(TimeSpan elapsed)
    {
        var ticks = elapsed.Ticks;
        for (var i = 0; i < BoundTicks.Length; i++)
        {
            if (ticks <= BoundTicks[i])
            {
                return i;
            }
        }

        return BoundTicks.Length;
    }

    public void Record(int statusClass, bool error, TimeSpan elapsed, long requestBodyBytes, long responseBodyBytes)
    {
        var ticks = Math.Max(0, elapsed.Ticks);
        Interlocked.Increment(ref buckets[BucketOf(elapsed)]);
        Interlocked.Add(ref latencyTicks, ticks);
        if (requestBodyBytes > 0)
        {
            Interlocked.Add(ref requestBytes, requestBodyBytes);
        }

        if (responseBodyBytes > 0)
        {
            Interlocked.Add(ref responseBytes, responseBodyBytes);
        }

        if (error)
        {
            Interlocked.Increment(ref errors);
        }

        Interlocked.Increment(ref statusClasses[statusClass]);
    }

    /// <summary>True when a request was recorded since the last cut.</summary>
    public bool HasNews
    {
        get
        {
            for (var i = 0; i < statusClasses.Length; i++)
            {
                if (Volatile.Read(ref statusClasses[i]) != cutStatusClasses[i])
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>What was recorded since the last cut; the next cut starts from here. Call under the recorder's lock.</summary>
    public OperationTraffic Cut()
    {
        var requests = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < statusClasses.Length; i++)
        {
            var delta = Take(ref statusClasses[i], ref cutStatusClasses[i]);
            if (delta > 0)
            {
                requests[StatusClasses.NameOf(i)] = delta;
            }
        }

        var counts = new long[buckets.Length];
        for (var i = 0; i < buckets.Length; i++)
        {
            counts[i] = Take(ref buckets[i], ref cutBuckets[i]);
        }

        return new OperationTraffic
        {
            Method = Method,
            PathTemplate = PathTemplate,
            Inferred = Inferred,
            Requests = requests,
            Errors = Take(ref errors, ref cutErrors),
            Latency = new LatencyHistogram
            {
                BoundsSeconds = LatencyHistogram.StandardBoundsSeconds,
                Counts = counts,
                SumSeconds = (double)Take(ref latencyTicks, ref cutLatencyTicks) / TimeSpan.TicksPerSecond,
            },
            RequestBytes = Take(ref requestBytes, ref cutRequestBytes),
            ResponseBytes = Take(ref responseBytes, ref cutResponseBytes),
        };
    }

    private static long Take(ref long total, ref long atLastCut)
    {
        var now = Interlocked.Read(ref total);
        var delta = now - atLastCut;
        atLastCut = now;
        return delta;
    }
}
