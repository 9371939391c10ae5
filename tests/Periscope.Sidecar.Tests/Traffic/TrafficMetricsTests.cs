using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Periscope.Prometheus;
using Periscope.Sidecar.Traffic;

namespace Periscope.Sidecar.Tests.Traffic;

public sealed class TrafficMetricsTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly PrometheusCollector collector;
    private readonly TrafficRecorder recorder;

    public TrafficMetricsTests()
    {
        var meters = services.GetRequiredService<IMeterFactory>();

        // Only this test's meters: other tests in the process create meters of the same name.
        collector = new PrometheusCollector(new PrometheusCollectorOptions
        {
            MeterNames = ["Periscope.Sidecar"],
            MeterFilter = meter => meter.Scope == meters,
            IncludeProcessMetrics = false,
        });
        recorder = new TrafficRecorder(maxInferredOperations: 1, new TrafficMetrics(meters, "orders"));
        recorder.UseDocument("""{"openapi": "3.0.0", "paths": {"/orders/{id}": {"get": {}}}}""", "application/json");
    }

    [Fact]
    public void Scrape_AfterRequests_ExposesPrometheusNamesAndLabels()
    {
        recorder.Record("GET", "/orders/42", 200, TimeSpan.FromMilliseconds(0.5), 0, 100);
        recorder.Record("GET", "/orders/43", 503, TimeSpan.FromMilliseconds(30), 7, 20);

        var text = collector.Scrape();

        const string labels = "app_id=\"orders\",method=\"GET\",operation=\"/orders/{id}\"";
        Assert.Contains("# TYPE periscope_sidecar_requests_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_requests_total{{{labels},status_class=\"2xx\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_requests_total{{{labels},status_class=\"5xx\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_request_errors_total{{{labels}}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE periscope_sidecar_request_duration_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_request_duration_seconds_bucket{{{labels},le=\"0.0005\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_request_duration_seconds_bucket{{{labels},le=\"0.025\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_request_duration_seconds_bucket{{{labels},le=\"0.05\"}} 2\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_request_duration_seconds_bucket{{{labels},le=\"10\"}} 2\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_request_duration_seconds_count{{{labels}}} 2\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_request_body_bytes_total{{{labels}}} 7\n", text, StringComparison.Ordinal);
        Assert.Contains($"periscope_sidecar_response_body_bytes_total{{{labels}}} 120\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/orders/42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Scrape_UndocumentedAndUnboundedPaths_TemplateOrUnattributedNeverRawPath()
    {
        recorder.Record("DELETE", "/legacy/items/8812", 204, TimeSpan.Zero, 0, 0);
        recorder.Record("GET", "/secret-user-alice/profile", 200, TimeSpan.Zero, 0, 0);
        recorder.Record("BREW", "/pot-of-tea", 418, TimeSpan.Zero, 0, 0);

        var text = collector.Scrape();

        Assert.Contains("periscope_sidecar_requests_total{app_id=\"orders\",method=\"DELETE\",operation=\"/legacy/items/{id}\",status_class=\"2xx\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("periscope_sidecar_requests_total{app_id=\"orders\",method=\"GET\",operation=\"unattributed\",status_class=\"2xx\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("periscope_sidecar_requests_total{app_id=\"orders\",method=\"OTHER\",operation=\"unattributed\",status_class=\"4xx\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8812", text, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BREW", text, StringComparison.Ordinal);
        Assert.DoesNotContain("tea", text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        collector.Dispose();
        services.Dispose();
    }
}
