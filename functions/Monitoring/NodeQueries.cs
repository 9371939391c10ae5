using Microsoft.Extensions.Options;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// PromQL for node_exporter's metrics, one node or all, grouped by the node label
/// (<see cref="MonitoringOptions.NodeLabel"/>). The expressions and device filters are the node-mixin's
/// (prometheus/node_exporter, docs/node-mixin: rules.libsonnet, config.libsonnet), which kube-prometheus ships.
/// </summary>
internal sealed class NodeQueries(IOptions<MonitoringOptions> options)
{
    /// <summary>The node-mixin's <c>diskDeviceSelector</c>: real disks, not loop devices or partitions' views.</summary>
    public const string DiskDevices = "(/dev/)?(mmcblk.p.+|nvme.+|rbd.+|sd.+|vd.+|xvd.+|dm-.+|md.+|dasd.+)";

    /// <summary>node_exporter's disk counters, per device: <c>rate()</c> of each is a per-second figure.</summary>
    public static readonly IReadOnlyList<string> DiskCounters =
        ["node_disk_reads_completed_total", "node_disk_writes_completed_total", "node_disk_read_bytes_total", "node_disk_written_bytes_total"];

    /// <summary>node_exporter's network counters, per interface.</summary>
    public static readonly IReadOnlyList<string> NetworkCounters =
    [
        "node_network_receive_bytes_total", "node_network_transmit_bytes_total",
        "node_network_receive_errs_total", "node_network_transmit_errs_total",
        "node_network_receive_drop_total", "node_network_transmit_drop_total",
    ];

    private readonly MonitoringOptions settings = options.Value;

    public string NodeLabel => settings.NodeLabel;

    private string Window => PromQl.Duration(settings.RateWindow);

    /// <summary>
    /// The share of CPU time not idle, 0..1, averaged over the node's CPUs: the node-mixin's
    /// <c>instance:node_cpu_utilisation:rate5m</c>, which counts iowait and steal as idle.
    /// </summary>
    public string CpuUtilisation(string? node) =>
        $"1 - avg by ({NodeLabel}) (sum without (mode) (rate({Node("node_cpu_seconds_total", node).With(LabelMatcher.Matches("mode", "idle|iowait|steal"))}[{Window}])))";

    public string CpuCores(string? node) =>
        $"count by ({NodeLabel}) ({Node("node_cpu_seconds_total", node).With(LabelMatcher.Equal("mode", "idle"))})";

    /// <summary><c>node_load1</c>, <c>node_load5</c>, <c>node_load15</c> in one selector; the series keep their names.</summary>
    public string Load(string? node) =>
        Node("", node).With(LabelMatcher.Matches("__name__", "node_load(1|5|15)")).ToString();

    /// <summary>MemTotal, MemAvailable, SwapTotal, SwapFree (bytes) in one selector.</summary>
    public string Memory(string? node) =>
        Node("", node).With(LabelMatcher.Matches("__name__", "node_memory_(MemTotal|MemAvailable|SwapTotal|SwapFree)_bytes")).ToString();

    /// <summary>Used memory as the node-mixin counts it: total minus available (MemAvailable, Linux 3.14+).</summary>
    public string MemoryUsedBytes(string? node) =>
        $"{Node("node_memory_MemTotal_bytes", node)} - {Node("node_memory_MemAvailable_bytes", node)}";

    public string MemoryAvailableBytes(string? node) => Node("node_memory_MemAvailable_bytes", node).ToString();

    public string MemoryUsedRatio(string? node) =>
        $"1 - {Node("node_memory_MemAvailable_bytes", node)} / {Node("node_memory_MemTotal_bytes", node)}";

    public string SwapUsedBytes(string? node) =>
        $"{Node("node_memory_SwapTotal_bytes", node)} - {Node("node_memory_SwapFree_bytes", node)}";

    /// <summary>Size and available bytes of every real filesystem (the node-mixin's <c>fstype!=""</c>), or one mount point.</summary>
    public string Filesystems(string? node, string? mountPoint = null) =>
        Filesystem("", node, mountPoint).With(LabelMatcher.Matches("__name__", "node_filesystem_(size|avail)_bytes")).ToString();

    public string FilesystemUsedRatio(string? node, string? mountPoint = null) =>
        $"1 - {Filesystem("node_filesystem_avail_bytes", node, mountPoint)} / {Filesystem("node_filesystem_size_bytes", node, mountPoint)}";

    /// <summary>Per-second rate of one of <see cref="DiskCounters"/> per disk.</summary>
    public string DiskRate(string counter, string? node, string? device = null) =>
        $"rate({Node(counter, node).With(device is null ? LabelMatcher.Matches("device", DiskDevices) : LabelMatcher.Equal("device", device))}[{Window}])";

    /// <summary>Per-second rate of one of <see cref="NetworkCounters"/> per interface, loopback left out (node-mixin: <c>device!="lo"</c>).</summary>
    public string NetworkRate(string counter, string? node, string? device = null) =>
        $"rate({Node(counter, node).With(device is null ? LabelMatcher.NotEqual("device", "lo") : LabelMatcher.Equal("device", device))}[{Window}])";

    /// <summary>Receive plus transmit bytes per second, all interfaces but loopback, per node.</summary>
    public string NetworkBytesPerSecond(string? node) =>
        $"sum by ({NodeLabel}) ({NetworkRate("node_network_receive_bytes_total", node)}) + sum by ({NodeLabel}) ({NetworkRate("node_network_transmit_bytes_total", node)})";

    private Selector Filesystem(string metric, string? node, string? mountPoint) =>
        Node(metric, node).With(LabelMatcher.NotEqual("fstype", ""), mountPoint is null ? null : LabelMatcher.Equal("mountpoint", mountPoint));

    private Selector Node(string metric, string? node) =>
        Selector.For(
            metric,
            settings.NodeExporterJob.Length == 0 ? null : LabelMatcher.Equal("job", settings.NodeExporterJob),
            node is null ? null : LabelMatcher.Equal(NodeLabel, node));
}
