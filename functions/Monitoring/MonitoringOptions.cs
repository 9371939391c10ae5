using System.ComponentModel.DataAnnotations;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// Configuration section <c>Monitoring</c>: where Prometheus is and which scrape jobs hold which metrics. The job
/// defaults are kube-prometheus's (node-exporter, kubelet, kube-state-metrics ServiceMonitors); an empty job
/// name drops the <c>job</c> matcher, for a local Prometheus whose jobs are named otherwise.
/// </summary>
internal sealed record MonitoringOptions : IValidatableObject
{
    public const string Section = "Monitoring";

    /// <summary>The Prometheus HTTP API's base URL. Default <c>http://127.0.0.1:9090/</c>; in a cluster, kube-prometheus's <c>http://prometheus-k8s.monitoring.svc:9090/</c>.</summary>
    public Uri PrometheusUrl { get; init; } = new("http://127.0.0.1:9090/");

    /// <summary>Longest wait for one query; also sent as the query's <c>timeout</c> parameter so Prometheus stops too. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent as <c>Authorization: Bearer</c> when set (a Prometheus behind kube-rbac-proxy or an authenticating proxy). Default none.</summary>
    public string? BearerToken { get; init; }

    /// <summary>The window of every <c>rate()</c>. Default 5 min, the kubernetes-mixin's and node-mixin's; at least four scrape intervals.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RateWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The label naming a node on node_exporter series. Default <c>instance</c>, which kube-prometheus relabels to the node name.</summary>
    public string NodeLabel { get; init; } = "instance";

    /// <summary>node_exporter's scrape job. Default <c>node-exporter</c>.</summary>
    public string NodeExporterJob { get; init; } = "node-exporter";

    /// <summary>The kubelet's scrape job, whose <c>/metrics/cadvisor</c> path has the <c>container_*</c> series. Default <c>kubelet</c>.</summary>
    public string KubeletJob { get; init; } = "kubelet";

    /// <summary>kube-state-metrics' scrape job. Default <c>kube-state-metrics</c>.</summary>
    public string KubeStateMetricsJob { get; init; } = "kube-state-metrics";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!PrometheusUrl.IsAbsoluteUri || PrometheusUrl.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"{Section}:PrometheusUrl must be an absolute http or https URL; got '{PrometheusUrl}'.");
        }

        if (!PromQl.IsLabelName(NodeLabel))
        {
            yield return new ValidationResult($"{Section}:NodeLabel must be a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*); got '{NodeLabel}'.");
        }

        foreach (var (name, job) in new[] { ("NodeExporterJob", NodeExporterJob), ("KubeletJob", KubeletJob), ("KubeStateMetricsJob", KubeStateMetricsJob) })
        {
            if (job is null || job.Any(char.IsControl))
            {
                yield return new ValidationResult($"{Section}:{name} must be a job name without control characters, or empty for no job matcher.");
            }
        }
    }
}
