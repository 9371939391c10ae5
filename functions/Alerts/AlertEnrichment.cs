namespace Periscope.Functions.Alerts;

/// <summary>What Periscope adds to an alert from its catalog (and, when a cluster is configured, the pod's status).</summary>
/// <param name="Namespace">The subject's namespace, from the alert's labels.</param>
/// <param name="AppId">The cataloged service behind the pod or operation, when one matches.</param>
/// <param name="Operations">Operation keys of that service the alert concerns (all of them when it names none).</param>
/// <param name="ContainerStatus">The container's state (Running, Waiting: CrashLoopBackOff, …) when known.</param>
/// <param name="RecentRestarts">The container's restart count when known.</param>
/// <param name="PortalUrl">A link to the subject in Periscope's portal, when <c>Alerts:PortalUrl</c> is set.</param>
/// <param name="PrometheusUrl">A link to the alert's expression in Prometheus, when known.</param>
internal sealed record AlertEnrichment(
    string? Namespace,
    string? AppId,
    IReadOnlyList<string> Operations,
    string? ContainerStatus,
    int? RecentRestarts,
    string? PortalUrl,
    string? PrometheusUrl)
{
    public static AlertEnrichment None { get; } = new(null, null, [], null, null, null, null);
}
