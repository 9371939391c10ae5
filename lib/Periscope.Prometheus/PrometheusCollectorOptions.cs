using System.Diagnostics.Metrics;

namespace Periscope.Prometheus;

/// <summary>What a <see cref="PrometheusCollector"/> listens to and how it buckets histograms.</summary>
public sealed record PrometheusCollectorOptions
{
    /// <summary>
    /// Bucket upper bounds, in the instrument's unit, for a histogram whose instrument carries no
    /// <see cref="InstrumentAdvice{T}.HistogramBucketBoundaries"/>: the Prometheus client libraries'
    /// <c>DefBuckets</c> (.005 … 10), which suit request latencies in seconds.
    /// </summary>
    public static readonly IReadOnlyList<double> PrometheusDefaultBuckets =
        [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>
    /// Names of the meters to collect, compared ordinally. A name ending in <c>*</c> matches every meter
    /// whose name starts with what precedes it (<c>Periscope.*</c>), as OpenTelemetry's <c>AddMeter</c> does.
    /// Default: none.
    /// </summary>
    public IReadOnlyCollection<string> MeterNames { get; init; } = [];

    /// <summary>
    /// A further test a meter must pass, for example that its <see cref="Meter.Scope"/> is one
    /// dependency-injection container's <see cref="IMeterFactory"/>, so that two hosts in one process do
    /// not report each other's measurements. Default: none.
    /// </summary>
    public Func<Meter, bool>? MeterFilter { get; init; }

    /// <summary>Histogram bounds used when an instrument gives no advice. Default: <see cref="PrometheusDefaultBuckets"/>.</summary>
    public IReadOnlyList<double> DefaultHistogramBuckets { get; init; } = PrometheusDefaultBuckets;

    /// <summary>
    /// Whether to expose <c>process_cpu_seconds_total</c>, <c>process_resident_memory_bytes</c> and
    /// <c>process_start_time_seconds</c>, the standard process metrics of the Prometheus client libraries.
    /// Default: true.
    /// </summary>
    public bool IncludeProcessMetrics { get; init; } = true;
}
