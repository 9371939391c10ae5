namespace Periscope.Prometheus;

/// <summary>A <c>Counter&lt;T&gt;</c> (type counter) or <c>UpDownCounter&lt;T&gt;</c> (type gauge): measurements add up.</summary>
internal sealed class SumFamily(string name, string? help, string type) : MetricFamily(name, help, type)
{
    private readonly SeriesMap<ValueSeries> series = new(static () => new ValueSeries());

    public override bool IsEmpty => series.IsEmpty;

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        series.Get(tags).Add(value);

    protected override void WriteSamples(PrometheusTextWriter writer)
    {
        foreach (var (labels, value) in series.Sorted())
        {
            writer.WriteSample(Name, labels.Rendered, value.Value);
        }
    }
}
