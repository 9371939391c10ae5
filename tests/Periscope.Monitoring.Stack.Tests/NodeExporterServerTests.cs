namespace Periscope.Monitoring.Stack.Tests;

public sealed class NodeExporterServerTests
{
    [Fact]
    public async Task StartAsync_MinimalCollectors_ServesNodeMetricsOnly()
    {
        await using var node = await NodeExporterServer.StartAsync();

        var metrics = await new HttpClient().GetStringAsync(node.MetricsAddress);

        Assert.Contains("node_cpu_seconds_total", metrics);
        Assert.Contains("node_memory_MemAvailable_bytes", metrics);
        Assert.Contains("node_load1", metrics);
        Assert.Contains("node_network_receive_bytes_total", metrics);
        Assert.Contains("node_scrape_collector_success{collector=\"filesystem\"}", metrics);
        Assert.DoesNotContain("collector=\"textfile\"", metrics);
        Assert.DoesNotContain("collector=\"systemd\"", metrics);
        Assert.Equal("127.0.0.1", node.BaseAddress.Host);
    }
}
