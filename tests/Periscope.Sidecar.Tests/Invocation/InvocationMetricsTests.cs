using Microsoft.Extensions.DependencyInjection;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Periscope.Prometheus;
using Periscope.Sidecar.Invocation;

namespace Periscope.Sidecar.Tests.Invocation;

/// <summary>Invocation metrics as invocations through the Dapr port record them.</summary>
public sealed class InvocationMetricsTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> measurements = new();
    private EndpointsCatalog catalog = null!;
    private EchoApp orders = null!;
    private DaprPort dapr = null!;
    private MeterListener listener = null!;

    public async Task InitializeAsync()
    {
        catalog = await EndpointsCatalog.StartAsync();
        orders = await EchoApp.StartAsync("orders-0");
        catalog.List("shop", "orders", orders.Url);
        dapr = await DaprPort.StartAsync(InvocationOptions.For(catalog.Url));

        // Only this sidecar's meter: other tests run sidecars in parallel.
        var factory = dapr.Services.GetRequiredService<IMeterFactory>();
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Meter.Name == InvocationMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    public async Task DisposeAsync()
    {
        listener.Dispose();
        await dapr.DisposeAsync();
        await orders.DisposeAsync();
        await catalog.DisposeAsync();
    }

    [Fact]
    public async Task Record_SuccessfulGet_CountAndDurationByTargetMethodAndStatusClass()
    {
        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders/method/api/orders/42", UriKind.Relative));
        await RecordedAsync(2);

        var expected = new Dictionary<string, string?>
        {
            ["target_app_id"] = "orders",
            ["target_namespace"] = "shop",
            ["method"] = "GET",
            ["status_class"] = "2xx",
        };
        var count = Assert.Single(measurements, m => m.Instrument == "periscope.sidecar.invocations");
        Assert.Equal(1d, count.Value);
        Assert.Equal(expected, count.Tags);
        var duration = Assert.Single(measurements, m => m.Instrument == "periscope.sidecar.invocation.duration");
        Assert.Equal(expected, duration.Tags);
        Assert.InRange(duration.Value, 0, 10);
    }

    [Fact]
    public async Task Record_UnknownAppIdAndOddMethod_BoundedLabels()
    {
        using var unknown = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/nobody-1234/method/x", UriKind.Relative));
        using var odd = await dapr.Client.SendAsync(new HttpRequestMessage(new HttpMethod("BREW"), "/v1.0/invoke/orders/method/pot"));
        await RecordedAsync(4);

        var counts = measurements.Where(m => m.Instrument == "periscope.sidecar.invocations").Select(m => m.Tags).ToList();
        Assert.Contains(counts, tags => tags["target_app_id"] == "unknown" && tags["status_class"] == "4xx");
        Assert.Contains(counts, tags => tags["target_app_id"] == "orders" && tags["method"] == "_OTHER");
        Assert.DoesNotContain(counts, tags => tags.Values.Any(v => v!.Contains("nobody", StringComparison.Ordinal) || v.Contains('/', StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Record_Scraped_PrometheusConventionalNames()
    {
        var factory = dapr.Services.GetRequiredService<IMeterFactory>();
        using var collector = new PrometheusCollector(new PrometheusCollectorOptions
        {
            MeterNames = [InvocationMetrics.MeterName],
            MeterFilter = meter => meter.Scope == factory,
            IncludeProcessMetrics = false,
        });

        using var response = await dapr.Client.GetAsync(new Uri("/v1.0/invoke/orders/method/api/orders/42", UriKind.Relative));
        await RecordedAsync(2);
        var text = collector.Scrape();

        const string Labels = "method=\"GET\",status_class=\"2xx\",target_app_id=\"orders\",target_namespace=\"shop\"";
        Assert.Contains($"periscope_sidecar_invocations_total{{{Labels}}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_invocation_duration_seconds_count{{{Labels}}} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/orders", text, StringComparison.Ordinal);
    }

    /// <summary>Measurements are taken once the answer is complete, which may be just after the client has it.</summary>
    private async Task RecordedAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (measurements.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{measurements.Count} of {count} measurements recorded");
            await Task.Delay(10);
        }
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        measurements.Enqueue((instrument.Name, value, copy));
    }
}
