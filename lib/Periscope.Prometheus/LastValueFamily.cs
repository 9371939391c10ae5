namespace Periscope.Prometheus;

/// <summary>
/// A <c>Gauge&lt;T&gt;</c>, or an observable instrument, whose measurements are the current value (an
/// observable counter reports its running total). Observable series are dropped before each collection,
/// so a tag set its callback stops reporting disappears instead of repeating a stale value.
/// </summary>
internal sealed class LastValueFamily(string name, string? help, string type, bool observable) : MetricFamily(name, help, type)
{
    private readonly SeriesMap<ValueSeries> series = new(static () => new ValueSeries());

    public override bool IsEmpty => series.IsEmpty;

    public override void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        series.Get(tags).Set(value);

    public override void BeginCollect()
    {
        if (observable)
        {
            series.Clear();
        }
    }

    protected override void WriteSamples(PrometheusTextWriter writer)
    {
        foreach (var (labels, value) in series.Sorted())
        {
            writer.WriteSample(Name, labels.Rendered, value.Value);
        }
    }
}
