using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Periscope.Prometheus;

/// <summary>
/// Listens to <see cref="System.Diagnostics.Metrics"/> instruments of chosen meters, aggregates their
/// measurements in memory, and renders them in the Prometheus text exposition format 0.0.4.
/// </summary>
/// <remarks>
/// Mapping, per instrument kind: <c>Counter</c> → counter (<c>_total</c>); <c>UpDownCounter</c> → gauge of
/// the running sum; <c>ObservableCounter</c> → counter of the reported total; <c>ObservableGauge</c>,
/// <c>ObservableUpDownCounter</c> and <c>Gauge</c> → gauge of the last value; <c>Histogram</c> → histogram
/// with the instrument's advised bucket bounds, else <see cref="PrometheusCollectorOptions.DefaultHistogramBuckets"/>.
/// Names follow <see cref="PrometheusNaming"/>. Recording takes no lock: it finds the series without
/// allocating and updates it with interlocked operations; only scrapes serialise among themselves.
/// Instrument and meter tags are not exposed.
/// </remarks>
public sealed class PrometheusCollector : IDisposable
{
    /// <summary>The content type of the text format, for the <c>/metrics</c> response.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Instruments .NET 9 and 10 declare as <c>ObservableCounter</c> although their values fall (dotnet/runtime#112077,
    /// #126167, fixed for a later release by dotnet/runtime#126482): exposed as the gauges the semantic conventions
    /// define them as, so that <c>rate()</c> never reads a shorter queue as a counter reset.
    /// </summary>
    private static readonly HashSet<(string Meter, string Instrument)> FallingObservableCounters =
    [
        ("System.Runtime", "dotnet.thread_pool.queue.length"),
        ("System.Runtime", "dotnet.thread_pool.thread.count"),
    ];

    private readonly PrometheusCollectorOptions options;
    private readonly ConcurrentDictionary<string, MetricFamily> families = new(StringComparer.Ordinal);
    private readonly ProcessMetrics? process;
    private readonly Lock collectLock = new();
    private readonly MeterListener listener;

    /// <summary>Collects the meters named, with default options otherwise.</summary>
    public PrometheusCollector(params string[] meterNames)
        : this(new PrometheusCollectorOptions { MeterNames = meterNames })
    {
    }

    public PrometheusCollector(PrometheusCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        process = options.IncludeProcessMetrics ? new ProcessMetrics() : null;
        listener = new MeterListener { InstrumentPublished = OnInstrumentPublished };
        listener.SetMeasurementEventCallback<byte>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<short>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<decimal>(static (_, value, tags, state) => ((MetricFamily)state!).Record((double)value, tags));
        listener.Start();
    }

    /// <summary>Writes every family, ordered by name, then the process metrics.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (collectLock)
        {
            var ordered = families.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            foreach (var family in ordered)
            {
                family.BeginCollect();
            }

            listener.RecordObservableInstruments();
            var text = new PrometheusTextWriter(writer);
            foreach (var family in ordered)
            {
                family.Write(text);
            }

            process?.Write(text);
        }
    }

    /// <summary>The exposition as a string.</summary>
    public string Scrape()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(writer);
        return writer.ToString();
    }

    /// <summary>Writes the exposition, UTF-8 encoded, to <paramref name="destination"/>.</summary>
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        await destination.WriteAsync(Utf8.GetBytes(Scrape()), cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => listener.Dispose();

    private void OnInstrumentPublished(Instrument instrument, MeterListener meterListener)
    {
        if (!ShouldCollect(instrument.Meter))
        {
            return;
        }

        var candidate = CreateFamily(instrument);
        if (candidate is null)
        {
            return;
        }

        // A second instrument with the same exposed name joins the first family; one of another type
        // would make the exposition invalid, so it is left out.
        var family = families.GetOrAdd(candidate.Name, candidate);
        if (family.Type == candidate.Type && family.GetType() == candidate.GetType())
        {
            meterListener.EnableMeasurementEvents(instrument, family);
        }
    }

    private bool ShouldCollect(Meter meter)
    {
        var named = options.MeterNames.Any(name => name.EndsWith('*')
            ? meter.Name.StartsWith(name[..^1], StringComparison.Ordinal)
            : string.Equals(meter.Name, name, StringComparison.Ordinal));
        return named && (options.MeterFilter?.Invoke(meter) ?? true);
    }

    private MetricFamily? CreateFamily(Instrument instrument)
    {
        var type = instrument.GetType();
        if (!type.IsGenericType)
        {
            return null;
        }

        var kind = type.GetGenericTypeDefinition();
        var help = instrument.Description;
        string Name(bool counter) => PrometheusNaming.MetricName(instrument.Name, instrument.Unit, counter);

        return kind switch
        {
            _ when kind == typeof(Counter<>) => new SumFamily(Name(true), help, "counter"),
            _ when kind == typeof(UpDownCounter<>) => new SumFamily(Name(false), help, "gauge"),
            _ when kind == typeof(ObservableCounter<>) && FallingObservableCounters.Contains((instrument.Meter.Name, instrument.Name)) =>
                new LastValueFamily(Name(false), help, "gauge", observable: true),
            _ when kind == typeof(ObservableCounter<>) => new LastValueFamily(Name(true), help, "counter", observable: true),
            _ when kind == typeof(ObservableUpDownCounter<>) => new LastValueFamily(Name(false), help, "gauge", observable: true),
            _ when kind == typeof(ObservableGauge<>) => new LastValueFamily(Name(false), help, "gauge", observable: true),
            _ when kind == typeof(Gauge<>) => new LastValueFamily(Name(false), help, "gauge", observable: false),
            _ when kind == typeof(Histogram<>) =>
                new HistogramFamily(Name(false), help, AdvisedBuckets(instrument) ?? options.DefaultHistogramBuckets),
            _ => null,
        };
    }

    private static IEnumerable<double>? AdvisedBuckets(Instrument instrument) => instrument switch
    {
        Instrument<double> i => i.Advice?.HistogramBucketBoundaries,
        Instrument<float> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<long> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<int> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<short> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<byte> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        Instrument<decimal> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b),
        _ => null,
    };
}
