using Periscope.Kubernetes.Resources;

namespace Periscope.Functions.Alerts;

/// <summary>
/// One container's state and restart count, read from a pod's status as <c>kubectl get pod</c> reads it: the
/// waiting or terminated reason (CrashLoopBackOff, ImagePullBackOff, OOMKilled, Error, …) says more than the phase
/// (kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-states).
/// </summary>
internal static class PodContainerStatus
{
    /// <summary>The injected sidecar's container name (webhook/Injection/InjectionNames.SidecarContainer): never the alert's subject unless named.</summary>
    public const string SidecarContainer = "periscope-sidecar";

    /// <summary>
    /// The status of the container named <paramref name="container"/> (the alert's <c>container</c> label), else of the
    /// pod's first container in spec order that is not the sidecar. The kubelet lists containerStatuses sorted by name,
    /// not in spec order, so the spec decides which container is "first". Native sidecars and init containers are
    /// looked up only by name.
    /// </summary>
    public static (string? Status, int? Restarts) Describe(Pod pod, string? container)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var statuses = pod.Status?.ContainerStatuses ?? [];
        var status = container is { Length: > 0 }
            ? statuses.Concat(pod.Status?.InitContainerStatuses ?? []).FirstOrDefault(candidate => candidate.Name == container)
            : FirstAppContainer(pod, statuses);
        return status is null ? (null, null) : (State(status.State), status.RestartCount);
    }

    private static ContainerStatus? FirstAppContainer(Pod pod, List<ContainerStatus> statuses)
    {
        var name = pod.Spec?.Containers.Select(spec => spec.Name).FirstOrDefault(name => name != SidecarContainer);
        return name is not null
            ? statuses.FirstOrDefault(candidate => candidate.Name == name)
            : statuses.FirstOrDefault(candidate => candidate.Name != SidecarContainer);
    }

    /// <summary>"Running", "Waiting: CrashLoopBackOff", "Terminated: OOMKilled"; null when the kubelet has not reported one.</summary>
    private static string? State(ContainerState? state) => state switch
    {
        { Running: not null } => "Running",
        { Waiting: { } waiting } => WithReason("Waiting", waiting.Reason),
        { Terminated: { } terminated } => WithReason("Terminated", terminated.Reason),
        _ => null,
    };

    private static string WithReason(string state, string? reason) => string.IsNullOrEmpty(reason) ? state : $"{state}: {reason}";
}
