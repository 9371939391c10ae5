namespace Periscope.Functions.AlertRules;

/// <summary>The words a rule is written in: targets, metrics, which metric each target has, and the selector fields each target reads.</summary>
internal static class AlertRuleVocabulary
{
    public const string Node = "node";
    public const string Pod = "pod";
    public const string Container = "container";
    public const string Operation = "operation";

    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string Disk = "disk";
    public const string Network = "network";
    public const string Restarts = "restarts";
    public const string ErrorRate = "error-rate";
    public const string LatencyP99 = "latency-p99";

    public const string Above = ">";
    public const string Below = "<";
    public const string DefaultFor = "5m";

    public static IReadOnlyList<string> Targets { get; } = [Node, Pod, Container, Operation];

    public static IReadOnlyList<string> Metrics { get; } = [Cpu, Memory, Disk, Network, Restarts, ErrorRate, LatencyP99];

    public static IReadOnlyList<string> Severities { get; } = ["critical", "warning", "info"];

    /// <summary>
    /// Selector fields per target: the labels its metrics carry. node_exporter series name the node in
    /// <c>instance</c> (kube-prometheus relabels it to the node name); cAdvisor and kube-state-metrics series
    /// carry <c>namespace</c>, <c>pod</c>, <c>container</c>; the sidecar's carry <c>app_id</c> and <c>operation</c>
    /// (sidecar/README.md, "Metrics") plus the <c>namespace</c> Prometheus adds when it scrapes the pod.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> SelectorFields { get; } = new Dictionary<string, string[]>
    {
        [Node] = ["node", "labels"],
        [Pod] = ["namespace", "pod", "labels"],
        [Container] = ["namespace", "pod", "container", "labels"],
        [Operation] = ["namespace", "app", "operation", "labels"],
    };

    /// <summary>The unit a metric's threshold is in, for messages and the README.</summary>
    public static string UnitOf(string metric) => metric switch
    {
        Cpu or Memory or Disk or ErrorRate => "a ratio from 0 to 1",
        Network => "bytes per second",
        Restarts => "restarts in the last hour",
        LatencyP99 => "seconds",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    public static bool IsRatio(string metric) => metric is Cpu or Memory or Disk or ErrorRate;
}
