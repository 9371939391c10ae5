namespace Periscope.Functions.Monitoring;

/// <summary>
/// The expressions <c>GET /api/monitoring/top</c> ranks with <c>topk</c>, by target and metric, and the unit of
/// each (nodes: CPU and memory as ratios, so nodes of different sizes compare; pods and containers: cores and bytes).
/// Network exists per pod, not per container, and restarts per container and pod, not per node.
/// </summary>
internal sealed class TopQueries(NodeQueries nodes, PodQueries pods)
{
    public static readonly IReadOnlyList<string> Targets = ["node", "pod", "container"];
    public static readonly IReadOnlyList<string> Metrics = ["cpu", "memory", "network", "restarts"];

    public (string Query, string Unit)? For(string target, string metric, string? @namespace)
    {
        var scope = new PodScope(@namespace);
        return (target, metric) switch
        {
            ("node", "cpu") => (nodes.CpuUtilisation(null), "ratio"),
            ("node", "memory") => (nodes.MemoryUsedRatio(null), "ratio"),
            ("node", "network") => (nodes.NetworkBytesPerSecond(null), "bytes_per_second"),
            ("pod", "cpu") => (pods.CpuCores(scope, PodQueries.ByPod), "cores"),
            ("pod", "memory") => (pods.MemoryWorkingSetBytes(scope, PodQueries.ByPod), "bytes"),
            ("pod", "network") => (pods.NetworkTotalBytesPerSecond(scope), "bytes_per_second"),
            ("pod", "restarts") => (pods.Restarts(scope, PodQueries.ByPod), "restarts"),
            ("container", "cpu") => (pods.CpuCores(scope, PodQueries.ByContainer), "cores"),
            ("container", "memory") => (pods.MemoryWorkingSetBytes(scope, PodQueries.ByContainer), "bytes"),
            ("container", "restarts") => (pods.Restarts(scope, PodQueries.ByContainer), "restarts"),
            _ => null,
        };
    }

    /// <summary><c>topk(n, expr)</c>; <paramref name="n"/> is validated, so it is a plain integer.</summary>
    public static string TopK(int n, string query) => $"topk({n}, {query})";
}
