namespace Periscope.Bench.Monitoring;

/// <summary>
/// The functions asked, all evaluated at one fixed time against the synthetic cluster of synthetic_cluster.py
/// (nodes node-00…, namespaces team-00…). The first case stops at a 400 before any query: the host's own cost.
/// </summary>
internal static class BenchCases
{
    public static IReadOnlyList<BenchCase> Create(string node, string @namespace, long time, int rangeMinutes, int step)
    {
        var range = $"start={time - rangeMinutes * 60}&end={time}&step={step}";
        return
        [
            new("host floor (400, no query)", "api/monitoring/top?target=none"),
            new("top 10 pods by cpu, whole cluster", $"api/monitoring/top?target=pod&metric=cpu&n=10&time={time}"),
            new("top 10 containers by memory, whole cluster", $"api/monitoring/top?target=container&metric=memory&n=10&time={time}"),
            new($"pods of one namespace ({@namespace})", $"api/monitoring/namespaces/{@namespace}/pods?time={time}"),
            new("all nodes, now", $"api/monitoring/nodes?time={time}"),
            new($"one node, now ({node})", $"api/monitoring/nodes/{node}?time={time}"),
            new($"one node cpu, {rangeMinutes} min range at {step} s", $"api/monitoring/nodes/{node}/range?metric=cpu&{range}"),
        ];
    }
}
