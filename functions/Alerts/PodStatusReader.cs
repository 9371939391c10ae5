using Periscope.Kubernetes.Client;
using Periscope.Kubernetes.Resources;

namespace Periscope.Functions.Alerts;

/// <summary>
/// Reads the pods alerts name from the Kubernetes API (<c>GET /api/v1/namespaces/{namespace}/pods/{name}</c>), for
/// <see cref="AlertEnricher"/> when <c>Alerts:UseKubernetes</c> is on. The reads run in parallel and at most
/// <see cref="MaxPods"/> per payload, so a storm costs the API server twenty GETs, not a thousand. Enrichment is a
/// nicety: any failure (404, 403, timeout, the server down) leaves that pod out and is logged at Debug only.
/// </summary>
internal sealed partial class PodStatusReader(KubernetesClient client, ILogger<PodStatusReader> logger)
{
    public const int MaxPods = 20;

    /// <summary>The pods found, by namespace and name; missing and unreadable pods are absent.</summary>
    public async Task<IReadOnlyDictionary<(string Namespace, string Pod), Pod>> ReadAsync(
        IReadOnlyCollection<(string Namespace, string Pod)> pods, CancellationToken cancellationToken)
    {
        if (pods.Count > MaxPods)
        {
            LogPodsSkipped(logger, pods.Count - MaxPods, MaxPods);
        }

        var reads = pods.Take(MaxPods).Select(async pod => (Key: pod, Pod: await TryReadAsync(pod.Namespace, pod.Pod, cancellationToken))).ToList();
        var found = new Dictionary<(string, string), Pod>();
        foreach (var (key, pod) in await Task.WhenAll(reads))
        {
            if (pod is not null)
            {
                found[key] = pod;
            }
        }

        return found;
    }

    private async Task<Pod?> TryReadAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            var pod = await client.TryGetAsync(KubernetesResources.Pods, name, @namespace, cancellationToken);
            if (pod is null)
            {
                LogPodMissing(logger, @namespace, name);
            }

            return pod;
        }
        catch (Exception exception)
        {
            // Cancellation too: past the enricher's budget the alert goes on without the pod's status.
            LogPodUnreadable(logger, exception, @namespace, name);
            return null;
        }
    }

    [LoggerMessage(EventId = 6102, Level = LogLevel.Debug, Message = "Pod {Namespace}/{Pod} named by an alert does not exist; no container status")]
    private static partial void LogPodMissing(ILogger logger, string @namespace, string pod);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Debug, Message = "Pod {Namespace}/{Pod} named by an alert could not be read; no container status")]
    private static partial void LogPodUnreadable(ILogger logger, Exception exception, string @namespace, string pod);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Debug, Message = "{Skipped} pod(s) of the payload beyond the first {MaxPods} are not read from the cluster")]
    private static partial void LogPodsSkipped(ILogger logger, int skipped, int maxPods);
}
