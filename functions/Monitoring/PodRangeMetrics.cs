namespace Periscope.Functions.Monitoring;

/// <summary>The charts of one pod (<c>metric=</c> of <c>GET /api/monitoring/namespaces/{namespace}/pods/{pod}/range</c>): per container, network per pod.</summary>
internal static class PodRangeMetrics
{
    public static readonly IReadOnlyList<string> Names = ["cpu", "memory", "network", "fs", "restarts"];

    public static IReadOnlyList<(string Name, string Query)>? For(string metric, PodQueries queries, PodScope scope) => metric switch
    {
        "cpu" => [("cpuCores", queries.CpuCores(scope, PodQueries.ByContainer))],
        "memory" => [("memoryWorkingSetBytes", queries.MemoryWorkingSetBytes(scope, PodQueries.ByContainer))],
        "network" =>
        [
            ("receiveBytesPerSecond", queries.NetworkBytesPerSecond("container_network_receive_bytes_total", scope)),
            ("transmitBytesPerSecond", queries.NetworkBytesPerSecond("container_network_transmit_bytes_total", scope)),
        ],
        "fs" =>
        [
            ("fsReadBytesPerSecond", queries.FsReadBytesPerSecond(scope, PodQueries.ByContainer)),
            ("fsWriteBytesPerSecond", queries.FsWriteBytesPerSecond(scope, PodQueries.ByContainer)),
        ],
        "restarts" => [("restarts", queries.Restarts(scope, PodQueries.ByContainer))],
        _ => null,
    };
}
