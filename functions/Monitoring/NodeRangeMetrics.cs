namespace Periscope.Functions.Monitoring;

/// <summary>The charts of one node (<c>metric=</c> of <c>GET /api/monitoring/nodes/{node}/range</c>) and the named queries behind each.</summary>
internal static class NodeRangeMetrics
{
    public static readonly IReadOnlyList<string> Names = ["cpu", "load", "memory", "filesystem", "disk", "network"];

    public static IReadOnlyList<(string Name, string Query)>? For(string metric, NodeQueries queries, string node) => metric switch
    {
        "cpu" => [("utilisationRatio", queries.CpuUtilisation(node))],
        "load" => [("load", queries.Load(node))],
        "memory" =>
        [
            ("usedBytes", queries.MemoryUsedBytes(node)),
            ("availableBytes", queries.MemoryAvailableBytes(node)),
            ("usedRatio", queries.MemoryUsedRatio(node)),
            ("swapUsedBytes", queries.SwapUsedBytes(node)),
        ],
        "filesystem" => [("usedRatio", queries.FilesystemUsedRatio(node))],
        "disk" =>
        [
            ("readsPerSecond", queries.DiskRate(NodeQueries.DiskCounters[0], node)),
            ("writesPerSecond", queries.DiskRate(NodeQueries.DiskCounters[1], node)),
            ("readBytesPerSecond", queries.DiskRate(NodeQueries.DiskCounters[2], node)),
            ("writtenBytesPerSecond", queries.DiskRate(NodeQueries.DiskCounters[3], node)),
        ],
        "network" =>
        [
            ("receiveBytesPerSecond", queries.NetworkRate(NodeQueries.NetworkCounters[0], node)),
            ("transmitBytesPerSecond", queries.NetworkRate(NodeQueries.NetworkCounters[1], node)),
            ("receiveErrorsPerSecond", queries.NetworkRate(NodeQueries.NetworkCounters[2], node)),
            ("transmitErrorsPerSecond", queries.NetworkRate(NodeQueries.NetworkCounters[3], node)),
            ("receiveDropsPerSecond", queries.NetworkRate(NodeQueries.NetworkCounters[4], node)),
            ("transmitDropsPerSecond", queries.NetworkRate(NodeQueries.NetworkCounters[5], node)),
        ],
        _ => null,
    };
}
