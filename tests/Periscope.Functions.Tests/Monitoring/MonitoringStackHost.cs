using System.Globalization;
using System.Text.Json;
using Periscope.Functions.Tests.Hosting;
using Periscope.Monitoring.Stack;

namespace Periscope.Functions.Tests.Monitoring;

/// <summary>
/// The real node_exporter and Prometheus (Debian's packages, 1 s scrapes, job <c>node</c>) and a functions host
/// whose <c>Monitoring</c> section points at that Prometheus, with a 15 s rate window: short enough that rates
/// exist after a few scrapes, long enough that scrapes lost while the machine is busy (a 1 s scrape times out
/// after 1 s) leave a rate. Ready once rates exist at every instant the tests ask about.
/// </summary>
public sealed class MonitoringStackHost : IAsyncLifetime
{
    public const string AdminKey = "monitoring-tests-bootstrap-key-0123456789";
    public const string Window = "15s";

    /// <summary>Ready once a rate exists this long ago: the tests ask about instants up to 5 s in the past.</summary>
    private static readonly TimeSpan RatesSince = TimeSpan.FromSeconds(6);

    private NodeExporterServer? nodeExporter;
    private PrometheusServer? prometheus;
    private FunctionsTestServer? server;

    public HttpClient Client { get; private set; } = new();

    public HttpClient Direct { get; private set; } = new();

    /// <summary>The node's name as the functions know it: the <c>instance</c> label, <c>127.0.0.1:port</c>.</summary>
    public string Node { get; private set; } = string.Empty;

    public Uri PrometheusAddress => prometheus!.BaseAddress;

    public async Task InitializeAsync()
    {
        nodeExporter = await NodeExporterServer.StartAsync();
        prometheus = await PrometheusServer.StartAsync(new PrometheusSetup { ScrapeTargets = [new ScrapeTarget("node", nodeExporter.MetricsAddress)] });
        Node = nodeExporter.MetricsAddress.Authority;
        Direct = new HttpClient { BaseAddress = prometheus.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await prometheus.WaitForTargetsUpAsync();
        await Eventually.TrueAsync(
            async () => (await QueryAsync($"rate(node_cpu_seconds_total[{Window}])", DateTimeOffset.UtcNow - RatesSince)).GetArrayLength() > 0,
            $"Prometheus has a rate of node_exporter's counters {RatesSince.TotalSeconds} s ago");
        server = await FunctionsTestServer.StartAsync(
        [
            "--Catalog:ReportToken=monitoring-tests-report-token-0123456789",
            $"--Access:BootstrapKey={AdminKey}",
            $"--Monitoring:PrometheusUrl={prometheus.BaseAddress}",
            "--Monitoring:NodeExporterJob=node",
            "--Monitoring:RateWindow=00:00:15",
        ]);
        Client = server.CreateClient(AdminKey);
    }

    /// <summary>Asks the real Prometheus directly at <paramref name="time"/>: the <c>result</c> array.</summary>
    public async Task<JsonElement> QueryAsync(string promql, DateTimeOffset time)
    {
        var at = (time.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
        using var response = await Direct.GetAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}&time={at}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{promql}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("data").GetProperty("result").Clone();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        Direct.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (prometheus is not null)
        {
            await prometheus.DisposeAsync();
        }

        if (nodeExporter is not null)
        {
            await nodeExporter.DisposeAsync();
        }
    }
}
