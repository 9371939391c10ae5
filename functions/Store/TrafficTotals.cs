namespace Periscope.Functions.Store;

/// <summary>
/// Traffic counted for one operation: requests by status class, errors, a latency histogram in the
/// contract's fixed buckets, body sizes, and when it was first and last seen. Deltas and totals have the
/// same shape, so totals from many pods and summaries add up field by field.
/// </summary>
/// <param name="ByStatusClass">Requests answered 1xx, 2xx, 3xx, 4xx and 5xx, in that order.</param>
/// <param name="LatencyCounts">Per-bucket (not cumulative) counts, one per bound and one for slower than the last.</param>
internal sealed record TrafficTotals(
    IReadOnlyList<long> ByStatusClass,
    long Errors,
    IReadOnlyList<long> LatencyCounts,
    double LatencySumSeconds,
    long RequestBytes,
    long ResponseBytes,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen)
{
    public const int StatusClassCount = 5;

    public long Calls => ByStatusClass.Sum();

    public TrafficTotals Add(TrafficTotals other) => new(
        Sum(ByStatusClass, other.ByStatusClass),
        Errors + other.Errors,
        Sum(LatencyCounts, other.LatencyCounts),
        LatencySumSeconds + other.LatencySumSeconds,
        RequestBytes + other.RequestBytes,
        ResponseBytes + other.ResponseBytes,
        FirstSeen < other.FirstSeen ? FirstSeen : other.FirstSeen,
        LastSeen > other.LastSeen ? LastSeen : other.LastSeen);

    private static long[] Sum(IReadOnlyList<long> left, IReadOnlyList<long> right)
    {
        var sum = new long[Math.Max(left.Count, right.Count)];
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = (i < left.Count ? left[i] : 0) + (i < right.Count ? right[i] : 0);
        }

        return sum;
    }
}
