using Microsoft.Extensions.Options;

namespace Periscope.Functions.Monitoring;

/// <summary>
/// PromQL for pods and containers: cAdvisor's <c>container_*</c> series from the kubelet's <c>/metrics/cadvisor</c>
/// and kube-state-metrics' <c>kube_pod_*</c>, with the kubernetes-mixin's selectors
/// (kubernetes-monitoring/kubernetes-mixin, config.libsonnet <c>cadvisorSelector</c>, rules/apps.libsonnet):
/// <c>container!=""</c> and <c>image!=""</c> drop the pod-level cgroup and the pause container. Network series
/// exist per pod only (the pod shares one network namespace), so they are never filtered by container.
/// </summary>
internal sealed class PodQueries(IOptions<MonitoringOptions> options)
{
    public const string ByPod = "namespace, pod";
    public const string ByContainer = "namespace, pod, container";

    private readonly MonitoringOptions settings = options.Value;

    private string Window => PromQl.Duration(settings.RateWindow);

    /// <summary>CPU in cores (CPU-seconds per second).</summary>
    public string CpuCores(PodScope scope, string by) =>
        $"sum by ({by}) (rate({Container("container_cpu_usage_seconds_total", scope)}[{Window}]))";

    /// <summary>Working set bytes: what the kubelet compares with the memory limit for eviction and OOM.</summary>
    public string MemoryWorkingSetBytes(PodScope scope, string by) =>
        $"sum by ({by}) ({Container("container_memory_working_set_bytes", scope)})";

    public string FsReadBytesPerSecond(PodScope scope, string by) =>
        $"sum by ({by}) (rate({Container("container_fs_reads_bytes_total", scope)}[{Window}]))";

    public string FsWriteBytesPerSecond(PodScope scope, string by) =>
        $"sum by ({by}) (rate({Container("container_fs_writes_bytes_total", scope)}[{Window}]))";

    /// <summary>Per pod; <paramref name="counter"/> is <c>container_network_receive_bytes_total</c> or <c>..._transmit_...</c>.</summary>
    public string NetworkBytesPerSecond(string counter, PodScope scope) =>
        $"sum by ({ByPod}) (rate({Cadvisor(counter).With(scope.Matchers(withContainer: false))}[{Window}]))";

    public string NetworkTotalBytesPerSecond(PodScope scope) =>
        $"{NetworkBytesPerSecond("container_network_receive_bytes_total", scope)} + {NetworkBytesPerSecond("container_network_transmit_bytes_total", scope)}";

    public string Restarts(PodScope scope, string by) =>
        $"sum by ({by}) ({KubeState("kube_pod_container_status_restarts_total", scope)})";

    /// <summary>1 when the container passes its readiness probe, else 0.</summary>
    public string Ready(PodScope scope) => KubeState("kube_pod_container_status_ready", scope).ToString();

    /// <summary>The one current phase of each pod: its <c>phase</c> label, where the series is 1.</summary>
    public string Phase(PodScope scope) => $"{KubeState("kube_pod_status_phase", scope with { Container = null })} == 1";

    private Selector Container(string metric, PodScope scope) =>
        Cadvisor(metric).With(LabelMatcher.NotEqual("container", ""), LabelMatcher.NotEqual("image", "")).With(scope.Matchers());

    private Selector Cadvisor(string metric) =>
        Selector.For(
            metric,
            settings.KubeletJob.Length == 0 ? null : LabelMatcher.Equal("job", settings.KubeletJob),
            settings.KubeletJob.Length == 0 ? null : LabelMatcher.Equal("metrics_path", "/metrics/cadvisor"));

    private Selector KubeState(string metric, PodScope scope) =>
        Selector.For(metric, settings.KubeStateMetricsJob.Length == 0 ? null : LabelMatcher.Equal("job", settings.KubeStateMetricsJob))
            .With(scope.Matchers());
}
