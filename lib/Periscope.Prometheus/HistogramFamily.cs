namespace Periscope.Prometheus;

/// <summary>A <c>Histogram&lt;T&gt;</c>: cumulative <c>_bucket</c> series with a <c>+Inf</c> bucket, <c>_sum</c> and <c>_count</c>.</summary>
internal sealed class HistogramFamily : MetricFamily
{
    private readonly double[] bounds;
    private readonly string[] upperBounds;
    private readonly SeriesMap<HistogramSeries> series;

    public HistogramFamily(string name, string? help, IEnumerable<double> bucketBounds)
        : base(name, help, "histogram")
    {
        // Prometheus needs strictly increasing finite bounds; +Inf is always added as the last bucket.
        bounds = [.. bucketBounds.Where(double.IsFinite).Distinct().Order()];
        upperBounds = [.. bounds.Select(PrometheusTextWriter.FormatValue), "+Inf"];
        series = new(() => new HistogramSeries(bounds));
    }

    public IReadOnlyList<double> Bounds => bounds;

    public override bool IsEmpty => series.IsEmpty;

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        series.Get(tags).Observe(value);

    protected override void WriteSamples(PrometheusTextWriter writer)
    {
        foreach (var (labels, histogram) in series.Sorted())
        {
            // The count is the +Inf bucket rather than a separate counter, so that a scrape racing a
            // recording still sees _count equal to the +Inf bucket, as Prometheus requires.
            var cumulative = histogram.CumulativeCounts();
            for (var i = 0; i < cumulative.Length; i++)
            {
                writer.WriteBucket(Name + "_bucket", labels.Rendered, upperBounds[i], cumulative[i]);
            }

            writer.WriteSample(Name + "_sum", labels.Rendered, histogram.Sum);
            writer.WriteSample(Name + "_count", labels.Rendered, cumulative[^1]);
        }
    }
}
