using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Functions.Calls;
using Periscope.Prometheus;

namespace Periscope.Functions.Tests.Calls;

/// <summary><see cref="CallRecordMetrics"/> on a meter factory of its own, read back as <c>/metrics</c> would show them.</summary>
internal sealed class MetricsProbe : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly PrometheusCollector _collector;

    public MetricsProbe()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _collector = new PrometheusCollector(new PrometheusCollectorOptions
        {
            MeterNames = ["Periscope.*"],
            MeterFilter = meter => ReferenceEquals(meter.Scope, factory),
            IncludeProcessMetrics = false,
        });
        Metrics = new CallRecordMetrics(factory);
    }

    public CallRecordMetrics Metrics { get; }

    /// <summary>The value of one series, such as <c>periscope_call_records_dropped_total{reason="queue_full"}</c>; 0 when absent.</summary>
    public double Value(string series)
    {
        var line = _collector.Scrape().Split('\n').FirstOrDefault(line => line.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _collector.Dispose();
        _services.Dispose();
    }
}
