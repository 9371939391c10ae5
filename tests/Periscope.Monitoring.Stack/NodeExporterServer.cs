namespace Periscope.Monitoring.Stack;

/// <summary>
/// prometheus-node-exporter on a free loopback port with the collectors that work unprivileged in a
/// container: cpu, meminfo, loadavg, filesystem, diskstats, netdev (no textfile, no systemd). The names
/// are those of node_exporter 1.5's <c>--collector.&lt;name&gt;</c> flags.
/// </summary>
public sealed class NodeExporterServer : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Collectors = ["cpu", "meminfo", "loadavg", "filesystem", "diskstats", "netdev"];

    private readonly StackProcess _process;

    private NodeExporterServer(StackProcess process) => _process = process;

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>http://127.0.0.1:port/metrics, the scrape target.</summary>
    public Uri MetricsAddress => new(BaseAddress, "metrics");

    /// <summary>The last lines node_exporter wrote.</summary>
    public string Output => _process.Output;

    public static async Task<NodeExporterServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var binary = StackBinaries.Require(StackBinaries.NodeExporter, "prometheus-node-exporter");
        var process = await StackProcess.StartAsync(
            "prometheus-node-exporter",
            binary,
            port =>
            [
                $"--web.listen-address=127.0.0.1:{port}",
                "--collector.disable-defaults",
                .. Collectors.Select(collector => $"--collector.{collector}"),
            ],
            "metrics",
            TimeSpan.FromSeconds(20),
            cancellationToken);
        return new NodeExporterServer(process);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
