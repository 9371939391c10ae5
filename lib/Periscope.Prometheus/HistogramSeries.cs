namespace Periscope.Prometheus;

/// <summary>One labelled histogram: a count per bucket (not cumulative; the writer adds them up) and a sum.</summary>
internal sealed class HistogramSeries
{
    private readonly double[] bounds;
    private readonly long[] counts;
    private double sum;

    public HistogramSeries(double[] bounds)
    {
        this.bounds = bounds;
        counts = new long[bounds.Length + 1];
    }

    public double Sum => Volatile.Read(ref sum);

    public void Observe(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        // Buckets are "less than or equal" upper bounds, so an exact hit belongs to that bucket; a miss
        // lands in the first larger bound, or past the last one in the +Inf bucket.
        var index = Array.BinarySearch(bounds, value);
        Interlocked.Increment(ref counts[index >= 0 ? index : ~index]);
        InterlockedDouble.Add(ref sum, value);
    }

    /// <summary>Cumulative counts, one per bound and a last one for +Inf, which is also the count.</summary>
    public long[] CumulativeCounts()
    {
        var cumulative = new long[counts.Length];
        long running = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            running += Interlocked.Read(ref counts[i]);
            cumulative[i] = running;
        }

        return cumulative;
    }
}
