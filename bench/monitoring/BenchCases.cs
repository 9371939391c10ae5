namespace Periscope.Bench.Monitoring;

/// <summary>
/// The PromQL of functions/Monitoring's templates for a node_exporter job <c>node</c> and a 5 m rate window,
/// written out here so the direct side is exactly what the function sends (its query log shows the same text).
/// </summary>
internal static class BenchCases
{
    public static IReadOnlyList<BenchCase> Create(string node, long time)
    {
        var sel = $"job=\"node\", instance=\"{node}\"";
        var cpu = $"1 - avg by (instance) (sum without (mode) (rate(node_cpu_seconds_total{{{sel}, mode=~\"idle|iowait|steal\"}}[300000ms])))";
        var nodeQueries = new List<string>
        {
            cpu,
            $"count by (instance) (node_cpu_seconds_total{{{sel}, mode=\"idle\"}})",
            $"{{{sel}, __name__=~\"node_load(1|5|15)\"}}",
            $"{{{sel}, __name__=~\"node_memory_(MemTotal|MemAvailable|SwapTotal|SwapFree)_bytes\"}}",
            $"{{{sel}, fstype!=\"\", __name__=~\"node_filesystem_(size|avail)_bytes\"}}",
        };
        foreach (var counter in new[] { "node_disk_reads_completed_total", "node_disk_writes_completed_total", "node_disk_read_bytes_total", "node_disk_written_bytes_total" })
        {
            nodeQueries.Add($"rate({counter}{{{sel}, device=~\"(/dev/)?(mmcblk.p.+|nvme.+|rbd.+|sd.+|vd.+|xvd.+|dm-.+|md.+|dasd.+)\"}}[300000ms])");
        }

        foreach (var counter in new[] { "receive_bytes", "transmit_bytes", "receive_errs", "transmit_errs", "receive_drop", "transmit_drop" })
        {
            nodeQueries.Add($"rate(node_network_{counter}_total{{{sel}, device!=\"lo\"}}[300000ms])");
        }

        string Query(string promql) => $"api/v1/query?query={Uri.EscapeDataString(promql)}&time={time}&timeout=10000ms";
        var topQuery = $"topk(10, 1 - avg by (instance) (sum without (mode) (rate(node_cpu_seconds_total{{job=\"node\", mode=~\"idle|iowait|steal\"}}[300000ms]))))";
        var escapedNode = Uri.EscapeDataString(node);
        return
        [
            // The host's fixed cost: access check, routing and a 400 problem, no Prometheus query at all.
            new("host floor (no query; 400)", [], "api/monitoring/top?target=none"),
            new("top node cpu (1 query)", [Query(topQuery)], $"api/monitoring/top?target=node&metric=cpu&n=10&time={time}"),
            new(
                "node cpu range 1 h/15 s (1 query_range)",
                [$"api/v1/query_range?query={Uri.EscapeDataString(cpu)}&start={time - 3600}&end={time}&step=15&timeout=10000ms"],
                $"api/monitoring/nodes/{escapedNode}/range?metric=cpu&start={time - 3600}&end={time}&step=15"),
            new("node now (15 queries, concurrent)", nodeQueries.Select(Query).ToList(), $"api/monitoring/nodes/{escapedNode}?time={time}"),
        ];
    }
}
