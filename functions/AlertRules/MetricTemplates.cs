using static Periscope.Functions.AlertRules.AlertRuleVocabulary;

namespace Periscope.Functions.AlertRules;

/// <summary>
/// The PromQL each (target, metric) pair watches, the value compared with the threshold. Metric names are those a
/// kube-prometheus stack exposes: node_exporter (node-mixin's <c>node:node_cpu_utilisation</c> style ratios),
/// cAdvisor <c>container_*</c> through the kubelet, kube-state-metrics <c>kube_pod_*</c>, and the sidecar's
/// <c>periscope_sidecar_*</c> (sidecar/README.md, "Metrics"). Pod and container CPU and memory are ratios of the
/// container limits, as kubernetes-mixin's <c>KubeContainer…</c> alerts are: a container without a limit has no
/// series, so it never fires.
/// </summary>
internal static class MetricTemplates
{
    private const string Window = "5m";

    /// <summary>True when <paramref name="metric"/> is defined for <paramref name="target"/>.</summary>
    public static bool Supports(string target, string metric) =>
        Expression(target, metric, new SeriesMatchers([], []), AlertRuleRenderer.DefaultNodeLabel) is not null;

    /// <summary>The metrics <paramref name="target"/> has, for messages.</summary>
    public static IEnumerable<string> MetricsOf(string target) => Metrics.Where(metric => Supports(target, metric));

    /// <summary>The watched value's PromQL, or null for a pair that has none; nodes are grouped by <paramref name="nodeLabel"/>.</summary>
    public static string? Expression(string target, string metric, SeriesMatchers m, string nodeLabel) => (target, metric) switch
    {
        (Node, Cpu) => $"""1 - avg by ({nodeLabel}) (rate(node_cpu_seconds_total{m.Watched("mode=\"idle\"")}[{Window}]))""",
        (Node, Memory) => $"1 - node_memory_MemAvailable_bytes{m.Watched()} / node_memory_MemTotal_bytes{m.Watched()}",
        (Node, Disk) =>
            $"""1 - node_filesystem_avail_bytes{m.Watched("fstype!=\"\"", "mountpoint!=\"\"")} / node_filesystem_size_bytes{m.Watched("fstype!=\"\"", "mountpoint!=\"\"")}""",
        (Node, Network) =>
            $"""sum by ({nodeLabel}) (rate(node_network_receive_bytes_total{m.Watched("device!=\"lo\"")}[{Window}]) + rate(node_network_transmit_bytes_total{m.Watched("device!=\"lo\"")}[{Window}]))""",

        (Pod, Cpu) => Ratio("namespace, pod", CpuUsage(m), CpuLimit(m)),
        (Container, Cpu) => Ratio("namespace, pod, container", CpuUsage(m), CpuLimit(m)),
        (Pod, Memory) => Ratio("namespace, pod", MemoryUsage(m), MemoryLimit(m)),
        (Container, Memory) => Ratio("namespace, pod, container", MemoryUsage(m), MemoryLimit(m)),
        (Pod, Network) =>
            $"sum by (namespace, pod) (rate(container_network_receive_bytes_total{m.Watched()}[{Window}]) + rate(container_network_transmit_bytes_total{m.Watched()}[{Window}]))",
        (Pod, Restarts) => $"sum by (namespace, pod) (increase(kube_pod_container_status_restarts_total{m.Watched()}[1h]))",
        (Container, Restarts) => $"sum by (namespace, pod, container) (increase(kube_pod_container_status_restarts_total{m.Watched()}[1h]))",

        (Operation, ErrorRate) =>
            $"sum by (namespace, app_id, operation, method) (rate(periscope_sidecar_request_errors_total{m.Watched()}[{Window}])) / sum by (namespace, app_id, operation, method) (rate(periscope_sidecar_requests_total{m.Related()}[{Window}]))",
        (Operation, LatencyP99) =>
            $"histogram_quantile(0.99, sum by (namespace, app_id, operation, method, le) (rate(periscope_sidecar_request_duration_seconds_bucket{m.Watched()}[{Window}])))",
        _ => null,
    };

    /// <summary>The labels that name what fired, for the default summary (Go templates, prometheus.io alerting rules "Templating").</summary>
    public static string Subject(string target, string nodeLabel) => target switch
    {
        Node => $"{{{{ $labels.{nodeLabel} }}}}",
        Pod => "{{ $labels.namespace }}/{{ $labels.pod }}",
        Container => "{{ $labels.namespace }}/{{ $labels.pod }}/{{ $labels.container }}",
        Operation => "{{ $labels.namespace }}/{{ $labels.app_id }} {{ $labels.method }} {{ $labels.operation }}",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
    };

    /// <summary>The current value as a person reads it, in the metric's unit.</summary>
    public static string Value(string metric) => metric switch
    {
        Cpu or Memory or Disk or ErrorRate => "{{ $value | humanizePercentage }}",
        Network => "{{ $value | humanize1024 }}B/s",
        Restarts => "{{ $value }} restarts in the last hour",
        LatencyP99 => "{{ $value | humanizeDuration }}",
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };

    private static string Ratio(string by, string usage, string limit) => $"sum by ({by}) ({usage}) / sum by ({by}) ({limit})";

    private static string CpuUsage(SeriesMatchers m) =>
        $"""rate(container_cpu_usage_seconds_total{m.Watched("container!=\"\"", "image!=\"\"")}[{Window}])""";

    private static string CpuLimit(SeriesMatchers m) => $"""kube_pod_container_resource_limits{m.Related("resource=\"cpu\"")}""";

    private static string MemoryUsage(SeriesMatchers m) => $"""container_memory_working_set_bytes{m.Watched("container!=\"\"", "image!=\"\"")}""";

    private static string MemoryLimit(SeriesMatchers m) => $"""kube_pod_container_resource_limits{m.Related("resource=\"memory\"")}""";
}
